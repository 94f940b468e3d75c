// Bayesian Knowledge Tracing: each concept's mastery estimate, folded from the learner's graded
// submissions, with hints and viewed solutions discounting the credit of a success. Also owns the
// evidence rules every other progress module reuses (`scoreSubmissions`) and the time ordering of
// an event log (`EventLog`). See docs/learning-model.md.

import type { ProgressEvent } from './events';

/**
 * The four BKT parameters (Corbett & Anderson, 1995). The defaults sit inside the ranges usually
 * fitted for programming and maths tutors (P(L0) 0.1–0.3, P(T) 0.1–0.3, P(S) ≈ 0.1, P(G) 0.2–0.3).
 */
export interface BktParams {
	/** P(L0): the learner already knows the concept before practising it. */
	readonly pInit: number;
	/** P(T): the learner learns the concept at one practice opportunity. */
	readonly pTransit: number;
	/** P(S): a learner who knows the concept still fails (a slip). */
	readonly pSlip: number;
	/** P(G): a learner who does not know the concept still passes (tinkering until the tests go green). */
	readonly pGuess: number;
}

export const DEFAULT_BKT_PARAMS: BktParams = { pInit: 0.2, pTransit: 0.15, pSlip: 0.1, pGuess: 0.2 };

/** P(L) at which a concept counts as mastered (the usual BKT cut-off). */
export const MASTERY_THRESHOLD = 0.95;

/**
 * Credit of a success after hint level n (index n; 0 = no hint). Levels are cumulative (level 3
 * means levels 1–2 were seen too), so the highest level used counts. Level 5 is close to the answer.
 */
export const HINT_CREDIT: readonly number[] = [1, 0.8, 0.6, 0.4, 0.2, 0.1];

/** Credit of a success after the reference solution of that exercise was viewed. */
export const SOLUTION_CREDIT = 0;

export interface ConceptMastery {
	/** P(L): the probability the learner knows the concept now. */
	readonly p: number;
	/** Graded submissions of exercises that practise the concept. */
	readonly attempts: number;
	/** Of those, the passing ones. */
	readonly successes: number;
	/** `at` of the latest submission or test run that practised the concept. */
	readonly lastPracticedAt?: string;
	readonly mastered: boolean;
	/** `at` and id of the event with which p first reached the threshold (kept if p drops again). */
	readonly masteredAt?: string;
	readonly masteredEventId?: string;
}

export type Evidence = 'correct' | 'incorrect' | 'none';

export interface ScoredSubmission {
	readonly event: Extract<ProgressEvent, { type: 'submission' }>;
	/** Milliseconds since the epoch of `event.at`. */
	readonly time: number;
	/** Position of the event in its EventLog. */
	readonly index: number;
	/** A small number per exercise id (0, 1, 2… in order of appearance), for counting without string keys. */
	readonly exerciseIndex: number;
	/** What the submission tells BKT; see `scoreSubmissions`. */
	readonly evidence: Evidence;
	/** For a pass: the share of a correct observation it is worth (1 unaided … 0 solution viewed). */
	readonly credit: number;
	/** Highest hint level used on this exercise since its previous pass (0 = none). */
	readonly hintLevel: number;
	readonly solutionViewed: boolean;
	/** The first submission ever of this exercise. */
	readonly first: boolean;
	/** Failed submissions of this exercise since its previous pass. */
	readonly failuresBefore: number;
}

