// Registers the Progress feature: the tree (streak, today's goal, mastery, study tasks, recurring
// mistakes), the streak status-bar item, the dashboard, Next Exercise, export, the learner profile
// and the study-task commands. The store and the learning model load on first use.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { UserFacingError } from '../../core/errors';
import type { StudyTask } from '../../core/progress/events';
import { registerCommand } from '../../platform/commands';
import { CommandIds, ViewIds } from '../../shared/ids';
import type { ExercisesService } from '../exercises/service';
import type { TutorFeature } from '../tutor';
import { ProgressService } from './service';
import { ProgressTree, type ProgressNode } from './tree';

export function registerProgress(container: Container): ProgressService {
	const { context, logger } = container;
	const service = new ProgressService(container);
	const tree = new ProgressTree(service, () => container.views.didResolve(ViewIds.progress));
	const view = vscode.window.createTreeView(ViewIds.progress, { treeDataProvider: tree, showCollapseAll: true });
	const status = vscode.window.createStatusBarItem('codementor.streak', vscode.StatusBarAlignment.Right, 90);
	status.name = 'CodeMentor streak';
	status.command = CommandIds.nextExercise;

	const updateStatus = async () => {
		const s = await service.summary().catch(() => undefined);
		if (!s || (s.streak.current === 0 && !s.timeline.some(d => d.attempts > 0))) {
			status.hide();
			return;
		}
		status.text = `$(flame) ${s.streak.current}`;
		status.tooltip = new vscode.MarkdownString(`**${s.streak.current}-day streak** (longest ${s.streak.longest})\n\nToday: ${s.today.attempts} of ${s.today.goal} attempts${s.today.done ? ' — goal met' : ''}\n\nClick for your next exercise.`);
		status.accessibilityInformation = { label: `CodeMentor: ${s.streak.current}-day streak. Next exercise.` };
		status.show();
	};
	let pending: NodeJS.Timeout | undefined;
	const changed = () => {
		clearTimeout(pending);
		pending = setTimeout(() => {
			tree.refresh();
			void updateStatus();
			void dashboard?.update();
		}, 100);
	};
	let dashboard: { update(): Promise<void>; reveal(): void } | undefined;

	const taskOf = (arg: unknown): StudyTask | undefined => (isNode(arg) && arg.kind === 'task' ? arg.task : undefined);

	context.subscriptions.push(
		service,
		tree,
		view,
		status,
		{ dispose: () => clearTimeout(pending) },
		service.onDidChange(changed),
		// Another window may have practised: pick up its events when this one gets focus.
		vscode.window.onDidChangeWindowState(s => {
			if (s.focused) {
				void service.reload().catch(() => undefined);
				// Also a good moment to send what waited for the platform (offline, signed out).
				void service.flushToPlatform().catch(e => logger.debug(`Progress: platform flush: ${String(e)}`));
			}
		}),
		registerCommand(logger, CommandIds.refreshProgress, 'Refresh Progress', async () => {
			await service.reload();
			changed();
		}),
		registerCommand(logger, CommandIds.openDashboard, 'Open Progress Dashboard', async () => {
			const { DashboardPanel } = await import('./dashboard');
			const panel = (dashboard ??= new DashboardPanel(container, service, () => (dashboard = undefined)));
			panel.reveal();
			await panel.update();
		}),
		registerCommand(logger, CommandIds.exportProgress, 'Export Progress', async () => {
			const format = await vscode.window.showQuickPick([{ label: 'JSON', detail: 'Every event, for backups and other tools', id: 'json' as const }, { label: 'CSV', detail: 'One row per event, for spreadsheets', id: 'csv' as const }], { title: 'Export Progress' });
			if (!format) {
				return undefined;
			}
			const store = await service.store();
			const { exportCsv, exportJson } = await import('../../core/progress/export');
			const text = format.id === 'json' ? exportJson(store.events()) : exportCsv(store.events());
			const target = await vscode.window.showSaveDialog({ title: 'Export Progress', defaultUri: vscode.Uri.file(path.join(os.homedir(), `codementor-progress.${format.id}`)), filters: { [format.label]: [format.id] } });
			if (!target) {
				return undefined;
			}
			await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
			void vscode.window.showInformationMessage(`CodeMentor: ${store.events().length} events exported to ${target.fsPath}.`);
			return target.fsPath;
		}),
		registerCommand(logger, CommandIds.editProfile, 'Edit Learner Profile', () => editProfile(service)),
		registerCommand(logger, CommandIds.addStudyTask, 'Add Study Task', async () => {
			const title = await vscode.window.showInputBox({ title: 'Add Study Task', prompt: 'What do you want to study?', placeHolder: 'e.g. Practise recursion', validateInput: v => (v.trim() ? undefined : 'Give the task a title.') });
			if (!title) {
				return undefined;
			}
			const due = await vscode.window.showInputBox({ title: 'Add Study Task', prompt: 'Due date (optional)', placeHolder: 'YYYY-MM-DD', validateInput: v => (!v || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Use a date like 2026-12-04, or leave it empty.') });
			return service.tasks.add({ title: title.trim(), due: due || undefined });
		}),
		registerCommand(logger, CommandIds.completeStudyTask, 'Complete Study Task', async (arg?: unknown) => {
			const task = taskOf(arg);
			return task && service.tasks.complete(task.id);
		}),
		registerCommand(logger, CommandIds.deleteStudyTask, 'Delete Study Task', async (arg?: unknown) => {
			const task = taskOf(arg);
			if (!task) {
				return;
			}
			const ok = await vscode.window.showWarningMessage(`Delete the study task “${task.title}”?`, { modal: true }, 'Delete');
			if (ok === 'Delete') {
				await service.tasks.delete(task.id);
			}
		}),
	);
	// After activation: reading the store is not activation's business.
	const initial = setTimeout(() => void updateStatus(), 0);
	context.subscriptions.push({ dispose: () => clearTimeout(initial) });
	return service;
}

/** Sync, Share Solution and Review Pull Request; their code (and octokit) loads when one is run. */
export function registerGitHubProgress(container: Container, progress: ProgressService, tutor: TutorFeature, exercises: ExercisesService): vscode.Disposable {
	const { logger } = container;
	const github = () => import('./github');
	return vscode.Disposable.from(
		registerCommand(logger, CommandIds.syncProgress, 'Sync Progress with GitHub', async () => (await github()).syncProgress(container, progress)),
		registerCommand(logger, CommandIds.shareSolution, 'Share Solution as Gist', async () => (await github()).shareSolution(container, exercises)),
		registerCommand(logger, CommandIds.reviewPullRequest, 'Review Pull Request', async () => (await github()).reviewPullRequest(container, tutor)),
	);
}

/** "CodeMentor: Next Exercise": what the learner most needs, respecting prerequisites. */
export function registerNextExercise(container: Container, service: ProgressService, exercises: ExercisesService): vscode.Disposable {
	return registerCommand(container.logger, CommandIds.nextExercise, 'Next Exercise', async () => {
		const [{ nextExercise, reviewQueueFromEvents }, { masteryFromEvents }, store, summaries, profile] = await Promise.all([
			import('../../core/progress/recommend'),
			import('../../core/progress/bkt'),
			service.store(),
			exercises.list(),
			service.profile(),
		]);
		const events = store.events();
		const statuses = new Map(summaries.map(s => [s.id, exercises.status.status(s.id)] as const));
		const pick = nextExercise({ summaries, statuses, mastery: masteryFromEvents(events), reviewQueue: reviewQueueFromEvents(events), profile, now: new Date() });
		if (!pick) {
			throw new UserFacingError('There is no exercise left to suggest: you have passed every one in your catalog. Generate a new one, or add an Exercism track.', [{ title: 'Generate Exercise', command: CommandIds.generateExercise }]);
		}
		// Not awaited: the command answers with its pick (for callers and tests) while the learner decides.
		void vscode.window.showInformationMessage(`Next: “${pick.exercise.title}” (${pick.exercise.language}, ${pick.exercise.difficulty}). ${pick.reason}`, 'Start', 'Browse Exercises').then(choice => {
			if (choice === 'Start') {
				return vscode.commands.executeCommand(CommandIds.startExercise, pick.exercise.id);
			}
			return choice && vscode.commands.executeCommand(`${ViewIds.exercises}.focus`);
		});
		return pick.exercise.id;
	});
}

async function editProfile(service: ProgressService): Promise<void> {
	const { profileQuestions } = await import('../../core/progress/profile');
	const current = (await service.profile()) ?? undefined;
	const answers: Record<string, unknown> = {};
	for (const [i, q] of profileQuestions.entries()) {
		const title = `Your learner profile (${i + 1}/${profileQuestions.length})`;
		if (q.kind === 'text') {
			const value = await vscode.window.showInputBox({ title, prompt: q.title, placeHolder: q.placeholder, value: current?.[q.field] ?? '' });
			if (value === undefined) {
				return;
			}
			answers[q.field] = value.trim();
			continue;
		}
		const now = current?.[q.field];
		const options: readonly { label: string; description?: string; value: unknown }[] = q.options;
		const items = options.map(o => ({ label: o.label, description: o.description, value: o.value, picked: Array.isArray(now) ? (now as unknown[]).includes(o.value) : now === o.value }));
		if (q.kind === 'pickMany') {
			const picked = await vscode.window.showQuickPick(items, { title, placeHolder: q.title, canPickMany: true });
			if (!picked) {
				return;
			}
			answers[q.field] = picked.map(p => p.value);
		} else {
			const picked = await vscode.window.showQuickPick(items, { title, placeHolder: q.title });
			if (!picked) {
				return;
			}
			answers[q.field] = picked.value;
		}
	}
	await service.saveProfile(answers);
	void vscode.window.showInformationMessage('CodeMentor: your learner profile is saved. The tutor, the hints and Next Exercise will use it.');
}

function isNode(x: unknown): x is ProgressNode {
	return typeof x === 'object' && x !== null && 'kind' in x;
}
