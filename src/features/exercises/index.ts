// Registers the Exercises feature: the tree, start / instructions / reset / submit / hint
// commands, results in the Testing view and at the failing lines, and the context key that puts
// Submit on a started exercise's editor title. The service and its heavy parts load lazily.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { UserFacingError } from '../../core/errors';
import type { Exercise, GradeResult } from '../../core/exercises/model';
import type { ProgressSink } from '../../core/progress/events';
import { instructionsMarkdown } from '../../core/exercises/scaffold';
import { registerCommand } from '../../platform/commands';
import { CommandIds, ContextKeys, ViewIds } from '../../shared/ids';
import { assertMayRunCode, ExercisesService, TRUST_ACTION } from './service';
import { ExerciseTesting } from './testing';
import { ExerciseTree, type ExerciseNode } from './tree';

export function registerExercises(container: Container, progress: ProgressSink): ExercisesService {
	const { context, logger } = container;
	const service = new ExercisesService(container);
	const tree = new ExerciseTree(service, () => container.config.get('exercises.groupBy'), () => container.views.didResolve(ViewIds.exercises));
	const view = vscode.window.createTreeView(ViewIds.exercises, { treeDataProvider: tree, showCollapseAll: true });
	let testing: ExerciseTesting | undefined;
	// The TestController appears in the Testing view once there is something to test.
	const ensureTesting = () => (testing ??= new ExerciseTesting(service));
	if (service.status.folders().size > 0) {
		ensureTesting();
	}

	const idOf = async (arg: unknown, placeHolder: string): Promise<string | undefined> => {
		if (typeof arg === 'string') {
			return arg;
		}
		if (isNode(arg) && (arg.kind === 'exercise' || arg.kind === 'daily')) {
			return arg.summary.id;
		}
		if (arg instanceof vscode.Uri) {
			return (await service.forFile(arg.fsPath))?.exercise.id;
		}
		const active = await service.active();
		if (active) {
			return active.exercise.id;
		}
		const all = await service.list();
		const picked = await vscode.window.showQuickPick(all.map(s => ({ label: s.title, description: `${s.language} · ${s.difficulty}`, detail: s.concepts.join(', '), id: s.id })), { placeHolder, matchOnDetail: true });
		return picked?.id;
	};

	const submit = async (arg?: unknown): Promise<GradeResult | undefined> => {
		ensureTesting();
		const id = await idOf(arg, 'Which exercise do you want to submit?');
		if (!id) {
			return undefined;
		}
		// Before saving: in Restricted Mode nothing is touched.
		assertMayRunCode();
		await vscode.workspace.saveAll(false);
		const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'CodeMentor: running tests…', cancellable: true }, (_p, token) => {
			const controller = new AbortController();
			token.onCancellationRequested(() => controller.abort());
			return service.grade(id, controller.signal, true);
		});
		const total = result.passed + result.failed;
		if (result.error && result.tests.length === 0) {
			void vscode.window.showErrorMessage(`CodeMentor: ${result.error.message}`, 'Show Output').then(p => p && vscode.commands.executeCommand('testing.showMostRecentOutput'));
		} else if (result.failed === 0 && total > 0) {
			void vscode.window.showInformationMessage(`CodeMentor: all ${total} tests passed in ${(result.durationMs / 1000).toFixed(1)} s. Well done!`, 'Next Exercise').then(p => p && vscode.commands.executeCommand(`${ViewIds.exercises}.focus`));
		} else {
			void vscode.window.showWarningMessage(`CodeMentor: ${result.passed} of ${total} tests passed.`, 'Get a Hint', 'Show Test Results').then(p => {
				if (p === 'Get a Hint') {
					return vscode.commands.executeCommand(CommandIds.exerciseHint, id);
				}
				return p && vscode.commands.executeCommand('workbench.view.testing.focus');
			});
		}
		return result;
	};

	const generate = async (): Promise<string | undefined> => {
		const topic = await vscode.window.showInputBox({ title: 'Generate Exercise (1/3)', prompt: 'What do you want to practise?', placeHolder: 'e.g. counting words in a sentence with a dictionary', validateInput: v => (v.trim() ? undefined : 'Describe a topic in a few words.') });
		if (!topic) {
			return undefined;
		}
		const language = await vscode.window.showQuickPick([{ label: 'Python', id: 'python' as const }, { label: 'JavaScript', id: 'javascript' as const }], { title: 'Generate Exercise (2/3)', placeHolder: 'Language' });
		if (!language) {
			return undefined;
		}
		const difficulty = await vscode.window.showQuickPick((['beginner', 'easy', 'medium', 'hard'] as const).map(d => ({ label: d, id: d })), { title: 'Generate Exercise (3/3)', placeHolder: 'Difficulty' });
		if (!difficulty) {
			return undefined;
		}
		if (!vscode.workspace.isTrusted) {
			throw new UserFacingError('CodeMentor checks a generated exercise by running its tests, which Restricted Mode does not allow: trust this folder first.', [TRUST_ACTION]);
		}
		const provider = await container.models.resolve({ userInitiated: true });
		const { generateExercise, saveGenerated } = await import('../../core/exercises/generate');
		const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'CodeMentor: writing an exercise', cancellable: true }, (progress, token) => {
			const controller = new AbortController();
			token.onCancellationRequested(() => controller.abort());
			return generateExercise(
				{ topic, language: language.id, difficulty: difficulty.id },
				{ provider, grade: (ex, files, signal) => service.gradeFiles(ex, files, signal), signal: controller.signal, onProgress: message => progress.report({ message }), logger },
			);
		});
		const folder = await saveGenerated(service.generatedDir, result.exercise);
		logger.info(`Exercises: generated ${result.exercise.id} in ${result.attempts} attempt(s), saved to ${folder}`);
		service.reload();
		const pick = await vscode.window.showInformationMessage(`CodeMentor: "${result.exercise.title}" is ready and checked (its tests pass on a reference solution).`, 'Start Exercise');
		if (pick) {
			await vscode.commands.executeCommand(CommandIds.startExercise, result.exercise.id);
		}
		return result.exercise.id;
	};

	const updateActiveContext = async () => {
		const active = await service.active().catch(() => undefined);
		await vscode.commands.executeCommand('setContext', ContextKeys.exerciseActive, !!active);
		// Working on an exercise: its test runner can load now rather than when Submit is pressed.
		if (active) {
			void service.prewarm(active.exercise);
		}
	};

	context.subscriptions.push(
		service,
		tree,
		view,
		{ dispose: () => testing?.dispose() },
		service.onDidChange(() => tree.refresh()),
		service.onDidStart(({ exercise }) => void progress.record({ type: 'exercise.started', exerciseId: exercise.id, concepts: exercise.concepts })),
		service.onDidGrade(e => void recordGrade(progress, e.exercise, e.result, e.submission)),
		container.config.onDidChange(['exercises.groupBy'], () => tree.refresh()),
		vscode.window.onDidChangeActiveTextEditor(() => void updateActiveContext()),
		registerCommand(logger, CommandIds.startExercise, 'Start Exercise', async (arg?: unknown) => {
			const id = await idOf(arg, 'Which exercise do you want to start?');
			if (!id) {
				return undefined;
			}
			ensureTesting();
			const started = await service.start(id);
			await service.open(started);
			await updateActiveContext();
			return started.folder;
		}),
		registerCommand(logger, CommandIds.openInstructions, 'Open Instructions', async (arg?: unknown) => {
			const id = await idOf(arg, 'Which exercise?');
			if (!id) {
				return;
			}
			const folder = service.status.get(id)?.folder;
			if (folder) {
				await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(vscode.Uri.file(folder), 'README.md'));
			} else {
				const exercise = await service.get(id);
				const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: instructionsMarkdown(exercise) });
				await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
			}
		}),
		registerCommand(logger, CommandIds.resetExercise, 'Reset Exercise', async (arg?: unknown) => {
			const id = await idOf(arg, 'Which exercise do you want to reset?');
			if (!id) {
				return undefined;
			}
			const ok = await vscode.window.showWarningMessage('Reset this exercise to its starting code? Your current files are backed up first.', { modal: true }, 'Reset');
			if (ok !== 'Reset') {
				return undefined;
			}
			const backup = await service.reset(id);
			void vscode.window.showInformationMessage(`CodeMentor: exercise reset. Your previous code is in ${vscode.workspace.asRelativePath(backup)}.`);
			return backup;
		}),
		registerCommand(logger, CommandIds.submit, 'Submit Exercise', submit),
		registerCommand(logger, CommandIds.generateExercise, 'Generate Exercise', generate),
		registerCommand(logger, CommandIds.refreshExercises, 'Refresh Exercises', () => service.reload()),
		registerCommand(logger, CommandIds.filterExercises, 'Filter Exercises', async () => {
			const value = await vscode.window.showInputBox({ title: 'Filter Exercises', prompt: 'Title, concept, language or difficulty', value: tree.filter });
			if (value === undefined) {
				return;
			}
			tree.filter = value;
			view.description = value ? `filter: ${value}` : undefined;
			await vscode.commands.executeCommand('setContext', ContextKeys.exercisesFiltered, !!value);
			tree.refresh();
		}),
		registerCommand(logger, CommandIds.clearExerciseFilter, 'Clear Filter', async () => {
			tree.filter = '';
			view.description = undefined;
			await vscode.commands.executeCommand('setContext', ContextKeys.exercisesFiltered, false);
			tree.refresh();
		}),
		registerCommand(logger, CommandIds.showExerciseProblems, 'Show Exercise Problems', async () => {
			const problems = await service.problems();
			for (const p of problems) {
				logger.warn(`Exercises: ${p.message}`);
			}
			logger.channel.show(true);
			return problems.length;
		}),
	);
	void updateActiveContext();
	return service;
}

