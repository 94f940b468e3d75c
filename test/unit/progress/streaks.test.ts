import * as assert from 'node:assert/strict';
import { UserFacingError } from '../../../src/core/errors';
import type { ProgressEvent } from '../../../src/core/progress/events';
import { computeStreak, LocalCalendar, streakReachedAt } from '../../../src/core/progress/streaks';

let nextId = 0;
function run(at: string): ProgressEvent {
	return { type: 'tests.run', exerciseId: 'a', concepts: ['loops'], passed: 1, failed: 0, durationMs: 10, id: `r${nextId++}`, at };
}
function submit(at: string): ProgressEvent {
	return { type: 'submission', exerciseId: 'a', concepts: ['loops'], passed: true, score: { passed: 1, total: 1 }, id: `s${nextId++}`, at };
}

/** One attempt at noon UTC on each given day of May 2024. */
function mayDays(...days: number[]): ProgressEvent[] {
	return days.map(day => run(`2024-05-${String(day).padStart(2, '0')}T12:00:00Z`));
}
const mayNoon = (day: number) => new Date(`2024-05-${String(day).padStart(2, '0')}T12:00:00Z`);
const utc = (events: ProgressEvent[], day: number) => computeStreak(events, { now: mayNoon(day), timeZone: 'UTC' });

