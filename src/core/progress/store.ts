// The durable, per-user progress store: an append-only journal plus a compacted snapshot, shared
// safely by every VS Code window of one user, with schema migrations and recovery from damaged files.
// Also owns the zod schema of progress events and the "JSON file with a backup" helpers that
// profile.ts reuses.
//
// On disk, in the user's directory (see userDirectory):
//   events.jsonl              the journal: one event per line, appended by any window without a lock
//   progress.json             the snapshot { schemaVersion, compactedAt, events }, written atomically
//   progress.json.bak         the previous good snapshot
//   events.*.compacting       a journal that a compaction has taken over (present only while it runs,
//                             or after a crash, when the next compaction picks it up)
//   events.jsonl.rejected     journal lines that could not be read, kept for inspection
//   progress.json.corrupt-*   damaged snapshots, moved aside
//   progress.lock             proper-lockfile's lock (a directory), held while the snapshot is written
//
// Concurrency design (events are immutable and merged by id, so reading one twice is harmless):
// - An append is one write(2) of one line (< 4 KB) to a file opened with O_APPEND. We assume, as
//   POSIX local file systems and NTFS give us, that such writes from several processes never
//   interleave; network file systems are not supported.
// - Compaction holds the lock, renames events.jsonl to events.<pid>-<rand>.compacting (new appends
//   create a fresh events.jsonl), merges snapshot + every *.compacting + this window's memory by id,
//   writes the snapshot, and only then deletes the *.compacting files.
// - An appender that opened events.jsonl just before the rename may write into the renamed file
//   after the compactor read it. So after writing, and before closing, it compares the inode it
//   wrote to with the one now at events.jsonl; if they differ it appends the line again. Holding the
//   file open keeps its inode from being reused, so "same inode" proves the line was in place
//   before the rename and the compactor read it.
import { randomUUID } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { lock as lockDirectory } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { UserFacingError, errorMessage } from '../errors';
import { nullLogger, type Logger } from '../log';
import type {
	NewStudyTask,
	ProgressEvent,
	ProgressEventData,
	ProgressSink,
	StudyTask,
	StudyTaskStatus,
	StudyTaskStore,
} from './events';

// ---- schemas ------------------------------------------------------------------------------------

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2025-01-31' });
const count = z.number().int().nonnegative();
const concepts = z.array(z.string());
const exerciseId = z.string().min(1);

// Caps keep every journal line well under the 4 KB the append design relies on.
export const studyTaskSchema = z.object({
	id: z.string().min(1).max(100),
	title: z.string().trim().min(1).max(200),
	due: isoDate.optional(),
	concepts: z.array(z.string().max(100)).max(20).optional(),
	notes: z.string().max(1000).optional(),
	status: z.enum(['open', 'done']),
	createdAt: z.string(),
	updatedAt: z.string(),
});

/** The payload of every progress event (what `record` accepts). */
export const progressEventSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('exercise.started'), exerciseId, concepts }),
	z.object({ type: z.literal('tests.run'), exerciseId, concepts, passed: count, failed: count, durationMs: z.number().nonnegative() }),
	z.object({ type: z.literal('submission'), exerciseId, concepts, passed: z.boolean(), score: z.object({ passed: count, total: count }) }),
	z.object({
		type: z.literal('hint.used'),
		exerciseId: exerciseId.optional(),
		level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
		source: z.enum(['authored', 'model']),
	}),
	z.object({ type: z.literal('solution.viewed'), exerciseId }),
	z.object({ type: z.literal('tutor.turn'), conversationId: z.string().min(1), mode: z.string() }),
	z.object({ type: z.literal('error.seen'), kind: z.string().min(1), exerciseId: exerciseId.optional(), language: z.string().optional() }),
	z.object({ type: z.literal('task.added'), task: studyTaskSchema }),
	z.object({ type: z.literal('task.updated'), task: studyTaskSchema }),
	z.object({ type: z.literal('task.deleted'), taskId: z.string().min(1) }),
]);

/** A stored event: a payload plus the `id` and `at` the store adds. */
export const storedProgressEventSchema = z.intersection(
	progressEventSchema,
	z.object({ id: z.string().min(1).max(100), at: z.iso.datetime({ offset: true }) }),
);

// Compile-time proof that the schemas and the hand-written types in events.ts agree.
const _dataMatches: z.ZodType<ProgressEventData> = progressEventSchema;
const _eventMatches: z.ZodType<ProgressEvent> = storedProgressEventSchema;
void _dataMatches;
void _eventMatches;

export const CURRENT_SCHEMA_VERSION = 2;

const snapshotSchema = z.object({
	schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
	compactedAt: z.string(),
	events: z.array(storedProgressEventSchema),
});

/**
 * `migrations[n]` turns a snapshot of schema version n into version n + 1. Journal lines carry no
 * version, so a line that fails the current schema is run through these too (as a one-event snapshot).
 */
