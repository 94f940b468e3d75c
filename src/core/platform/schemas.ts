// The CodeMentor platform's wire format, as zod schemas for everything the platform sends and as
// types for everything the client sends. docs/platform-api.yaml is the contract these mirror; the
// contract test checks that every route the client calls is documented there.
// Resources are camelCase (an exercise here is the model.ts Exercise minus what the learner must
// not see); the /chat/completions request and stream events are snake_case like the model APIs
// they stand in for. Unknown fields are dropped, not rejected, so the server can add fields.
import * as z from 'zod';
import type { ExerciseFile } from '../exercises/model';
import { describeZodError } from '../llm/structured';

const count = z.number().int().min(0);
/** ISO 8601 with offset. Not parsed further: a display string and a sort key for the client. */
const dateTime = z.string();

// ---- errors ---------------------------------------------------------------------------------

/** The body of every non-2xx response. */
export const errorBodySchema = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		details: z.record(z.string(), z.unknown()).nullish(),
	}),
});

// ---- users and auth -------------------------------------------------------------------------

export const userSchema = z.object({
	id: z.string(),
	login: z.string(),
	name: z.string().optional(),
	avatarUrl: z.string().optional(),
	createdAt: dateTime,
});

export const authSessionSchema = z.object({
	token: z.string().min(1),
	expiresAt: dateTime,
	user: userSchema,
});

export const progressSchema = z.object({
	streak: z.object({
		current: count,
		longest: count,
		/** YYYY-MM-DD in the learner's time zone. */
		lastActiveDate: z.string().optional(),
	}),
	totals: z.object({
		exercisesStarted: count,
		exercisesPassed: count,
		submissions: count,
		hintsUsed: count,
	}),
	concepts: z.array(
		z.object({
			concept: z.string(),
			/** 0 (not started) to 1 (mastered). */
			mastery: z.number().min(0).max(1),
			attempts: count,
			passed: count,
		}),
	),
	updatedAt: dateTime,
});

export const achievementSchema = z.object({
	id: z.string(),
	title: z.string(),
	description: z.string(),
	/** Absent while not yet earned. */
	earnedAt: dateTime.optional(),
	progress: z.object({ current: count, target: count }).optional(),
});

export const achievementsSchema = z.object({ items: z.array(achievementSchema) });

export const progressEventsAcceptedSchema = z.object({ accepted: count, duplicates: count });

// ---- exercises ------------------------------------------------------------------------------

export const exerciseLanguageSchema = z.enum(['python', 'javascript']);
export const difficultySchema = z.enum(['beginner', 'easy', 'medium', 'hard']);

export const exerciseFileSchema = z.object({ path: z.string(), content: z.string() });

/** The platform's id is path-safe and unique on the platform; see toExercise() for the local id. */
export const exerciseSummarySchema = z.object({
	id: z.string(),
	slug: z.string(),
	title: z.string(),
	language: exerciseLanguageSchema,
	concepts: z.array(z.string()),
	prerequisites: z.array(z.string()),
	difficulty: difficultySchema,
});

export const exerciseSchema = exerciseSummarySchema.extend({
	instructions: z.string(),
	starterFiles: z.array(exerciseFileSchema),
	testFiles: z.array(exerciseFileSchema),
	supportFiles: z.array(exerciseFileSchema),
	hints: z.array(z.string()),
	timeLimitSeconds: z.number().positive(),
});

export const dailyExerciseSchema = z.object({
	/** The day this exercise is the daily one for, YYYY-MM-DD. */
	date: z.string(),
	exercise: exerciseSchema,
});

export function pageSchema<T extends z.ZodType>(item: T) {
	return z.object({
		items: z.array(item),
		/** Pass as `cursor` for the next page; null on the last page. */
		nextCursor: z.string().nullable(),
	});
}

export const testCaseResultSchema = z.object({
	id: z.string(),
	name: z.string(),
	status: z.enum(['passed', 'failed', 'errored', 'skipped']),
	durationMs: z.number().min(0).optional(),
	message: z.string().optional(),
	expected: z.string().optional(),
	actual: z.string().optional(),
	location: z.object({ path: z.string(), line: z.number().int().min(1) }).optional(),
});

