import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProgressEvent } from '../../../src/core/progress/events';
import { OUTBOX_BATCH, PlatformOutbox } from '../../../src/core/progress/outbox';

const event = (i: number): ProgressEvent => ({ id: `e${i}`, at: `2026-12-01T10:00:${String(i % 60).padStart(2, '0')}.000+00:00`, type: 'tutor.turn', conversationId: 'c', mode: 'guide' });

describe('platform outbox', () => {
	let dir: string;
	beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-outbox-'))));
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('keeps events queued while offline, across a restart, and sends them once online', async () => {
		const file = path.join(dir, 'outbox.json');
		const events = new Map(Array.from({ length: 5 }, (_, i) => [`e${i}`, event(i)]));
		const lookup = (ids: readonly string[]) => ids.flatMap(id => (events.has(id) ? [events.get(id)!] : []));
		const first = new PlatformOutbox(file);
		await first.enqueue(['e0', 'e1', 'e2']);
		const offline = await first.flush(lookup, async () => {
			throw new Error('fetch failed');
		});
		assert.equal(offline.sent, 0);
		assert.equal(offline.pending, 3);
		assert.ok(offline.error);

		const afterRestart = new PlatformOutbox(file);
		await afterRestart.enqueue(['e2', 'e3']);
		assert.equal(await afterRestart.size(), 4, 'no duplicates in the queue');
		const sent: string[] = [];
		const online = await afterRestart.flush(lookup, async batch => sent.push(...batch.map(e => e.id)));
		assert.deepEqual(sent, ['e0', 'e1', 'e2', 'e3']);
		assert.deepEqual(online, { sent: 4, pending: 0 });
		assert.equal(await new PlatformOutbox(file).size(), 0);
	});

	it(`sends in batches of ${OUTBOX_BATCH}, and keeps the rest when a later batch fails`, async () => {
		const file = path.join(dir, 'outbox.json');
		const outbox = new PlatformOutbox(file);
		await outbox.enqueue(Array.from({ length: OUTBOX_BATCH + 10 }, (_, i) => `e${i}`));
		let calls = 0;
		const result = await outbox.flush(
			ids => ids.map(id => event(Number(id.slice(1)))),
			async () => {
				if (++calls === 2) {
					throw new Error('503');
				}
			},
		);
		assert.equal(result.sent, OUTBOX_BATCH);
		assert.equal(result.pending, 10);
	});

	it('survives a corrupt outbox file', async () => {
		const file = path.join(dir, 'outbox.json');
		fs.writeFileSync(file, '["e1", "e2"');
		const outbox = new PlatformOutbox(file);
		assert.equal(await outbox.size(), 0);
		await outbox.enqueue(['e3']);
		assert.equal(await new PlatformOutbox(file).size(), 1);
	});
});
