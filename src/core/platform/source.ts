// The CodeMentor platform as an exercise source: its catalog (paged, read to the end once per
// load), the exercise of the day pinned on top, full exercises fetched when started, and
// submissions graded by the platform. The catalog treats it like any folder source.
import { UserFacingError } from '../errors';
import type { SourceLoader } from '../exercises/catalog';
import type { Exercise, ExerciseFile, ExerciseSummary, GradeResult } from '../exercises/model';
import type { LoadedSource } from '../exercises/sources';
import { nullLogger, type Logger } from '../log';
import type { PlatformClient } from './client';
import { platformExerciseId, PLATFORM_SOURCE_ID, toExercise, toExerciseSummary, toGradeResult } from './convert';

/** What the source needs of the client (the tests pass a fake). */
export type PlatformExerciseApi = Pick<PlatformClient, 'isSignedIn' | 'getDailyExercise' | 'allExercises' | 'getExercise'>;

/** The loader's key: one platform source per configured URL. */
export function platformSourceKey(baseUrl: string): string {
	return `platform:${baseUrl}`;
}

/** A catalog with more exercises than this is cut (the tree stays usable; search the platform for the rest). */
export const PLATFORM_CATALOG_LIMIT = 10_000;

export const SIGN_IN_ACTION = { title: 'Sign in with GitHub', command: 'codementor.signIn' } as const;

export interface PlatformSourceOptions {
	/** The platform's URL (`codementor.platform.url`). */
	readonly baseUrl: string;
	readonly logger?: Logger;
	readonly timeoutMs?: number;
}

export function platformSource(client: PlatformExerciseApi, options: PlatformSourceOptions): SourceLoader {
	const logger = options.logger ?? nullLogger;
	return {
		key: platformSourceKey(options.baseUrl),
		async load(): Promise<LoadedSource> {
			if (!(await client.isSignedIn())) {
				throw new UserFacingError('Sign in to the CodeMentor platform to see its exercises.', [SIGN_IN_ACTION]);
			}
			const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
			const summaries: ExerciseSummary[] = [];
			// The daily exercise is a nicety: the catalog still shows when it fails.
			const daily = client.getDailyExercise(signal).then(
				d => toExerciseSummary(d.exercise),
				(error: unknown) => {
					logger.warn('Platform: no daily exercise', error);
					return undefined;
				},
			);
			for await (const item of client.allExercises({}, signal)) {
				summaries.push(toExerciseSummary(item));
				if (summaries.length >= PLATFORM_CATALOG_LIMIT) {
					logger.warn(`Platform: the catalog has more than ${PLATFORM_CATALOG_LIMIT} exercises; the rest are not listed.`);
					break;
				}
			}
			const pinned = await daily;
			if (pinned && !summaries.some(s => s.id === pinned.id)) {
				summaries.unshift(pinned);
			}
			const fetched = new Map<string, Promise<Exercise>>();
			return {
				id: PLATFORM_SOURCE_ID,
				title: 'CodeMentor Platform',
				kind: 'platform',
				root: options.baseUrl,
				summaries,
				problems: [],
				daily: pinned,
				load(idOrSlug: string): Promise<Exercise> {
					const id = platformExerciseId(idOrSlug) ?? summaries.find(s => s.slug === idOrSlug)?.id.slice(PLATFORM_SOURCE_ID.length + 1) ?? idOrSlug;
					let exercise = fetched.get(id);
					if (!exercise) {
						exercise = client.getExercise(id, AbortSignal.timeout(options.timeoutMs ?? 30_000)).then(toExercise);
						// A failed fetch is not remembered: the next start asks again.
						exercise.catch(() => fetched.delete(id));
						fetched.set(id, exercise);
					}
					return exercise;
				},
			};
		},
	};
}

/** Sends the learner's files to the platform; its verdict is the result (the learner sees the platform's grade). */
export async function submitToPlatform(client: Pick<PlatformClient, 'submitExercise'>, exerciseId: string, files: readonly ExerciseFile[], signal: AbortSignal): Promise<GradeResult> {
	const id = platformExerciseId(exerciseId);
	if (id === undefined) {
		throw new Error(`${exerciseId} is not a platform exercise`);
	}
	const verdict = await client.submitExercise(id, files, signal);
	return toGradeResult(verdict);
}
