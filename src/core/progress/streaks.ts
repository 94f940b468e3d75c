// Practice streaks: which local calendar days the learner really practised on (ran tests or
// submitted), counted in their IANA time zone, with one grace day a week so a single missed day
// does not wipe out a long streak. See docs/learning-model.md.

import { UserFacingError } from '../errors';
import { EventLog, Kind, type ProgressLog } from './bkt';
import type { ProgressEvent } from './events';

/** Two grace days must be at least this many days apart ("one grace day per week"). */
export const GRACE_SPACING_DAYS = 7;

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

export interface StreakOptions {
	readonly now: Date;
	/** IANA name, e.g. "Europe/Berlin". */
	readonly timeZone: string;
}

export interface Streak {
	/** Active days in the streak that is still alive today (0 when it is broken). */
	readonly current: number;
	/** Active days in the longest streak ever. */
	readonly longest: number;
	/** YYYY-MM-DD, in the learner's time zone. */
	readonly lastActiveDay?: string;
	/** The current streak bridged a missed day within the last 7 days, so missing another one ends it. */
	readonly graceUsed: boolean;
	/** The learner has practised today. */
	readonly todayDone: boolean;
	/** Attempts ('tests.run' and 'submission') per local day (YYYY-MM-DD). */
	readonly activeDays: ReadonlyMap<string, number>;
	/** Today's local day (YYYY-MM-DD). */
	readonly today: string;
	/** The time zone the days are counted in, so later computations (achievements) agree. */
	readonly timeZone: string;
}

/** The events that count as real practice for streaks and daily goals. */
export function isAttempt(event: ProgressEvent): event is Extract<ProgressEvent, { type: 'tests.run' | 'submission' }> {
	return event.type === 'tests.run' || event.type === 'submission';
}

/** isAttempt for an EventLog's `kinds[i]`. */
export function isAttemptKind(kind: number): boolean {
	return kind === Kind.TestsRun || kind === Kind.Failed || kind === Kind.Passed;
}

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export function dayKey(dayNumber: number): string {
	return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local calendar days of instants in one time zone. Formatting each instant with Intl costs a few
 * microseconds, too slow for 50,000 events, so the UTC offset is looked up once per UTC day; only
 * days with a DST change fall back to a lookup per quarter hour (modern offsets are whole quarter
 * hours, so local midnight never falls inside one).
 */
export class LocalCalendar {
	private readonly format: Intl.DateTimeFormat;
	/** Offset per UTC day; NaN when the offset changes during that day. */
	private readonly dayOffsets = new Map<number, number>();
	private readonly quarterOffsets = new Map<number, number>();
	private readonly keys = new Map<number, string>();

	constructor(readonly timeZone: string) {
		try {
			this.format = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
			});
		} catch (error) {
			throw new UserFacingError(`"${timeZone}" is not a time zone CodeMentor knows; use an IANA name such as Europe/Berlin.`, [], { cause: error });
		}
	}

	/** Local day number (days since 1970-01-01 in local time) of an instant. */
	dayNumber(ms: number): number {
		return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
	}

	/** Local YYYY-MM-DD of an instant. */
	day(ms: number): string {
		return this.key(this.dayNumber(ms));
	}

	key(dayNumber: number): string {
		let key = this.keys.get(dayNumber);
		if (key === undefined) {
			key = dayKey(dayNumber);
			this.keys.set(dayNumber, key);
		}
		return key;
	}

	/** Milliseconds to add to UTC to get local wall-clock time. */
	offsetAt(ms: number): number {
		const utcDay = Math.floor(ms / DAY_MS);
		let offset = this.dayOffsets.get(utcDay);
		if (offset === undefined) {
			const start = this.exactOffset(utcDay * DAY_MS);
			const end = this.exactOffset((utcDay + 1) * DAY_MS - 1000);
			offset = start === end ? start : NaN;
			this.dayOffsets.set(utcDay, offset);
		}
		if (!Number.isNaN(offset)) {
			return offset;
		}
		const quarter = Math.floor(ms / QUARTER_HOUR_MS);
		let exact = this.quarterOffsets.get(quarter);
		if (exact === undefined) {
			exact = this.exactOffset(quarter * QUARTER_HOUR_MS);
			this.quarterOffsets.set(quarter, exact);
		}
		return exact;
	}

	private exactOffset(ms: number): number {
		const whole = ms - (((ms % 1000) + 1000) % 1000);
		const parts: Record<string, number> = {};
		for (const part of this.format.formatToParts(whole)) {
			if (part.type !== 'literal') {
				parts[part.type] = Number(part.value);
			}
		}
		const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
		return asUtc - whole;
	}
}

interface RunState {
	/** Active days in the run so far. */
	length: number;
	lastDay: number;
	lastGrace: number;
}

