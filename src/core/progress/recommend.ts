// What to practise next: a spaced-repetition review schedule per concept, and the choice of the
// next exercise (due reviews first, then the weakest concept, then something new the learner is
// ready for), each with a sentence telling the learner why. See docs/learning-model.md.

import { type ConceptMastery, distinct, type ProgressLog, scoreSubmissions } from './bkt';
import type { Difficulty, ExerciseSummary } from '../exercises/model';
import type { ExerciseStatus } from '../exercises/status';

/** Review intervals in days for review steps 0, 1, 2…; later steps keep growing by REVIEW_GROWTH. */
export const REVIEW_INTERVALS_DAYS: readonly number[] = [1, 3, 7, 16, 35];
export const REVIEW_GROWTH = 2.2;
export const MAX_REVIEW_INTERVAL_DAYS = 180;
/** A failed review moves this many steps back (16 days → 3 days). */
export const REVIEW_LAPSE_STEPS = 2;
/** A pass worth less credit than this (hint level 3 or more, or the solution) counts as a failed review. */
export const REVIEW_PASS_CREDIT = 0.6;
/** Mastery each prerequisite needs before exercises that build on it are suggested. */
export const PREREQUISITE_THRESHOLD = 0.6;

const DAY_MS = 86_400_000;

export interface ReviewItem {
	readonly concept: string;
	/** Index into the interval ladder. */
	readonly step: number;
	readonly intervalDays: number;
	/** `at` of the last submission that scheduled this review. */
	readonly lastReviewedAt: string;
	/** ISO time from which the concept is due. */
	readonly dueAt: string;
	/** Successful reviews that moved the schedule forward. */
	readonly reviews: number;
	readonly lapses: number;
}

export function reviewIntervalDays(step: number): number {
	const last = REVIEW_INTERVALS_DAYS.length - 1;
	if (step <= last) {
		return REVIEW_INTERVALS_DAYS[Math.max(0, step)];
	}
	return Math.min(MAX_REVIEW_INTERVAL_DAYS, Math.round(REVIEW_INTERVALS_DAYS[last] * REVIEW_GROWTH ** (step - last)));
}

export function isDue(item: ReviewItem, now: Date): boolean {
	return Date.parse(item.dueAt) <= now.getTime();
}

interface MutableReview {
	step: number;
	lastMs: number;
	lastAt: string;
	dueMs: number;
	reviews: number;
	lapses: number;
}

/**
 * The review schedule of every concept the learner has passed an exercise for, soonest due first.
 * - The first pass of a concept schedules its first review a day later (step 0).
 * - A later pass (worth at least REVIEW_PASS_CREDIT) made when the concept was due moves one step
 *   up the ladder; one made before it was due reschedules from now at the same step, because
 *   practising early is practice but not evidence the memory has lasted.
 * - A failed submission that counts as evidence, or a heavily aided pass, moves REVIEW_LAPSE_STEPS
 *   back and reschedules from now.
 */
export function reviewQueueFromEvents(events: ProgressLog): ReviewItem[] {
	const items = new Map<string, MutableReview>();
	for (const scored of scoreSubmissions(events)) {
		if (scored.evidence === 'none') {
			continue;
		}
		const { event, time: ms } = scored;
		const success = scored.evidence === 'correct' && scored.credit >= REVIEW_PASS_CREDIT;
		for (const concept of distinct(event.concepts)) {
			const item = items.get(concept);
			if (!item) {
				if (event.passed) {
					items.set(concept, { step: 0, lastMs: ms, lastAt: event.at, dueMs: ms + reviewIntervalDays(0) * DAY_MS, reviews: 0, lapses: 0 });
				}
				continue;
			}
			if (success) {
				if (ms >= item.dueMs) {
					item.step++;
					item.reviews++;
				}
			} else {
				item.step = Math.max(0, item.step - REVIEW_LAPSE_STEPS);
				item.lapses++;
			}
			item.lastMs = ms;
			item.lastAt = event.at;
			item.dueMs = ms + reviewIntervalDays(item.step) * DAY_MS;
		}
	}
	return [...items]
		.map(([concept, item]) => ({
			concept,
			step: item.step,
			intervalDays: reviewIntervalDays(item.step),
			lastReviewedAt: item.lastAt,
			dueAt: new Date(item.dueMs).toISOString(),
			reviews: item.reviews,
			lapses: item.lapses,
		}))
		.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.concept.localeCompare(b.concept));
}

