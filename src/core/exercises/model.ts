// What an exercise is, independent of where it came from (built-in pack, Exercism track,
// generated, platform). Sources produce ExerciseSummary cheaply for the tree and load the full
// Exercise on demand. The reference solution never reaches the learner before they pass; the
// tutor's leak guard reads it to withhold answers that are too close to it.

export type ExerciseLanguage = 'python' | 'javascript';

export type Difficulty = 'beginner' | 'easy' | 'medium' | 'hard';

export interface ExerciseSummary {
	/** Globally unique: `<sourceId>/<slug>`, e.g. "builtin/two-sum", "exercism-python/leap". */
	readonly id: string;
	readonly sourceId: string;
	readonly slug: string;
	readonly title: string;
	readonly language: ExerciseLanguage;
	/** Concept ids in kebab-case ("loops", "higher-order-functions"): the unit of mastery. */
	readonly concepts: readonly string[];
	/** Concept ids the learner should know first. */
	readonly prerequisites: readonly string[];
	readonly difficulty: Difficulty;
}

export interface ExerciseFile {
	/** Relative path with forward slashes, e.g. "two_sum.py". */
	readonly path: string;
	readonly content: string;
}

export interface Exercise extends ExerciseSummary {
	/** Markdown. */
	readonly instructions: string;
	/** Files the learner starts from and edits (the "solution files"). */
	readonly starterFiles: readonly ExerciseFile[];
	/** Test files; graded as shipped, the learner's copies are not trusted. */
	readonly testFiles: readonly ExerciseFile[];
	/** Other files the tests need (fixtures, helpers). */
	readonly supportFiles: readonly ExerciseFile[];
	/** Authored hints, gentlest first. */
	readonly hints: readonly string[];
	/** Reference solution, same paths as starterFiles. Never shown before the learner has passed. */
	readonly referenceFiles: readonly ExerciseFile[];
	/** Wall-clock limit for one grading run. */
	readonly timeLimitSeconds: number;
}

export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

export interface TestCaseResult {
	/** Stable id within the run, e.g. "test_two_sum.TwoSumTest.test_empty". */
	readonly id: string;
	readonly name: string;
	readonly status: TestStatus;
	readonly durationMs?: number;
	readonly message?: string;
	readonly expected?: string;
	readonly actual?: string;
	/** Where the failure is, in the exercise folder (relative path, 1-based line). */
	readonly location?: { readonly path: string; readonly line: number };
}

export interface GradeResult {
	readonly exerciseId?: string;
	readonly passed: number;
	readonly failed: number;
	readonly tests: readonly TestCaseResult[];
	readonly durationMs: number;
	/** Set when the run itself failed (timeout, missing runtime, syntax error before any test ran). */
	readonly error?: { readonly kind: 'timeout' | 'missing_runtime' | 'crashed' | 'output_limit' | 'cancelled'; readonly message: string };
	/** The runner's output, capped; shown when the learner asks for details. */
	readonly output: string;
}
