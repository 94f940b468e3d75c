// Maps platform resources onto the extension's own models (src/core/exercises/model.ts), so the
// exercise tree, the grader's result view and progress treat platform exercises like any other.
import type { Exercise, ExerciseSummary, GradeResult } from '../exercises/model';
import type { PlatformExercise, PlatformExerciseSummary, Verdict } from './schemas';

/** The exercise source id of platform exercises: local ids are `platform/<platform id>`. */
export const PLATFORM_SOURCE_ID = 'platform';

const prefix = `${PLATFORM_SOURCE_ID}/`;

export function toExerciseSummary(p: PlatformExerciseSummary): ExerciseSummary {
	return {
		id: `${prefix}${p.id}`,
		sourceId: PLATFORM_SOURCE_ID,
		slug: p.slug,
		title: p.title,
		language: p.language,
		concepts: p.concepts,
		prerequisites: p.prerequisites,
		difficulty: p.difficulty,
	};
}

/** The platform never sends reference solutions, so the leak guard has nothing to compare against. */
export function toExercise(p: PlatformExercise): Exercise {
	return {
		...toExerciseSummary(p),
		instructions: p.instructions,
		starterFiles: p.starterFiles,
		testFiles: p.testFiles,
		supportFiles: p.supportFiles,
		hints: p.hints,
		referenceFiles: [],
		timeLimitSeconds: p.timeLimitSeconds,
	};
}

/** The platform's id for a local exercise id, or undefined when the exercise is not a platform one. */
export function platformExerciseId(exerciseId: string): string | undefined {
	return exerciseId.startsWith(prefix) ? exerciseId.slice(prefix.length) : undefined;
}

export function toGradeResult(v: Verdict): GradeResult {
	return {
		exerciseId: `${prefix}${v.exerciseId}`,
		passed: v.passed,
		failed: v.failed,
		tests: v.tests,
		durationMs: v.durationMs,
		error: v.error,
		output: v.output,
	};
}
