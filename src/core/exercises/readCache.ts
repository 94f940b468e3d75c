// A pack's summaries come from one exercise.json per exercise: 10,000 exercises are 10,000 small
// reads each time the Exercises view first shows the pack. cachingSourceFs keeps their texts in one
// cache file per source. Each file is checked with a stat (size, mtime, ctime: one system call where a
// read takes four) — before its text is used, or, with `onStale`, after: the cached texts are served at
// once and checked in the background, and a changed file means the source is loaded again
// (`onStale(root)`), so the tree shows up from the cache and corrects itself a moment later. Before a
// pack was ever cached, its own index (index.json, see packIndex.ts) serves the same way.
// The cache is only ever a shortcut: a missing, corrupt or foreign cache file is ignored and
// rewritten, and a failed write is logged, never shown.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import writeFileAtomic from 'write-file-atomic';
import { errorMessage } from '../errors';
import { nullLogger, type Logger } from '../log';
import { readPackIndex } from './packIndex';
import { nodeSourceFs, type SourceFs } from './sources';

const VERSION = 1;
/** Bigger files are read every time: a summary file is a few hundred bytes. */
const MAX_CACHED_FILE = 64 * 1024;
/** Files checked between yields to the event loop (a slice takes a few ms). */
const SLICE = 500;

interface CacheFile {
	readonly version: number;
	readonly root: string;
	/** Path relative to the root → [stamp, text]. */
	readonly files: Record<string, readonly [string, string]>;
}

export interface ReadCacheStats {
	/** Files whose text came from the cache. */
	hits: number;
	/** Files read from disk (new, changed, or not cacheable). */
	misses: number;
	/**
	 * The last readFiles()'s work after it returned — the background check (with `onStale`) and the
	 * cache's update; true when a file it served had changed.
	 */
	checked: Promise<boolean>;
}

export interface CachingSourceFsOptions {
	readonly logger?: Logger;
	/**
	 * Serve cached texts without checking them first, check them in the background, and call this
	 * when one had changed (or vanished): the caller loads the source at `root` again.
	 */
	readonly onStale?: (root: string) => void;
}

type Entries = Record<string, readonly [string, string]>;

/**
 * nodeSourceFs with a read cache for readFiles() in `cacheDir` (one file per source root). `stats`
 * describes the last readFiles() call, for tests and the bench.
 */
