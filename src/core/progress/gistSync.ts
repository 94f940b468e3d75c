// The gists CodeMentor writes: the progress-sync file (`codementor-progress.json` in the learner's
// private gist) with the plan of one sync between this machine and that gist, and the files of a
// shared solution. Pure: the feature does the GitHub calls.
//
// Sync is a union by event id in both directions. Events are immutable, so the union of any two
// machines' logs, taken in any order and any number of times, converges: two machines that sync in
// turns end up with the same events, none twice and none lost. Entries of the gist this version
// cannot read (written by a newer CodeMentor) are carried over verbatim rather than dropped.
import { UserFacingError } from '../errors';
import type { ProgressEvent } from './events';
import { decodeEvent, formatLocalIso } from './store';

export const GIST_FILE = 'codementor-progress.json';
export const GIST_DESCRIPTION = 'CodeMentor progress (do not edit)';
export const GIST_FORMAT = 'codementor-progress-sync';
/** Bumped when the file's shape changes incompatibly; a newer file is read but never rewritten. */
export const GIST_VERSION = 1;

export interface GistDocument {
	readonly format: typeof GIST_FORMAT;
	readonly version: number;
	readonly updatedAt: string;
	readonly events: readonly unknown[];
}

/** Oldest first (by `at`, then `id`): the same set of events always encodes the same way. */
export function compareEvents(a: ProgressEvent, b: ProgressEvent): number {
	const byTime = Date.parse(a.at) - Date.parse(b.at);
	return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The union of both lists by id, sorted; where both hold an id, the local copy is kept. */
export function mergeEvents(local: readonly ProgressEvent[], remote: readonly ProgressEvent[]): ProgressEvent[] {
	const byId = new Map<string, ProgressEvent>();
	for (const event of [...local, ...remote]) {
		if (!byId.has(event.id)) {
			byId.set(event.id, event);
		}
	}
	return [...byId.values()].sort(compareEvents);
}

/** One event per line (ids first), so the gist's revision history shows readable diffs. */
export function encodeGist(events: readonly ProgressEvent[], options: { readonly updatedAt?: Date; readonly opaque?: readonly unknown[] } = {}): string {
	const lines = [...events].sort(compareEvents).map(e => {
		const { id, at, ...data } = e;
		return JSON.stringify({ id, at, ...data });
	});
	lines.push(...(options.opaque ?? []).map(raw => JSON.stringify(raw)));
	const head = `{"format":${JSON.stringify(GIST_FORMAT)},"version":${GIST_VERSION},"updatedAt":${JSON.stringify(formatLocalIso(options.updatedAt ?? new Date()))},"events":[`;
	return `${head}${lines.length > 0 ? `\n\t${lines.join(',\n\t')}\n` : ''}]}\n`;
}

export interface DecodedGist {
	readonly events: ProgressEvent[];
	/** Entries this version cannot read, kept as they were. */
	readonly opaque: unknown[];
	/** The file was written by a newer CodeMentor (a higher `version`). */
	readonly newer: boolean;
	/** An id appeared more than once (someone edited the file): rewriting it tidies that up. */
	readonly duplicates: number;
}

/** Reads the gist file; throws a UserFacingError naming the gist when it is not a sync file at all. */
export function decodeGist(text: string, gistLabel: string): DecodedGist {
	const fail = (why: string) =>
		new UserFacingError(
			`The progress file in your gist ${gistLabel} (${GIST_FILE}) ${why}, so CodeMentor changed nothing: restore an earlier revision of the gist on GitHub, or delete the gist to start it again from this computer.`,
		);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		throw fail('is not valid JSON');
	}
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
		throw fail('is not a CodeMentor progress file');
	}
	const { format, version, events } = doc as Partial<Record<keyof GistDocument, unknown>>;
	if (format !== GIST_FORMAT) {
		throw fail('is not a CodeMentor progress file');
	}
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		throw fail('has no valid version');
	}
	if (!Array.isArray(events)) {
		throw fail('has no list of events');
	}
	const decoded: ProgressEvent[] = [];
	const opaque: unknown[] = [];
	const seen = new Set<string>();
	let duplicates = 0;
	for (const raw of events) {
		const event = decodeEvent(raw);
		if (event) {
			if (seen.has(event.id)) {
				duplicates++;
			} else {
				seen.add(event.id);
				decoded.push(event);
			}
		} else {
			opaque.push(raw);
		}
	}
	const opaqueKept = opaque.filter(raw => {
		const id = (raw as { id?: unknown } | null)?.id;
		return !(typeof id === 'string' && seen.has(id));
	});
	return { events: decoded, opaque: opaqueKept, newer: version > GIST_VERSION, duplicates: duplicates + opaque.length - opaqueKept.length };
}

