import * as assert from 'node:assert/strict';
import type { ExerciseSummary } from '../../../src/core/exercises/model';
import type { ConceptMastery } from '../../../src/core/progress/bkt';
import type { ProgressEvent, ProgressEventData } from '../../../src/core/progress/events';
import {
	type ExerciseProgressStatus,
	isDue,
	nextExercise,
	type NextExerciseInput,
	type ReviewItem,
	reviewIntervalDays,
	reviewQueueFromEvents,
} from '../../../src/core/progress/recommend';

const DAY = 86_400_000;
const START = Date.parse('2024-05-01T09:00:00Z');
const NOW = new Date('2024-06-01T12:00:00Z');

let nextId = 0;
function at(dayOffset: number, data: ProgressEventData): ProgressEvent {
	return { ...data, id: `e${nextId++}`, at: new Date(START + dayOffset * DAY).toISOString() };
}
const pass = (exerciseId: string, concepts: readonly string[] = ['recursion']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: true, score: { passed: 1, total: 1 } });
const fail = (exerciseId: string, concepts: readonly string[] = ['recursion']): ProgressEventData => ({ type: 'submission', exerciseId, concepts, passed: false, score: { passed: 0, total: 1 } });

function exercise(slug: string, extra: Partial<ExerciseSummary> = {}): ExerciseSummary {
	return { id: `builtin/${slug}`, sourceId: 'builtin', slug, title: slug, language: 'python', concepts: ['loops'], prerequisites: [], difficulty: 'easy', ...extra };
}

function known(p: number, extra: Partial<ConceptMastery> = {}): ConceptMastery {
	return { p, attempts: 3, successes: 2, mastered: p >= 0.95, lastPracticedAt: new Date(NOW.getTime() - 8 * DAY).toISOString(), ...extra };
}

function review(concept: string, dueInDays: number, extra: Partial<ReviewItem> = {}): ReviewItem {
	return { concept, step: 1, intervalDays: 3, lastReviewedAt: new Date(NOW.getTime() - 3 * DAY).toISOString(), dueAt: new Date(NOW.getTime() + dueInDays * DAY).toISOString(), reviews: 1, lapses: 0, ...extra };
}

function input(extra: Partial<NextExerciseInput>): NextExerciseInput {
	return { summaries: [], statuses: new Map(), mastery: new Map(), reviewQueue: [], now: NOW, ...extra };
}
const statuses = (entries: Record<string, ExerciseProgressStatus>) => new Map(Object.entries(entries).map(([slug, status]) => [`builtin/${slug}`, status]));

describe('recommend: review queue', () => {
	it('schedules the first review a day after the first pass', () => {
		const [item] = reviewQueueFromEvents([at(0, fail('a')), at(0.1, pass('a'))]);
		assert.equal(item.concept, 'recursion');
		assert.equal(item.intervalDays, 1);
		assert.equal(Date.parse(item.dueAt), START + 1.1 * DAY);
		assert.equal(isDue(item, new Date(START + 1.05 * DAY)), false);
		assert.equal(isDue(item, new Date(START + 1.1 * DAY)), true, 'due exactly at the review time');
	});

	it('grows the interval 1, 3, 7, 16, 35 days with reviews done when due', () => {
		const events: ProgressEvent[] = [];
		let day = 0;
		const intervals: number[] = [];
		for (let i = 0; i < 6; i++) {
			events.push(at(day, pass(`ex${i}`)));
			const [item] = reviewQueueFromEvents(events);
			intervals.push(item.intervalDays);
			day += item.intervalDays;
		}
		assert.deepEqual(intervals, [1, 3, 7, 16, 35, 77]);
		assert.ok(reviewIntervalDays(50) <= 180);
	});

	it('does not grow the interval for practice before the review is due', () => {
		const queue = reviewQueueFromEvents([at(0, pass('a')), at(0.5, pass('b')), at(0.7, pass('c'))]);
		assert.equal(queue[0].intervalDays, 1);
		assert.equal(Date.parse(queue[0].dueAt), START + 1.7 * DAY, 'rescheduled from the latest practice');
	});

	it('shrinks the interval after a failed review', () => {
		const events = [at(0, pass('a')), at(1, pass('b')), at(4, pass('c')), at(11, pass('d'))];
		assert.equal(reviewQueueFromEvents(events)[0].intervalDays, 16);
		const lapsed = reviewQueueFromEvents([...events, at(27, fail('e'))])[0];
		assert.equal(lapsed.intervalDays, 3);
		assert.equal(lapsed.lapses, 1);
		assert.equal(Date.parse(lapsed.dueAt), START + 30 * DAY);
	});

	it('treats a pass with heavy hints as a failed review', () => {
		const events = [at(0, pass('a')), at(1, pass('b')), at(4, pass('c')), at(11, { type: 'hint.used', exerciseId: 'd', level: 4, source: 'authored' }), at(11, pass('d'))];
		assert.equal(reviewQueueFromEvents(events)[0].intervalDays, 1);
	});

	it('has no review for a concept never passed', () => {
		assert.deepEqual(reviewQueueFromEvents([at(0, fail('a'))]), []);
	});
});

