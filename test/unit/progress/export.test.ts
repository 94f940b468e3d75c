import * as assert from 'node:assert/strict';
import type { ProgressEvent } from '../../../src/core/progress/events';
import { CSV_COLUMNS, exportCsv, exportJson, parseExportJson } from '../../../src/core/progress/export';

const events: ProgressEvent[] = [
	{ id: 'e2', at: '2025-03-01T10:00:00.000+01:00', type: 'submission', exerciseId: 'two-sum', concepts: ['loops', 'lists'], passed: false, score: { passed: 1, total: 3 } },
	{ id: 'e1', at: '2025-03-01T08:30:00.000+00:00', type: 'hint.used', exerciseId: 'two-sum', level: 3, source: 'model' },
	{
		id: 'e3',
		at: '2025-03-01T11:00:00.000+01:00',
		type: 'task.added',
		task: { id: 't1', title: 'Read "Loops", then, maybe,\nrecursion', status: 'open', createdAt: '2025-03-01T11:00:00.000+01:00', updatedAt: '2025-03-01T11:00:00.000+01:00' },
	},
	{ id: 'e4', at: '2025-03-01T12:00:00.000+01:00', type: 'tests.run', exerciseId: 'odd,"id"', concepts: [], passed: 2, failed: 0, durationMs: 40 },
];

/** A small RFC 4180 reader, to check that quoting round-trips. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
			} else {
				field += c;
			}
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	return rows;
}

describe('progress/export', () => {
	it('writes CSV rows in time order with fields quoted per RFC 4180', () => {
		const csv = exportCsv(events);
		const lines = csv.split('\r\n');
		assert.equal(lines[0], 'id,at,type,exerciseId,concepts,passed,level,detail');
		assert.equal(lines[1], 'e1,2025-03-01T08:30:00.000+00:00,hint.used,two-sum,,,3,"{""level"":3,""source"":""model""}"');
		assert.equal(lines[2], 'e2,2025-03-01T10:00:00.000+01:00,submission,two-sum,loops;lists,false,,"{""passed"":false,""score"":{""passed"":1,""total"":3}}"');
		assert.ok(csv.endsWith('\r\n'));

		const rows = parseCsv(csv);
		assert.equal(rows.length, events.length + 1);
		for (const row of rows) {
			assert.equal(row.length, CSV_COLUMNS.length);
		}
		const task = rows.find(r => r[0] === 'e3')!;
		assert.equal(JSON.parse(task[7]!).task.title, 'Read "Loops", then, maybe,\nrecursion');
		const run = rows.find(r => r[0] === 'e4')!;
		assert.equal(run[3], 'odd,"id"');
		assert.equal(run[5], 'true');
	});

	it('writes a versioned JSON export that reads back to the same events', () => {
		const json = exportJson(events, { exportedAt: new Date('2025-03-02T00:00:00Z') });
		const doc = JSON.parse(json);
		assert.equal(doc.format, 'codementor-progress');
		assert.equal(doc.schemaVersion, 2);
		assert.equal(Date.parse(doc.exportedAt), Date.parse('2025-03-02T00:00:00Z'));
		assert.match(json, /\n\t"events": \[/);
		assert.deepEqual(
			doc.events.map((e: ProgressEvent) => e.id),
			['e1', 'e2', 'e3', 'e4'],
		);
		const back = parseExportJson(json);
		assert.deepEqual(back, { events: doc.events, skipped: 0 });
	});

	it('reads an older export through the migrations and counts what it cannot read', () => {
		const v1 = JSON.stringify({ format: 'codementor-progress', schemaVersion: 1, events: [{ id: 'h', at: 0, type: 'hint.used', level: 1 }, { id: 'bad' }] });
		const { events: read, skipped } = parseExportJson(v1);
		assert.equal(skipped, 1);
		assert.equal(read[0]?.type === 'hint.used' && read[0].source, 'authored');
		assert.throws(() => parseExportJson('{"events": []}'), /not a CodeMentor progress export/);
	});
});