/**
 * Walks sorted, distinct active day numbers and reports each day's run length. A gap of exactly
 * one missed day is bridged when the previous grace day of the run is at least
 * GRACE_SPACING_DAYS earlier; otherwise a gap starts a new run. Missed days never add to a length.
 */
function walkRuns(days: readonly number[], onDay?: (day: number, length: number) => boolean | void): { run?: RunState; longest: number } {
	let run: RunState | undefined;
	let longest = 0;
	for (const day of days) {
		if (run && day === run.lastDay + 1) {
			run.length++;
		} else if (run && day === run.lastDay + 2 && run.lastDay + 1 - run.lastGrace >= GRACE_SPACING_DAYS) {
			run.lastGrace = run.lastDay + 1;
			run.length++;
		} else {
			run = { length: 1, lastDay: day, lastGrace: -Infinity };
		}
		run.lastDay = day;
		longest = Math.max(longest, run.length);
		if (onDay?.(day, run.length)) {
			break;
		}
	}
	return { run, longest };
}

/** The log's calendar for a time zone, created once per log (it caches offsets and day keys). */
export function calendarOf(events: ProgressLog, timeZone: string): LocalCalendar {
	return EventLog.of(events).memo(`calendar:${timeZone}`, () => new LocalCalendar(timeZone));
}

/** The local day number of every event of the log (`result[i]` for `log.events[i]`). */
export function localDays(events: ProgressLog, timeZone: string): Int32Array {
	const log = EventLog.of(events);
	return log.memo(`days:${timeZone}`, () => {
		const calendar = calendarOf(log, timeZone);
		const days = new Int32Array(log.times.length);
		for (let i = 0; i < days.length; i++) {
			days[i] = calendar.dayNumber(log.times[i]);
		}
		return days;
	});
}

/** The learner's streak as of `now`. Today not being active yet never breaks it. */
export function computeStreak(events: ProgressLog, options: StreakOptions): Streak {
	const log = EventLog.of(events);
	const calendar = calendarOf(log, options.timeZone);
	const eventDays = localDays(log, options.timeZone);
	const counts = new Map<number, number>();
	// Days rarely change from one event to the next, so count runs of the same day before touching the map.
	let runDay = NaN;
	let runCount = 0;
	for (let i = 0; i < eventDays.length; i++) {
		if (isAttemptKind(log.kinds[i])) {
			if (eventDays[i] !== runDay) {
				if (runCount > 0) {
					counts.set(runDay, (counts.get(runDay) ?? 0) + runCount);
				}
				runDay = eventDays[i];
				runCount = 0;
			}
			runCount++;
		}
	}
	if (runCount > 0) {
		counts.set(runDay, (counts.get(runDay) ?? 0) + runCount);
	}
	const days = [...counts.keys()].sort((a, b) => a - b);
	const today = calendar.dayNumber(options.now.getTime());
	const { run, longest } = walkRuns(days);
	let current = 0;
	let graceUsed = false;
	if (run) {
		const lastGrace = run.lastGrace;
		if (run.lastDay >= today - 1) {
			current = run.length;
			graceUsed = lastGrace > today - GRACE_SPACING_DAYS;
		} else if (run.lastDay === today - 2 && today - 1 - lastGrace >= GRACE_SPACING_DAYS) {
			// Yesterday is missed but can still be bridged: the streak lives if the learner practises today.
			current = run.length;
			graceUsed = true;
		}
	}
	const activeDays = new Map<string, number>();
	for (const day of days) {
		activeDays.set(calendar.key(day), counts.get(day) ?? 0);
	}
	return {
		current,
		longest,
		...(run ? { lastActiveDay: calendar.key(run.lastDay) } : {}),
		graceUsed,
		todayDone: counts.has(today),
		activeDays,
		today: calendar.key(today),
		timeZone: calendar.timeZone,
	};
}

/**
 * The event that first brought a streak to `length` days: the first attempt on the day the run
 * reached it. Undefined when no streak ever got that long.
 */
export function streakReachedAt(events: ProgressLog, timeZone: string, length: number): ProgressEvent | undefined {
	const log = EventLog.of(events);
	const firstOfDay = log.memo(`firstAttempts:${timeZone}`, () => {
		const eventDays = localDays(log, timeZone);
		const first = new Map<number, ProgressEvent>();
		let previous = NaN;
		for (let i = 0; i < eventDays.length; i++) {
			const day = eventDays[i];
			if (day !== previous && isAttemptKind(log.kinds[i]) && !first.has(day)) {
				first.set(day, log.events[i]);
				previous = day;
			}
		}
		return first;
	});
	let reached: number | undefined;
	walkRuns([...firstOfDay.keys()].sort((a, b) => a - b), (day, runLength) => {
		if (runLength >= length) {
			reached = day;
			return true;
		}
		return false;
	});
	return reached === undefined ? undefined : firstOfDay.get(reached);
}
