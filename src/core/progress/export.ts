// Exports of the learner's progress events: versioned JSON (which parseExportJson reads back, for
// moving progress between machines by hand) and CSV for spreadsheets (RFC 4180).
import type { ProgressEvent } from './events';
import { CURRENT_SCHEMA_VERSION, decodeEvent, formatLocalIso, migrateSnapshot } from './store';

export const EXPORT_FORMAT = 'codementor-progress';

function sorted(events: readonly ProgressEvent[]): ProgressEvent[] {
	return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function exportJson(events: readonly ProgressEvent[], options: { readonly exportedAt?: Date } = {}): string {
	const doc = {
		format: EXPORT_FORMAT,
		schemaVersion: CURRENT_SCHEMA_VERSION,
		exportedAt: formatLocalIso(options.exportedAt ?? new Date()),
		events: sorted(events),
	};
	return `${JSON.stringify(doc, undefined, '\t')}\n`;
}

/** Reads an exportJson file (of this or an older schema); unreadable events are counted, not fatal. */
export function parseExportJson(text: string): { readonly events: ProgressEvent[]; readonly skipped: number } {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		throw new Error('This is not a CodeMentor progress export: it is not valid JSON.');
	}
	const { format, schemaVersion } = (doc ?? {}) as { format?: unknown; schemaVersion?: unknown };
	if (format !== EXPORT_FORMAT || typeof schemaVersion !== 'number') {
		throw new Error('This is not a CodeMentor progress export.');
	}
	const current = schemaVersion < CURRENT_SCHEMA_VERSION ? migrateSnapshot(doc, schemaVersion) : doc;
	const raw = (current as { events?: unknown }).events;
	const list = Array.isArray(raw) ? raw : [];
	const events = list.map(decodeEvent).filter((e): e is ProgressEvent => e !== undefined);
	return { events, skipped: list.length - events.length };
}

export const CSV_COLUMNS = ['id', 'at', 'type', 'exerciseId', 'concepts', 'passed', 'level', 'detail'] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled; lines end in CRLF. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One row per event. `concepts` is `;`-separated; `passed` is the submission's verdict, or for a
 * test run whether every test passed; `detail` is the JSON of every other field.
 */
export function exportCsv(events: readonly ProgressEvent[]): string {
	const rows = [CSV_COLUMNS.join(',')];
	for (const event of sorted(events)) {
		const { id, at, type, ...rest } = event;
		const fields = rest as Record<string, unknown>;
		const { exerciseId, concepts, ...detail } = fields;
		const passed = event.type === 'submission' ? String(event.passed) : event.type === 'tests.run' ? String(event.failed === 0) : '';
		const level = event.type === 'hint.used' ? String(event.level) : '';
		const row = [
			id,
			at,
			type,
			typeof exerciseId === 'string' ? exerciseId : '',
			Array.isArray(concepts) ? concepts.join(';') : '',
			passed,
			level,
			Object.keys(detail).length > 0 ? JSON.stringify(detail) : '',
		];
		rows.push(row.map(csvField).join(','));
	}
	return `${rows.join('\r\n')}\r\n`;
}
