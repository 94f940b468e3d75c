// Whether an exercise is gradable as authored: its reference passes every test and its starter
// fails at least one, both without a run error. Used by `codementor validate`, the built-in
// catalog's test, and whatever checks a generated exercise.
import { errorMessage } from '../errors';
import type { Exercise, GradeResult } from '../exercises/model';
import { gradeExercise } from './grade';
import type { GradeOptions } from './types';
import { mapLimit } from '../async';

export interface RunSummary {
	readonly passed: number;
	readonly failed: number;
	readonly ms: number;
}

export interface ValidationEntry {
	readonly id: string;
	readonly valid: boolean;
	readonly reference?: RunSummary;
	readonly starter?: RunSummary;
	/** The exercise could not be loaded, or one of its grading runs itself failed. */
	readonly error?: string;
	/** Why an exercise whose runs completed is not valid. */
	readonly reason?: string;
}

const summary = (r: GradeResult): RunSummary => ({ passed: r.passed, failed: r.failed, ms: r.durationMs });

export async function validateExercise(exercise: Exercise, options: GradeOptions): Promise<ValidationEntry> {
	const reference = await gradeExercise(exercise, exercise.referenceFiles, options);
	const starter = await gradeExercise(exercise, exercise.starterFiles, options);
	const runs = { reference: summary(reference), starter: summary(starter) };
	const errors = [reference.error && `reference: ${reference.error.message}`, starter.error && `starter: ${starter.error.message}`].filter(Boolean);
	if (errors.length) {
		return { id: exercise.id, valid: false, ...runs, error: errors.join(' ') };
	}
	if (reference.failed > 0 || reference.passed === 0) {
		const first = reference.tests.find(t => t.status === 'failed' || t.status === 'errored');
		return {
			id: exercise.id,
			valid: false,
			...runs,
			reason: first ? `the reference fails ${reference.failed} test(s), first "${first.name}": ${first.message ?? ''}`.trim() : 'the tests ran no test case',
		};
	}
	if (starter.failed === 0) {
		return { id: exercise.id, valid: false, ...runs, reason: 'the starter passes every test, so there is nothing to solve' };
	}
	return { id: exercise.id, valid: true, ...runs };
}

/** Validates exercises `concurrency` at a time; `load` failures become invalid entries. */
export async function validateExercises(
	ids: readonly string[],
	load: (id: string) => Promise<Exercise>,
	options: GradeOptions & { readonly concurrency?: number; readonly onResult?: (entry: ValidationEntry) => void },
): Promise<ValidationEntry[]> {
	return mapLimit(ids, options.concurrency ?? 2, async id => {
		let entry: ValidationEntry;
		try {
			entry = await validateExercise(await load(id), options);
		} catch (error) {
			entry = { id, valid: false, error: errorMessage(error) };
		}
		options.onResult?.(entry);
		return entry;
	});
}
