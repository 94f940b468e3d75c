// How other features (tutor tools, hints, review, progress) use exercises, without depending on
// the exercises feature's internals. The exercises feature implements it as `container.exercises`.
import type { Exercise, ExerciseFile, ExerciseSummary, GradeResult } from './model';

export interface ExerciseQuery {
	readonly language?: string;
	readonly concept?: string;
	/** Case-insensitive match on title, slug or concept. */
	readonly text?: string;
	readonly limit?: number;
}

/** An exercise the learner has started, in its workspace folder. */
export interface StartedExercise {
	readonly exercise: Exercise;
	/** Absolute file-system path of the exercise folder. */
	readonly folder: string;
	/** The learner's current solution files (as on disk, or unsaved editor content where open). */
	readonly learnerFiles: () => Promise<readonly ExerciseFile[]>;
	/** The latest grading of this folder in this session, if any. */
	readonly lastResult?: GradeResult;
	/** True once the learner has passed all tests (the reference may then be shown). */
	readonly passed: boolean;
}

export interface ExerciseService {
	list(query?: ExerciseQuery): Promise<readonly ExerciseSummary[]>;
	/** Throws a UserFacingError naming the id when unknown. */
	get(id: string): Promise<Exercise>;
	/** Scaffolds (or re-opens, never overwriting) the exercise and opens its files. */
	start(id: string): Promise<StartedExercise>;
	/** The started exercise that owns the active editor's file, if any. */
	active(): Promise<StartedExercise | undefined>;
	/** Grades a started exercise locally. Throws a UserFacingError in an untrusted workspace. */
	grade(folderOrId: string, signal?: AbortSignal): Promise<GradeResult>;
	/** Fires after each grading with the exercise and its result. */
	onDidGrade(listener: (e: { readonly exercise: Exercise; readonly result: GradeResult; readonly submission: boolean }) => void): { dispose(): void };
	/** Fires when an exercise is started. */
	onDidStart(listener: (e: { readonly exercise: Exercise; readonly folder: string }) => void): { dispose(): void };
}
