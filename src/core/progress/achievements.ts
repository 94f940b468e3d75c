// Achievements: the milestones CodeMentor celebrates, what earns each one, and which the learner
// has earned, each dated by the event that earned it. Earned achievements stay earned: a concept
// whose mastery later drops or a streak that breaks does not take them back.

import { type ConceptMastery, EventLog, type ProgressLog, scoreSubmissions } from './bkt';
import type { ProgressEvent } from './events';
import { isAttemptKind, type Streak, streakReachedAt } from './streaks';

export type AchievementId =
	| 'first-pass'
	| 'first-try'
	| 'persistence'
	| 'unaided-10'
	| 'streak-7'
	| 'streak-30'
	| 'concept-mastered'
	| 'concepts-5'
	| 'comeback';

export interface AchievementDefinition {
	readonly id: AchievementId;
	readonly title: string;
	/** How to earn it, for the learner. */
	readonly description: string;
}

export interface EarnedAchievement extends AchievementDefinition {
	/** `at` of the event that earned it. */
	readonly earnedAt: string;
	readonly eventId: string;
}

/** Failed submissions of one exercise before a pass that earn 'persistence'. */
export const PERSISTENCE_FAILURES = 3;
/** Days without any attempt after which practising again earns 'comeback'. */
export const COMEBACK_GAP_DAYS = 7;
export const UNAIDED_PASSES = 10;
export const MASTERED_CONCEPTS = 5;

export const ACHIEVEMENTS: readonly AchievementDefinition[] = [
	{ id: 'first-pass', title: 'First pass', description: 'Pass all the tests of an exercise for the first time.' },
	{ id: 'first-try', title: 'First try', description: 'Pass an exercise with your very first submission, without hints.' },
	{ id: 'persistence', title: 'Persistence', description: `Pass an exercise after ${PERSISTENCE_FAILURES} or more failed submissions of it.` },
	{ id: 'unaided-10', title: 'On your own', description: `Pass ${UNAIDED_PASSES} different exercises without hints or viewing the solution.` },
	{ id: 'streak-7', title: 'One-week streak', description: 'Practise on 7 days in a row (one missed day a week is forgiven).' },
	{ id: 'streak-30', title: 'One-month streak', description: 'Practise on 30 days in a row (one missed day a week is forgiven).' },
	{ id: 'concept-mastered', title: 'Mastered', description: 'Master a concept: reach 95% estimated mastery.' },
	{ id: 'concepts-5', title: 'Five concepts', description: `Master ${MASTERED_CONCEPTS} concepts.` },
	{ id: 'comeback', title: 'Comeback', description: `Practise again after ${COMEBACK_GAP_DAYS} or more days away.` },
];


/**
 * The achievements earned, oldest first. `mastery` is `masteryFromEvents(events)` and `streak` is
 * `computeStreak(events, …)`: passing them in keeps the achievements consistent with what the
 * Progress view shows (same BKT parameters, same time zone).
 */
export function achievementsFrom(events: ProgressLog, mastery: ReadonlyMap<string, ConceptMastery>, streak: Streak): EarnedAchievement[] {
	const log = EventLog.of(events);
	const earned = new Map<AchievementId, { at: string; eventId: string; time: number }>();
	const earn = (id: AchievementId, event: ProgressEvent | undefined, time = event ? Date.parse(event.at) : NaN) => {
		if (event && !earned.has(id)) {
			earned.set(id, { at: event.at, eventId: event.id, time });
		}
	};

	const unaided = new Set<string>();
	for (const scored of scoreSubmissions(log)) {
		const { event, time } = scored;
		if (!event.passed) {
			continue;
		}
		earn('first-pass', event, time);
		if (scored.first && scored.credit === 1) {
			earn('first-try', event, time);
		}
		if (scored.failuresBefore >= PERSISTENCE_FAILURES) {
			earn('persistence', event, time);
		}
		if (scored.hintLevel === 0 && !scored.solutionViewed && !unaided.has(event.exerciseId)) {
			unaided.add(event.exerciseId);
			if (unaided.size === UNAIDED_PASSES) {
				earn('unaided-10', event, time);
			}
		}
	}

	let previousAttempt = NaN;
	for (let i = 0; i < log.kinds.length; i++) {
		if (isAttemptKind(log.kinds[i])) {
			const time = log.times[i];
			if (time - previousAttempt >= COMEBACK_GAP_DAYS * 86_400_000) {
				earn('comeback', log.events[i], time);
			}
			previousAttempt = time;
		}
	}

	if (streak.longest >= 7) {
		earn('streak-7', streakReachedAt(log, streak.timeZone, 7));
	}
	if (streak.longest >= 30) {
		earn('streak-30', streakReachedAt(log, streak.timeZone, 30));
	}

	const mastered = [...mastery.values()]
		.flatMap(({ masteredAt, masteredEventId }) => (masteredAt !== undefined && masteredEventId !== undefined ? [{ at: masteredAt, eventId: masteredEventId, time: Date.parse(masteredAt) }] : []))
		.sort((a, b) => a.time - b.time);
	for (const [id, index] of [['concept-mastered', 0], ['concepts-5', MASTERED_CONCEPTS - 1]] as const) {
		if (mastered[index] && !earned.has(id)) {
			earned.set(id, mastered[index]);
		}
	}

	return ACHIEVEMENTS.flatMap(definition => {
		const how = earned.get(definition.id);
		return how ? [{ time: how.time, achievement: { ...definition, earnedAt: how.at, eventId: how.eventId } }] : [];
	})
		.sort((a, b) => a.time - b.time)
		.map(({ achievement }) => achievement);
}