export function cachingSourceFs(cacheDir: string, options: CachingSourceFsOptions = {}): SourceFs & { readonly stats: ReadCacheStats } {
	const logger = options.logger ?? nullLogger;
	const stats: ReadCacheStats = { hits: 0, misses: 0, checked: Promise.resolve(false) };
	const writes = new Map<string, Promise<void>>();
	const save = (cacheFile: string, root: string, files: Entries) => {
		const write = (writes.get(cacheFile) ?? Promise.resolve())
			.then(() => writeCache(cacheFile, { version: VERSION, root: path.resolve(root), files }))
			.catch(error => logger.debug(`Exercises: could not write the read cache ${cacheFile}: ${errorMessage(error)}`))
			.finally(() => writes.get(cacheFile) === write && writes.delete(cacheFile));
		writes.set(cacheFile, write);
		return write;
	};
	/** Stats every file (yielding between slices) and reads those the cache does not have as they are. */
	const check = async (files: readonly string[], root: string, cached: Entries | undefined) => {
		const next: Entries = {};
		const texts: (string | Error)[] = [];
		let hits = 0;
		for (let start = 0; start < files.length; start += SLICE) {
			if (start > 0) {
				await yieldToEventLoop();
			}
			for (const file of files.slice(start, start + SLICE)) {
				const key = keyOf(root, file);
				const stamp = stampOf(file);
				const hit = stamp === undefined ? undefined : validEntry(cached?.[key]);
				if (hit && hit[0] === stamp) {
					hits++;
					texts.push(hit[1]);
					next[key] = hit;
					continue;
				}
				const text = readText(file);
				texts.push(text);
				if (stamp !== undefined && typeof text === 'string' && text.length <= MAX_CACHED_FILE) {
					next[key] = [stamp, text];
				}
			}
		}
		// Anything read, or a cached file that is gone, means the cache file is out of date.
		const changed = cached === undefined || hits !== files.length || Object.keys(cached).length !== hits;
		return { next, texts, hits, changed };
	};
	return {
		stats,
		readFile: nodeSourceFs.readFile,
		readDirectory: nodeSourceFs.readDirectory,
		async readFiles(files, root) {
			if (root === undefined) {
				return nodeSourceFs.readFiles!(files);
			}
			const cacheFile = path.join(cacheDir, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.json`);
			await writes.get(cacheFile); // a write still in flight is the newest cache
			// Never cached here yet: a pack's own index (packIndex.ts) stands in, with stamps that never match.
			const cached = readCache(cacheFile, root, logger) ?? (options.onStale ? seedFromIndex(root) : undefined);
			if (cached && options.onStale) {
				// Served now: what the cache has, and a read for each file it does not know yet.
				let misses = 0;
				const texts = files.map(file => {
					const hit = validEntry(cached[keyOf(root, file)]);
					if (hit) {
						return hit[1];
					}
					misses++;
					return readText(file);
				});
				stats.hits = files.length - misses;
				stats.misses = misses;
				const onStale = options.onStale;
				stats.checked = (async () => {
					await yieldToEventLoop();
					const { next, changed } = await check(files, root, cached);
					if (!changed) {
						return false;
					}
					await save(cacheFile, root, next);
					// A file new to the cache was read above; one whose text changed or that is gone was served out of date.
					const stale = files.some(file => {
						const key = keyOf(root, file);
						const served = validEntry(cached[key]);
						return served !== undefined && next[key]?.[1] !== served[1];
					});
					if (stale) {
						logger.debug(`Exercises: ${root} changed since it was cached; loading it again`);
						onStale(root);
					}
					return stale;
				})().catch(error => {
					logger.debug(`Exercises: could not check the read cache of ${root}: ${errorMessage(error)}`);
					return false;
				});
				return texts;
			}
			const { next, texts, hits, changed } = await check(files, root, cached);
			stats.hits = hits;
			stats.misses = files.length - hits;
			// Not awaited: the tree does not wait for the cache to be written.
			stats.checked = changed ? save(cacheFile, root, next).then(() => false) : Promise.resolve(false);
			return texts;
		},
	};
}

/** Size, modification and change time: any write to the file changes at least one of them. */
function stampOf(file: string): string | undefined {
	const stat = nodeFs.statSync(file, { throwIfNoEntry: false });
	return stat?.isFile() ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : undefined;
}

/** The file's path relative to the root (by slicing when it is under it: path.relative is slow for 10,000). */
function keyOf(root: string, file: string): string {
	const prefix = root.endsWith(path.sep) ? root : root + path.sep;
	return file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file);
}

/** A pack's index as cache entries whose stamps never match: served once, then every file is read. */
function seedFromIndex(root: string): Entries | undefined {
	const texts = readPackIndex(root);
	return texts && Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, ['', text] as const]));
}

/** A well-formed cache entry, or undefined (the cache file may have been edited or damaged). */
function validEntry(entry: unknown): readonly [string, string] | undefined {
	return Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' ? (entry as [string, string]) : undefined;
}

function readText(file: string): string | Error {
	try {
		return nodeFs.readFileSync(file, 'utf8');
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

function readCache(cacheFile: string, root: string, logger: Logger): CacheFile['files'] | undefined {
	let text: string;
	try {
		text = nodeFs.readFileSync(cacheFile, 'utf8');
	} catch {
		return undefined; // not written yet
	}
	try {
		const value = JSON.parse(text) as Partial<CacheFile>;
		if (value.version === VERSION && value.root === path.resolve(root) && typeof value.files === 'object' && value.files !== null) {
			return value.files;
		}
	} catch {
		// fall through: rebuilt below
	}
	logger.debug(`Exercises: ignoring the unreadable read cache ${cacheFile}; it will be rebuilt.`);
	return undefined;
}

async function writeCache(cacheFile: string, value: CacheFile): Promise<void> {
	await nodeFs.promises.mkdir(path.dirname(cacheFile), { recursive: true });
	await writeFileAtomic(cacheFile, JSON.stringify(value));
}