/** A grading run as progress: the attempt, and the kinds of error it showed (for recurring patterns). */
async function recordGrade(progress: ProgressSink, exercise: Exercise, result: GradeResult, submission: boolean): Promise<void> {
	if (result.error?.kind === 'cancelled' || (result.error && result.tests.length === 0 && result.error.kind === 'missing_runtime')) {
		return;
	}
	const total = result.passed + result.failed;
	if (submission) {
		await progress.record({ type: 'submission', exerciseId: exercise.id, concepts: exercise.concepts, passed: result.failed === 0 && total > 0, score: { passed: result.passed, total } });
	} else {
		await progress.record({ type: 'tests.run', exerciseId: exercise.id, concepts: exercise.concepts, passed: result.passed, failed: result.failed, durationMs: result.durationMs });
	}
	const { classifyError } = await import('../../core/tutor/errorPatterns');
	const kinds = new Set<string>();
	if (result.error) {
		const kind = result.error.kind === 'timeout' ? 'infinite-loop' : classifyError({ message: result.error.message, language: exercise.language });
		if (kind) {
			kinds.add(kind);
		}
	}
	for (const t of result.tests.filter(t => t.status === 'failed' || t.status === 'errored')) {
		const kind = classifyError({ message: t.message ?? '', language: exercise.language, expected: t.expected, actual: t.actual });
		if (kind) {
			kinds.add(kind);
		}
	}
	for (const kind of kinds) {
		await progress.record({ type: 'error.seen', kind, exerciseId: exercise.id, language: exercise.language });
	}
}

function isNode(x: unknown): x is ExerciseNode {
	return typeof x === 'object' && x !== null && 'kind' in x;
}