export const migrations: Record<number, (old: any) => unknown> = {
	// v1 (the 0.0.x previews) stored epoch-millisecond timestamps (`at`, `savedAt`) and had only
	// authored hints, so `hint.used` carried no `source`.
	1: (old: { savedAt?: number; events?: unknown }) => ({
		schemaVersion: 2,
		compactedAt: typeof old.savedAt === 'number' ? formatLocalIso(new Date(old.savedAt)) : formatLocalIso(new Date()),
		events: (Array.isArray(old.events) ? old.events : []).map((e: any) => {
			if (e === null || typeof e !== 'object') {
				return e;
			}
			const upgraded = { ...e };
			if (typeof e.at === 'number') {
				upgraded.at = formatLocalIso(new Date(e.at));
			}
			if (e.type === 'hint.used' && e.source === undefined) {
				upgraded.source = 'authored';
			}
			return upgraded;
		}),
	}),
};

/** Runs the migrations from `version` up to the current version; throws when one is missing. */
export function migrateSnapshot(json: unknown, version: number): unknown {
	let current = json;
	for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
		const step = migrations[v];
		if (!step) {
			throw new Error(`No migration from progress schema version ${v}.`);
		}
		current = step(current);
	}
	return current;
}

/** Validates one stored event, upgrading it from an older schema if needed. */
export function decodeEvent(json: unknown): ProgressEvent | undefined {
	const parsed = storedProgressEventSchema.safeParse(json);
	if (parsed.success) {
		return parsed.data;
	}
	for (let v = CURRENT_SCHEMA_VERSION - 1; v >= 1; v--) {
		try {
			const migrated = migrateSnapshot({ schemaVersion: v, events: [json] }, v) as { events?: unknown[] };
			const again = storedProgressEventSchema.safeParse(migrated.events?.[0]);
			if (again.success) {
				return again.data;
			}
		} catch {
			// Not an event of that version either.
		}
	}
	return undefined;
}

// ---- users and time -----------------------------------------------------------------------------

export type ProgressUser =
	| {
			readonly kind: 'github';
			readonly id: number | string;
			/** Not part of the path: logins can be renamed, ids cannot. */
			readonly login: string;
			/** A GitHub Enterprise host; ids of different hosts may collide. Omit for github.com. */
			readonly host?: string;
	  }
	| { readonly kind: 'local' };

/** The folder under `root` (VS Code's globalStorage) holding one user's progress. */
export function userDirectory(root: string, user: ProgressUser): string {
	if (user.kind === 'local') {
		return path.join(root, 'local');
	}
	const id = safeName(String(user.id));
	const host = user.host?.trim().toLowerCase();
	return path.join(root, host && host !== 'github.com' ? `ghe-${safeName(host)}-${id}` : `github-${id}`);
}

// Injective and case-insensitive-file-system safe: anything but [a-z0-9.-] becomes _hh.
function safeName(value: string): string {
	return value.replace(/[^a-z0-9.-]/g, c => `_${c.codePointAt(0)!.toString(16)}`) || '_';
}

