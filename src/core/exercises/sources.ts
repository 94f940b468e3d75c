// Exercise sources: the common shape of a loaded exercise pack or Exercism track checkout, and
// loadSource(), which looks at a folder and decides which of the two it is. The readers
// themselves are pack.ts and exercism.ts; the catalog (catalog.ts) combines several sources.
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { errorMessage, UserFacingError } from '../errors';
import { readExercismTrack, isTrackConfig } from './exercism';
import type { Exercise, ExerciseSummary } from './model';
import { isMissing, readJsonFile, readPack, SourceError } from './pack';

export { SourceError } from './pack';

/** Something wrong with one file of a source; shown to the author so they can fix it. */
export interface SourceProblem {
	/** Absolute path of the file (or folder) at fault. */
	readonly file: string;
	/** Path of the offending field inside a JSON file, e.g. `concepts[1]`, `exercises.practice[3].difficulty`. */
	readonly field?: string;
	/** One sentence that starts with the file's path in the source, e.g. `two-sum/exercise.json: field "difficulty": expected one of beginner|easy|medium|hard, got "expert"`. */
	readonly message: string;
}

export interface LoadedSource {
	/** Prefix of its exercise ids, e.g. 'builtin', 'exercism-python'. */
	readonly id: string;
	/** e.g. 'CodeMentor exercises', 'Exercism: Python'. */
	readonly title: string;
	readonly kind: 'pack' | 'exercism' | 'platform';
	/** Absolute folder; for the platform, its URL. */
	readonly root: string;
	/** Cheap to produce: what a tree needs. */
	readonly summaries: readonly ExerciseSummary[];
	/** Broken exercises are reported here and left out of `summaries`; the rest loads. */
	readonly problems: readonly SourceProblem[];
	/** The pack asks for Learning Mode (AI completions off) while its exercises are worked on. */
	readonly requiresLearningMode?: boolean;
	/** The platform's exercise of the day (one of `summaries`), pinned on top of the tree. */
	readonly daily?: ExerciseSummary;
	/**
	 * The full exercise, read from disk now. Throws a UserFacingError naming the id if unknown, or a
	 * SourceError naming the file (and field) if the exercise turns out to be broken.
	 */
	load(idOrSlug: string): Promise<Exercise>;
}

export interface SourceDirEntry {
	readonly name: string;
	readonly isDirectory: boolean;
}

/** The file system as the readers see it; injectable so callers can read from elsewhere. */
export interface SourceFs {
	/** UTF-8 text. Rejects with an error whose `code` is 'ENOENT' when the file does not exist. */
	readFile(file: string): Promise<string>;
	/** Entries of a folder (symbolic links to folders count as folders); rejects with 'ENOENT'/'ENOTDIR'. */
	readDirectory(dir: string): Promise<readonly SourceDirEntry[]>;
	/**
	 * Optional fast path for many small files: each file's text, or the error reading it. `root` is the
	 * source folder they belong to (lets an implementation cache per source).
	 */
	readFiles?(files: readonly string[], root?: string): Promise<readonly (string | Error)[]>;
}

export interface LoadSourceOptions {
	/** Overrides the id from pack.json or the track slug (e.g. 'builtin' for the shipped pack). */
	readonly id?: string;
	readonly fs?: SourceFs;
}

export const nodeSourceFs: SourceFs = {
	readFile: file => nodeFs.promises.readFile(file, 'utf8'),
	// A pack's summaries are thousands of small exercise.json files. Synchronous reads in slices are
	// about three times faster than fs.promises (which costs four thread-pool round trips a file),
	// and yielding between slices keeps the extension host responsive (a slice takes a few ms).
	async readFiles(files) {
		const texts: (string | Error)[] = [];
		for (let start = 0; start < files.length; start += 100) {
			if (start > 0) {
				await yieldToEventLoop();
			}
			for (const file of files.slice(start, start + 100)) {
				try {
					texts.push(nodeFs.readFileSync(file, 'utf8'));
				} catch (error) {
					texts.push(error instanceof Error ? error : new Error(String(error)));
				}
			}
		}
		return texts;
	},
	async readDirectory(dir) {
		const entries = await nodeFs.promises.readdir(dir, { withFileTypes: true });
		const result: SourceDirEntry[] = [];
		for (const entry of entries) {
			// Only a symbolic link costs a stat (a pack has thousands of entries).
			result.push({ name: entry.name, isDirectory: entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path.join(dir, entry.name)))) });
		}
		return result;
	},
};

async function isDirectory(target: string): Promise<boolean> {
	try {
		return (await nodeFs.promises.stat(target)).isDirectory();
	} catch {
		return false; // a dangling link is not a folder
	}
}

/** Reads `dir` as an exercise pack (it has pack.json) or an Exercism track checkout (its config.json lists exercises). */
export async function loadSource(dir: string, options: LoadSourceOptions = {}): Promise<LoadedSource> {
	const root = path.resolve(dir);
	const fs = options.fs ?? nodeSourceFs;
	if (options.id !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(options.id)) {
		// The id becomes the first half of every exercise id ("<sourceId>/<slug>"), stored in progress.
		throw new UserFacingError(`The source id "${options.id}" for ${root} must be lower-case letters, digits, ".", "_" or "-".`);
	}
	let entries: readonly SourceDirEntry[];
	let names: Set<string>;
	try {
		entries = await fs.readDirectory(root);
		names = new Set(entries.map(entry => entry.name));
	} catch (error) {
		if ((error as { code?: string }).code === 'ENOTDIR') {
			throw new UserFacingError(`The exercise source ${root} is a file; expected a folder with a pack.json or an Exercism track's config.json.`);
		}
		if (isMissing(error)) {
			throw new UserFacingError(`The exercise folder ${root} does not exist.`);
		}
		throw new UserFacingError(`Cannot read the exercise folder ${root}: ${errorMessage(error)}.`, [], { cause: error });
	}
	if (names.has('pack.json')) {
		return readPack(root, { id: options.id, fs, entries });
	}
	if (names.has('config.json')) {
		const configFile = path.join(root, 'config.json');
		const read = await readJsonFile(fs, root, configFile);
		if (!read.ok) {
			throw new SourceError(read.problem);
		}
		if (isTrackConfig(read.value)) {
			return readExercismTrack(root, read.value, { id: options.id, fs });
		}
		throw neither(root, `its config.json is not an Exercism track config (it has no "exercises" with "concept" and "practice" lists)`);
	}
	if (names.has('.exercism')) {
		throw neither(root, 'it looks like one exercise downloaded by the Exercism CLI; add a checkout of the whole track instead (git clone https://github.com/exercism/python)');
	}
	if (names.has('exercise.json')) {
		throw neither(root, 'it looks like one exercise of a pack; add the pack folder (the one with pack.json) instead');
	}
	throw neither(root, `expected a pack.json (an exercise pack, see docs/exercise-format.md) or an Exercism track's config.json`);
}

function neither(root: string, detail: string): UserFacingError {
	return new UserFacingError(`${root} is neither an exercise pack nor an Exercism track: ${detail}.`);
}

/**
 * Loads every exercise of a source and returns all problems, its own and each exercise's.
 * Slow on big sources (it reads every file): for authors' checks and the built-in pack's tests.
 */
export async function checkSource(source: LoadedSource): Promise<readonly SourceProblem[]> {
	const problems = [...source.problems];
	for (const summary of source.summaries) {
		try {
			await source.load(summary.id);
		} catch (error) {
			problems.push(
				error instanceof SourceError ? error.problem : { file: source.root, message: `${summary.slug}: ${errorMessage(error)}` },
			);
		}
	}
	return problems;
}