export const verdictKindSchema = z.enum(['passed', 'failed', 'errored']);

/** A graded submission; structurally a model.ts GradeResult plus the platform's bookkeeping. */
export const verdictSchema = z.object({
	id: z.string(),
	exerciseId: z.string(),
	verdict: verdictKindSchema,
	passed: count,
	failed: count,
	tests: z.array(testCaseResultSchema),
	durationMs: z.number().min(0),
	error: z
		.object({
			kind: z.enum(['timeout', 'missing_runtime', 'crashed', 'output_limit', 'cancelled']),
			message: z.string(),
		})
		.optional(),
	output: z.string(),
	submittedAt: dateTime,
});

export const submissionSummarySchema = verdictSchema.pick({ id: true, exerciseId: true, verdict: true, passed: true, failed: true, durationMs: true, submittedAt: true });

export const hintLevelSchema = z.number().int().min(1).max(5);

export const hintSchema = z.object({
	level: hintLevelSchema,
	/** Markdown. */
	text: z.string(),
	source: z.enum(['authored', 'model']),
});

// ---- chat -----------------------------------------------------------------------------------

export const conversationSchema = z.object({
	id: z.string(),
	title: z.string(),
	mode: z.string().optional(),
	exerciseId: z.string().optional(),
	messageCount: count,
	createdAt: dateTime,
	updatedAt: dateTime,
});

export const conversationMessageSchema = z.object({
	id: z.string(),
	conversationId: z.string(),
	role: z.enum(['user', 'assistant']),
	content: z.string(),
	/** The model that wrote an assistant message. */
	model: z.string().optional(),
	createdAt: dateTime,
});

/** POST /chat/conversations/{id}/messages without streaming: the stored question and answer. */
export const messageExchangeSchema = z.object({
	message: conversationMessageSchema,
	reply: conversationMessageSchema,
});

export const modelSchema = z.object({
	id: z.string(),
	label: z.string(),
	contextWindow: z.number().int().positive().optional(),
	supportsTools: z.boolean().optional(),
});

export const modelsSchema = z.object({
	items: z.array(modelSchema),
	/** The model used when a completion names none. */
	default: z.string(),
});

// Stream events (the SSE `data:` of each `event:`), shared by /chat/completions and the
// conversation stream except `done`.
export const deltaEventSchema = z.object({ text: z.string() });
export const toolCallEventSchema = z.object({ id: z.string(), name: z.string(), input: z.unknown() });
export const usageEventSchema = z.object({ input_tokens: count, output_tokens: count, cached_input_tokens: count.optional() });
export const stopReasonSchema = z.enum(['stop', 'length', 'tool_calls', 'content_filter']);
export const completionDoneEventSchema = z.object({
	stop_reason: stopReasonSchema,
	model: z.string(),
	/** What the platform charged for the call, in US dollars, when it says. */
	cost_usd: z.number().min(0).optional(),
});
export const conversationDoneEventSchema = z.object({
	stop_reason: stopReasonSchema,
	model: z.string(),
	/** The assistant message as stored. */
	message: conversationMessageSchema,
});
export const errorEventSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

// ---- GitHub ---------------------------------------------------------------------------------

export const repositorySchema = z.object({
	id: z.string(),
	/** "owner/name". */
	fullName: z.string(),
	private: z.boolean(),
	defaultBranch: z.string(),
	htmlUrl: z.string(),
	connectedAt: dateTime,
});

export const repositoriesSchema = z.object({ items: z.array(repositorySchema) });

export const reviewFindingSchema = z.object({
	path: z.string(),
	line: z.number().int().min(1).optional(),
	severity: z.enum(['info', 'suggestion', 'warning', 'error']),
	title: z.string(),
	/** Markdown. */
	body: z.string(),
	concepts: z.array(z.string()).optional(),
});

export const reviewSchema = z.object({
	id: z.string(),
	repositoryId: z.string(),
	pullRequest: z.number().int().positive().optional(),
	ref: z.string().optional(),
	status: z.enum(['queued', 'running', 'completed', 'failed']),
	summary: z.string().optional(),
	findings: z.array(reviewFindingSchema),
	error: z.object({ code: z.string(), message: z.string() }).optional(),
	createdAt: dateTime,
	completedAt: dateTime.optional(),
});