/** Event kinds as small numbers, so passes over a long log can skip events without touching them. */
export const Kind = { Other: 0, TestsRun: 1, Failed: 2, Passed: 3, Hint: 4, Solution: 5, Started: 6 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

function twoDigits(text: string, at: number): number {
	const high = text.charCodeAt(at) - 48;
	const low = text.charCodeAt(at + 1) - 48;
	return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : NaN;
}

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp, NaN when unparseable: the same result as
 * Date.parse, several times faster for the `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` form events use
 * (parsing is most of the cost of reading a long log); anything else goes to Date.parse.
 */
export function parseTimestamp(text: string): number {
	const c = (at: number) => text.charCodeAt(at);
	if (text.length < 20 || c(4) !== 45 || c(7) !== 45 || c(10) !== 84 || c(13) !== 58 || c(16) !== 58) {
		return Date.parse(text);
	}
	const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	const hour = twoDigits(text, 11);
	const minute = twoDigits(text, 14);
	const second = twoDigits(text, 17);
	let at = 19;
	let millis = 0;
	if (c(at) === 46) {
		at++;
		let scale = 100;
		while (at < text.length && c(at) >= 48 && c(at) <= 57) {
			millis += (c(at) - 48) * scale;
			scale /= 10;
			at++;
		}
		millis = Math.floor(millis);
	}
	let offset = 0;
	const sign = c(at);
	if (sign === 90 && at + 1 === text.length) {
		offset = 0;
	} else if ((sign === 43 || sign === 45) && at + 6 === text.length && c(at + 3) === 58) {
		offset = (sign === 43 ? 1 : -1) * (twoDigits(text, at + 1) * 60 + twoDigits(text, at + 4)) * 60_000;
	} else {
		return Date.parse(text);
	}
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const monthLength = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
	// Comparisons with NaN are false, so a non-digit anywhere also lands here.
	if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength && hour <= 23 && minute <= 59 && second <= 59 && !Number.isNaN(offset))) {
		return Date.parse(text);
	}
	// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms").
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	const days = era * 146_097 + dayOfEra - 719_468;
	return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offset;
}

function kindOf(event: ProgressEvent): Kind {
	switch (event.type) {
		case 'tests.run':
			return Kind.TestsRun;
		case 'submission':
			return event.passed ? Kind.Passed : Kind.Failed;
		case 'hint.used':
			return Kind.Hint;
		case 'solution.viewed':
			return Kind.Solution;
		case 'exercise.started':
			return Kind.Started;
		default:
			return Kind.Other;
	}
}

/**
 * A progress log in time order with each `at` parsed once and each event's kind in a typed array,
 * plus a memo so the modules that derive from the same log (mastery, streaks, achievements,
 * reviews) share work. Every function here takes a plain event array or an EventLog; the summary
 * builds one EventLog for all of them. (Events parsed from JSON have many shapes, so reading a
 * property of each is far slower than reading `kinds[i]`.)
 */
export class EventLog {
	private readonly memos = new Map<string, unknown>();

	private constructor(
		/** Oldest first, each id once, events with an unparseable `at` left out. */
		readonly events: readonly ProgressEvent[],
		/** `times[i]`: milliseconds since the epoch of `events[i]`. */
		readonly times: Float64Array,
		/** `kinds[i]`: the Kind of `events[i]`. */
		readonly kinds: Uint8Array,
	) {}

	/**
	 * Logs merged from two machines interleave, and `at` strings with different offsets do not sort
	 * as text, so order by parsed time (stably: same-instant events keep their logged order).
	 */
	static of(source: ProgressLog): EventLog {
		if (source instanceof EventLog) {
			return source;
		}
		const n = source.length;
		const parsed = new Float64Array(n);
		const parsedKinds = new Uint8Array(n);
		let sorted = true;
		let valid = true;
		for (let i = 0; i < n; i++) {
			const event = source[i];
			const ms = parseTimestamp(event.at);
			parsed[i] = ms;
			parsedKinds[i] = kindOf(event);
			if (Number.isNaN(ms)) {
				valid = false;
			} else if (i > 0 && ms < parsed[i - 1]) {
				sorted = false;
			}
		}
		let order: number[] | undefined;
		if (!sorted || !valid) {
			order = [];
			for (let i = 0; i < n; i++) {
				if (!Number.isNaN(parsed[i])) {
					order.push(i);
				}
			}
			order.sort((a, b) => parsed[a] - parsed[b] || a - b);
		}
		// A duplicate (the same event recorded on two machines) has the same `at`, so it sits in the same run of equal times.
		const count = order ? order.length : n;
		const events: ProgressEvent[] = [];
		const times = new Float64Array(count);
		const kinds = new Uint8Array(count);
		let runStart = 0;
		for (let k = 0; k < count; k++) {
			const index = order ? order[k] : k;
			const ms = parsed[index];
			const kept = events.length;
			if (kept === 0 || ms !== times[kept - 1]) {
				runStart = kept;
			} else if (sameIdSince(events, runStart, source[index].id)) {
				continue;
			}
			events.push(source[index]);
			times[kept] = ms;
			kinds[kept] = parsedKinds[index];
		}
		return new EventLog(events, times.subarray(0, events.length), kinds.subarray(0, events.length));
	}

