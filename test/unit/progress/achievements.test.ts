import * as assert from 'node:assert/strict';
import { ACHIEVEMENTS, achievementsFrom, type AchievementId } from '../../../src/core/progress/achievements';
import { masteryFromEvents } from '../../../src/core/progress/bkt';
import type { ProgressEvent, ProgressEventData } from '../../../src/core/progress/events';
import { computeStreak } from '../../../src/core/progress/streaks';

const DAY = 86_400_000;
const START = Date.parse('2024-05-01T09:00:00Z');

type Timed = readonly [dayOffset: number, data: ProgressEventData];
const isTimed = (item: ProgressEventData | Timed): item is Timed => Array.isArray(item);

/** Events an hour apart, or on the given day after START with `[dayOffset, data]`. */
function log(...items: (ProgressEventData | Timed)[]): ProgressEvent[] {
	return items.map((item, index) => {
		const [ms, data] = isTimed(item) ? [START + item[0] * DAY + index * 60_000, item[1]] : [START + index * 3_600_000, item];
		return { ...data, id: `e${index + 1}`, at: new Date(ms).toISOString() };
	});
}

const pass = (exerciseId: string, concepts: readonly string[] = ['loops']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: true, score: { passed: 2, total: 2 } });
const fail = (exerciseId: string, concepts: readonly string[] = ['loops']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: false, score: { passed: 0, total: 2 } });
const hint = (exerciseId: string): ProgressEventData => ({ type: 'hint.used', exerciseId, level: 2, source: 'model' });
const run: ProgressEventData = { type: 'tests.run', exerciseId: 'x', concepts: ['loops'], passed: 0, failed: 1, durationMs: 5 };

function earned(events: ProgressEvent[], now = new Date(Date.parse(events[events.length - 1]?.at ?? '2024-05-01T00:00:00Z') + 60_000)) {
	const streak = computeStreak(events, { now, timeZone: 'UTC' });
	return achievementsFrom(events, masteryFromEvents(events), streak);
}
const ids = (events: ProgressEvent[]) => earned(events).map(a => a.id);
const eventOf = (events: ProgressEvent[], id: AchievementId) => earned(events).find(a => a.id === id)?.eventId;

describe('achievements', () => {
	it('lists every achievement once with how to earn it', () => {
		const all = ACHIEVEMENTS.map(a => a.id);
		assert.equal(new Set(all).size, all.length);
		for (const id of ['first-pass', 'streak-7', 'streak-30', 'unaided-10', 'concept-mastered', 'concepts-5', 'comeback']) {
			assert.ok(all.includes(id as AchievementId), id);
		}
		for (const achievement of ACHIEVEMENTS) {
			assert.match(achievement.description, /^[A-Z].*\.$/);
		}
	});

	it('earns nothing from failures alone', () => {
		assert.deepEqual(ids(log(fail('a'), fail('b'), run)), []);
	});

	it('earns a first pass at the passing submission, with its time', () => {
		const events = log(fail('a'), pass('a'));
		const first = earned(events).find(a => a.id === 'first-pass');
		assert.equal(first?.eventId, 'e2');
		assert.equal(first?.earnedAt, events[1].at);
		assert.equal(first?.title, 'First pass');
	});

	it('earns first try only for an unaided pass on the first submission', () => {
		assert.ok(ids(log(pass('a'))).includes('first-try'));
		assert.ok(!ids(log(fail('a'), pass('a'))).includes('first-try'));
		assert.ok(!ids(log(hint('a'), pass('a'))).includes('first-try'));
	});

	it('earns persistence for a pass after three failed submissions of the exercise', () => {
		assert.equal(eventOf(log(fail('a'), fail('a'), fail('a'), pass('a')), 'persistence'), 'e4');
		assert.equal(eventOf(log(fail('a'), fail('b'), fail('a'), pass('a')), 'persistence'), undefined);
	});

	it('earns "on your own" with the tenth different exercise passed without hints', () => {
		const nine = Array.from({ length: 9 }, (_, i) => pass(`ex${i}`));
		assert.ok(!ids(log(...nine)).includes('unaided-10'));
		assert.ok(!ids(log(...nine, hint('ex9'), pass('ex9'))).includes('unaided-10'), 'a hint-aided pass does not count');
		assert.ok(!ids(log(...nine, pass('ex0'))).includes('unaided-10'), 'passing the same exercise twice counts once');
		assert.equal(eventOf(log(...nine, hint('ex9'), pass('ex9'), pass('ex10')), 'unaided-10'), 'e12');
	});

	it('earns streaks on the day they are reached', () => {
		const week = Array.from({ length: 7 }, (_, day) => [day, run] as const);
		assert.equal(eventOf(log(...week), 'streak-7'), 'e7');
		assert.equal(eventOf(log(...week.slice(0, 6)), 'streak-7'), undefined);
		const month = Array.from({ length: 30 }, (_, day) => [day, run] as const);
		const monthIds = ids(log(...month));
		assert.ok(monthIds.includes('streak-30') && monthIds.includes('streak-7'));
		assert.equal(eventOf(log(...month.slice(0, 29)), 'streak-30'), undefined);
	});

	it('keeps a streak achievement after the streak breaks', () => {
		const week = Array.from({ length: 7 }, (_, day) => [day, run] as const);
		const events = log(...week);
		const later = earned(events, new Date(START + 20 * DAY));
		assert.ok(later.some(a => a.id === 'streak-7'));
	});

	it('earns "mastered" when the first concept reaches mastery, and keeps it if mastery drops', () => {
		const events = log(pass('a'), pass('b'), pass('c'));
		assert.equal(eventOf(events, 'concept-mastered'), 'e3');
		assert.equal(eventOf(log(pass('a'), pass('b')), 'concept-mastered'), undefined);
		const dropped = log(pass('a'), pass('b'), pass('c'), fail('d'), fail('e'), fail('f'));
		assert.equal(masteryFromEvents(dropped).get('loops')?.mastered, false);
		assert.equal(eventOf(dropped, 'concept-mastered'), 'e3');
	});

	it('earns "five concepts" with the fifth concept mastered', () => {
		const concepts = ['loops', 'lists', 'strings', 'functions', 'recursion'];
		const events = log(...concepts.flatMap(concept => [pass(`${concept}1`, [concept]), pass(`${concept}2`, [concept]), pass(`${concept}3`, [concept])]));
		assert.equal(eventOf(events, 'concepts-5'), 'e15');
		assert.equal(eventOf(events.slice(0, 14), 'concepts-5'), undefined);
	});

	it('earns a comeback for practising after a week or more away', () => {
		assert.equal(eventOf(log([0, run], [8, run]), 'comeback'), 'e2');
		assert.equal(eventOf(log([0, run], [6, run]), 'comeback'), undefined);
		assert.equal(eventOf(log([0, run]), 'comeback'), undefined, 'the very first attempt is not a comeback');
	});

	it('lists achievements oldest first', () => {
		const events = log([0, pass('a')], [1, pass('b')], [2, pass('c')], [12, run]);
		const times = earned(events).map(a => Date.parse(a.earnedAt));
		assert.deepEqual(times, [...times].sort((a, b) => a - b));
		assert.deepEqual(ids(events), ['first-pass', 'first-try', 'concept-mastered', 'comeback']);
	});
});
