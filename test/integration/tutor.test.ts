// The tutor in the real extension host, against a fake OpenAI-compatible model server: answers
// stream and persist; tool calls act (a study task appears in progress); in Guide mode a reply that
// pastes the exercise's solution is withheld and only "show anyway" reveals it (recorded); @mentor
// answers in VS Code's chat through CodeMentor's own model; the tools are registered with vscode.lm.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/shared/ids';
import { parseMessage } from '../../src/shared/protocol/channel';
import { hostToTutor, type HostToTutor } from '../../src/shared/protocol/tutor';
import { startFakeModel, useModel, type FakeModel } from './fakeModel';
import { activateApi, extensionRoot, waitFor } from './helpers';

describe('Tutor in VS Code', function () {
	this.timeout(60_000);
	let model: FakeModel;

	before(async () => {
		model = await startFakeModel();
		await activateApi();
		await useModel(model.url);
	});

	after(async () => {
		await useModel(undefined);
		await model.close();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	beforeEach(async () => {
		model.requests.length = 0;
		model.replies.length = 0;
		model.reply = undefined;
		const { tutor } = await activateApi();
		await (await tutor.controller()).newConversation();
	});

	it('streams an answer, keeps the conversation on disk, and counts its tokens', async () => {
		const { tutor, container } = await activateApi();
		const c = await tutor.controller();
		await c.setMode('explain');
		model.replies.push({ text: ['A loop ', 'repeats ', 'a block.'] });
		await c.send('What is a loop?');
		const conversation = c.active!;
		const answer = conversation.messages.at(-1)!;
		assert.equal(answer.status, 'complete');
		assert.deepEqual(answer.parts, [{ type: 'markdown', text: 'A loop repeats a block.' }]);
		assert.equal(conversation.usage.inputTokens, 120);
		const file = path.join(container.context.globalStorageUri.fsPath, 'tutor', 'conversations', `${conversation.id}.json`);
		const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
		assert.equal(saved.title, 'What is a loop?');
		assert.equal(saved.messages.length, 2);
		const sent = model.requests[0]!;
		assert.equal(sent.body.messages[0]!.role, 'system');
		assert.match(String(sent.body.messages[0]!.content), /CodeMentor/);
	});

	it('adds a study task when the model calls add_task, and shows it in progress', async () => {
		const { tutor } = await activateApi();
		const c = await tutor.controller();
		model.replies.push({ toolCalls: [{ id: 'call1', name: 'add_task', arguments: { title: 'Practise recursion', due: '2026-12-04' } }] }, { text: ['Done: it is on your list for Friday.'] });
		await c.send('remind me to practise recursion on Friday');
		const answer = c.active!.messages.at(-1)!;
		const step = answer.parts.find(p => p.type === 'tool');
		assert.equal(step?.type === 'tool' && step.status, 'done', JSON.stringify(answer.parts));
		assert.ok(model.requests[0]!.body.tools?.some(t => t.function.name === 'add_task'), 'the tools are offered to the model');
		assert.equal(model.requests[1]!.body.messages.at(-1)!.role, 'tool', 'the tool result goes back to the model');
		assert.match(JSON.stringify(answer.parts.at(-1)), /Friday/);
	});

	it('withholds a pasted solution in Guide mode, and reveals it only on "show anyway"', async () => {
		const { tutor } = await activateApi();
		// An exercise no other test passes: once passed, the reference may be shown.
		const folder = (await vscode.commands.executeCommand<string>(CommandIds.startExercise, 'builtin/word-count'))!;
		await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'word_count.py')));
		const c = await tutor.controller();
		await c.refreshContext();
		await c.setMode('guide');
		const reference = fs.readFileSync(path.join(extensionRoot, 'exercises', 'builtin', 'word-count', 'reference', 'word_count.py'), 'utf8');
		model.replies.push({ text: ['Here you go:\n\n```python\n', ...reference.match(/[\s\S]{1,20}/g)!, '```\n\nTry it!'] });
		await c.send('just give me the answer');
		const answer = c.active!.messages.at(-1)!;
		const withheld = answer.parts.find(p => p.type === 'withheld');
		assert.ok(withheld && withheld.type === 'withheld', `expected a withheld block: ${JSON.stringify(answer.parts).slice(0, 300)}`);
		const solutionLine = reference.split('\n').find(l => l.trim().length > 20 && !l.trim().startsWith('#') && !l.includes('def '))!.trim();
		assert.ok(!answer.parts.some(p => p.type === 'markdown' && p.text.includes(solutionLine)), 'the solution is not in the shown text');
		assert.match(JSON.stringify(answer.parts), /Try it!/, 'the prose around it is shown');
		const sent = model.requests[0]!.text;
		assert.match(sent, /BEGIN LEARNER DATA/, "the learner's code is framed as data");
		await c.reveal(answer.id, withheld.blockId);
		const revealed = c.active!.messages.at(-1)!.parts.find(p => p.type === 'withheld');
		assert.equal(revealed?.type === 'withheld' && revealed.revealed, true);
	});

	it('offers the file, the selection and the exercise as context chips, and leaves out a removed one', async () => {
		const { tutor } = await activateApi();
		const c = await tutor.controller();
		const folder = (await vscode.commands.executeCommand<string>(CommandIds.startExercise, 'builtin/word-count'))!;
		const editor = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'word_count.py')));
		editor.selection = new vscode.Selection(0, 0, 1, 10);
		const posted: HostToTutor[] = [];
		const sub = c.attach(m => posted.push(m));
		try {
			await c.refreshContext();
			const chips = posted.filter(m => m.type === 'context/set').at(-1);
			assert.ok(chips && chips.type === 'context/set', 'context was posted');
			const kinds = chips.chips.map(ch => ch.kind);
			assert.deepEqual(kinds.filter(k => k !== 'problems'), ['selection', 'file', 'exercise'], JSON.stringify(chips.chips));
			assert.ok(chips.chips.every(ch => parseMessage(hostToTutor, { type: 'context/set', chips: [ch] }).ok), 'every chip passes the protocol');
			const file = chips.chips.find(ch => ch.kind === 'file')!;
			c.toggleChip(file.id, false);
			await c.setMode('explain');
			model.replies.push({ text: ['ok'] });
			await c.send('what does this do?');
			const sent = model.requests.at(-1)!.text;
			assert.match(sent, /Exercise: Word Count|Word Count/);
			assert.doesNotMatch(sent, /Words are runs of letters and digits; an apostrophe/, 'the whole file was removed from the context');
		} finally {
			sub.dispose();
			c.toggleChip(`file:word_count.py`, true);
		}
	});

	it('keeps what streamed when the learner stops the answer', async () => {
		const { tutor } = await activateApi();
		const c = await tutor.controller();
		await c.setMode('explain');
		model.replies.push({ text: Array.from({ length: 200 }, (_, i) => `word${i} `), delayMs: 10 });
		const sending = c.send('explain recursion slowly');
		await waitFor('some text to stream', () => (c.active?.messages.at(-1)?.parts[0]?.type === 'markdown' ? true : undefined));
		c.stop();
		await sending;
		const answer = c.active!.messages.at(-1)!;
		assert.equal(answer.status, 'stopped');
		assert.match(JSON.stringify(answer.parts), /word0/);
	});

	it('summarises older turns once they no longer fit the budget, and sends the summary instead', async () => {
		const { tutor } = await activateApi();
		const c = await tutor.controller();
		await c.setMode('explain');
		model.reply = request =>
			String(request.body.messages[0]?.content).includes('You summarise part of a conversation')
				? { text: ['SUMMARY: the learner asked about loops twice.'] }
				: { text: [`long answer ${'y'.repeat(30_000)}`] };
		for (let i = 0; i < 3; i++) {
			await c.send(`question ${i} ${'x'.repeat(15_000)}`);
		}
		const summaryCalls = model.requests.filter(r => String(r.body.messages[0]?.content).includes('You summarise part of a conversation'));
		assert.ok(summaryCalls.length >= 1, 'a summary was asked for');
		const last = model.requests.at(-1)!;
		assert.match(last.text, /SUMMARY: the learner asked about loops twice/);
		assert.doesNotMatch(last.text, /question 0 /, 'the oldest turn itself is no longer sent');
		assert.equal(c.active!.summary?.text, 'SUMMARY: the learner asked about loops twice.');
	});

	it('registers the tutor tools with vscode.lm, and they work', async () => {
		const names = vscode.lm.tools.map(t => t.name);
		for (const n of ['codementor_list_exercises', 'codementor_add_task', 'codementor_get_progress']) {
			assert.ok(names.includes(n), `${n} missing from vscode.lm.tools: ${names.join(', ')}`);
		}
		const result = await vscode.lm.invokeTool('codementor_list_exercises', { input: { concept: 'recursion', limit: 3 }, toolInvocationToken: undefined });
		const text = result.content.map(p => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
		const listed = JSON.parse(text) as { id: string; concepts: string[] }[];
		assert.ok(listed.length > 0 && listed.length <= 3);
		assert.ok(listed.every(e => e.concepts.includes('recursion')));
	});

	it("offers CodeMentor's model in VS Code's chat, streaming from the configured backend", async () => {
		const models = await waitFor('the codementor chat model', async () => {
			const found = await vscode.lm.selectChatModels({ vendor: 'codementor' });
			return found.length > 0 && found;
		});
		model.replies.push({ text: ['Think about ', 'the base case.'] });
		const response = await models[0]!.sendRequest([vscode.LanguageModelChatMessage.User('hint please')], {}, new vscode.CancellationTokenSource().token);
		let text = '';
		for await (const t of response.text) {
			text += t;
		}
		assert.equal(text, 'Think about the base case.');
		assert.match(model.requests.at(-1)!.text, /hint please/);
	});

	it('answers @mentor in the chat view with the tutor prompt', async () => {
		const models = await vscode.lm.selectChatModels({ vendor: 'codementor' });
		assert.ok(models.length > 0);
		model.reply = () => ({ text: ['Recursion is a function calling itself.'] });
		await vscode.commands.executeCommand('workbench.action.chat.open', { query: '@mentor /explain what is recursion' });
		const request = await waitFor('the participant to ask the model', () => model.requests.find(r => r.text.includes('what is recursion') && r.text.includes('CodeMentor')), 20_000);
		assert.match(request.text, /Explain/);
	});
});
