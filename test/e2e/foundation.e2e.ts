// A person installs CodeMentor and looks around: the container, each view's welcome state, the
// palette commands, the logs, the walkthrough, and Restricted Mode.
import * as assert from 'node:assert/strict';
import { launchWorkbench, type Workbench } from './support/workbench';

describe('Foundation: CodeMentor installed in a real VS Code', function () {
	this.timeout(180_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({ name: 'foundation', files: { 'hello.py': 'print("hello")\n' } });
	});
	after(async () => wb?.close());
	afterEach(async function () {
		await wb?.screenshotIfFailed(this.currentTest);
	});

	it('shows the CodeMentor container with the Tutor, Exercises and Progress views', async () => {
		await wb.openContainer();
		for (const title of ['Tutor', 'Exercises', 'Progress']) {
			await wb.sideBar().locator('.pane-header', { hasText: title }).first().waitFor();
		}
		const tutor = await wb.webview('tutor');
		await tutor.getByRole('heading', { name: 'Your coding tutor' }).waitFor();
		await wb.pane('Exercises').locator('.monaco-list-row', { hasText: 'CodeMentor exercises' }).waitFor({ timeout: 30_000 });
		await tutor.getByRole('heading', { name: 'Connect a model' }).waitFor({ timeout: 30_000 });
		await wb.pane('Progress').getByText('Your streak, your mastery of each concept').waitFor();
		await wb.screenshot('container-welcome');
	});

	it('has no Restricted Mode notice in a trusted folder', async () => {
		const tutor = await wb.webview('tutor');
		assert.equal(await tutor.getByText('Restricted Mode').filter({ visible: true }).count(), 0);
	});

	it('runs "CodeMentor: Show Logs" from the palette and shows the activation line', async () => {
		await wb.runCommand('CodeMentor: Show Logs');
		const output = wb.page.locator('.part.panel');
		await output.getByText(/CodeMentor\s.*activated\sin/).first().waitFor({ timeout: 20_000 });
		await wb.screenshot('show-logs');
		await wb.runCommand('View: Hide Panel');
	});

	it('opens the getting-started walkthrough from the Tutor welcome', async () => {
		const tutor = await wb.webview('tutor');
		await tutor.getByRole('button', { name: 'Get started' }).click();
		await wb.page.locator('.gettingStartedContainer').getByText('Learn to code with CodeMentor').first().waitFor({ timeout: 20_000 });
		await wb.screenshot('walkthrough');
	});

	it('moves focus to the Exercises view from the Tutor welcome', async () => {
		await wb.openContainer();
		const tutor = await wb.webview('tutor');
		await tutor.getByRole('button', { name: 'Browse exercises' }).click();
		// Runs in the page: `document` is the workbench's.
		await wb.page.waitForFunction(() => (globalThis as any).document.activeElement?.closest('.pane')?.textContent?.includes('Exercises') ?? false, undefined, { timeout: 10_000 });
	});
});

describe('Foundation: Restricted Mode', function () {
	this.timeout(180_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({ name: 'foundation-restricted', trusted: false, files: { 'hello.js': 'console.log(1)\n' } });
	});
	after(async () => wb?.close());
	afterEach(async function () {
		await wb?.screenshotIfFailed(this.currentTest);
	});

	it('tells the learner that code will not run until the folder is trusted', async () => {
		await wb.openContainer();
		const tutor = await wb.webview('tutor');
		await tutor.getByText('Restricted Mode: the tutor can explain and hint').waitFor();
		await wb.screenshot('restricted-mode');
	});
});
