import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fenced } from '../../../src/core/markdown';
import { ConversationStore, conversationMarkdown, modelHistory, titleFrom } from '../../../src/core/tutor/conversations';

describe('tutor conversations', () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-conv-'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('saves atomically and reads conversations back, newest first', async () => {
		let t = Date.parse('2026-12-01T10:00:00Z');
		const store = new ConversationStore({ dir, now: () => new Date((t += 1000)) });
		const a = store.create('guide');
		await store.save({ ...a, title: 'First' });
		const b = store.create();
		await store.save({ ...b, title: 'Second', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'markdown', text: 'hi' }], status: 'complete', createdAt: 'x', llm: [{ role: 'user', content: 'hi' }] }] });
		const again = new ConversationStore({ dir });
		assert.deepEqual((await again.list()).map(c => c.title), ['Second', 'First']);
		assert.deepEqual(fs.readdirSync(dir).sort(), [`${a.id}.json`, `${b.id}.json`].sort(), 'no temp files left');
	});

	it('keeps an answer cut off by a crash, marked interrupted', async () => {
		const store = new ConversationStore({ dir });
		const c = store.create();
		await store.save({ ...c, messages: [{ id: 'm1', role: 'assistant', parts: [{ type: 'markdown', text: 'Half an ans' }], status: 'streaming', createdAt: 'x', llm: [] }] });
		const reopened = await new ConversationStore({ dir }).get(c.id);
		assert.equal(reopened?.messages[0]?.status, 'interrupted');
		assert.deepEqual(reopened?.messages[0]?.parts, [{ type: 'markdown', text: 'Half an ans' }]);
	});

	it('moves a corrupt file aside with a notice and loads the others', async () => {
		const store = new ConversationStore({ dir });
		const good = store.create();
		await store.save(good);
		fs.writeFileSync(path.join(dir, 'broken.json'), '{"version":1,"id":"broken","title":"x","mess');
		const notices: string[] = [];
		const list = await new ConversationStore({ dir, onNotice: n => notices.push(n) }).list();
		assert.deepEqual(list.map(c => c.id), [good.id]);
		assert.equal(notices.length, 1);
		assert.match(notices[0]!, /could not be read .*moved to .*broken\.json\.corrupt-/);
		assert.ok(fs.readdirSync(dir).some(f => f.startsWith('broken.json.corrupt-')));
	});

	it('serialises concurrent saves of one conversation: the last one wins on disk', async () => {
		const store = new ConversationStore({ dir });
		const c = store.create();
		await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ ...c, title: `v${i}` })));
		const onDisk = JSON.parse(fs.readFileSync(path.join(dir, `${c.id}.json`), 'utf8'));
		assert.equal(onDisk.title, 'v19');
	});

	it('deletes', async () => {
		const store = new ConversationStore({ dir });
		const c = store.create();
		await store.save(c);
		await store.delete(c.id);
		assert.deepEqual(await new ConversationStore({ dir }).list(), []);
	});

	it('builds the model history from each message, skipping failed answers', () => {
		const store = new ConversationStore({ dir });
		const c = store.create();
		const history = modelHistory({
			...c,
			messages: [
				{ id: '1', role: 'user', parts: [], status: 'complete', createdAt: '', llm: [{ role: 'user', content: 'q1' }] },
				{ id: '2', role: 'assistant', parts: [], status: 'error', createdAt: '', llm: [{ role: 'assistant', content: 'broken' }] },
				{ id: '3', role: 'user', parts: [], status: 'complete', createdAt: '', llm: [{ role: 'user', content: 'q2' }] },
			],
		});
		assert.deepEqual(history, [{ role: 'user', content: 'q1' }, { role: 'user', content: 'q2' }]);
	});

	it('exports markdown without withheld code unless it was revealed', () => {
		const store = new ConversationStore({ dir });
		const c = { ...store.create(), title: 'Recursion' };
		const md = conversationMarkdown({
			...c,
			messages: [
				{ id: '1', role: 'user', parts: [{ type: 'markdown', text: 'How?' }], status: 'complete', createdAt: '', context: ['sum.py:1-4'], llm: [] },
				{ id: '2', role: 'assistant', parts: [{ type: 'withheld', blockId: 'b', language: 'python', notice: 'Held back.', code: 'SECRET_SOLUTION', revealed: false }], status: 'stopped', createdAt: '', llm: [] },
			],
		});
		assert.match(md, /^# Recursion/);
		assert.match(md, /> Context: sum\.py:1-4/);
		assert.match(md, /> Held back\./);
		assert.doesNotMatch(md, /SECRET_SOLUTION/);
		assert.match(md, /_\(stopped\)_/);
	});

	it('titles a conversation from its first question, and fences code no backticks inside can close', () => {
		assert.equal(titleFrom('/hint why does my loop never end?'), 'why does my loop never end?');
		assert.ok(titleFrom('a '.repeat(60)).endsWith('…'));
		assert.equal(fenced('x = "```"', 'py'), '````py\nx = "```"\n````');
	});
});