describe('streaks', () => {
	it('counts consecutive active days and whether today is done', () => {
		const streak = utc(mayDays(1, 2, 3), 3);
		assert.equal(streak.current, 3);
		assert.equal(streak.longest, 3);
		assert.equal(streak.todayDone, true);
		assert.equal(streak.lastActiveDay, '2024-05-03');
		assert.equal(streak.graceUsed, false);
	});

	it('does not break the streak when today has no attempt yet', () => {
		const streak = utc(mayDays(1, 2, 3), 4);
		assert.equal(streak.current, 3);
		assert.equal(streak.todayDone, false);
	});

	it('counts only test runs and submissions, several a day as one day', () => {
		const events: ProgressEvent[] = [
			run('2024-05-01T08:00:00Z'),
			submit('2024-05-01T09:00:00Z'),
			{ type: 'hint.used', exerciseId: 'a', level: 1, source: 'authored', id: 'h', at: '2024-05-02T09:00:00Z' },
			{ type: 'tutor.turn', conversationId: 'c', mode: 'explain', id: 't', at: '2024-05-02T10:00:00Z' },
		];
		const streak = utc(events, 2);
		assert.deepEqual([...streak.activeDays], [['2024-05-01', 2]]);
		assert.equal(streak.current, 1);
		assert.equal(streak.todayDone, false);
	});

	it('bridges a single missed day and says the grace day is used', () => {
		const streak = utc(mayDays(1, 2, 4, 5), 5);
		assert.equal(streak.current, 4, 'the missed day is bridged but not counted');
		assert.equal(streak.graceUsed, true);
	});

	it('breaks the streak after two missed days in a row', () => {
		const streak = utc(mayDays(1, 2, 5), 5);
		assert.equal(streak.current, 1);
		assert.equal(streak.longest, 2);
		assert.equal(streak.graceUsed, false);
	});

	it('allows one grace day per 7 days', () => {
		assert.equal(utc(mayDays(1, 2, 4, 6), 6).current, 1, 'a second missed day 2 days after the first breaks it');
		assert.equal(utc(mayDays(1, 2, 4, 6), 6).longest, 3);
		const spaced = utc(mayDays(1, 3, 4, 5, 6, 7, 8, 10), 10);
		assert.equal(spaced.current, 8, 'grace days on May 2 and May 9 are 7 days apart');
		const weekLater = utc(mayDays(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 12);
		assert.equal(weekLater.current, 11);
		assert.equal(weekLater.graceUsed, false, 'the grace day of May 2 is more than a week ago');
	});

	it('keeps the streak alive while yesterday can still be a grace day', () => {
		const pending = utc(mayDays(1, 2, 3), 5);
		assert.equal(pending.current, 3);
		assert.equal(pending.graceUsed, true);
		assert.equal(pending.todayDone, false);
		assert.equal(utc(mayDays(1, 2, 3), 6).current, 0, 'two missed days end it');
		assert.equal(utc(mayDays(1, 2, 4), 6).current, 0, 'no second grace day within a week');
		assert.equal(utc(mayDays(1, 2, 4), 6).longest, 3);
	});

	it('counts days in the learner time zone', () => {
		// 23:30 in New York on May 10 is 03:30 on May 11 in UTC.
		const events = [run('2024-05-10T23:30:00-04:00')];
		const now = new Date('2024-05-11T14:00:00Z');
		assert.deepEqual([...computeStreak(events, { now, timeZone: 'America/New_York' }).activeDays.keys()], ['2024-05-10']);
		assert.deepEqual([...computeStreak(events, { now, timeZone: 'UTC' }).activeDays.keys()], ['2024-05-11']);
		assert.equal(computeStreak(events, { now, timeZone: 'America/New_York' }).todayDone, false);
		assert.equal(computeStreak(events, { now, timeZone: 'UTC' }).todayDone, true);
		// 00:30 on May 11 in Tokyo is still May 10 in UTC: two events a day apart in Tokyo, same day in UTC.
		const tokyo = [run('2024-05-10T10:00:00+09:00'), run('2024-05-11T00:30:00+09:00')];
		assert.equal(computeStreak(tokyo, { now, timeZone: 'Asia/Tokyo' }).current, 2);
		assert.equal(computeStreak(tokyo, { now, timeZone: 'UTC' }).current, 1);
	});

	/** An attempt at 00:30 and at 23:30 local time on each day, with the offset each had. */
	function aroundMidnight(days: readonly (readonly [day: string, morningOffset: string, eveningOffset: string])[]): ProgressEvent[] {
		return days.flatMap(([day, morning, evening]) => [run(`${day}T00:30:00${morning}`), run(`${day}T23:30:00${evening}`)]);
	}

	const dstCases = [
		{
			name: 'America/New_York, March (clocks go forward)',
			timeZone: 'America/New_York',
			days: [['2024-03-08', '-05:00', '-05:00'], ['2024-03-09', '-05:00', '-05:00'], ['2024-03-10', '-05:00', '-04:00'], ['2024-03-11', '-04:00', '-04:00'], ['2024-03-12', '-04:00', '-04:00']],
		},
		{
			name: 'America/New_York, November (clocks go back)',
			timeZone: 'America/New_York',
			days: [['2024-11-01', '-04:00', '-04:00'], ['2024-11-02', '-04:00', '-04:00'], ['2024-11-03', '-04:00', '-05:00'], ['2024-11-04', '-05:00', '-05:00'], ['2024-11-05', '-05:00', '-05:00']],
		},
		{
			name: 'Europe/Berlin, March',
			timeZone: 'Europe/Berlin',
			days: [['2024-03-29', '+01:00', '+01:00'], ['2024-03-30', '+01:00', '+01:00'], ['2024-03-31', '+01:00', '+02:00'], ['2024-04-01', '+02:00', '+02:00']],
		},
		{
			name: 'Europe/Berlin, October',
			timeZone: 'Europe/Berlin',
			days: [['2024-10-26', '+02:00', '+02:00'], ['2024-10-27', '+02:00', '+01:00'], ['2024-10-28', '+01:00', '+01:00']],
		},
	] as const;
	for (const { name, timeZone, days } of dstCases) {
		it(`keeps local days right across DST: ${name}`, () => {
			const events = aroundMidnight(days);
			const lastDay = days[days.length - 1][0];
			const streak = computeStreak(events, { now: new Date(`${lastDay}T12:00:00Z`), timeZone });
			assert.deepEqual([...streak.activeDays], days.map(([day]) => [day, 2]));
			assert.equal(streak.current, days.length);
			assert.equal(streak.graceUsed, false);
			assert.equal(streak.todayDone, true);
		});
	}

	it('maps instants right at the New York spring-forward gap', () => {
		const calendar = new LocalCalendar('America/New_York');
		assert.equal(calendar.day(Date.parse('2024-03-10T01:59:59-05:00')), '2024-03-10');
		assert.equal(calendar.day(Date.parse('2024-03-10T03:00:00-04:00')), '2024-03-10');
		assert.equal(calendar.day(Date.parse('2024-03-10T23:59:59-04:00')), '2024-03-10');
		assert.equal(calendar.day(Date.parse('2024-03-11T00:00:00-04:00')), '2024-03-11');
		assert.equal(calendar.day(Date.parse('2024-03-09T23:59:59-05:00')), '2024-03-09');
		assert.equal(new LocalCalendar('Asia/Kathmandu').day(Date.parse('2024-05-10T18:14:00Z')), '2024-05-10');
		assert.equal(new LocalCalendar('Asia/Kathmandu').day(Date.parse('2024-05-10T18:15:00Z')), '2024-05-11');
	});

	it('finds the event that first reached a streak length', () => {
		const events = mayDays(1, 2, 3, 5, 6, 7, 8);
		assert.equal(streakReachedAt(events, 'UTC', 7)?.id, events[6].id);
		assert.equal(streakReachedAt(events, 'UTC', 3)?.id, events[2].id);
		assert.equal(streakReachedAt(events, 'UTC', 8), undefined);
	});

	it('is empty without attempts', () => {
		const streak = utc([], 1);
		assert.equal(streak.current, 0);
		assert.equal(streak.longest, 0);
		assert.equal(streak.lastActiveDay, undefined);
		assert.equal(streak.todayDone, false);
	});

	it('rejects an unknown time zone with a sentence for the user', () => {
		assert.throws(() => computeStreak([], { now: new Date(), timeZone: 'Mars/Olympus' }), (error: unknown) => error instanceof UserFacingError && /Mars\/Olympus/.test(error.message));
	});
});
