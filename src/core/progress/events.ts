// The progress events every feature records, and the sink they record them to. The progress
// store (owned by the progress feature) persists them per user, derives mastery, streaks and
// achievements from them, and merges them across machines by `id`.

export type StudyTaskStatus = 'open' | 'done';

export interface StudyTask {
	readonly id: string;
	readonly title: string;
	/** Optional ISO date (YYYY-MM-DD) in the learner's time zone. */
	readonly due?: string;
	/** Concept ids the task is about, if any. */
	readonly concepts?: readonly string[];
	readonly notes?: string;
	readonly status: StudyTaskStatus;
	readonly createdAt: string;
	readonly updatedAt: string;
}

/** The event payloads; `id` and `at` are added by the store. */
export type ProgressEventData =
	| { readonly type: 'exercise.started'; readonly exerciseId: string; readonly concepts: readonly string[] }
	| {
			readonly type: 'tests.run';
			readonly exerciseId: string;
			readonly concepts: readonly string[];
			readonly passed: number;
			readonly failed: number;
			readonly durationMs: number;
	  }
	| {
			readonly type: 'submission';
			readonly exerciseId: string;
			readonly concepts: readonly string[];
			readonly passed: boolean;
			/** Tests passed/total of this submission. */
			readonly score: { readonly passed: number; readonly total: number };
	  }
	| { readonly type: 'hint.used'; readonly exerciseId?: string; readonly level: 1 | 2 | 3 | 4 | 5; readonly source: 'authored' | 'model' }
	| { readonly type: 'solution.viewed'; readonly exerciseId: string }
	| { readonly type: 'tutor.turn'; readonly conversationId: string; readonly mode: string }
	| { readonly type: 'error.seen'; readonly kind: string; readonly exerciseId?: string; readonly language?: string }
	| { readonly type: 'task.added'; readonly task: StudyTask }
	| { readonly type: 'task.updated'; readonly task: StudyTask }
	| { readonly type: 'task.deleted'; readonly taskId: string };

export type ProgressEvent = ProgressEventData & {
	/** Unique (UUID); merging two machines' logs is a union by id. */
	readonly id: string;
	/** ISO 8601 timestamp with offset. */
	readonly at: string;
};

/** Where features record what the learner did. Recording never throws at the caller. */
export interface ProgressSink {
	/** Resolves to the recorded event where the sink keeps one (the durable store does). */
	record(event: ProgressEventData): Promise<ProgressEvent | undefined | void>;
}

export interface NewStudyTask {
	readonly title: string;
	readonly due?: string;
	readonly concepts?: readonly string[];
	readonly notes?: string;
}

/** The learner's study task list (managed by the tutor's task tools, shown in the Progress view). */
export interface StudyTaskStore {
	list(filter?: { readonly status?: StudyTaskStatus }): Promise<readonly StudyTask[]>;
	add(task: NewStudyTask): Promise<StudyTask>;
	/** Throws a UserFacingError naming the id when no such task exists. */
	update(id: string, patch: Partial<NewStudyTask> & { readonly status?: StudyTaskStatus }): Promise<StudyTask>;
	complete(id: string): Promise<StudyTask>;
	delete(id: string): Promise<void>;
	/** Fires after any change; returns a disposable subscription. */
	onDidChange(listener: () => void): { dispose(): void };
}