	/** `compute()` once per key and log. */
	memo<T>(key: string, compute: () => T): T {
		if (!this.memos.has(key)) {
			this.memos.set(key, compute());
		}
		return this.memos.get(key) as T;
	}
}

function sameIdSince(events: readonly ProgressEvent[], from: number, id: string): boolean {
	for (let i = from; i < events.length; i++) {
		if (events[i].id === id) {
			return true;
		}
	}
	return false;
}

/** Events as recorded, in any order, or an EventLog already built from them. */
export type ProgressLog = readonly ProgressEvent[] | EventLog;

/** The events in time order, each id once (see EventLog.of). */
export function chronological(events: ProgressLog): readonly ProgressEvent[] {
	return EventLog.of(events).events;
}

/** The credit a pass earns after the given help. */
export function creditFor(hintLevel: number, solutionViewed: boolean): number {
	if (solutionViewed) {
		return SOLUTION_CREDIT;
	}
	const level = Math.max(0, Math.min(HINT_CREDIT.length - 1, Math.floor(hintLevel)));
	return HINT_CREDIT[level];
}

interface ExerciseEpisode {
	readonly ordinal: number;
	/** False after a pass until the exercise is started again: resubmitting a passed solution proves nothing new. */
	open: boolean;
	failures: number;
	submitted: boolean;
	hintLevel: number;
	solutionViewed: boolean;
}

/**
 * What each submission is worth as evidence. One practice opportunity is an *episode* of an
 * exercise: from its start until it passes.
 * - The first failed submission of an episode is an incorrect observation; further failures in the
 *   same episode are the learner still working on it and add nothing.
 * - A pass is a correct observation worth `creditFor(hints, solution)`: help used on the exercise
 *   since its previous pass (hints without an exercise id cannot be attributed and are ignored).
 * - A pass closes the episode; submissions after it count only once 'exercise.started' reopens it.
 * 'tests.run' is never evidence: failing runs are how code gets written, and a passing run is
 * usually followed by a submission, which would count the same work twice.
 */
export function scoreSubmissions(events: ProgressLog): readonly ScoredSubmission[] {
	const log = EventLog.of(events);
	return log.memo('scoredSubmissions', () => scoreLog(log));
}

function scoreLog(log: EventLog): ScoredSubmission[] {
	const episodes = new Map<string, ExerciseEpisode>();
	const episode = (exerciseId: string): ExerciseEpisode => {
		let found = episodes.get(exerciseId);
		if (!found) {
			found = { ordinal: episodes.size, open: true, failures: 0, submitted: false, hintLevel: 0, solutionViewed: false };
			episodes.set(exerciseId, found);
		}
		return found;
	};
	const scored: ScoredSubmission[] = [];
	const { events, times, kinds } = log;
	for (let index = 0; index < events.length; index++) {
		const kind = kinds[index];
		if (kind === Kind.Other || kind === Kind.TestsRun) {
			continue;
		}
		const event = events[index];
		if (event.type === 'exercise.started') {
			const state = episode(event.exerciseId);
			if (!state.open) {
				state.open = true;
				state.failures = 0;
			}
		} else if (event.type === 'hint.used') {
			if (event.exerciseId !== undefined) {
				const state = episode(event.exerciseId);
				state.hintLevel = Math.max(state.hintLevel, event.level);
			}
		} else if (event.type === 'solution.viewed') {
			episode(event.exerciseId).solutionViewed = true;
		} else if (event.type === 'submission') {
			const state = episode(event.exerciseId);
			const first = !state.submitted;
			state.submitted = true;
			if (event.passed) {
				const evidence = state.open ? 'correct' : 'none';
				const credit = state.open ? creditFor(state.hintLevel, state.solutionViewed) : 0;
				scored.push({ event, time: times[index], index, exerciseIndex: state.ordinal, evidence, credit, hintLevel: state.hintLevel, solutionViewed: state.solutionViewed, first, failuresBefore: state.failures });
				// Help is consumed by the pass it helped; a solution viewed after passing discounts the next redo.
				state.open = false;
				state.failures = 0;
				state.hintLevel = 0;
				state.solutionViewed = false;
			} else {
				const evidence = state.open && state.failures === 0 ? 'incorrect' : 'none';
				scored.push({ event, time: times[index], index, exerciseIndex: state.ordinal, evidence, credit: 0, hintLevel: state.hintLevel, solutionViewed: state.solutionViewed, first, failuresBefore: state.failures });
				if (state.open) {
					state.failures++;
				}
			}
		}
	}
	return scored;
}

