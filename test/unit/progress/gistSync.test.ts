// Progress sync through a gist, as two machines see it: syncing in turns loses and duplicates
// nothing, a second sync changes nothing, and a damaged or newer gist file is never overwritten.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProgressEvent } from '../../../src/core/progress/events';
import { UserFacingError } from '../../../src/core/errors';
import { ProgressStore } from '../../../src/core/progress/store';
import { decodeGist, describeSync, encodeGist, GIST_FILE, GIST_FORMAT, mergeEvents, planSync, solutionGist } from '../../../src/core/progress/gistSync';

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000+01:00`;
const started = (id: string, minute: number): ProgressEvent => ({ id, at: at(minute), type: 'exercise.started', exerciseId: `ex-${id}`, concepts: ['loops'] });
const hint = (id: string, minute: number): ProgressEvent => ({ id, at: at(minute), type: 'hint.used', exerciseId: 'two-sum', level: 2, source: 'model' });

/** A machine's store: merge adds only new ids, as ProgressStore.merge does. */
class Machine {
	private readonly byId = new Map<string, ProgressEvent>();
	constructor(events: readonly ProgressEvent[]) {
		for (const e of events) {
			this.byId.set(e.id, e);
		}
	}
	events(): ProgressEvent[] {
		return [...this.byId.values()];
	}
	merge(events: readonly ProgressEvent[]): number {
		let added = 0;
		for (const e of events) {
			if (!this.byId.has(e.id)) {
				this.byId.set(e.id, e);
				added++;
			}
		}
		return added;
	}
}

/** What the feature does: plan, merge locally, upload when the plan says so. */
function sync(machine: Machine, gist: { text?: string }) {
	const plan = planSync(machine.events(), gist.text, { gist: 'abc123' });
	const merged = machine.merge(plan.toMergeLocally);
	if (plan.toUpload !== undefined) {
		gist.text = plan.toUpload;
	}
	return { plan, merged };
}

const ids = (events: readonly ProgressEvent[]) => events.map(e => e.id).sort();

describe('progress sync through a gist', () => {
	it('loses nothing and duplicates nothing when two machines with overlapping events sync in turns', () => {
		// Both machines hold "shared" (synced once before), each has its own new events.
		const shared = started('shared', 1);
		const a = new Machine([shared, started('a1', 2), hint('a2', 5)]);
		const b = new Machine([shared, hint('b1', 3), started('b2', 4)]);
		const gist: { text?: string } = {};

		const first = sync(a, gist);
		assert.equal(first.plan.stats.toRemote, 3);
		assert.equal(first.merged, 0);
		const second = sync(b, gist);
		assert.equal(second.merged, 2, 'B receives a1 and a2');
		assert.equal(second.plan.stats.toRemote, 2, 'B sends b1 and b2, not the shared one again');
		const third = sync(a, gist);
		assert.equal(third.merged, 2, 'A receives b1 and b2');
		assert.equal(third.plan.toUpload, undefined, 'the gist already holds everything');

		const all = ['a1', 'a2', 'b1', 'b2', 'shared'];
		const remote = decodeGist(gist.text!, 'abc123').events;
		assert.deepEqual(ids(a.events()), all);
		assert.deepEqual(ids(b.events()), all);
		assert.deepEqual(ids(remote), all);
		assert.equal(remote.length, new Set(remote.map(e => e.id)).size);
		// Events arrive intact, not just their ids.
		assert.deepEqual(remote.find(e => e.id === 'b1'), hint('b1', 3));
	});

	it('converges with real progress stores on two machines, after they record more between syncs', async () => {
		const root = await fs.mkdtemp(path.join(os.tmpdir(), 'codementor-gist-'));
		try {
			let n = 0;
			const a = await ProgressStore.open({ dir: path.join(root, 'a'), idGen: () => `a-${++n}` });
			const b = await ProgressStore.open({ dir: path.join(root, 'b'), idGen: () => `b-${++n}` });
			const gist: { text?: string } = {};
			const run = async (store: ProgressStore) => {
				const plan = planSync(store.events(), gist.text, { gist: 'abc123' });
				await store.merge(plan.toMergeLocally);
				gist.text = plan.toUpload ?? gist.text;
			};
			await a.record({ type: 'exercise.started', exerciseId: 'two-sum', concepts: ['loops'] });
			await run(a);
			await b.record({ type: 'hint.used', level: 1, source: 'authored' });
			await run(b);
			await a.record({ type: 'solution.viewed', exerciseId: 'two-sum' });
			await run(a);
			await run(b);
			await run(a);
			const expected = ['a-1', 'a-3', 'b-2'];
			assert.deepEqual(ids(a.events()), expected);
			assert.deepEqual(ids(b.events()), expected);
			assert.deepEqual(ids(decodeGist(gist.text!, 'abc123').events), expected);
			a.dispose();
			b.dispose();
		} finally {
			await fs.rm(root, { recursive: true, force: true });
		}
	});

	it('changes nothing on either side when synced again', () => {
		const a = new Machine([started('a1', 1), hint('a2', 2)]);
		const gist: { text?: string } = {};
		sync(a, gist);
		const before = gist.text;
		const again = sync(a, gist);
		assert.equal(again.plan.toUpload, undefined);
		assert.deepEqual(again.plan.toMergeLocally, []);
		assert.equal(gist.text, before);
		assert.equal(describeSync(again.plan.stats, again.merged), 'Synced: already up to date (2 events).');
	});

	it('encodes the same events the same way whatever order they come in', () => {
		const events = [hint('z', 3), started('a', 1), started('m', 3)];
		const when = new Date('2025-03-02T00:00:00Z');
		assert.equal(encodeGist(events, { updatedAt: when }), encodeGist([...events].reverse(), { updatedAt: when }));
		assert.deepEqual(
			mergeEvents([events[0]!], [events[2]!, events[1]!, events[0]!]).map(e => e.id),
			['a', 'm', 'z'],
			'sorted by time, then id; the duplicate kept once',
		);
	});

	it('creates the file from local events when the gist has none yet', () => {
		const plan = planSync([started('a1', 1)], undefined);
		assert.ok(plan.toUpload);
		const doc = JSON.parse(plan.toUpload);
		assert.equal(doc.format, GIST_FORMAT);
		assert.equal(doc.version, 1);
		assert.ok(doc.updatedAt);
		assert.deepEqual(ids(doc.events), ['a1']);
		assert.equal(describeSync(plan.stats), 'Synced: 0 events from GitHub, 1 sent.');
	});

	for (const [name, text] of [
		['invalid JSON', '{"format":"codementor-progress-sync","version":1,"events":[{"id":'],
		['a different file', '{"name":"my notes"}'],
		['events that are not a list', '{"format":"codementor-progress-sync","version":1,"updatedAt":"x","events":{}}'],
	] as const) {
		it(`refuses a damaged gist file (${name}) with an error naming the gist, planning no write`, () => {
			assert.throws(
				() => planSync([started('a1', 1)], text, { gist: 'https://gist.github.com/abc123' }),
				(e: unknown) => e instanceof UserFacingError && e.message.includes('https://gist.github.com/abc123') && e.message.includes(GIST_FILE) && /changed nothing/.test(e.message),
			);
		});
	}

	it('reads a gist from a newer version but does not rewrite it', () => {
		const newer = JSON.stringify({ format: GIST_FORMAT, version: 2, updatedAt: at(0), events: [started('r1', 1), { id: 'r2', at: at(2), type: 'streak.frozen', days: 1 }] });
		const plan = planSync([started('a1', 1)], newer);
		assert.equal(plan.toUpload, undefined);
		assert.deepEqual(ids(plan.toMergeLocally), ['r1']);
		assert.equal(plan.stats.remoteIsNewer, true);
		assert.match(describeSync(plan.stats), /newer version of CodeMentor/);
	});

	it('keeps gist entries it cannot read when it rewrites the file', () => {
		const unknown = { id: 'future', at: at(2), type: 'streak.frozen', days: 1 };
		const text = JSON.stringify({ format: GIST_FORMAT, version: 1, updatedAt: at(0), events: [started('r1', 1), unknown] });
		const plan = planSync([started('a1', 3)], text);
		assert.ok(plan.toUpload);
		const written = JSON.parse(plan.toUpload).events;
		assert.deepEqual(written.find((e: { id: string }) => e.id === 'future'), unknown);
		assert.deepEqual(written.map((e: { id: string }) => e.id).sort(), ['a1', 'future', 'r1']);
		assert.equal(plan.stats.unreadable, 1);
	});

	it('rewrites a gist whose file lists an event twice, leaving one copy', () => {
		const text = JSON.stringify({ format: GIST_FORMAT, version: 1, updatedAt: at(0), events: [started('r1', 1), started('r1', 1)] });
		const plan = planSync([started('r1', 1)], text);
		assert.ok(plan.toUpload);
		assert.deepEqual(ids(JSON.parse(plan.toUpload).events), ['r1']);
	});
});

describe('a shared solution gist', () => {
	it('holds a README with the title and concepts, and the non-empty solution files with flattened names', () => {
		const gist = solutionGist({
			exercise: { id: 'builtin/two-sum', title: 'Two Sum', language: 'python', concepts: ['loops', 'dictionaries'] },
			files: [
				{ path: 'two_sum.py', content: 'def two_sum(): ...\n' },
				{ path: 'lib/helpers.py', content: 'X = 1\n' },
				{ path: 'README.md', content: '# mine\n' },
				{ path: 'notes.txt', content: '  \n' },
			],
		});
		assert.deepEqual(Object.keys(gist.files).sort(), ['README-2.md', 'README.md', 'lib__helpers.py', 'two_sum.py']);
		assert.equal(gist.files['lib__helpers.py']!.content, 'X = 1\n');
		const readme = gist.files['README.md']!.content;
		assert.match(readme, /^# Two Sum\n/);
		assert.match(readme, /loops, dictionaries/);
		assert.match(readme, /Python/);
		assert.deepEqual(gist.empty, ['notes.txt']);
		assert.match(gist.description, /Two Sum/);
	});
});