export interface SyncStats {
	/** Events on this machine before the sync. */
	readonly local: number;
	/** Readable events in the gist before the sync. */
	readonly remote: number;
	/** Events the gist had that this machine did not. */
	readonly fromRemote: number;
	/** Events this machine had that the gist did not (sent, unless the gist is newer). */
	readonly toRemote: number;
	/** Events both sides hold after the sync. */
	readonly total: number;
	/** Gist entries this version cannot read (kept in the gist). */
	readonly unreadable: number;
	/** The gist was written by a newer CodeMentor: nothing is sent until this one is updated. */
	readonly remoteIsNewer: boolean;
}

export interface SyncPlan {
	/** The gist file's new content, or undefined when the gist needs no change (or must not be rewritten). */
	readonly toUpload: string | undefined;
	/** Events to add to the local store. */
	readonly toMergeLocally: ProgressEvent[];
	readonly stats: SyncStats;
}

/**
 * One sync: `remoteText` is the gist file's content (undefined when the gist or the file does not
 * exist yet). Throws before planning any write when the gist file is damaged.
 */
export function planSync(local: readonly ProgressEvent[], remoteText: string | undefined, options: { readonly gist?: string; readonly now?: Date } = {}): SyncPlan {
	const remote: DecodedGist = remoteText === undefined ? { events: [], opaque: [], newer: false, duplicates: 0 } : decodeGist(remoteText, options.gist ?? 'on GitHub');
	const localIds = new Set(local.map(e => e.id));
	const remoteIds = new Set(remote.events.map(e => e.id));
	const toMergeLocally = remote.events.filter(e => !localIds.has(e.id)).sort(compareEvents);
	const missingRemotely = local.filter(e => !remoteIds.has(e.id));
	const union = mergeEvents(local, remote.events);
	const needsWrite = remoteText === undefined || missingRemotely.length > 0 || remote.duplicates > 0;
	const toUpload = needsWrite && !remote.newer ? encodeGist(union, { updatedAt: options.now, opaque: remote.opaque }) : undefined;
	return {
		toUpload,
		toMergeLocally,
		stats: {
			local: localIds.size,
			remote: remoteIds.size,
			fromRemote: toMergeLocally.length,
			toRemote: missingRemotely.length,
			total: union.length,
			unreadable: remote.opaque.length,
			remoteIsNewer: remote.newer,
		},
	};
}

/** "Synced: 12 events from GitHub, 30 sent." */
export function describeSync(stats: SyncStats, mergedLocally: number = stats.fromRemote): string {
	const n = (count: number) => `${count} ${count === 1 ? 'event' : 'events'}`;
	if (stats.remoteIsNewer) {
		return `Synced: ${n(mergedLocally)} from GitHub. Your gist was saved by a newer version of CodeMentor, so this one sends nothing until you update it.`;
	}
	if (mergedLocally === 0 && stats.toRemote === 0) {
		return `Synced: already up to date (${n(stats.total)}).`;
	}
	return `Synced: ${n(mergedLocally)} from GitHub, ${stats.toRemote} sent.`;
}

// ---- shared solutions ---------------------------------------------------------------------------

export interface SolutionGistInput {
	readonly exercise: { readonly id: string; readonly title: string; readonly language: string; readonly concepts: readonly string[] };
	readonly files: readonly { readonly path: string; readonly content: string }[];
}

export interface SolutionGist {
	readonly description: string;
	/** Gist file name → content. Gist names cannot hold `/`, so paths are flattened. */
	readonly files: Record<string, { readonly content: string }>;
	/** Solution files left out because they were empty (GitHub refuses empty gist files). */
	readonly empty: readonly string[];
}

function languageName(language: string): string {
	return language === 'python' ? 'Python' : language === 'javascript' ? 'JavaScript' : language;
}

export function solutionGist(input: SolutionGistInput): SolutionGist {
	const files: Record<string, { content: string }> = {};
	const empty: string[] = [];
	const names = new Set(['readme.md']);
	const shown: string[] = [];
	for (const file of input.files) {
		if (file.content.trim() === '') {
			empty.push(file.path);
			continue;
		}
		const flat = file.path.replace(/^\.?\/+/, '').replace(/[/\\]+/g, '__') || 'solution';
		let name = flat;
		for (let i = 2; names.has(name.toLowerCase()); i++) {
			const dot = flat.lastIndexOf('.');
			name = dot > 0 ? `${flat.slice(0, dot)}-${i}${flat.slice(dot)}` : `${flat}-${i}`;
		}
		names.add(name.toLowerCase());
		files[name] = { content: file.content };
		shown.push(name === file.path ? `\`${name}\`` : `\`${name}\` (${file.path})`);
	}
	const { title, language, concepts } = input.exercise;
	const readme = [
		`# ${title}`,
		'',
		`My solution to the CodeMentor exercise “${title}” (${languageName(language)}). It passes the exercise's tests.`,
		'',
		...(concepts.length > 0 ? [`Concepts practised: ${concepts.join(', ')}.`, ''] : []),
		`Files: ${shown.join(', ')}.`,
		'',
	].join('\n');
	return { description: `CodeMentor: my solution to “${title}”`, files: { 'README.md': { content: readme }, ...files }, empty };
}