/** `date` as ISO 8601 in this machine's time zone with its offset, e.g. 2025-03-01T09:30:00.000+01:00. */
export function formatLocalIso(date: Date): string {
	const offsetMinutes = -date.getTimezoneOffset();
	const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
	const abs = Math.abs(offsetMinutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local}${offsetMinutes >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---- JSON files with a backup (shared with profile.ts) ------------------------------------------

export interface ProgressNotice {
	readonly kind: 'fileRecovered' | 'journalLinesSkipped' | 'newerVersion';
	/** One sentence for the user: what happened, what was recovered, where the bad copy is. */
	readonly message: string;
	/** The damaged copy or the file of rejected lines. */
	readonly path?: string;
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly salvage?: T };

export interface DurableJsonSpec<T> {
	/** What the file holds, for messages: "saved progress", "learner profile". */
	readonly label: string;
	decode(json: unknown): Decoded<T>;
	encode(value: T): string;
	/** Combines the backup with what could be salvaged from the damaged file. */
	combine?(backup: T | undefined, salvage: T): T;
	/** Describes a salvage for the notice, e.g. "12 readable events". */
	describeSalvage?(salvage: T): string | undefined;
	/** What happens when nothing could be recovered, e.g. "used the default profile". */
	readonly emptyOutcome: string;
	readonly now: () => Date;
	readonly logger?: Logger;
}

export interface DurableJsonRead<T> {
	readonly value: T | undefined;
	/** The file's text when it was read as is (what the next save keeps as `.bak`). */
	readonly text?: string;
	readonly notice?: ProgressNotice;
}

async function readText(file: string): Promise<string | undefined> {
	try {
		return await fs.readFile(file, 'utf8');
	} catch (e) {
		if (isCode(e, 'ENOENT')) {
			return undefined;
		}
		throw e;
	}
}

function decodeText<T>(text: string, spec: DurableJsonSpec<T>): Decoded<T> {
	if (text.trim() === '') {
		return { ok: false, reason: 'it was empty' };
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, reason: /end of (JSON )?input|Unterminated/i.test(errorMessage(e)) ? 'it was cut off' : 'it was not valid JSON' };
	}
	return spec.decode(json);
}

/**
 * Reads `file`; when it is damaged, moves it to `<file>.corrupt-<timestamp>`, restores `<file>.bak`
 * (plus whatever the spec can salvage from the damaged copy) and reports a notice. Callers that share
 * the file between processes should hold their lock while this runs.
 */
export async function readDurableJson<T>(file: string, spec: DurableJsonSpec<T>): Promise<DurableJsonRead<T>> {
	const logger = spec.logger ?? nullLogger;
	const name = path.basename(file);
	const bakFile = `${file}.bak`;
	const text = await readText(file);
	if (text !== undefined) {
		const decoded = decodeText(text, spec);
		if (decoded.ok) {
			return { value: decoded.value, text };
		}
		const corrupt = `${file}.corrupt-${spec.now().toISOString().replace(/[:.]/g, '-')}`;
		try {
			await fs.rename(file, corrupt);
		} catch (e) {
			if (isCode(e, 'ENOENT')) {
				// Another process moved it aside first and is restoring it: read what it wrote.
				return readDurableJson(file, spec);
			}
			throw e;
		}
		logger.warn(`${file} is damaged (${decoded.reason}); moved it to ${corrupt}.`);
		const backup = await readBackup(bakFile, spec);
		const salvage = decoded.salvage;
		const value = salvage === undefined ? backup : spec.combine ? spec.combine(backup, salvage) : (backup ?? salvage);
		if (value !== undefined) {
			await writeFileAtomic(file, spec.encode(value));
		}
		const salvaged = salvage !== undefined ? spec.describeSalvage?.(salvage) : undefined;
		const recovered =
			backup !== undefined
				? `restored the previous backup${salvaged ? ` plus ${salvaged} from the damaged file` : ''}`
				: salvaged
					? `kept ${salvaged} from it (no usable backup was found)`
					: `found no usable backup and ${spec.emptyOutcome}`;
		return {
			value,
			notice: {
				kind: 'fileRecovered',
				message: `Your ${spec.label} (${name}) could not be read because ${decoded.reason}, so CodeMentor ${recovered}; the damaged copy is at ${corrupt}.`,
				path: corrupt,
			},
		};
	}
	// No file but a backup: someone deleted it, or a restore was interrupted.
	const backup = await readBackup(bakFile, spec);
	if (backup === undefined) {
		return { value: undefined };
	}
	await writeFileAtomic(file, spec.encode(backup));
	return {
		value: backup,
		notice: { kind: 'fileRecovered', message: `Your ${spec.label} (${name}) was missing, so CodeMentor restored it from its backup ${bakFile}.`, path: bakFile },
	};
}

async function readBackup<T>(bakFile: string, spec: DurableJsonSpec<T>): Promise<T | undefined> {
	const text = await readText(bakFile);
	if (text === undefined) {
		return undefined;
	}
	const decoded = decodeText(text, spec);
	if (decoded.ok) {
		return decoded.value;
	}
	(spec.logger ?? nullLogger).warn(`The backup ${bakFile} is damaged too (${decoded.reason}).`);
	return decoded.salvage;
}

/** Writes `file` atomically (temp + fsync + rename), first keeping `previousText` as `<file>.bak`. */
export async function writeDurableJson(file: string, text: string, previousText: string | undefined): Promise<void> {
	if (previousText !== undefined) {
		await writeFileAtomic(`${file}.bak`, previousText);
	}
	await writeFileAtomic(file, text);
}

function isCode(error: unknown, code: string): boolean {
	return (error as { code?: unknown } | null)?.code === code;
}

// ---- the journal --------------------------------------------------------------------------------

const SNAPSHOT = 'progress.json';
const JOURNAL = 'events.jsonl';
const REJECTED = 'events.jsonl.rejected';
const LOCK = 'progress.lock';
const COMPACTING = '.compacting';

/** One line; `id` comes first so a line glued to a cut-off one can be found again. */
function serializeEvent(event: ProgressEvent): string {
	const { id, at, ...data } = event;
	return JSON.stringify({ id, at, ...data });
}

interface JournalRead {
	readonly events: ProgressEvent[];
	/** Complete lines that were not events. */
	readonly bad: string[];
	/** An unreadable last line without its newline: cut off, or (rarely) still being written. */
	readonly tail?: string;
	/** Byte offset just past the last complete line read. */
	readonly end: number;
	readonly lines: number;
	readonly ino: bigint;
}

function decodeLine(line: string, events: ProgressEvent[], bad: string[]): void {
	if (line.trim() === '') {
		return;
	}
	try {
		const event = decodeEvent(JSON.parse(line));
		if (event) {
			events.push(event);
			return;
		}
	} catch {
		// Falls through to the search for a glued line.
	}
	// A process killed mid-write leaves a line without its newline; the next append then lands on
	// the same line. Recover the appended event rather than rejecting both.
	const glued = line.lastIndexOf('{"id":');
	if (glued > 0) {
		decodeLine(line.slice(glued), events, bad);
		decodeLine(line.slice(0, glued), events, bad);
		return;
	}
	bad.push(line);
}

async function readJournal(file: string, fromOffset: number, expectIno?: bigint): Promise<JournalRead | undefined> {
	let handle: fs.FileHandle;
	try {
		handle = await fs.open(file, 'r');
	} catch (e) {
		if (isCode(e, 'ENOENT')) {
			return undefined;
		}
		throw e;
	}
	try {
		const stat = await handle.stat({ bigint: true });
		const start = expectIno === stat.ino && fromOffset <= Number(stat.size) ? fromOffset : 0;
		const length = Number(stat.size) - start;
		const buffer = Buffer.alloc(length);
		let read = 0;
		while (read < length) {
			const { bytesRead } = await handle.read(buffer, read, length - read, start + read);
			if (bytesRead === 0) {
				break;
			}
			read += bytesRead;
		}
		const data = buffer.subarray(0, read);
		const lastNewline = data.lastIndexOf(0x0a);
		const complete = lastNewline >= 0 ? data.subarray(0, lastNewline + 1).toString('utf8') : '';
		const rest = data.subarray(lastNewline + 1).toString('utf8');
		const events: ProgressEvent[] = [];
		const bad: string[] = [];
		const lines = complete === '' ? [] : complete.slice(0, -1).split('\n');
		for (const line of lines) {
			decodeLine(line.replace(/\r$/, ''), events, bad);
		}
		let tail: string | undefined;
		if (rest.trim() !== '') {
			// A complete event whose newline is still in flight is read now and again next time.
			const tailBad: string[] = [];
			decodeLine(rest, events, tailBad);
			tail = tailBad.length > 0 ? rest : undefined;
		}
		return { events, bad, tail, end: start + lastNewline + 1, lines: lines.length, ino: stat.ino };
	} finally {
		await handle.close();
	}
}

async function appendLine(file: string, line: string, opened?: () => Promise<void>): Promise<{ ino: bigint; size: bigint; retries: number }> {
	const data = Buffer.from(`${line}\n`, 'utf8');
	for (let attempt = 0; attempt < 20; attempt++) {
		const handle = await fs.open(file, 'a');
		try {
			await opened?.();
			let written = 0;
			while (written < data.length) {
				written += (await handle.write(data, written, data.length - written)).bytesWritten;
			}
			const mine = await handle.stat({ bigint: true });
			const current = await fs.stat(file, { bigint: true }).catch((e: unknown): undefined => {
				if (isCode(e, 'ENOENT')) {
					return undefined;
				}
				throw e;
			});
			if (current && current.ino === mine.ino && current.dev === mine.dev) {
				return { ino: mine.ino, size: mine.size, retries: attempt };
			}
		} finally {
			await handle.close();
		}
		// A compaction took the journal over between our open and our check; the compactor may
		// have read it before our line landed, so write the line again (ids make that harmless).
	}
	throw new Error(`The progress journal ${file} kept being replaced while writing to it.`);
}

async function listCompacting(dir: string): Promise<string[]> {
	const names = await fs.readdir(dir);
	return names
		.filter(n => n.startsWith('events.') && n.endsWith(COMPACTING))
		.sort()
		.map(n => path.join(dir, n));
}

function statKey(stat: BigIntStats | undefined): string {
	return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : '-';
}

async function statOrUndefined(file: string): Promise<BigIntStats | undefined> {
	try {
		return await fs.stat(file, { bigint: true });
	} catch (e) {
		if (isCode(e, 'ENOENT')) {
			return undefined;
		}
		throw e;
	}
}

function compareEvents(a: ProgressEvent, b: ProgressEvent): number {
	const byTime = Date.parse(a.at) - Date.parse(b.at);
	return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---- the store ----------------------------------------------------------------------------------

export interface ProgressStoreOptions {
	/** The user's directory (see userDirectory); created if missing. */
	readonly dir: string;
	readonly clock?: () => Date;
	readonly idGen?: () => string;
	readonly logger?: Logger;
	/** Called for each recovery the user should hear about (also kept in `notices`). */
	readonly onNotice?: (notice: ProgressNotice) => void;
	/** Compact once the journal holds this many lines or bytes (defaults: 1000 lines, 512 KB). */
	readonly compactAfter?: { readonly lines?: number; readonly bytes?: number };
	/** How long a lock whose holder stopped updating it is honoured (ms, at least 2000). */
	readonly lockStaleMs?: number;
	/** Test seam: runs after an append opened the journal and before it writes. */
	readonly afterJournalOpened?: () => Promise<void>;
}

interface SnapshotRead {
	readonly events: readonly ProgressEvent[];
	readonly text?: string;
	readonly newer: boolean;
}

export class ProgressStore implements ProgressSink, StudyTaskStore {
	private readonly byId = new Map<string, ProgressEvent>();
	private sorted: readonly ProgressEvent[] | undefined;
	private taskCache: { readonly version: number; readonly tasks: Map<string, StudyTask> } | undefined;
	private version = 0;
	private readonly listeners = new Set<() => void>();
	private readonly noticeList: ProgressNotice[] = [];
	private readonly unsaved = new Set<string>();
	private readonly paths: { readonly snapshot: string; readonly journal: string; readonly rejected: string; readonly lock: string };
	private readonly clock: () => Date;
	private readonly idGen: () => string;
	private readonly logger: Logger;
	private readonly compactLines: number;
	private readonly compactBytes: number;
	private readonly lockStaleMs: number;
	/** Stats of snapshot + journal at the last read; reload() is a no-op while they match. */
	private lastDiskKey = '';
	private snapshotKey = '';
	private journalPos: { ino: bigint; end: number } | undefined;
	private journalLines = 0;
	private journalIno: bigint | undefined;
	private lastAtMs = 0;
	private newerSchema = false;
	private queue: Promise<unknown> = Promise.resolve();
	private disposed = false;
	private retriedAppends = 0;

	private constructor(
		private readonly dir: string,
		options: ProgressStoreOptions,
	) {
		this.paths = {
			snapshot: path.join(dir, SNAPSHOT),
			journal: path.join(dir, JOURNAL),
			rejected: path.join(dir, REJECTED),
			lock: path.join(dir, LOCK),
		};
		this.clock = options.clock ?? (() => new Date());
		this.idGen = options.idGen ?? randomUUID;
		this.logger = options.logger ?? nullLogger;
		this.onNotice = options.onNotice;
		this.compactLines = options.compactAfter?.lines ?? 1000;
		this.compactBytes = options.compactAfter?.bytes ?? 512 * 1024;
		this.lockStaleMs = options.lockStaleMs ?? 10_000;
		this.afterJournalOpened = options.afterJournalOpened;
	}

	private readonly afterJournalOpened: (() => Promise<void>) | undefined;

	private readonly onNotice: ((notice: ProgressNotice) => void) | undefined;

	/** Opens (and if needed recovers) the store in `options.dir`. Throws only if the folder is unusable. */
	static async open(options: ProgressStoreOptions): Promise<ProgressStore> {
		await fs.mkdir(options.dir, { recursive: true });
		const store = new ProgressStore(options.dir, options);
		const needsCompaction = await store.serial(() => store.readDisk());
		if (needsCompaction) {
			await store.serial(() => store.compactNow(false)).catch((e: unknown) => store.logger.warn(`Could not compact progress in ${options.dir}: ${errorMessage(e)}`));
		}
		return store;
	}

	/** How often an append found the journal taken over by a compaction and wrote its line again. */
	get appendRetries(): number {
		return this.retriedAppends;
	}

	/** Recoveries reported so far (also passed to `onNotice`). */
	get notices(): readonly ProgressNotice[] {
		return this.noticeList;
	}

	// ---- events ----

	/** Records one event; resolves to it (undefined when it could not be recorded, which is logged). */
	async record(data: ProgressEventData): Promise<ProgressEvent | undefined> {
		return this.recordEvent(data);
	}

	/** All events, oldest first (by `at`, then `id`). */
	events(): readonly ProgressEvent[] {
		this.sorted ??= [...this.byId.values()].sort(compareEvents);
		return this.sorted;
	}

	/** Picks up what other windows wrote; returns how many events are new. Cheap when nothing changed. */
	async reload(): Promise<number> {
		return this.serial(async () => {
			if ((await this.diskState()).key === this.lastDiskKey) {
				return 0;
			}
			const before = this.byId.size;
			await this.readDisk();
			return this.byId.size - before;
		});
	}

	/** Adds the events whose ids are new (e.g. from another machine) and persists them; returns how many. */
	async merge(events: readonly unknown[]): Promise<number> {
		const fresh = new Map<string, ProgressEvent>();
		for (const raw of events) {
			const event = decodeEvent(raw);
			if (!event) {
				this.logger.warn(`Skipped an unreadable progress event while merging: ${JSON.stringify(raw)?.slice(0, 200)}`);
			} else if (!this.byId.has(event.id) && !fresh.has(event.id)) {
				fresh.set(event.id, event);
			}
		}
		if (fresh.size > 0) {
			this.absorb(fresh.values());
			await this.persist([...fresh.values()]);
		}
		return fresh.size;
	}

	/** Folds the journal into the snapshot now (waiting for another window's compaction if needed). */
	async compact(): Promise<void> {
		await this.serial(() => this.compactNow(true));
	}

	onDidChange(listener: () => void): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	dispose(): void {
		this.disposed = true;
		this.listeners.clear();
	}

	// ---- study tasks ----

	async list(filter?: { readonly status?: StudyTaskStatus }): Promise<readonly StudyTask[]> {
		return [...this.tasks().values()]
			.filter(t => filter?.status === undefined || t.status === filter.status)
			.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1));
	}

	async add(task: NewStudyTask): Promise<StudyTask> {
		const now = this.nextAt();
		const created = this.validTask(cleanTask({ ...task, id: this.idGen(), status: 'open', createdAt: now, updatedAt: now }));
		await this.recordEvent({ type: 'task.added', task: created }, now);
		return created;
	}

	/** Empty strings clear `due`/`notes`, an empty array clears `concepts`; undefined leaves a field as is. */
	async update(id: string, patch: Partial<NewStudyTask> & { readonly status?: StudyTaskStatus }): Promise<StudyTask> {
		const current = this.requireTask(id);
		const now = this.nextAt();
		const merged: Record<string, unknown> = { ...current, updatedAt: now };
		for (const key of ['title', 'due', 'concepts', 'notes', 'status'] as const) {
			const value = patch[key];
			if (value !== undefined) {
				merged[key] = value;
			}
		}
		const updated = this.validTask(cleanTask(merged));
		await this.recordEvent({ type: 'task.updated', task: updated }, now);
		return updated;
	}

	async complete(id: string): Promise<StudyTask> {
		return this.update(id, { status: 'done' });
	}

	async delete(id: string): Promise<void> {
		this.requireTask(id);
		await this.recordEvent({ type: 'task.deleted', taskId: id });
	}

	// ---- internals ----

	private requireTask(id: string): StudyTask {
		const task = this.tasks().get(id);
		if (!task) {
			throw new UserFacingError(`There is no study task with the id "${id}".`);
		}
		return task;
	}

	private validTask(task: Record<string, unknown>): StudyTask {
		const parsed = studyTaskSchema.safeParse(task);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			throw new UserFacingError(`The study task's ${issue.path.join('.') || 'data'} is invalid: ${issue.message}.`);
		}
		return parsed.data;
	}

	/** Replays task events in order; a deletion is final even if an edit from a skewed clock follows. */
	private tasks(): Map<string, StudyTask> {
		if (this.taskCache?.version === this.version) {
			return this.taskCache.tasks;
		}
		const tasks = new Map<string, StudyTask>();
		const deleted = new Set<string>();
		for (const event of this.events()) {
			if (event.type === 'task.deleted') {
				deleted.add(event.taskId);
				tasks.delete(event.taskId);
			} else if ((event.type === 'task.added' || event.type === 'task.updated') && !deleted.has(event.task.id)) {
				if (event.type === 'task.updated' || !tasks.has(event.task.id)) {
					tasks.set(event.task.id, event.task);
				}
			}
		}
		this.taskCache = { version: this.version, tasks };
		return tasks;
	}

	/** Strictly increasing within this store, so two events of one window never tie on `at`. */
	private nextAt(): string {
		const ms = Math.max(this.clock().getTime(), this.lastAtMs + 1);
		this.lastAtMs = ms;
		return formatLocalIso(new Date(ms));
	}

	private async recordEvent(data: ProgressEventData, at?: string): Promise<ProgressEvent | undefined> {
		try {
			if (this.disposed) {
				this.logger.warn(`Progress event ${data.type} arrived after the store was closed and was not recorded.`);
				return undefined;
			}
			const parsed = progressEventSchema.safeParse(data);
			if (!parsed.success) {
				this.logger.error(`Progress event ${String((data as { type?: unknown })?.type)} was not recorded: ${z.prettifyError(parsed.error)}`);
				return undefined;
			}
			const event = { id: this.idGen(), at: at ?? this.nextAt(), ...parsed.data } as ProgressEvent;
			this.absorb([event]);
			await this.persist([event]);
			return event;
		} catch (e) {
			this.logger.error(`Recording progress failed: ${errorMessage(e)}`);
			return undefined;
		}
	}

	/** Adds events not seen before; fires onDidChange when there were any. */
	private absorb(events: Iterable<ProgressEvent>): number {
		let added = 0;
		for (const event of events) {
			if (!this.byId.has(event.id)) {
				this.byId.set(event.id, event);
				added++;
			}
		}
		if (added > 0) {
			this.version++;
			this.sorted = undefined;
			this.fire();
		}
		return added;
	}

	private fire(): void {
		for (const listener of [...this.listeners]) {
			try {
				listener();
			} catch (e) {
				this.logger.error(`A progress listener failed: ${errorMessage(e)}`);
			}
		}
	}

	private notice(notice: ProgressNotice): void {
		if (this.noticeList.some(n => n.message === notice.message)) {
			return;
		}
		this.noticeList.push(notice);
		this.logger.warn(notice.message);
		try {
			this.onNotice?.(notice);
		} catch (e) {
			this.logger.error(`A progress notice listener failed: ${errorMessage(e)}`);
		}
	}

	/** Appends to the journal; what cannot be written stays in memory and goes into the next snapshot. */
	private async persist(events: readonly ProgressEvent[]): Promise<void> {
		const toWrite = [...events, ...[...this.unsaved].map(id => this.byId.get(id)!).filter(e => !events.includes(e))];
		for (const event of toWrite) {
			try {
				const { ino, size, retries } = await appendLine(this.paths.journal, serializeEvent(event), this.afterJournalOpened);
				this.retriedAppends += retries;
				this.unsaved.delete(event.id);
				if (ino !== this.journalIno) {
					this.journalIno = ino;
					this.journalLines = 0;
				}
				this.journalLines++;
				if (this.journalLines >= this.compactLines || Number(size) >= this.compactBytes) {
					this.journalLines = 0;
					await this.serial(() => this.compactNow(false)).catch((e: unknown) => this.logger.warn(`Could not compact progress: ${errorMessage(e)}`));
				}
			} catch (e) {
				if (!this.unsaved.has(event.id)) {
					this.logger.error(`Could not save a progress event to ${this.paths.journal}; it is kept in memory for now: ${errorMessage(e)}`);
				}
				this.unsaved.add(event.id);
			}
		}
	}

	/** Runs reads and compactions of this store one at a time. */
	private serial<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.queue.then(fn, fn);
		this.queue = run.catch(() => undefined);
		return run;
	}

	private async diskState(): Promise<{ key: string; snapshot: string; journalIno: bigint | undefined }> {
		const [snapshot, journal] = await Promise.all([statOrUndefined(this.paths.snapshot), statOrUndefined(this.paths.journal)]);
		return { key: `${statKey(snapshot)}|${statKey(journal)}`, snapshot: statKey(snapshot), journalIno: journal?.ino };
	}

	/**
	 * Reads what changed on disk into memory: in-flight compactions, the journal (only its new tail
	 * when it is the same file as last time) and the snapshot (when it changed). Returns whether the
	 * journal needs a compaction to clean it up.
	 */
	private async readDisk(): Promise<boolean> {
		let needsCompaction = false;
		for (let attempt = 0; ; attempt++) {
			const before = await this.diskState();
			const compacting = await listCompacting(this.dir);
			const found: ProgressEvent[] = [];
			for (const file of compacting) {
				const read = await readJournal(file, 0);
				found.push(...(read?.events ?? []));
			}
			const journal = await readJournal(this.paths.journal, this.journalPos?.end ?? 0, this.journalPos?.ino);
			if (journal) {
				found.push(...journal.events);
			}
			const snapshotStat = await statOrUndefined(this.paths.snapshot);
			const snapshotKey = statKey(snapshotStat);
			let snapshotRead = false;
			if (snapshotKey !== this.snapshotKey || snapshotStat === undefined) {
				const snapshot = await this.loadSnapshot(false);
				found.push(...snapshot.events);
				snapshotRead = true;
			}
			this.absorb(found);
			// Appends during the reads are harmless (the next read starts where this one ended), but a
			// compaction may have moved events between them: then read again.
			const after = await this.diskState();
			const stable = after.snapshot === before.snapshot && after.journalIno === before.journalIno;
			if (!stable && attempt < 3) {
				this.journalPos = undefined;
				continue;
			}
			if (snapshotRead) {
				this.snapshotKey = statKey(await statOrUndefined(this.paths.snapshot));
			}
			if (journal) {
				const fromStart = this.journalPos?.ino !== journal.ino;
				this.journalPos = { ino: journal.ino, end: journal.end };
				this.journalLines = fromStart ? journal.lines : this.journalLines + journal.lines;
				this.journalIno = journal.ino;
				needsCompaction = journal.bad.length > 0 || journal.tail !== undefined || this.journalLines >= this.compactLines;
			} else {
				this.journalPos = undefined;
			}
			needsCompaction ||= compacting.length > 0;
			// Unstable after retries: leave the key unset so the next reload reads again.
			this.lastDiskKey = stable ? before.key : '';
			return needsCompaction;
		}
	}

	private snapshotSpec(): DurableJsonSpec<SnapshotRead> {
		return {
			label: 'saved progress',
			now: this.clock,
			logger: this.logger,
			emptyOutcome: 'kept only the events recorded since the last save',
			decode: json => decodeSnapshot(json),
			encode: value => encodeSnapshot(value.events, formatLocalIso(this.clock())),
			combine: (backup, salvage) => ({ events: unionById(backup?.events ?? [], salvage.events), newer: false }),
			describeSalvage: salvage => (salvage.events.length > 0 ? `${salvage.events.length} readable events` : undefined),
		};
	}

	/** Reads the snapshot, recovering it under the lock if it is damaged. */
	private async loadSnapshot(locked: boolean): Promise<SnapshotRead> {
		const spec = this.snapshotSpec();
		const text = await readText(this.paths.snapshot);
		if (text !== undefined) {
			const decoded = decodeText(text, spec);
			if (decoded.ok) {
				this.noteNewer(decoded.value);
				return { ...decoded.value, text };
			}
		} else if ((await statOrUndefined(`${this.paths.snapshot}.bak`)) === undefined) {
			return { events: [], newer: false };
		}
		const recover = async () => {
			const read = await readDurableJson(this.paths.snapshot, spec);
			if (read.notice) {
				this.notice(read.notice);
			}
			if (read.value) {
				this.noteNewer(read.value);
			}
			return { events: read.value?.events ?? [], text: read.text, newer: read.value?.newer ?? false };
		};
		if (locked) {
			return recover();
		}
		const release = await this.acquireLock(true);
		try {
			return await recover();
		} finally {
			await release!().catch(() => undefined);
		}
	}

	private noteNewer(snapshot: SnapshotRead): void {
		this.newerSchema = snapshot.newer;
		if (snapshot.newer) {
			this.notice({
				kind: 'newerVersion',
				message: `Your progress was saved by a newer version of CodeMentor, so this version shows it and adds to it but will not rewrite ${this.paths.snapshot} until you update.`,
			});
		}
	}

	private async acquireLock(wait: boolean): Promise<(() => Promise<void>) | undefined> {
		try {
			return await lockDirectory(this.dir, {
				lockfilePath: this.paths.lock,
				realpath: false,
				stale: this.lockStaleMs,
				update: Math.max(1000, Math.floor(this.lockStaleMs / 4)),
				retries: wait ? { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3 } : 0,
				onCompromised: e => this.logger.warn(`The progress lock in ${this.dir} was taken over: ${errorMessage(e)}`),
			});
		} catch (e) {
			if (isCode(e, 'ELOCKED')) {
				if (!wait) {
					return undefined;
				}
				throw new UserFacingError('CodeMentor could not save your progress because another window kept it locked; try again in a moment.', [], { cause: e });
			}
			throw e;
		}
	}

	/** Returns false when skipped: the lock was busy (and `wait` false) or the snapshot is newer than us. */
	private async compactNow(wait: boolean): Promise<boolean> {
		const release = await this.acquireLock(wait);
		if (!release) {
			return false;
		}
		try {
			const snapshot = await this.loadSnapshot(true);
			if (snapshot.newer || this.newerSchema) {
				return false;
			}
			const taken = path.join(this.dir, `events.${process.pid}-${randomUUID().slice(0, 8)}${COMPACTING}`);
			try {
				await fs.rename(this.paths.journal, taken);
			} catch (e) {
				if (!isCode(e, 'ENOENT')) {
					throw e;
				}
			}
			const files = await listCompacting(this.dir);
			const found: ProgressEvent[] = [...snapshot.events];
			const rejected: string[] = [];
			let cutOff = 0;
			for (const file of files) {
				const read = await readJournal(file, 0);
				if (read) {
					found.push(...read.events);
					rejected.push(...read.bad);
					if (read.tail !== undefined) {
						rejected.push(read.tail);
						cutOff++;
					}
				}
			}
			this.absorb(found);
			if (rejected.length > 0) {
				await fs.appendFile(this.paths.rejected, rejected.map(line => `${line}\n`).join(''));
				const invalid = rejected.length - cutOff;
				const what =
					cutOff > 0 && invalid === 0
						? 'The last entry in your progress journal was cut off (CodeMentor was probably closed while saving)'
						: `${rejected.length} unreadable ${rejected.length === 1 ? 'entry' : 'entries'} in your progress journal`;
				this.notice({
					kind: 'journalLinesSkipped',
					message: `${what}, so CodeMentor skipped ${rejected.length === 1 ? 'it' : 'them'}, kept everything else, and saved a copy in ${this.paths.rejected}.`,
					path: this.paths.rejected,
				});
			}
			// Everything this window knows goes in, including events it could not append earlier.
			await writeDurableJson(this.paths.snapshot, encodeSnapshot(this.events(), formatLocalIso(this.clock())), snapshot.text);
			for (const file of files) {
				await fs.rm(file, { force: true });
			}
			this.unsaved.clear();
			this.snapshotKey = statKey(await statOrUndefined(this.paths.snapshot));
			this.journalPos = undefined;
			this.journalLines = 0;
			this.lastDiskKey = '';
			return true;
		} finally {
			await release().catch((e: unknown) => this.logger.warn(`Could not release the progress lock: ${errorMessage(e)}`));
		}
	}
}

