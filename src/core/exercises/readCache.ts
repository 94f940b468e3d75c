// A pack's summaries come from one exercise.json per exercise: 10,000 exercises are 10,000 small
// reads each time the Exercises view first shows the pack. cachingSourceFs keeps their texts in one
// cache file per source and checks each file with a stat (size, mtime, ctime: one system call where a
// read takes four), so an unchanged pack costs one read plus the stats, and a changed file is always
// read again. The cache is only ever a shortcut: a missing, corrupt or foreign cache file is ignored
// and rewritten, and a failed write is logged, never shown.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import writeFileAtomic from 'write-file-atomic';
import { errorMessage } from '../errors';
import { nullLogger, type Logger } from '../log';
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
}

/**
 * nodeSourceFs with a read cache for readFiles() in `cacheDir` (one file per source root). `stats`
 * counts what the last readFiles() call did, for tests and the bench.
 */
export function cachingSourceFs(cacheDir: string, logger: Logger = nullLogger): SourceFs & { readonly stats: ReadCacheStats } {
	const stats: ReadCacheStats = { hits: 0, misses: 0 };
	const writes = new Map<string, Promise<void>>();
	return {
		stats,
		readFile: nodeSourceFs.readFile,
		readDirectory: nodeSourceFs.readDirectory,
		async readFiles(files, root) {
			stats.hits = 0;
			stats.misses = 0;
			if (root === undefined) {
				return nodeSourceFs.readFiles!(files);
			}
			const cacheFile = path.join(cacheDir, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.json`);
			await writes.get(cacheFile); // a write still in flight is the newest cache
			const cached = readCache(cacheFile, root, logger);
			const next: Record<string, readonly [string, string]> = {};
			const texts: (string | Error)[] = [];
			let changed = cached === undefined;
			for (let start = 0; start < files.length; start += SLICE) {
				if (start > 0) {
					await yieldToEventLoop();
				}
				for (const file of files.slice(start, start + SLICE)) {
					const key = path.relative(root, file);
					const stamp = stampOf(file);
					const hit = stamp === undefined ? undefined : cached?.[key];
					if (Array.isArray(hit) && hit[0] === stamp && typeof hit[1] === 'string') {
						stats.hits++;
						texts.push(hit[1]);
						next[key] = hit;
						continue;
					}
					stats.misses++;
					changed = true;
					const text = readText(file);
					texts.push(text);
					if (stamp !== undefined && typeof text === 'string' && text.length <= MAX_CACHED_FILE) {
						next[key] = [stamp, text];
					}
				}
			}
			if (!changed && Object.keys(cached!).length !== Object.keys(next).length) {
				changed = true; // files were removed: drop them from the cache
			}
			if (changed) {
				// Not awaited: the tree does not wait for the cache to be written.
				const write = writeCache(cacheFile, { version: VERSION, root: path.resolve(root), files: next })
					.catch(error => logger.debug(`Exercises: could not write the read cache ${cacheFile}: ${errorMessage(error)}`))
					.finally(() => writes.get(cacheFile) === write && writes.delete(cacheFile));
				writes.set(cacheFile, write);
			}
			return texts;
		},
	};
}

/** Size, modification and change time: any write to the file changes at least one of them. */
function stampOf(file: string): string | undefined {
	const stat = nodeFs.statSync(file, { throwIfNoEntry: false });
	return stat?.isFile() ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : undefined;
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
