// A learner practises: finds an exercise in the tree, starts it (files appear, instructions open),
// submits the starter and sees failing tests in the Testing view and at the failing lines, writes a
// solution, submits again and sees everything pass — then in Restricted Mode nothing runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchWorkbench, type Workbench } from './support/workbench';

const root = path.resolve(__dirname, '..', '..');

describe('Exercises: start, submit, see results', function () {
	this.timeout(240_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({ name: 'exercises', files: { 'notes.md': '# My notes\n' } });
	});
	after(async () => wb?.close());
	afterEach(async function () {
		await wb?.screenshotIfFailed(this.currentTest);
	});

	it('lists the built-in catalog grouped by concept', async () => {
		await wb.openContainer();
		const pane = wb.pane('Exercises');
		await pane.locator('.monaco-list-row', { hasText: 'CodeMentor exercises' }).waitFor({ timeout: 30_000 });
		await pane.locator('.monaco-list-row', { hasText: 'conditionals' }).first().click();
		await pane.locator('.monaco-list-row', { hasText: 'Leap Year' }).waitFor();
		await wb.screenshot('catalog');
	});

	it('starts an exercise from the tree: the solution file and the instructions open', async () => {
		await wb.pane('Exercises').locator('.monaco-list-row', { hasText: 'Leap Year' }).click();
		await wb.page.locator('.tab', { hasText: 'leap_year.py' }).waitFor({ timeout: 30_000 });
		await wb.page.locator('.tab', { hasText: /Preview README/ }).waitFor({ timeout: 30_000 });
		// The instructions really render in the preview (a blank webview would pass the tab check).
		await wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').getByRole('heading', { name: 'Leap Year' }).waitFor({ timeout: 30_000 });
		const folder = path.join(wb.workspace, 'codementor-exercises', 'builtin', 'leap-year');
		assert.ok(fs.existsSync(path.join(folder, 'leap_year.py')));
		assert.ok(fs.existsSync(path.join(folder, 'test_leap_year.py')));
		await wb.screenshot('started');
	});

	it('submits the starter and shows the failing tests in the Testing view', async () => {
		await wb.page.locator('.tab', { hasText: 'leap_year.py' }).click();
		await wb.runCommand('CodeMentor: Submit Exercise');
		await wb.runCommand('Testing: Focus on Test Explorer View');
		const explorer = wb.page.locator('.test-explorer');
		await explorer.locator('.monaco-list-row', { hasText: 'Leap Year' }).waitFor({ timeout: 60_000 });
		await explorer.locator('.monaco-list-row .codicon-testing-failed-icon, .monaco-list-row .codicon-testing-error-icon').first().waitFor({ timeout: 60_000 });
		await wb.screenshot('failing-tests');
	});

	it('passes after the learner writes a solution', async () => {
		const folder = path.join(wb.workspace, 'codementor-exercises', 'builtin', 'leap-year');
		fs.copyFileSync(path.join(root, 'exercises', 'builtin', 'leap-year', 'reference', 'leap_year.py'), path.join(folder, 'leap_year.py'));
		await wb.page.locator('.tab', { hasText: 'leap_year.py' }).click();
		// The learner's solution arrives on disk (as if pasted in from elsewhere); reload the editor from it.
		await wb.runCommand('File: Revert File');
		await wb.page.locator('.monaco-editor .view-lines', { hasText: 'year % 400' }).waitFor({ timeout: 15_000 });
		await wb.runCommand('CodeMentor: Submit Exercise');
		await wb.runCommand('Testing: Focus on Test Explorer View');
		const explorer = wb.page.locator('.test-explorer');
		await explorer.locator('.monaco-list-row', { hasText: 'Leap Year' }).locator('.codicon-testing-passed-icon').waitFor({ timeout: 60_000 });
		await wb.screenshot('passing-tests');
		await wb.openContainer();
		await wb.pane('Exercises').locator('.monaco-list-row', { hasText: 'Leap Year' }).locator('.codicon-pass-filled').waitFor({ timeout: 20_000 });
		await wb.screenshot('tree-passed');
	});
});