// ---- health ---------------------------------------------------------------------------------

export const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), version: z.string() });

// ---- inferred types -------------------------------------------------------------------------

export type PlatformUser = z.infer<typeof userSchema>;
export type AuthSession = z.infer<typeof authSessionSchema>;
export type PlatformProgress = z.infer<typeof progressSchema>;
export type Achievement = z.infer<typeof achievementSchema>;
export type ProgressEventsAccepted = z.infer<typeof progressEventsAcceptedSchema>;
export type PlatformExerciseSummary = z.infer<typeof exerciseSummarySchema>;
export type PlatformExercise = z.infer<typeof exerciseSchema>;
export type DailyExercise = z.infer<typeof dailyExerciseSchema>;
export interface Page<T> {
	readonly items: T[];
	readonly nextCursor: string | null;
}
export type Verdict = z.infer<typeof verdictSchema>;
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;
export type Hint = z.infer<typeof hintSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;
export type MessageExchange = z.infer<typeof messageExchangeSchema>;
export type PlatformModel = z.infer<typeof modelSchema>;
export type PlatformModels = z.infer<typeof modelsSchema>;
export type Repository = z.infer<typeof repositorySchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Health = z.infer<typeof healthSchema>;

/** The conversation stream, as the client yields it. */
export type ConversationStreamEvent =
	| { readonly type: 'delta'; readonly text: string }
	| { readonly type: 'usage'; readonly usage: z.infer<typeof usageEventSchema> }
	| { readonly type: 'done'; readonly done: z.infer<typeof conversationDoneEventSchema> };

// ---- what the client sends ------------------------------------------------------------------

export interface ExerciseQuery {
	readonly language?: z.infer<typeof exerciseLanguageSchema>;
	readonly concept?: string;
	readonly difficulty?: z.infer<typeof difficultySchema>;
	readonly cursor?: string;
	/** 1–100; the platform's default is 20. */
	readonly limit?: number;
}

export interface PageQuery {
	readonly cursor?: string;
	readonly limit?: number;
}

export interface HintRequest {
	readonly level: 1 | 2 | 3 | 4 | 5;
	/** The learner's current solution files. */
	readonly files: readonly ExerciseFile[];
}

export interface NewConversation {
	readonly title?: string;
	readonly mode?: string;
	readonly exerciseId?: string;
}

export interface NewReview {
	readonly repositoryId: string;
	/** Review this pull request; otherwise `ref` (a branch or commit), otherwise the default branch. */
	readonly pullRequest?: number;
	readonly ref?: string;
	/** Concept ids to pay particular attention to. */
	readonly focus?: readonly string[];
}

export type WireMessage =
	| { readonly role: 'user'; readonly content: string }
	| { readonly role: 'assistant'; readonly content: string; readonly tool_calls?: readonly { readonly id: string; readonly name: string; readonly input: unknown }[] }
	| { readonly role: 'tool'; readonly tool_call_id: string; readonly name: string; readonly content: string; readonly is_error?: boolean };

/** POST /chat/completions. */
export interface CompletionRequest {
	readonly model?: string;
	readonly system?: readonly { readonly text: string; readonly cache?: boolean }[];
	readonly messages: readonly WireMessage[];
	readonly tools?: readonly { readonly name: string; readonly description: string; readonly input_schema: Record<string, unknown> }[];
	readonly tool_choice?: 'auto' | 'none' | 'required' | { readonly name: string };
	readonly max_output_tokens?: number;
	readonly temperature?: number;
	readonly json_schema?: { readonly name: string; readonly schema: Record<string, unknown> };
	/** What the call is for ('chat', 'hint', 'review'…), for the platform's budgets. */
	readonly purpose: string;
	readonly user_initiated: boolean;
}

/** The first mismatch in words: `field "user.login": expected string, received undefined`. */
export function describeMismatch(error: z.ZodError): string {
	return describeZodError(error, 'the body', 'does not match the contract');
}
