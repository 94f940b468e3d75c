// A pack's index (index.json at its root, written by `codementor index`): the text of every
// exercise.json of the pack in one file, so that the very first time CodeMentor shows a big pack it
// reads one file instead of one per exercise. Like the read cache it seeds (readCache.ts), it is only
// a shortcut: its texts are served at once and every exercise.json is read in the background, and a
// pack that changed since the index was written is simply loaded again. A missing or unreadable index
// is ignored.
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserFacingError } from '../errors';
import type { LoadedSource } from './sources';

export const PACK_INDEX_FILE = 'index.json';
const FORMAT = 'codementor-pack-index';
const VERSION = 1;

interface PackIndex {
	readonly format: typeof FORMAT;
	readonly version: typeof VERSION;
	/** "<slug>/exercise.json" (forward slashes) → the file's text. */
	readonly files: Record<string, string>;
}

/** Writes the index of a loaded pack (its exercises that load; a broken one is left out and read as usual). */
export async function writePackIndex(source: LoadedSource): Promise<{ readonly file: string; readonly exercises: number }> {
	if (source.kind !== 'pack') {
		throw new UserFacingError(`${source.root} is ${source.kind === 'exercism' ? 'an Exercism track' : 'not a folder'}: only exercise packs (with a pack.json) have an index.`);
	}
	const files: Record<string, string> = {};
	for (const summary of source.summaries) {
		files[`${summary.slug}/exercise.json`] = await nodeFs.promises.readFile(path.join(source.root, summary.slug, 'exercise.json'), 'utf8');
	}
	const file = path.join(source.root, PACK_INDEX_FILE);
	const index: PackIndex = { format: FORMAT, version: VERSION, files };
	await writeFileAtomic(file, JSON.stringify(index));
	return { file, exercises: source.summaries.length };
}

/** The index's texts by path relative to `root` (this platform's separators), or undefined if there is no usable index. */
export function readPackIndex(root: string): Record<string, string> | undefined {
	let value: Partial<PackIndex>;
	try {
		value = JSON.parse(nodeFs.readFileSync(path.join(root, PACK_INDEX_FILE), 'utf8')) as Partial<PackIndex>;
	} catch {
		return undefined;
	}
	if (value?.format !== FORMAT || value.version !== VERSION || typeof value.files !== 'object' || value.files === null) {
		return undefined;
	}
	const texts: Record<string, string> = {};
	for (const [key, text] of Object.entries(value.files)) {
		if (typeof text === 'string') {
			texts[key.split('/').join(path.sep)] = text;
		}
	}
	return texts;
}
