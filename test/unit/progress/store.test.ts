import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserFacingError } from '../../../src/core/errors';
import type { Logger } from '../../../src/core/log';
import type { ProgressEvent } from '../../../src/core/progress/events';
import { ProgressStore, userDirectory, type ProgressNotice, type ProgressStoreOptions } from '../../../src/core/progress/store';

const fixture = path.join(__dirname, 'fixtures', 'writer.ts');
const repoRoot = path.resolve(__dirname, '../../..');

function recordingLogger() {
	const lines: string[] = [];
	const push = (level: string) => (m: string | Error) => lines.push(`${level}: ${String(m)}`);
	const logger: Logger = { trace: push('trace'), debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
	return { logger, lines };
}

function event(id: string, at: string, exerciseId = 'two-sum'): ProgressEvent {
	return { id, at, type: 'exercise.started', exerciseId, concepts: ['loops'] };
}

function snapshotText(events: readonly ProgressEvent[]): string {
	return JSON.stringify({ schemaVersion: 2, compactedAt: '2025-01-01T00:00:00.000+00:00', events });
}

const ids = (events: readonly ProgressEvent[]) => events.map(e => e.id);

describe('progress/store', () => {
	let root: string;
	let dir: string;
	const opened: ProgressStore[] = [];

	beforeEach(async () => {
		root = await fs.mkdtemp(path.join(os.tmpdir(), 'codementor-progress-'));
		dir = path.join(root, 'local');
	});

	afterEach(async () => {
		opened.splice(0).forEach(s => s.dispose());
		await fs.rm(root, { recursive: true, force: true });
	});

	async function open(options: Partial<ProgressStoreOptions> = {}): Promise<ProgressStore & { noticesSeen: ProgressNotice[] }> {
		const noticesSeen: ProgressNotice[] = [];
		const store = await ProgressStore.open({ dir, onNotice: n => noticesSeen.push(n), ...options });
		opened.push(store);
		return Object.assign(store, { noticesSeen });
	}

	describe('userDirectory', () => {
		it('gives each GitHub account and the local user a folder of its own', () => {
			const a = userDirectory(root, { kind: 'github', id: 583231, login: 'octocat' });
			const b = userDirectory(root, { kind: 'github', id: '583232', login: 'octocat' });
			const local = userDirectory(root, { kind: 'local' });
			const enterprise = userDirectory(root, { kind: 'github', id: 583231, login: 'octocat', host: 'GHE.Example.com' });
			assert.equal(a, path.join(root, 'github-583231'));
			assert.equal(local, path.join(root, 'local'));
			assert.equal(new Set([a, b, local, enterprise]).size, 4);
			// Ids differing only in case must not share a folder on case-insensitive file systems.
			assert.notEqual(userDirectory(root, { kind: 'github', id: 'MDQ6Ab', login: 'x' }), userDirectory(root, { kind: 'github', id: 'mdq6ab', login: 'x' }));
			assert.ok(!path.relative(root, userDirectory(root, { kind: 'github', id: '../../etc', login: 'x' })).startsWith('..'));
		});

		it('keeps two users from seeing each other\u2019s events', async () => {
			const alice = await ProgressStore.open({ dir: userDirectory(root, { kind: 'github', id: 1, login: 'alice' }) });
			const bob = await ProgressStore.open({ dir: userDirectory(root, { kind: 'github', id: 2, login: 'bob' }) });
			opened.push(alice, bob);
			await alice.record({ type: 'solution.viewed', exerciseId: 'fizzbuzz' });
			await bob.reload();
			assert.equal(bob.events().length, 0);
			assert.equal(alice.events().length, 1);
		});
	});

	describe('recording', () => {
		it('keeps what was recorded across a reopen, sorted, with ids and local-offset timestamps', async () => {
			let now = Date.parse('2025-03-01T09:00:00Z');
			const store = await open({ clock: () => new Date(now) });
			await store.record({ type: 'exercise.started', exerciseId: 'two-sum', concepts: ['loops'] });
			now += 60_000;
			await store.record({ type: 'hint.used', exerciseId: 'two-sum', level: 2, source: 'model' });
			// Another machine's event sorts by its instant, not by its text (+01:00 is 09:00:30Z).
			await store.merge([{ id: 'zz-remote', at: '2025-03-01T10:00:30.000+01:00', type: 'solution.viewed', exerciseId: 'two-sum' }]);

			const reopened = await open();
			assert.deepEqual(reopened.events(), store.events());
			assert.deepEqual(
				reopened.events().map(e => e.type),
				['exercise.started', 'solution.viewed', 'hint.used'],
			);
			for (const e of reopened.events().filter(e => e.id !== 'zz-remote')) {
				assert.match(e.id, /^[0-9a-f-]{36}$/);
				assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
			}
			assert.equal(Date.parse(reopened.events()[2]!.at), Date.parse('2025-03-01T09:01:00Z'));
		});

		it('never throws at the caller: invalid data is logged and dropped', async () => {
			const { logger, lines } = recordingLogger();
			const store = await open({ logger });
			await store.record({ type: 'hint.used', level: 9, source: 'model' } as never);
			assert.equal(store.events().length, 0);
			assert.ok(lines.some(l => l.startsWith('error:') && l.includes('hint.used')));
		});

		it('keeps an event it could not write in memory and saves it with the next one', async () => {
			const { logger, lines } = recordingLogger();
			const store = await open({ logger });
			await fs.mkdir(path.join(dir, 'events.jsonl')); // appends now fail with EISDIR
			await store.record({ type: 'solution.viewed', exerciseId: 'a' });
			assert.equal(store.events().length, 1);
			assert.ok(lines.some(l => l.startsWith('error:') && l.includes('kept in memory')));

			await fs.rmdir(path.join(dir, 'events.jsonl'));
			await store.record({ type: 'solution.viewed', exerciseId: 'b' });
			const reopened = await open();
			assert.deepEqual(
				reopened.events().map(e => (e.type === 'solution.viewed' ? e.exerciseId : '')),
				['a', 'b'],
			);
		});

		it('tells listeners about changes, and reload() picks up another window\u2019s events', async () => {
			const mine = await open();
			const other = await open();
			let changes = 0;
			const subscription = mine.onDidChange(() => changes++);
			assert.equal(await mine.reload(), 0, 'nothing changed yet');

			await other.record({ type: 'tutor.turn', conversationId: 'c1', mode: 'socratic' });
			await other.record({ type: 'tutor.turn', conversationId: 'c1', mode: 'socratic' });
			assert.equal(await mine.reload(), 2);
			assert.equal(changes, 1);
			assert.equal(await mine.reload(), 0);

			await other.record({ type: 'tutor.turn', conversationId: 'c2', mode: 'explain' });
			await other.compact();
			await other.record({ type: 'tutor.turn', conversationId: 'c3', mode: 'explain' });
			assert.equal(await mine.reload(), 2, 'reads both the new snapshot and the fresh journal');
			assert.deepEqual(ids(mine.events()), ids(other.events()));

			subscription.dispose();
			await other.record({ type: 'tutor.turn', conversationId: 'c4', mode: 'explain' });
			await mine.reload();
			assert.equal(changes, 2);
		});
	});

	describe('merge', () => {
		it('unions two machines\u2019 events by id, both ways, without duplicates', async () => {
			const a = await ProgressStore.open({ dir: path.join(root, 'a') });
			const b = await ProgressStore.open({ dir: path.join(root, 'b') });
			opened.push(a, b);
			await a.record({ type: 'solution.viewed', exerciseId: 'a1' });
			await a.record({ type: 'solution.viewed', exerciseId: 'a2' });
			await b.record({ type: 'solution.viewed', exerciseId: 'b1' });
			await a.merge([b.events()[0]!]);

			assert.equal(await b.merge(a.events()), 2);
			assert.equal(await a.merge(b.events()), 0);
			assert.deepEqual(ids(a.events()), ids(b.events()));
			assert.equal(new Set(ids(a.events())).size, 3);
			assert.equal(await a.merge([{ id: 'x', at: 'yesterday', type: 'solution.viewed' }, ...a.events()]), 0, 'invalid and known events are skipped');

			const reopened = await ProgressStore.open({ dir: path.join(root, 'b') });
			opened.push(reopened);
			assert.deepEqual(ids(reopened.events()), ids(a.events()));
		});
	});

	describe('compaction', () => {
		it('folds the journal into the snapshot once it is long enough, keeping the previous snapshot as .bak', async () => {
			const store = await open({ compactAfter: { lines: 3 } });
			for (let i = 0; i < 7; i++) {
				await store.record({ type: 'solution.viewed', exerciseId: `e${i}` });
			}
			const snapshot = JSON.parse(await fs.readFile(path.join(dir, 'progress.json'), 'utf8'));
			const bak = JSON.parse(await fs.readFile(path.join(dir, 'progress.json.bak'), 'utf8'));
			assert.equal(snapshot.schemaVersion, 2);
			assert.equal(snapshot.events.length, 6);
			assert.equal(bak.events.length, 3);
			const journal = await fs.readFile(path.join(dir, 'events.jsonl'), 'utf8');
			assert.equal(journal.trim().split('\n').length, 1);
			assert.equal((await open()).events().length, 7);
		});

		it('finishes a compaction that crashed after taking over the journal', async () => {
			await fs.mkdir(dir, { recursive: true });
			const lost = event('left-behind', '2025-01-01T10:00:00.000+01:00');
			await fs.writeFile(path.join(dir, 'events.999-dead.compacting'), `${JSON.stringify(lost)}\n`);
			const store = await open();
			assert.deepEqual(ids(store.events()), ['left-behind']);
			assert.deepEqual(
				(await fs.readdir(dir)).filter(n => n.endsWith('.compacting')),
				[],
			);
			assert.deepEqual(ids(JSON.parse(await fs.readFile(path.join(dir, 'progress.json'), 'utf8')).events), ['left-behind']);
		});

		it('writes an append again when a compaction took the journal over between its open and its write', async () => {
			const compactor = await open();
			let raced = false;
			const writer = await open({
				afterJournalOpened: async () => {
					if (!raced) {
						raced = true;
						await compactor.compact(); // renames, reads and deletes the file the writer holds open
					}
				},
			});
			await writer.record({ type: 'solution.viewed', exerciseId: 'raced' });
			const fresh = await open();
			assert.deepEqual(
				fresh.events().map(e => (e.type === 'solution.viewed' ? e.exerciseId : '')),
				['raced'],
			);
			assert.equal(writer.appendRetries, 1);
		});

		it('loses no event when two processes record 200 events each while compacting', async function () {
			this.timeout(20_000);
			await fs.mkdir(dir, { recursive: true });
			const run = (name: string) =>
				new Promise<{ retries: number }>((resolve, reject) => {
					const child = spawn(process.execPath, ['--require', 'tsx/cjs', fixture, dir, name, '200', '40'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
					let out = '';
					let err = '';
					child.stdout.on('data', d => (out += d));
					child.stderr.on('data', d => (err += d));
					child.on('error', reject);
					child.on('exit', code => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer ${name} exited with ${code}: ${err}`))));
				});
			const started = Date.now();
			const results = await Promise.all([run('w1'), run('w2')]);
			const elapsed = Date.now() - started;

			const store = await open();
			await store.compact();
			const expected = ['w1', 'w2'].flatMap(name => Array.from({ length: 200 }, (_, i) => `${name}-${String(i).padStart(4, '0')}`));
			const snapshot = JSON.parse(await fs.readFile(path.join(dir, 'progress.json'), 'utf8')) as { events: ProgressEvent[] };
			const onDisk = snapshot.events.map(e => e.id);
			assert.equal(onDisk.length, 400, 'each id exactly once in the snapshot');
			assert.deepEqual([...onDisk].sort(), expected);
			assert.deepEqual([...ids(store.events())].sort(), expected);
			assert.ok(!existsSync(path.join(dir, 'events.jsonl')) || (await fs.readFile(path.join(dir, 'events.jsonl'), 'utf8')) === '');
			if (process.env.PROGRESS_STATS) {
				console.log(`two writers: ${elapsed} ms, appends retried after a compaction took the journal: ${results.map(r => r.retries).join(' + ')}`);
			}
		});
	});

	describe('migration', () => {
		it('reads a v1 snapshot (epoch timestamps, hints without source) and rewrites it as v2', async () => {
			await fs.mkdir(dir, { recursive: true });
			const v1 = JSON.stringify({
				schemaVersion: 1,
				savedAt: Date.parse('2024-05-02T00:00:00Z'),
				events: [
					{ id: 'h1', at: Date.parse('2024-05-01T12:00:00Z'), type: 'hint.used', exerciseId: 'two-sum', level: 1 },
					{ id: 's1', at: Date.parse('2024-05-01T12:05:00Z'), type: 'submission', exerciseId: 'two-sum', concepts: ['loops'], passed: true, score: { passed: 2, total: 2 } },
				],
			});
			await fs.writeFile(path.join(dir, 'progress.json'), v1);
			// A v1 line left in the journal is upgraded too.
			await fs.writeFile(path.join(dir, 'events.jsonl'), `${JSON.stringify({ id: 'h2', at: Date.parse('2024-05-01T12:10:00Z'), type: 'hint.used', level: 2 })}\n`);

			const store = await open();
			assert.deepEqual(ids(store.events()), ['h1', 's1', 'h2']);
			const hint = store.events()[0]!;
			assert.equal(hint.type === 'hint.used' && hint.source, 'authored');
			assert.equal(Date.parse(hint.at), Date.parse('2024-05-01T12:00:00Z'));
			assert.deepEqual(store.noticesSeen, []);

			await store.compact();
			const rewritten = JSON.parse(await fs.readFile(path.join(dir, 'progress.json'), 'utf8'));
			assert.equal(rewritten.schemaVersion, 2);
			assert.equal(await fs.readFile(path.join(dir, 'progress.json.bak'), 'utf8'), v1, 'the v1 file is kept as the backup');
		});

		it('shows a snapshot from a newer version but does not rewrite it', async () => {
			await fs.mkdir(dir, { recursive: true });
			const newer = JSON.stringify({ schemaVersion: 3, compactedAt: 'x', events: [event('n1', '2025-01-01T10:00:00.000+01:00'), { id: 'n2', type: 'future.thing' }] });
			await fs.writeFile(path.join(dir, 'progress.json'), newer);
			const store = await open();
			assert.deepEqual(ids(store.events()), ['n1']);
			assert.equal(store.noticesSeen[0]?.kind, 'newerVersion');
			await store.record({ type: 'solution.viewed', exerciseId: 'a' });
			await store.compact();
			assert.equal(await fs.readFile(path.join(dir, 'progress.json'), 'utf8'), newer);
			assert.equal((await open()).events().length, 2);
		});
	});

	describe('recovery', () => {
		const good0 = event('good-0', '2025-01-01T09:00:00.000+01:00');
		const good1 = event('good-1', '2025-01-02T09:00:00.000+01:00');
		const good2 = event('good-2', '2025-01-03T09:00:00.000+01:00');

		async function corruptCopies(): Promise<string[]> {
			return (await fs.readdir(dir)).filter(n => n.startsWith('progress.json.corrupt-'));
		}

		it('restores .bak when the snapshot was cut off, and says where the damaged copy is', async () => {
			await fs.mkdir(dir, { recursive: true });
			const full = snapshotText([good0, good1]);
			const truncated = full.slice(0, full.length / 2);
			await fs.writeFile(path.join(dir, 'progress.json'), truncated);
			await fs.writeFile(path.join(dir, 'progress.json.bak'), snapshotText([good0]));
			await fs.writeFile(path.join(dir, 'events.jsonl'), `${JSON.stringify(good2)}\n`);

			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-0', 'good-2']);
			const [copy] = await corruptCopies();
			assert.ok(copy);
			assert.equal(await fs.readFile(path.join(dir, copy), 'utf8'), truncated);
			assert.equal(store.noticesSeen.length, 1);
			const notice = store.noticesSeen[0]!;
			assert.equal(notice.kind, 'fileRecovered');
			assert.equal(notice.path, path.join(dir, copy));
			assert.match(notice.message, /cut off/);
			assert.match(notice.message, /restored the previous backup/);
			assert.ok(notice.message.includes(path.join(dir, copy)));

			const again = await open();
			assert.deepEqual(again.noticesSeen, [], 'the restored file is good now');
			assert.deepEqual(ids(again.events()), ['good-0', 'good-2']);
		});

		it('starts from the journal alone when the snapshot is garbage and there is no backup', async () => {
			await fs.mkdir(dir, { recursive: true });
			await fs.writeFile(path.join(dir, 'progress.json'), '\u0000\u0000 garbage %%%');
			await fs.writeFile(path.join(dir, 'events.jsonl'), `${JSON.stringify(good2)}\n`);
			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-2']);
			assert.equal((await corruptCopies()).length, 1);
			assert.match(store.noticesSeen[0]!.message, /not valid JSON.*no usable backup/);
		});

		it('keeps the valid events of a snapshot that fails the schema, plus the backup', async () => {
			await fs.mkdir(dir, { recursive: true });
			const invalid = JSON.stringify({ schemaVersion: 2, compactedAt: 'x', events: [good1, { id: 'bad', at: 'noon', type: 'exercise.started' }] });
			await fs.writeFile(path.join(dir, 'progress.json'), invalid);
			await fs.writeFile(path.join(dir, 'progress.json.bak'), snapshotText([good0]));
			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-0', 'good-1']);
			assert.match(store.noticesSeen[0]!.message, /expected format.*backup plus 1 readable events/);
			assert.equal(await fs.readFile(path.join(dir, (await corruptCopies())[0]!), 'utf8'), invalid);
		});

		it('treats valid JSON that is not a progress file as damaged', async () => {
			await fs.mkdir(dir, { recursive: true });
			await fs.writeFile(path.join(dir, 'progress.json'), '{"schemaVersion":2,"events":"none"}');
			await fs.writeFile(path.join(dir, 'progress.json.bak'), snapshotText([good0]));
			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-0']);
			assert.equal(store.noticesSeen.length, 1);
		});

		it('skips a cut-off last journal line, reports it and keeps it in events.jsonl.rejected', async () => {
			await fs.mkdir(dir, { recursive: true });
			const partial = JSON.stringify(good2).slice(0, 30);
			await fs.writeFile(path.join(dir, 'events.jsonl'), `${JSON.stringify(good0)}\n${JSON.stringify(good1)}\n${partial}`);
			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-0', 'good-1']);
			assert.equal(store.noticesSeen.length, 1);
			assert.match(store.noticesSeen[0]!.message, /last entry .* was cut off/);
			assert.equal(await fs.readFile(path.join(dir, 'events.jsonl.rejected'), 'utf8'), `${partial}\n`);
			await store.record({ type: 'solution.viewed', exerciseId: 'x' });
			const again = await open();
			assert.equal(again.events().length, 3);
			assert.deepEqual(again.noticesSeen, []);
		});

		it('recovers an event appended right after a cut-off line, and skips invalid lines one by one', async () => {
			await fs.mkdir(dir, { recursive: true });
			const partial = JSON.stringify(good0).slice(0, 25);
			const journal = [`${partial}${JSON.stringify(good1)}`, 'not json', JSON.stringify({ ...good2, id: 'no-type', type: undefined }), JSON.stringify(good2)].join('\n');
			await fs.writeFile(path.join(dir, 'events.jsonl'), `${journal}\n`);
			const store = await open();
			assert.deepEqual(ids(store.events()), ['good-1', 'good-2']);
			const rejected = (await fs.readFile(path.join(dir, 'events.jsonl.rejected'), 'utf8')).trim().split('\n');
			assert.equal(rejected.length, 3);
			assert.equal(rejected[0], partial);
			assert.match(store.noticesSeen[0]!.message, /^3 unreadable entries/);
		});
	});

	describe('study tasks', () => {
		it('adds, lists, updates, completes and deletes tasks, and keeps them across a reopen', async () => {
			const store = await open();
			let changes = 0;
			store.onDidChange(() => changes++);
			const read = await store.add({ title: '  Read about recursion ', due: '2025-04-01', concepts: ['recursion'] });
			const loops = await store.add({ title: 'Practise loops', notes: 'three exercises' });
			assert.equal(read.title, 'Read about recursion');
			assert.equal(read.status, 'open');

			const moved = await store.update(read.id, { due: '2025-04-08', notes: 'chapter 3' });
			assert.equal(moved.due, '2025-04-08');
			assert.deepEqual(moved.concepts, ['recursion'], 'fields left out stay as they were');
			const cleared = await store.update(loops.id, { notes: '' });
			assert.equal(cleared.notes, undefined);
			await store.complete(loops.id);
			assert.deepEqual((await store.list({ status: 'open' })).map(t => t.title), ['Read about recursion']);
			assert.deepEqual((await store.list({ status: 'done' })).map(t => t.title), ['Practise loops']);

			await store.delete(read.id);
			assert.deepEqual((await store.list()).map(t => t.id), [loops.id]);
			assert.equal(changes, 6);

			const reopened = await open();
			assert.deepEqual(await reopened.list(), await store.list());
		});

		it('keeps the order of edits made in the same millisecond', async () => {
			const store = await open({ clock: () => new Date('2025-01-01T00:00:00Z') });
			const task = await store.add({ title: 'a' });
			await store.complete(task.id);
			await store.update(task.id, { title: 'b' });
			const [only] = await (await open()).list();
			assert.equal(only?.title, 'b');
			assert.equal(only?.status, 'done');
		});

		it('refuses unknown ids and invalid tasks with a message naming the problem', async () => {
			const store = await open();
			await assert.rejects(store.update('nope-42', { title: 'x' }), (e: unknown) => e instanceof UserFacingError && e.message.includes('"nope-42"'));
			await assert.rejects(store.complete('nope-42'), UserFacingError);
			await assert.rejects(store.delete('nope-42'), UserFacingError);
			await assert.rejects(store.add({ title: '   ' }), (e: unknown) => e instanceof UserFacingError && /title/.test(e.message));
			await assert.rejects(store.add({ title: 'x', due: 'next friday' }), (e: unknown) => e instanceof UserFacingError && /due/.test(e.message));
			assert.deepEqual(await store.list(), []);
		});

		it('does not bring back a deleted task when an older edit arrives from another machine', async () => {
			const store = await open({ clock: () => new Date('2025-01-02T00:00:00Z') });
			const task = await store.add({ title: 'a' });
			await store.delete(task.id);
			const staleEdit = { id: 'remote-1', at: '2025-01-03T00:00:00.000+00:00', type: 'task.updated', task: { ...task, title: 'edited elsewhere' } };
			assert.equal(await store.merge([staleEdit]), 1);
			assert.deepEqual(await store.list(), []);
		});
	});
});
