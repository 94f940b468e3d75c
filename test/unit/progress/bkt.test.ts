import * as assert from 'node:assert/strict';
import {
	bktUpdate,
	chronological,
	creditFor,
	DEFAULT_BKT_PARAMS,
	masteryFromEvents,
	MASTERY_THRESHOLD,
	parseTimestamp,
	scoreSubmissions,
} from '../../../src/core/progress/bkt';
import type { ProgressEvent, ProgressEventData } from '../../../src/core/progress/events';

/** Events one minute apart from a fixed start, with ids e1, e2… */
function log(...data: ProgressEventData[]): ProgressEvent[] {
	const start = Date.parse('2024-05-01T10:00:00Z');
	return data.map((event, index) => ({ ...event, id: `e${index + 1}`, at: new Date(start + index * 60_000).toISOString() }));
}

const pass = (exerciseId: string, concepts: readonly string[] = ['loops']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: true, score: { passed: 3, total: 3 } });
const fail = (exerciseId: string, concepts: readonly string[] = ['loops']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: false, score: { passed: 1, total: 3 } });
const hint = (exerciseId: string | undefined, level: 1 | 2 | 3 | 4 | 5): ProgressEventData => ({ type: 'hint.used', exerciseId, level, source: 'authored' });
const started = (exerciseId: string): ProgressEventData => ({ type: 'exercise.started', exerciseId, concepts: ['loops'] });

const p = (events: ProgressEvent[], concept = 'loops') => masteryFromEvents(events).get(concept)?.p ?? DEFAULT_BKT_PARAMS.pInit;

