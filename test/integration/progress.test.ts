// Progress in the real extension host: solving an exercise records the attempt and the pass in the
// learner's durable store, which the summary (streak, mastery) and the tree reflect; Next Exercise
// suggests an exercise the learner has not passed; the study task list is the tutor's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/shared/ids';
import { activateApi, extensionRoot, waitFor } from './helpers';

const ID = 'builtin/vowel-counter';

describe('Progress in VS Code', function () {
	this.timeout(60_000);

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('records a failed and a passed submission, and the summary shows the streak and mastery', async () => {
		const progress = await progressService();
		const before = (await progress.store()).events().length;
		const folder = (await vscode.commands.executeCommand<string>(CommandIds.startExercise, ID))!;
		await vscode.commands.executeCommand(CommandIds.submit, ID);
		const ref = path.join(extensionRoot, 'exercises', 'builtin', 'vowel-counter', 'reference');
		for (const f of fs.readdirSync(ref)) {
			fs.copyFileSync(path.join(ref, f), path.join(folder, f));
		}
		const passed = await vscode.commands.executeCommand<{ failed: number; passed: number }>(CommandIds.submit, ID);
		assert.equal(passed?.failed, 0);
		const events = await waitFor('the submissions to be recorded', async () => {
			const all = (await progress.store()).events().slice(before);
			return all.filter(e => e.type === 'submission').length >= 2 && all;
		});
		assert.deepEqual(events.filter(e => e.type === 'submission').map(e => e.type === 'submission' && e.passed), [false, true]);
		assert.ok(events.some(e => e.type === 'exercise.started' && e.exerciseId === ID));
		const summary = await progress.summary();
		assert.ok(summary.streak.current >= 1, JSON.stringify(summary.streak));
		assert.ok(summary.today.attempts >= 2);
		const strings = summary.mastery.find(m => m.concept === 'strings');
		assert.ok(strings && strings.attempts >= 1 && strings.p > 0.2, JSON.stringify(summary.mastery));
		assert.ok(summary.achievements.some(a => a.id === 'first-pass'));
	});

	it('keeps the study task list the tutor uses, per user, on disk', async () => {
		const progress = await progressService();
		const task = await progress.tasks.add({ title: 'Review closures', due: '2026-12-05' });
		const dir = await progress.dir();
		assert.ok(fs.readdirSync(dir).some(f => f.startsWith('events')), `no journal in ${dir}`);
		assert.ok((await progress.tasks.list({ status: 'open' })).some(t => t.id === task.id));
		await progress.tasks.complete(task.id);
		assert.ok(!(await progress.tasks.list({ status: 'open' })).some(t => t.id === task.id));
	});

	it('suggests a next exercise the learner has not passed', async () => {
		const id = await vscode.commands.executeCommand<string>(CommandIds.nextExercise);
		assert.ok(id && id !== ID, `suggested ${id}`);
	});
});

async function progressService() {
	return (await activateApi()).progress;
}
