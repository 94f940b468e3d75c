// The Progress dashboard's host<->webview protocol: the host sends the learner's progress summary
// (src/core/progress/summary.ts, JSON-serialisable) and the webview draws it; the webview asks only
// for allow-listed commands and exports.
import * as z from 'zod';
import { CommandIds } from '../ids';

export const dashboardRunnableCommands = [CommandIds.startExercise, CommandIds.openTutor, 'codementor.exercises.focus', CommandIds.nextExercise, CommandIds.exportProgress, CommandIds.syncProgress] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

export const dashboardSummary = z.object({
	generatedAt: text(40),
	timeZone: text(80),
	streak: z.object({ current: z.number().int().min(0), longest: z.number().int().min(0), lastActiveDay: day.optional(), graceUsed: z.boolean(), todayDone: z.boolean() }),
	today: z.object({ day, attempts: z.number().int().min(0), passed: z.number().int().min(0), goal: z.number().int().min(0), done: z.boolean() }),
	mastery: z.array(z.object({ concept: text(80), p: z.number().min(0).max(1), attempts: z.number().int().min(0), successes: z.number().int().min(0), mastered: z.boolean(), lastPracticedAt: text(40).optional() })).max(500),
	reviews: z.array(z.object({ concept: text(80), dueAt: text(40), due: z.boolean() })).max(500),
	achievements: z.array(z.object({ id: text(80), title: text(200), description: text(500), earnedAt: text(40) })).max(200),
	hintsUsed: z.number().int().min(0),
	solutionsViewed: z.number().int().min(0),
	exercisesPassed: z.number().int().min(0),
	timeline: z.array(z.object({ day, attempts: z.number().int().min(0), passed: z.number().int().min(0), hints: z.number().int().min(0) })).max(400),
	/** Recurring error kinds, most frequent first. */
	errorPatterns: z.array(z.object({ kind: text(60), label: text(120), count: z.number().int().min(0) })).max(50),
	/** Human-readable concept names by id. */
	conceptLabels: z.record(z.string().max(80), text(120)),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const hostToDashboard = z.discriminatedUnion('type', [
	z.object({ type: z.literal('summary/set'), summary: dashboardSummary, user: text(200) }),
]);
export type HostToDashboard = z.infer<typeof hostToDashboard>;

export const dashboardToHost = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ready') }),
	z.object({ type: z.literal('command/run'), command: z.enum(dashboardRunnableCommands) }),
]);
export type DashboardToHost = z.infer<typeof dashboardToHost>;