/** The exercise statuses of src/core/exercises/status.ts, also accepted with hyphens. */
export type ExerciseProgressStatus = ExerciseStatus | 'not-started' | 'in-progress';

export type LearnerLevel = 'beginner' | 'intermediate' | 'advanced';

export interface LearnerPreferences {
	/** Preferred exercise languages, e.g. ["python"]; exercises in others are suggested only when none match. */
	readonly languages?: readonly string[];
	readonly level?: LearnerLevel;
}

export interface NextExerciseInput {
	readonly summaries: readonly ExerciseSummary[];
	/** Exercise id → status; a missing id is not started. */
	readonly statuses: ReadonlyMap<string, ExerciseProgressStatus>;
	readonly mastery: ReadonlyMap<string, ConceptMastery>;
	readonly reviewQueue: readonly ReviewItem[];
	readonly profile?: LearnerPreferences;
	readonly now: Date;
}

export type RecommendationKind = 'review' | 'strengthen' | 'new' | 'practice';

export interface Recommendation {
	readonly exercise: ExerciseSummary;
	/** One or two sentences for the learner. */
	readonly reason: string;
	readonly kind: RecommendationKind;
	/** The concept the choice is about. */
	readonly concept: string;
}

const DIFFICULTY_RANK: Record<Difficulty, number> = { beginner: 0, easy: 1, medium: 2, hard: 3 };
/** The difficulty each level is most at home with, on the DIFFICULTY_RANK scale. */
const LEVEL_TARGET: Record<LearnerLevel, number> = { beginner: 0.5, intermediate: 1.5, advanced: 2.5 };

