// A learner solves an exercise and sees themselves getting better: before, the Progress view
// welcomes them; after a failed and a passing submission it shows a streak, today's attempts and
// mastery of the exercise's concepts, and the dashboard draws them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchWorkbench, type Workbench } from './support/workbench';

const root = path.resolve(__dirname, '..', '..');

describe('Progress: solving an exercise shows up', function () {
	this.timeout(300_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({ name: 'progress', files: { 'notes.md': '# Notes\n' } });
	});
	after(async () => wb?.close());
	afterEach(async function () {
		await wb?.screenshotIfFailed(this.currentTest);
	});

	it('starts empty, with a welcome', async () => {
		await wb.openContainer();
		await wb.pane('Progress').getByText('Your streak, your mastery of each concept').waitFor({ timeout: 30_000 });
		await wb.screenshot('progress-empty');
	});

	it('shows the streak, today and mastery after solving an exercise', async () => {
		await wb.runCommand('CodeMentor: Start Exercise');
		await wb.quickInput().locator('input.input').fill('Vowel Counter');
		await wb.quickInput().locator('.monaco-list-row', { hasText: 'Vowel Counter' }).first().click();
		await wb.page.locator('.tab', { hasText: 'vowel_counter.py' }).waitFor({ timeout: 30_000 });
		await wb.page.locator('.tab', { hasText: 'vowel_counter.py' }).click();
		const folder = path.join(wb.workspace, 'codementor-exercises', 'builtin', 'vowel-counter');
		const progress = wb.pane('Progress');
		await wb.runCommand('CodeMentor: Submit Exercise');
		await wb.openContainer();
		await progress.locator('.monaco-list-row', { hasText: '1-day streak' }).waitFor({ timeout: 30_000 });
		fs.copyFileSync(path.join(root, 'exercises', 'builtin', 'vowel-counter', 'reference', 'vowel_counter.py'), path.join(folder, 'vowel_counter.py'));
		await wb.page.locator('.tab', { hasText: 'vowel_counter.py' }).click();
		await wb.runCommand('File: Revert File');
		await wb.runCommand('CodeMentor: Submit Exercise');
		await wb.openContainer();
		await progress.locator('.monaco-list-row', { hasText: /Today: \d+ of/ }).waitFor({ timeout: 30_000 });
		await progress.locator('.monaco-list-row', { hasText: 'Strings' }).waitFor({ timeout: 60_000 });
		await progress.locator('.monaco-list-row', { hasText: 'Achievements' }).waitFor({ timeout: 30_000 });
		await wb.screenshot('progress-after-solving');
	});

	it('draws the dashboard: streak, heat map and mastery', async () => {
		await wb.runCommand('CodeMentor: Open Progress Dashboard');
		const dashboard = await wb.webview('dashboard');
		await dashboard.getByTestId('streak').getByText('1').first().waitFor({ timeout: 30_000 });
		await dashboard.locator('[data-testid="heatmap"] rect.cell.today:not(.level-0)').waitFor({ timeout: 30_000 });
		await dashboard.getByTestId('mastery-chart').locator('canvas').waitFor({ timeout: 30_000 });
		await wb.page.waitForTimeout(800); // the chart's entry animation
		await wb.screenshot('dashboard');
	});
});
