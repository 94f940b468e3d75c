// A learner talks to the tutor: asks a question and watches the answer stream in, sees the context
// chips that go with it, asks for the solution of an exercise and gets it withheld (with "Show
// anyway"), reloads the window and finds the conversation again, and asks @mentor in VS Code's chat.
// The model is a fake OpenAI-compatible server in this process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeModel, type FakeModel } from '../support/fakeModel';
import { launchWorkbench, type Workbench } from './support/workbench';

const root = path.resolve(__dirname, '..', '..');

describe('Tutor: chat, leak guard, @mentor', function () {
	this.timeout(300_000);
	let wb: Workbench;
	let model: FakeModel;

	before(async () => {
		model = await startFakeModel();
		wb = await launchWorkbench({
			name: 'tutor',
			aiFeatures: true,
			files: { 'notes.md': '# Notes\n' },
			settings: { 'codementor.provider': 'openaiCompatible', 'codementor.openaiCompatible.baseUrl': model.url },
		});
	});
	after(async () => {
	afterEach(async function () {
		await wb?.screenshotIfFailed(this.currentTest);
	});
		await wb?.close();
		await model?.close();
	});

	/** Gives the Tutor the side bar's height: the other two views collapsed. */
	async function focusTutor(): Promise<void> {
		await wb.openContainer();
		for (const title of ['Exercises', 'Progress']) {
			const header = wb.sideBar().locator('.pane-header', { hasText: title }).first();
			if ((await header.getAttribute('aria-expanded')) === 'true') {
				await header.click();
			}
		}
	}

	it('streams an answer as rendered markdown', async () => {
		await focusTutor();
		const tutor = await wb.webview('tutor');
		model.reply = () => ({ text: ['A **loop** repeats a block of code.\n\n', '```python\nfor i in range(3):\n    print(i)\n```\n\n', 'What do you think it prints?'], delayMs: 60 });
		const composer = tutor.getByTestId('composer');
		await composer.waitFor({ timeout: 30_000 });
		await composer.fill('/explain what is a loop?');
		await composer.press('Enter');
		const answer = tutor.locator('[data-testid="message"][data-role="assistant"]').last();
		await answer.locator('strong', { hasText: 'loop' }).waitFor({ timeout: 30_000 });
		await answer.locator('pre code', { hasText: 'range(3)' }).waitFor({ timeout: 30_000 });
		await tutor.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').last().waitFor({ timeout: 30_000 });
		await wb.screenshot('answer-streamed');
		assert.match(model.requests[0]!.text, /what is a loop/);
	});

	it('stops an answer mid-stream and keeps what arrived', async () => {
		const tutor = await wb.webview('tutor');
		await tutor.getByTestId('new-conversation').click();
		model.reply = () => ({ text: Array.from({ length: 300 }, (_, i) => `step${i} `), delayMs: 40 });
		await tutor.getByTestId('composer').fill('/explain recursion, slowly');
		await tutor.getByTestId('composer').press('Enter');
		const answer = tutor.locator('[data-testid="message"][data-role="assistant"]').last();
		await answer.getByText(/step5\b/).waitFor({ timeout: 30_000 });
		await tutor.getByTestId('stop').click();
		await tutor.locator('[data-testid="message"][data-role="assistant"][data-status="stopped"]').last().waitFor({ timeout: 15_000 });
		const text = await tutor.locator('[data-testid="message"][data-role="assistant"]').last().innerText();
		assert.match(text, /step5/);
		assert.doesNotMatch(text, /step299/, 'the rest never arrived');
		await wb.screenshot('answer-stopped');
	});

	it('renders model output carrying XSS payloads inert', async () => {
		const tutor = await wb.webview('tutor');
		const dialogs: string[] = [];
		wb.page.on('dialog', d => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		model.reply = () => ({
			text: [
				'Careful with these:\n\n<script>alert("script")</script>\n\n',
				'<img src=x onerror="alert(\'img\')">\n\n',
				'[click me](javascript:alert("link")) and <a href="javascript:alert(1)">raw link</a>\n\n',
				'<b onclick="alert(\'b\')">bold?</b> <iframe src="https://example.com"></iframe>\n\n',
				'```html\n<script>alert("in code")</script>\n```\n',
			],
		});
		await tutor.getByTestId('composer').fill('/explain show me some HTML');
		await tutor.getByTestId('composer').press('Enter');
		const answer = tutor.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').last();
		await answer.waitFor({ timeout: 30_000 });
		assert.equal(await answer.locator('script, iframe, img[onerror], [onclick], [onerror]').count(), 0, 'no active element survived');
		assert.equal(await answer.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: link');
		await answer.locator('pre code', { hasText: '<script>alert("in code")</script>' }).waitFor();
		await answer.getByText('Careful with these').waitFor();
		await wb.page.waitForTimeout(500);
		assert.deepEqual(dialogs, [], 'nothing ran');
		await wb.screenshot('xss-inert');
	});

	it('adds a study task through a tool call, and it shows in the Progress view', async () => {
		const tutor = await wb.webview('tutor');
		await tutor.getByTestId('new-conversation').click();
		model.replies.length = 0;
		model.reply = undefined;
		model.replies.push({ toolCalls: [{ id: 'call-task', name: 'add_task', arguments: { title: 'Practise recursion', due: '2026-12-04' } }] }, { text: ['Added: **Practise recursion**, due Friday.'] });
		await tutor.getByTestId('composer').fill('remind me to practise recursion on Friday');
		await tutor.getByTestId('composer').press('Enter');
		await tutor.locator('[data-testid="tool-step"][data-status="done"]').last().waitFor({ timeout: 30_000 });
		await tutor.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').last().locator('strong', { hasText: 'Practise recursion' }).waitFor({ timeout: 30_000 });
		await wb.screenshot('tool-step');
		await wb.openContainer();
		const progress = wb.sideBar().locator('.pane-header', { hasText: 'Progress' }).first();
		if ((await progress.getAttribute('aria-expanded')) !== 'true') {
			await progress.click();
		}
		await wb.pane('Progress').locator('.monaco-list-row', { hasText: 'Practise recursion' }).waitFor({ timeout: 30_000 });
		await wb.screenshot('task-in-progress-view');
		model.reply = undefined;
	});

	it('withholds the solution of the open exercise in Guide mode, with Show anyway', async () => {
		await wb.runCommand('CodeMentor: Start Exercise');
		await wb.quickInput().locator('input.input').fill('Word Count');
		await wb.quickInput().locator('.monaco-list-row', { hasText: 'Word Count' }).first().click();
		await wb.page.locator('.tab', { hasText: 'word_count.py' }).waitFor({ timeout: 30_000 });
		await wb.page.locator('.tab', { hasText: 'word_count.py' }).click();
		await focusTutor();
		const tutor = await wb.webview('tutor');
		await tutor.getByTestId('new-conversation').click();
		await tutor
			.getByTestId('chip')
			.filter({ hasText: 'Exercise: Word Count' })
			.waitFor({ timeout: 30_000 })
			.catch(async error => {
				await wb.screenshot('no-exercise-chip');
				throw new Error(`${String(error)}\nchips: ${(await tutor.getByTestId('chip').allInnerTexts()).join(' | ')}`);
			});
		await tutor.getByTestId('mode').selectOption('guide');
		const reference = fs.readFileSync(path.join(root, 'exercises', 'builtin', 'word-count', 'reference', 'word_count.py'), 'utf8');
		model.reply = () => ({ text: ['Sure, here it is:\n\n```python\n', reference, '```\n\nDoes that make sense?'] });
		await tutor.getByTestId('composer').fill('just give me the full solution');
		await tutor.getByTestId('composer').press('Enter');
		const withheld = tutor.getByTestId('withheld').last();
		await withheld.waitFor({ timeout: 30_000 });
		const shown = await tutor.locator('[data-testid="message"][data-role="assistant"]').last().innerText();
		assert.ok(!shown.includes('Counter(WORD.findall'), 'the solution is not shown');
		assert.match(shown, /Does that make sense/);
		await wb.screenshot('solution-withheld');
		await withheld.getByTestId('show-anyway').click();
		await tutor.locator('[data-testid="message"][data-role="assistant"]').last().locator('pre code', { hasText: 'Counter' }).waitFor({ timeout: 15_000 });
		await wb.screenshot('solution-shown-anyway');
	});

	it('keeps the conversation after a window reload', async () => {
		await wb.reload();
		await focusTutor();
		const tutor = await wb.webview('tutor');
		await tutor.locator('[data-testid="message"][data-role="user"]', { hasText: 'just give me the full solution' }).waitFor({ timeout: 30_000 });
		await wb.screenshot('restored-after-reload');
	});

	it('answers @mentor in VS Code’s chat with CodeMentor’s own model', async () => {
		model.reply = () => ({ text: ['Recursion is when a function calls itself — what would stop it?'] });
		await wb.runCommand('Chat: Open Chat');
		const input = wb.page.locator('.interactive-input-part .monaco-editor').first();
		await input.waitFor({ timeout: 30_000 });
		await input.click();
		await wb.page.keyboard.type('@mentor /explain what is recursion');
		await wb.page.keyboard.press('Enter');
		await wb.page.locator('.interactive-item-container.interactive-response', { hasText: 'what would stop it' }).waitFor({ timeout: 60_000 });
		await wb.screenshot('mentor-in-chat');
		assert.ok(model.requests.some(r => r.text.includes('what is recursion')));
	});
});