describe('recommend: next exercise', () => {
	it('prefers a due review and says why', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'] }), exercise('sum', { concepts: ['loops'] })];
		const pick = nextExercise(input({
			summaries,
			mastery: new Map([['recursion', known(0.8)], ['loops', known(0.3)]]),
			reviewQueue: [review('recursion', -1)],
		}));
		assert.equal(pick?.exercise.slug, 'fib');
		assert.equal(pick?.kind, 'review');
		assert.equal(pick?.reason, 'Recursion is due for review — you last practised it 8 days ago.');
	});

	it('ignores reviews that are not due yet', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'] }), exercise('sum', { concepts: ['loops'] })];
		const pick = nextExercise(input({ summaries, mastery: new Map([['recursion', known(0.8)], ['loops', known(0.3)]]), reviewQueue: [review('recursion', 2)] }));
		assert.equal(pick?.exercise.slug, 'sum');
	});

	it('reviews with an exercise not yet passed when there is one, else a passed one', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'] }), exercise('hanoi', { concepts: ['recursion'] })];
		const base = { summaries, mastery: new Map([['recursion', known(0.8)]]), reviewQueue: [review('recursion', 0)] };
		assert.equal(nextExercise(input({ ...base, statuses: statuses({ fib: 'passed' }) }))?.exercise.slug, 'hanoi');
		assert.equal(nextExercise(input({ ...base, statuses: statuses({ fib: 'passed', hanoi: 'passed' }) }))?.exercise.slug, 'fib');
	});

	it('picks the most overdue review first', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'] }), exercise('sum', { concepts: ['loops'] })];
		const pick = nextExercise(input({ summaries, mastery: new Map([['recursion', known(0.8)], ['loops', known(0.8)]]), reviewQueue: [review('recursion', -1), review('loops', -5)] }));
		assert.equal(pick?.exercise.slug, 'sum');
	});

	it('otherwise strengthens the weakest practised concept not yet mastered', () => {
		const summaries = [exercise('a', { concepts: ['loops'] }), exercise('b', { concepts: ['strings'] }), exercise('c', { concepts: ['lists'] }), exercise('d', { concepts: ['dicts'] })];
		const mastery = new Map([['loops', known(0.97)], ['strings', known(0.3)], ['lists', known(0.5)]]);
		const pick = nextExercise(input({ summaries, mastery }));
		assert.equal(pick?.exercise.slug, 'b');
		assert.equal(pick?.kind, 'strengthen');
		assert.match(pick!.reason, /strings.*30%/);
	});

	it('never picks a passed exercise outside a review', () => {
		const summaries = [exercise('a', { concepts: ['loops'] }), exercise('b', { concepts: ['loops'] })];
		const mastery = new Map([['loops', known(0.4)]]);
		assert.equal(nextExercise(input({ summaries, mastery, statuses: statuses({ a: 'passed' }) }))?.exercise.slug, 'b');
		assert.equal(nextExercise(input({ summaries, mastery, statuses: statuses({ a: 'passed', b: 'passed' }) })), undefined);
	});

	it('then introduces a new concept whose prerequisites are mastered enough', () => {
		const summaries = [exercise('sum', { concepts: ['loops'] }), exercise('fib', { concepts: ['recursion'], prerequisites: ['functions'] }), exercise('def', { concepts: ['functions'] })];
		const done = statuses({ sum: 'passed', def: 'passed' });
		const ready = nextExercise(input({ summaries, statuses: done, mastery: new Map([['loops', known(0.97)], ['functions', known(0.7)]]) }));
		assert.equal(ready?.exercise.slug, 'fib');
		assert.equal(ready?.kind, 'new');
		assert.equal(ready?.reason, 'Time for a new concept: Recursion. You know functions well enough to start.');
	});

	it('makes an exercise wait while a prerequisite is weak or never practised', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'], prerequisites: ['functions'] }), exercise('def', { concepts: ['functions'] })];
		assert.equal(nextExercise(input({ summaries, mastery: new Map([['functions', known(0.5)]]) }))?.exercise.slug, 'def');
		assert.equal(nextExercise(input({ summaries }))?.exercise.slug, 'def');
		assert.equal(nextExercise(input({ summaries, statuses: statuses({ def: 'passed' }), mastery: new Map([['functions', known(0.5)]]) })), undefined);
	});

	it('does not hold back an exercise for a prerequisite nothing here teaches', () => {
		const summaries = [exercise('fib', { concepts: ['recursion'], prerequisites: ['big-o'] })];
		assert.equal(nextExercise(input({ summaries }))?.exercise.slug, 'fib');
	});

	it('keeps to the preferred languages, and falls back when none match', () => {
		const summaries = [exercise('a-js', { language: 'javascript' }), exercise('b-py', { language: 'python' })];
		assert.equal(nextExercise(input({ summaries, profile: { languages: ['JavaScript'] } }))?.exercise.slug, 'a-js');
		assert.equal(nextExercise(input({ summaries, profile: { languages: ['python'] } }))?.exercise.slug, 'b-py');
		assert.ok(nextExercise(input({ summaries, profile: { languages: ['rust'] } })));
	});

	it('matches difficulty to the learner level', () => {
		const summaries = [exercise('hard', { difficulty: 'hard' }), exercise('easy', { difficulty: 'easy' }), exercise('medium', { difficulty: 'medium' })];
		assert.equal(nextExercise(input({ summaries, profile: { level: 'beginner' } }))?.exercise.slug, 'easy');
		assert.equal(nextExercise(input({ summaries, profile: { level: 'advanced' } }))?.exercise.slug, 'medium');
		assert.equal(nextExercise(input({ summaries: summaries.filter(s => s.slug !== 'medium'), profile: { level: 'advanced' } }))?.exercise.slug, 'hard');
	});

	it('accepts status names with hyphens or underscores', () => {
		const summaries = [exercise('a'), exercise('b')];
		const hyphen = nextExercise(input({ summaries, statuses: statuses({ a: 'not-started', b: 'in-progress' }) }));
		const underscore = nextExercise(input({ summaries, statuses: statuses({ a: 'not_started', b: 'in_progress' }) }));
		assert.equal(hyphen?.exercise.slug, 'b', 'continues the exercise in progress');
		assert.equal(underscore?.exercise.slug, 'b');
	});
});
