// Exercises in the real extension host: starting one writes its files (and never overwrites the
// learner's), submitting grades it locally with per-test results and diagnostics at the failing
// lines, a correct solution passes, and reset backs the learner's code up before restoring it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradeResult } from '../../src/core/exercises/model';
import { CommandIds } from '../../src/shared/ids';
import { activateCodeMentor, extensionRoot, waitFor } from './helpers';

const ID = 'builtin/leap-year';

describe('Exercises in VS Code', function () {
	this.timeout(60_000);
	let folder: string;

	before(async () => {
		await activateCodeMentor();
		folder = (await vscode.commands.executeCommand<string>(CommandIds.startExercise, ID))!;
		assert.ok(folder, 'start returned no folder');
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('starts an exercise into the workspace and opens its solution file', async () => {
		for (const f of ['leap_year.py', 'test_leap_year.py', 'README.md', '.codementor.json']) {
			assert.ok(fs.existsSync(path.join(folder, f)), `${f} was not written`);
		}
		await waitFor('the solution file to open', () => vscode.window.visibleTextEditors.some(e => e.document.uri.fsPath.endsWith('leap_year.py')));
	});

	it('starting again keeps what the learner wrote', async () => {
		const file = path.join(folder, 'leap_year.py');
		const mine = '# my work in progress\n';
		fs.writeFileSync(file, mine);
		await vscode.commands.executeCommand(CommandIds.startExercise, ID);
		assert.equal(fs.readFileSync(file, 'utf8'), mine);
		fs.copyFileSync(path.join(extensionRoot, 'exercises', 'builtin', 'leap-year', 'starter', 'leap_year.py'), file);
	});

	it('grades the starter: failing tests with messages, and diagnostics at the failing lines', async () => {
		const result = (await vscode.commands.executeCommand<GradeResult>(CommandIds.submit, ID))!;
		assert.ok(result, 'submit returned no result');
		assert.ok(result.failed > 0, `the starter should fail: ${JSON.stringify(result).slice(0, 400)}`);
		assert.ok(result.durationMs < 5000, `grading took ${result.durationMs} ms`);
		const failing = result.tests.find(t => t.status !== 'passed')!;
		assert.ok(failing.message, 'a failing test has a message');
		const diagnostics = await waitFor('diagnostics', () => {
			const all = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.startsWith(folder));
			return all.length > 0 && all;
		});
		assert.ok(diagnostics.flatMap(([, d]) => d).every(d => d.source === 'CodeMentor tests'));
	});

	it('passes with a correct solution, and clears the diagnostics', async () => {
		const file = path.join(folder, 'leap_year.py');
		const doc = await vscode.workspace.openTextDocument(file);
		const editor = await vscode.window.showTextDocument(doc);
		const reference = fs.readFileSync(path.join(extensionRoot, 'exercises', 'builtin', 'leap-year', 'reference', 'leap_year.py'), 'utf8');
		// Unsaved editor content is what gets graded (submit saves it first).
		await editor.edit(b => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), reference));
		const result = (await vscode.commands.executeCommand<GradeResult>(CommandIds.submit))!;
		assert.equal(result.failed, 0, JSON.stringify(result.tests.filter(t => t.status !== 'passed')).slice(0, 400));
		assert.ok(result.passed > 0);
		assert.equal(fs.readFileSync(file, 'utf8'), reference, 'submit saved the editor');
		await waitFor('diagnostics to clear', () => vscode.languages.getDiagnostics().every(([uri, d]) => !uri.fsPath.startsWith(folder) || d.length === 0));
	});

	it('has a test runner waiting before Submit, and another one after it', async () => {
		// Started when the exercise was: Python and the reporter are loaded before the learner submits.
		const waiting = () => waitingReporters().length === 1;
		await waitFor('a prewarmed reporter', waiting, 15_000);
		const [before] = waitingReporters();
		const result = (await vscode.commands.executeCommand<GradeResult>(CommandIds.submit, ID))!;
		assert.ok(result.passed > 0, JSON.stringify(result).slice(0, 400));
		await waitFor('the next prewarmed reporter', () => waiting() && waitingReporters()[0] !== before, 15_000);
	});

	it('gives the authored hints in order', async () => {
		const first = await vscode.commands.executeCommand<string>(CommandIds.exerciseHint, ID);
		const second = await vscode.commands.executeCommand<string>(CommandIds.exerciseHint, ID);
		assert.ok(first && second && first !== second, 'two different hints');
	});
});

/** Python reporters of this extension waiting for a run (pids). */
function waitingReporters(): number[] {
	const pattern = `${path.join(extensionRoot, 'dist', 'grading', 'reporter.py')} --memory-mb [0-9]+ --wait`;
	return spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
}
