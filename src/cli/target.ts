// Which exercise a folder given to `codementor grade` is, and which files to grade: a started
// exercise (its .codementor.json marker names the source and id), an Exercism exercise folder in a
// track checkout (.meta/config.json), or an exercise folder of a pack (exercise.json).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { errorMessage } from '../core/errors';
import type { Exercise, ExerciseFile } from '../core/exercises/model';
import { MARKER_FILE, parseMarker } from '../core/exercises/scaffold';
import { loadSource, type LoadedSource } from '../core/exercises/sources';
import { UsageError } from './args';

export interface GradeTarget {
	readonly exercise: Exercise;
	readonly files: readonly ExerciseFile[];
	/** What is being graded, for the report's first line. */
	readonly what: 'learner' | 'starter' | 'reference';
}

async function exists(file: string): Promise<boolean> {
	return fs.stat(file).then(
		() => true,
		() => false,
	);
}

export async function openSource(dir: string): Promise<LoadedSource> {
	try {
		return await loadSource(dir);
	} catch (error) {
		throw new UsageError(errorMessage(error));
	}
}

async function loadExercise(source: LoadedSource, idOrSlug: string): Promise<Exercise> {
	try {
		return await source.load(idOrSlug);
	} catch (error) {
		// A marker written under another source id still names the slug last.
		const slug = idOrSlug.split('/').pop()!;
		if (slug !== idOrSlug) {
			try {
				return await source.load(slug);
			} catch {
				// Report the original failure.
			}
		}
		throw new UsageError(errorMessage(error));
	}
}

/** The learner's copies of the solution files, read from the folder they edit. */
async function readSolution(dir: string, exercise: Exercise): Promise<ExerciseFile[]> {
	return Promise.all(
		exercise.starterFiles.map(async ({ path: rel }) => {
			try {
				return { path: rel, content: await fs.readFile(path.join(dir, ...rel.split('/')), 'utf8') };
			} catch {
				throw new UsageError(`Expected ${rel} in ${dir}: it is the solution file of ${exercise.id}.`);
			}
		}),
	);
}

export async function resolveGradeTarget(input: string, reference: boolean): Promise<GradeTarget> {
	const dir = path.resolve(input);
	const stat = await fs.stat(dir).catch(() => undefined);
	if (!stat?.isDirectory()) {
		throw new UsageError(`${dir} is not a folder: expected an exercise folder.`);
	}
	const pick = async (exercise: Exercise, learnerDir: string | undefined): Promise<GradeTarget> =>
		reference
			? { exercise, files: exercise.referenceFiles, what: 'reference' }
			: learnerDir
				? { exercise, files: await readSolution(learnerDir, exercise), what: 'learner' }
				: { exercise, files: exercise.starterFiles, what: 'starter' };

	const markerFile = path.join(dir, MARKER_FILE);
	if (await exists(markerFile)) {
		const marker = parseMarker(await fs.readFile(markerFile, 'utf8'));
		if (!marker) {
			throw new UsageError(`${markerFile} is not valid: expected {"exerciseId": "<source>/<slug>", "source": "<folder of the pack or track>"}.`);
		}
		return pick(await loadExercise(await openSource(marker.source), marker.exerciseId), dir);
	}
	if (await exists(path.join(dir, '.meta', 'config.json'))) {
		// <track>/exercises/<practice|concept>/<slug>: the track is the nearest ancestor with a config.json.
		for (let up = path.dirname(dir), depth = 0; depth < 4 && up !== path.dirname(up); up = path.dirname(up), depth++) {
			if (await exists(path.join(up, 'config.json'))) {
				return pick(await loadExercise(await openSource(up), path.basename(dir)), dir);
			}
		}
		throw new UsageError(`${dir} looks like an Exercism exercise, but no track config.json was found above it: grade it inside a checkout of the whole track.`);
	}
	if (await exists(path.join(dir, 'exercise.json'))) {
		return pick(await loadExercise(await openSource(path.dirname(dir)), path.basename(dir)), undefined);
	}
	throw new UsageError(
		`${dir} is not an exercise folder: expected a ${MARKER_FILE} (a started exercise), a .meta/config.json (an Exercism exercise) or an exercise.json (an exercise of a pack).`,
	);
}