function cleanTask(task: Record<string, unknown>): Record<string, unknown> {
	const out = { ...task };
	if (typeof out.title === 'string') {
		out.title = out.title.trim();
	}
	for (const key of ['due', 'notes'] as const) {
		if (out[key] === '') {
			delete out[key];
		}
	}
	if (Array.isArray(out.concepts) && out.concepts.length === 0) {
		delete out.concepts;
	}
	return out;
}

function unionById(a: readonly ProgressEvent[], b: readonly ProgressEvent[]): ProgressEvent[] {
	const map = new Map<string, ProgressEvent>();
	for (const event of [...a, ...b]) {
		if (!map.has(event.id)) {
			map.set(event.id, event);
		}
	}
	return [...map.values()];
}

function decodeSnapshot(json: unknown): Decoded<SnapshotRead> {
	const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
	if (typeof json !== 'object' || json === null || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return { ok: false, reason: 'it is not a CodeMentor progress file' };
	}
	const salvage = (doc: unknown): ProgressEvent[] => {
		const events = (doc as { events?: unknown } | null)?.events;
		return Array.isArray(events) ? events.map(decodeEvent).filter((e): e is ProgressEvent => e !== undefined) : [];
	};
	if (version > CURRENT_SCHEMA_VERSION) {
		return { ok: true, value: { events: salvage(json), newer: true } };
	}
	let current: unknown;
	try {
		current = migrateSnapshot(json, version);
	} catch {
		return { ok: false, reason: `its schema version ${version} could not be upgraded`, salvage: { events: salvage(json), newer: false } };
	}
	const parsed = snapshotSchema.safeParse(current);
	if (!parsed.success) {
		return { ok: false, reason: 'it did not have the expected format', salvage: { events: salvage(current), newer: false } };
	}
	return { ok: true, value: { events: parsed.data.events, newer: false } };
}

/** One event per line, so the file stays readable and diffable. */
function encodeSnapshot(events: readonly ProgressEvent[], compactedAt: string): string {
	const sorted = [...events].sort(compareEvents);
	const body = sorted.map(e => `\t${serializeEvent(e)}`).join(',\n');
	return `{"schemaVersion":${CURRENT_SCHEMA_VERSION},"compactedAt":${JSON.stringify(compactedAt)},"events":[${body ? `\n${body}\n` : ''}]}\n`;
}