/** One BKT step: the posterior after observing a pass or a fail, then the chance of learning. */
export function bktUpdate(p: number, correct: boolean, params: BktParams = DEFAULT_BKT_PARAMS): number {
	const { pTransit, pSlip, pGuess } = params;
	const known = correct ? p * (1 - pSlip) : p * pSlip;
	const unknown = correct ? (1 - p) * pGuess : (1 - p) * (1 - pGuess);
	const posterior = known + unknown === 0 ? p : known / (known + unknown);
	return posterior + (1 - posterior) * pTransit;
}

/**
 * A pass worth `credit` moves p that share of the way to the full correct update. The other share
 * is "no observation", not an incorrect one: a pass with help does not show the learner lacks the
 * concept, it just shows less. With the solution viewed (credit 0) p does not move at all.
 */
export function creditedUpdate(p: number, credit: number, params: BktParams = DEFAULT_BKT_PARAMS): number {
	const weight = Math.max(0, Math.min(1, credit));
	return p + weight * (bktUpdate(p, true, params) - p);
}

/** The concepts of an event, each once, without allocating for the usual case of no repeats. */
export function distinct(concepts: readonly string[]): readonly string[] {
	for (let i = 1; i < concepts.length; i++) {
		if (concepts.lastIndexOf(concepts[i - 1]) !== i - 1) {
			return [...new Set(concepts)];
		}
	}
	return concepts;
}

interface MutableMastery {
	p: number;
	attempts: number;
	successes: number;
	lastPracticedAt?: string;
	lastPracticedMs: number;
	masteredAt?: string;
	masteredEventId?: string;
}

/** Mastery of every concept the learner has practised (submitted or run tests for). */
export function masteryFromEvents(events: ProgressLog, params: BktParams = DEFAULT_BKT_PARAMS): Map<string, ConceptMastery> {
	const log = EventLog.of(events);
	const states = new Map<string, MutableMastery>();
	const state = (concept: string): MutableMastery => {
		let found = states.get(concept);
		if (!found) {
			found = { p: params.pInit, attempts: 0, successes: 0, lastPracticedMs: -Infinity };
			states.set(concept, found);
		}
		return found;
	};
	for (let i = 0; i < log.kinds.length; i++) {
		if (log.kinds[i] === Kind.TestsRun) {
			const event = log.events[i] as Extract<ProgressEvent, { type: 'tests.run' }>;
			for (const concept of event.concepts) {
				const s = state(concept);
				s.lastPracticedAt = event.at;
				s.lastPracticedMs = log.times[i];
			}
		}
	}
	for (const scored of scoreSubmissions(log)) {
		const { event } = scored;
		for (const concept of distinct(event.concepts)) {
			const s = state(concept);
			s.attempts++;
			if (scored.time >= s.lastPracticedMs) {
				s.lastPracticedAt = event.at;
				s.lastPracticedMs = scored.time;
			}
			if (event.passed) {
				s.successes++;
			}
			if (scored.evidence === 'correct') {
				s.p = creditedUpdate(s.p, scored.credit, params);
			} else if (scored.evidence === 'incorrect') {
				s.p = bktUpdate(s.p, false, params);
			}
			if (s.masteredAt === undefined && s.p >= MASTERY_THRESHOLD) {
				s.masteredAt = event.at;
				s.masteredEventId = event.id;
			}
		}
	}
	const result = new Map<string, ConceptMastery>();
	for (const [concept, s] of states) {
		result.set(concept, {
			p: s.p,
			attempts: s.attempts,
			successes: s.successes,
			mastered: s.p >= MASTERY_THRESHOLD,
			...(s.lastPracticedAt !== undefined ? { lastPracticedAt: s.lastPracticedAt } : {}),
			...(s.masteredAt !== undefined ? { masteredAt: s.masteredAt, masteredEventId: s.masteredEventId } : {}),
		});
	}
	return result;
}