describe('bkt: mastery per concept', () => {
	it('rises with every unaided success and reaches mastered after three', () => {
		const values = [0, 1, 2, 3].map(k => p(log(...Array.from({ length: k }, (_, i) => pass(`ex${i}`)))));
		assert.equal(values[0], DEFAULT_BKT_PARAMS.pInit);
		for (let k = 1; k < values.length; k++) {
			assert.ok(values[k] > values[k - 1], `success ${k} raised p (${values[k - 1]} → ${values[k]})`);
		}
		const afterTwo = masteryFromEvents(log(pass('a'), pass('b'))).get('loops')!;
		const afterThree = masteryFromEvents(log(pass('a'), pass('b'), pass('c'))).get('loops')!;
		assert.equal(afterTwo.mastered, false);
		assert.ok(afterTwo.p < MASTERY_THRESHOLD);
		assert.equal(afterThree.mastered, true);
		assert.ok(afterThree.p >= MASTERY_THRESHOLD);
		assert.equal(afterThree.masteredEventId, 'e3');
	});

	it('matches the textbook update for one correct observation', () => {
		// P(L|correct) = 0.2·0.9 / (0.2·0.9 + 0.8·0.2) = 0.529…, then + (1 − 0.529…)·0.15 = 0.6
		assert.ok(Math.abs(p(log(pass('a'))) - 0.6) < 1e-9);
		assert.ok(Math.abs(bktUpdate(0.2, true) - 0.6) < 1e-9);
	});

	it('raises less after hints, and the more hints the less', () => {
		const unaided = p(log(pass('a')));
		const byLevel = ([1, 2, 3, 4, 5] as const).map(level => p(log(hint('a', level), pass('a'))));
		assert.ok(byLevel[0] < unaided);
		for (let i = 1; i < byLevel.length; i++) {
			assert.ok(byLevel[i] < byLevel[i - 1], `level ${i + 1} earns less than level ${i}`);
		}
		assert.ok(byLevel[4] > DEFAULT_BKT_PARAMS.pInit, 'a pass after the last hint still counts a little');
	});

	it('counts only the highest hint level used on the exercise', () => {
		assert.equal(p(log(hint('a', 1), hint('a', 3), hint('a', 2), pass('a'))), p(log(hint('a', 3), pass('a'))));
	});

	it('gives almost no credit for a pass after viewing the solution', () => {
		const events = log({ type: 'solution.viewed', exerciseId: 'a' }, pass('a'));
		assert.ok(Math.abs(p(events) - DEFAULT_BKT_PARAMS.pInit) < 0.01);
		assert.equal(masteryFromEvents(events).get('loops')?.successes, 1, 'the pass is still counted as a success');
	});

	it('does not discount a pass for hints on another exercise or hints without an exercise', () => {
		assert.equal(p(log(hint('b', 5), hint(undefined, 5), pass('a'))), p(log(pass('a'))));
	});

	it('lowers p on a failure', () => {
		const before = p(log(pass('a')));
		assert.ok(p(log(pass('a'), fail('b'))) < before);
		assert.ok(p(log(fail('a'))) < DEFAULT_BKT_PARAMS.pInit, 'a first failure lowers the prior');
		assert.ok(bktUpdate(0.5, false) < 0.5);
	});

	it('counts repeated failures on one exercise as one observation until it passes', () => {
		assert.equal(p(log(fail('a'), fail('a'), fail('a'))), p(log(fail('a'))));
		const m = masteryFromEvents(log(fail('a'), fail('a'), pass('a'))).get('loops')!;
		assert.equal(m.attempts, 3);
		assert.equal(m.successes, 1);
		assert.equal(m.p, p(log(fail('a'), pass('a'))));
	});

	it('does not raise p when a passed exercise is resubmitted, until it is started again', () => {
		const once = p(log(pass('a')));
		assert.equal(p(log(pass('a'), pass('a'), pass('a'))), once);
		assert.equal(p(log(pass('a'), fail('a'))), once, 'breaking a passed solution is not evidence either');
		assert.ok(p(log(pass('a'), started('a'), pass('a'))) > once, 'a redo after restarting counts');
	});

	it('discounts a redo after the solution was viewed, but not the pass before it', () => {
		const events = log(pass('a'), { type: 'solution.viewed', exerciseId: 'a' }, started('a'), pass('a'));
		const scored = scoreSubmissions(events);
		assert.deepEqual(scored.map(s => [s.evidence, s.credit]), [['correct', 1], ['correct', 0]]);
		assert.equal(creditFor(0, true), 0);
	});

	it('updates every concept the exercise practises', () => {
		const mastery = masteryFromEvents(log(pass('a', ['loops', 'lists'])));
		assert.deepEqual([...mastery.keys()].sort(), ['lists', 'loops']);
		assert.equal(mastery.get('lists')?.p, mastery.get('loops')?.p);
	});

	it('treats test runs as practice, not evidence', () => {
		const events = log({ type: 'tests.run', exerciseId: 'a', concepts: ['recursion'], passed: 0, failed: 4, durationMs: 30 });
		const m = masteryFromEvents(events).get('recursion')!;
		assert.equal(m.p, DEFAULT_BKT_PARAMS.pInit);
		assert.equal(m.attempts, 0);
		assert.equal(m.lastPracticedAt, events[0].at);
	});

	it('orders events by time, whatever their offsets, and reads each id once', () => {
		const failFirst: ProgressEvent = { ...fail('a'), id: 'x', at: '2024-05-01T12:00:00+02:00' }; // 10:00Z
		const passLater: ProgressEvent = { ...pass('a'), id: 'y', at: '2024-05-01T10:30:00Z' };
		const inOrder = p([failFirst, passLater]);
		assert.equal(p([passLater, failFirst, passLater]), inOrder);
		assert.deepEqual(chronological([passLater, failFirst]).map(e => e.id), ['x', 'y']);
		assert.equal(masteryFromEvents([passLater, passLater]).get('loops')?.attempts, 1);
		assert.notEqual(p([passLater, { ...fail('b'), id: 'z', at: '2024-05-01T11:00:00Z' }]), inOrder, 'order changes the estimate');
	});

	it('keeps the last practice time', () => {
		const events = log(pass('a'), { type: 'tests.run', exerciseId: 'b', concepts: ['loops'], passed: 1, failed: 0, durationMs: 5 });
		assert.equal(masteryFromEvents(events).get('loops')?.lastPracticedAt, events[1].at);
	});

	it('parses timestamps exactly as Date.parse does', () => {
		const samples = [
			'2024-05-01T10:00:00Z',
			'2024-05-01T10:00:00.123Z',
			'2024-05-01T10:00:00.5+05:45',
			'2024-03-10T23:30:00-04:00',
			'2024-02-29T12:00:00+14:00',
			'1969-12-31T23:59:59.999Z',
			'2023-02-29T10:00:00Z',
			'2024-04-31T10:00:00Z',
			'2024-01-01T24:00:00Z',
			'2024-01-01T10:00:00+0530',
			'2024-01-01T10:00Z',
			'2024-01-01',
			'yesterday',
		];
		for (let ms = Date.parse('1990-01-01T00:00:00Z'); ms < Date.parse('2040-01-01T00:00:00Z'); ms += 7_654_321_987) {
			samples.push(new Date(ms).toISOString());
		}
		for (const sample of samples) {
			assert.deepEqual(parseTimestamp(sample), Date.parse(sample), sample);
		}
	});
});
