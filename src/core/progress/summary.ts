// The learner's progress in one plain, JSON-serializable object: streak, today's goal, mastery
// per concept, achievements, help used and a 120-day timeline. The Progress webview and the
// tutor's get_progress tool both read this, so it has no Maps, Dates or undefined values.

import { achievementsFrom, type EarnedAchievement } from './achievements';
import { DEFAULT_BKT_PARAMS, EventLog, Kind, masteryFromEvents, type ProgressLog, scoreSubmissions } from './bkt';
import { isDue, reviewQueueFromEvents } from './recommend';
import { calendarOf, computeStreak, isAttemptKind, localDays } from './streaks';
import type { ExerciseSummary } from '../exercises/model';

/** Days in `timeline`, ending today. */
export const TIMELINE_DAYS = 120;

export interface SummaryOptions {
	readonly now: Date;
	/** IANA name; days, streaks and the timeline are counted in it. */
	readonly timeZone: string;
	/** Attempts (test runs and submissions) a day that meet the daily goal. */
	readonly dailyGoal: number;
	/** When given, concepts of the catalog not yet practised are listed too (p = the prior). */
	readonly catalog?: readonly ExerciseSummary[];
}

export interface ConceptSummary {
	readonly concept: string;
	/** Estimated mastery 0–1, rounded to 3 decimals. */
	readonly p: number;
	readonly attempts: number;
	readonly successes: number;
	readonly mastered: boolean;
	readonly lastPracticedAt?: string;
}

export interface TimelineDay {
	/** YYYY-MM-DD in the learner's time zone. */
	readonly day: string;
	/** Test runs and submissions. */
	readonly attempts: number;
	/** Different exercises passed that day. */
	readonly passed: number;
	readonly hints: number;
}

export interface ProgressSummary {
	readonly generatedAt: string;
	readonly timeZone: string;
	readonly streak: {
		readonly current: number;
		readonly longest: number;
		readonly lastActiveDay?: string;
		readonly graceUsed: boolean;
		readonly todayDone: boolean;
	};
	readonly today: { readonly day: string; readonly attempts: number; readonly passed: number; readonly goal: number; readonly done: boolean };
	/** Strongest first; ties by concept id. */
	readonly mastery: readonly ConceptSummary[];
	/** Scheduled reviews, soonest first. */
	readonly reviews: readonly { readonly concept: string; readonly dueAt: string; readonly due: boolean }[];
	readonly achievements: readonly EarnedAchievement[];
	readonly hintsUsed: number;
	readonly solutionsViewed: number;
	/** Different exercises passed at least once. */
	readonly exercisesPassed: number;
	/** The last TIMELINE_DAYS days, oldest first, including days without activity. */
	readonly timeline: readonly TimelineDay[];
}

/** Everything the Progress view and get_progress show, from the event log as of `options.now`. */
export function summarizeProgress(events: ProgressLog, options: SummaryOptions): ProgressSummary {
	const { now, timeZone } = options;
	const log = EventLog.of(events);
	const calendar = calendarOf(log, timeZone);
	const mastery = masteryFromEvents(log);
	const streak = computeStreak(log, { now, timeZone });
	const achievements = achievementsFrom(log, mastery, streak);
	const reviews = reviewQueueFromEvents(log).map(item => ({ concept: item.concept, dueAt: item.dueAt, due: isDue(item, now) }));

	const today = calendar.dayNumber(now.getTime());
	const first = today - TIMELINE_DAYS + 1;
	const attempts = new Array<number>(TIMELINE_DAYS).fill(0);
	const hints = new Array<number>(TIMELINE_DAYS).fill(0);
	const passed = new Array<number>(TIMELINE_DAYS).fill(0);
	let hintsUsed = 0;
	let solutionsViewed = 0;
	const days = localDays(log, timeZone);
	const { kinds } = log;
	for (let i = 0; i < kinds.length; i++) {
		const kind = kinds[i];
		const index = days[i] - first;
		const inTimeline = index >= 0 && index < TIMELINE_DAYS;
		if (isAttemptKind(kind)) {
			if (inTimeline) {
				attempts[index]++;
			}
		} else if (kind === Kind.Hint) {
			hintsUsed++;
			if (inTimeline) {
				hints[index]++;
			}
		} else if (kind === Kind.Solution) {
			solutionsViewed++;
		}
	}
	// Different exercises passed, ever and per day, counted by exercise number rather than by id.
	const scored = scoreSubmissions(log);
	const exerciseCount = scored.reduce((max, submission) => Math.max(max, submission.exerciseIndex + 1), 0);
	const everPassed = new Uint8Array(exerciseCount);
	const lastCountedDay = new Int32Array(exerciseCount).fill(-1);
	let exercisesPassed = 0;
	for (const submission of scored) {
		if (kinds[submission.index] !== Kind.Passed) {
			continue;
		}
		const exercise = submission.exerciseIndex;
		if (everPassed[exercise] === 0) {
			everPassed[exercise] = 1;
			exercisesPassed++;
		}
		const index = days[submission.index] - first;
		if (index >= 0 && index < TIMELINE_DAYS && lastCountedDay[exercise] !== index) {
			lastCountedDay[exercise] = index;
			passed[index]++;
		}
	}
	const timeline = attempts.map((count, index) => ({ day: calendar.key(first + index), attempts: count, passed: passed[index], hints: hints[index] }));

	const concepts: ConceptSummary[] = [...mastery].map(([concept, state]) => ({
		concept,
		p: Math.round(state.p * 1000) / 1000,
		attempts: state.attempts,
		successes: state.successes,
		mastered: state.mastered,
		...(state.lastPracticedAt !== undefined ? { lastPracticedAt: state.lastPracticedAt } : {}),
	}));
	for (const concept of new Set(options.catalog?.flatMap(summary => summary.concepts) ?? [])) {
		if (!mastery.has(concept)) {
			concepts.push({ concept, p: DEFAULT_BKT_PARAMS.pInit, attempts: 0, successes: 0, mastered: false });
		}
	}
	concepts.sort((a, b) => b.p - a.p || (a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0));

	const goal = Math.max(0, Math.floor(Number.isFinite(options.dailyGoal) ? options.dailyGoal : 0));
	const todayEntry = timeline[TIMELINE_DAYS - 1];
	return {
		generatedAt: now.toISOString(),
		timeZone: streak.timeZone,
		streak: {
			current: streak.current,
			longest: streak.longest,
			...(streak.lastActiveDay !== undefined ? { lastActiveDay: streak.lastActiveDay } : {}),
			graceUsed: streak.graceUsed,
			todayDone: streak.todayDone,
		},
		today: { day: todayEntry.day, attempts: todayEntry.attempts, passed: todayEntry.passed, goal, done: todayEntry.attempts >= goal },
		mastery: concepts,
		reviews,
		achievements,
		hintsUsed,
		solutionsViewed,
		exercisesPassed,
		timeline,
	};
}