/** "higher-order-functions" → "higher order functions", for sentences. */
export function conceptLabel(concept: string): string {
	return concept.replace(/[-_]+/g, ' ').trim();
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function listOf(items: readonly string[]): string {
	if (items.length <= 1) {
		return items.join('');
	}
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function daysAgo(at: string | undefined, now: Date): string | undefined {
	const ms = at === undefined ? NaN : Date.parse(at);
	if (Number.isNaN(ms)) {
		return undefined;
	}
	const days = Math.floor((now.getTime() - ms) / DAY_MS);
	if (days <= 0) {
		return 'earlier today';
	}
	return days === 1 ? 'yesterday' : `${days} days ago`;
}

function isPassed(status: ExerciseProgressStatus | undefined): boolean {
	return status === 'passed';
}

function isInProgress(status: ExerciseProgressStatus | undefined): boolean {
	return status === 'in_progress' || status === 'in-progress';
}

/**
 * The exercise to suggest next, or undefined when nothing fits (everything passed and nothing due,
 * or every remaining exercise waits for its prerequisites). In order:
 * 1. a concept due for review (most overdue first), preferring exercises not yet passed;
 * 2. the weakest concept practised but not mastered;
 * 3. a concept never practised whose prerequisites are met;
 * 4. any other exercise not yet passed whose prerequisites are met.
 * Every pick respects prerequisites; only a review may pick an exercise already passed.
 */
export function nextExercise(input: NextExerciseInput): Recommendation | undefined {
	const { statuses, mastery, profile, now } = input;
	const preferred = (profile?.languages ?? []).map(language => language.toLowerCase());
	const inPreferred = input.summaries.filter(summary => preferred.includes(summary.language.toLowerCase()));
	const pool = inPreferred.length > 0 ? inPreferred : input.summaries;

	// A prerequisite no exercise here teaches cannot be practised, so it does not hold anything back.
	const taught = new Set(pool.flatMap(summary => summary.concepts));
	const unmetPrerequisites = (summary: ExerciseSummary) =>
		summary.prerequisites.filter(concept => taught.has(concept) && (mastery.get(concept)?.p ?? 0) < PREREQUISITE_THRESHOLD);
	const ready = pool.filter(summary => unmetPrerequisites(summary).length === 0);

	const target = profile?.level ? LEVEL_TARGET[profile.level] : undefined;
	const rank = (a: ExerciseSummary, b: ExerciseSummary) => {
		const fitA = target === undefined ? 0 : Math.abs(DIFFICULTY_RANK[a.difficulty] - target);
		const fitB = target === undefined ? 0 : Math.abs(DIFFICULTY_RANK[b.difficulty] - target);
		return (
			fitA - fitB ||
			Number(isPassed(statuses.get(a.id))) - Number(isPassed(statuses.get(b.id))) ||
			Number(isInProgress(statuses.get(b.id))) - Number(isInProgress(statuses.get(a.id))) ||
			DIFFICULTY_RANK[a.difficulty] - DIFFICULTY_RANK[b.difficulty] ||
			a.id.localeCompare(b.id)
		);
	};
	const best = (candidates: readonly ExerciseSummary[]) => [...candidates].sort(rank)[0];
	const notPassed = ready.filter(summary => !isPassed(statuses.get(summary.id)));

	const due = input.reviewQueue
		.filter(item => isDue(item, now))
		.map(item => ({ item, overdue: (now.getTime() - Date.parse(item.dueAt)) / (item.intervalDays * DAY_MS) }))
		.sort((a, b) => b.overdue - a.overdue || a.item.concept.localeCompare(b.item.concept));
	for (const { item } of due) {
		const exercise = best(ready.filter(summary => summary.concepts.includes(item.concept)));
		if (exercise) {
			const ago = daysAgo(mastery.get(item.concept)?.lastPracticedAt ?? item.lastReviewedAt, now);
			const label = capitalized(conceptLabel(item.concept));
			return { exercise, kind: 'review', concept: item.concept, reason: ago ? `${label} is due for review — you last practised it ${ago}.` : `${label} is due for review.` };
		}
	}

	const weakest = [...mastery]
		.filter(([, concept]) => concept.attempts > 0 && !concept.mastered)
		.sort(([a, ma], [b, mb]) => ma.p - mb.p || a.localeCompare(b));
	for (const [concept, state] of weakest) {
		const exercise = best(notPassed.filter(summary => summary.concepts.includes(concept)));
		if (exercise) {
			const percent = Math.round(state.p * 100);
			return {
				exercise,
				kind: 'strengthen',
				concept,
				reason: `Let's strengthen ${conceptLabel(concept)}: your mastery is at ${percent}% after ${state.attempts} ${state.attempts === 1 ? 'submission' : 'submissions'}, and this exercise practises it.`,
			};
		}
	}

	const isNew = (concept: string) => (mastery.get(concept)?.attempts ?? 0) === 0;
	const fresh = best(notPassed.filter(summary => summary.concepts.some(isNew)));
	if (fresh) {
		const concept = fresh.concepts.find(isNew) ?? fresh.concepts[0];
		const known = fresh.prerequisites.filter(prerequisite => taught.has(prerequisite)).map(conceptLabel);
		const label = capitalized(conceptLabel(concept));
		return {
			exercise: fresh,
			kind: 'new',
			concept,
			reason: known.length > 0 ? `Time for a new concept: ${label}. You know ${listOf(known)} well enough to start.` : `Time for a new concept: ${label}.`,
		};
	}

	const other = best(notPassed);
	if (other) {
		const concept = other.concepts[0] ?? '';
		return {
			exercise: other,
			kind: 'practice',
			concept,
			reason: concept ? `More practice with ${conceptLabel(concept)}: you haven't passed this exercise yet.` : `You haven't passed this exercise yet.`,
		};
	}
	return undefined;
}
