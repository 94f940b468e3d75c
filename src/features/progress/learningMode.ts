// Learning Mode: AI completions (Copilot, inline suggestions) off for the folder the learner
// practises in, so the code they write is their own. Turning it on writes workspace settings and
// remembers what was there; turning it off puts exactly that back. A status-bar item shows it is
// on, and the `codementor.learningMode` context key drives menus. A pack can require it for its
// exercises (ensureLearningModeFor).
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { UserFacingError } from '../../core/errors';
import type { Exercise } from '../../core/exercises/model';
import { LEARNING_MODE_SETTINGS, parseSaved, planLearningModeOff, planLearningModeOn, type SavedSetting, type SettingSnapshot } from '../../core/progress/learningMode';
import { registerCommand } from '../../platform/commands';
import { CommandIds } from '../../shared/ids';
import type { ExercisesService } from '../exercises/service';

/** The `setContext` key, true while Learning Mode is on. */
export const LEARNING_MODE_CONTEXT = 'codementor.learningMode';
const STATE_KEY = 'codementor.learningMode.v1';

type Level = 'workspace' | 'folder';

interface SavedAt extends SavedSetting {
	readonly level: Level;
}

interface StoredState {
	readonly on: true;
	/** The workspace folder written to at level 'folder'. */
	readonly folder?: string;
	readonly settings: readonly SavedAt[];
}

export interface LearningMode extends vscode.Disposable {
	readonly isOn: boolean;
	/** Turns Learning Mode on, with a notice naming the exercise, when its pack requires it. */
	ensureLearningModeFor(exercise: Pick<Exercise, 'title'>, required: boolean): Promise<void>;
}

export function registerLearningMode(container: Container, exercises: ExercisesService): LearningMode {
	const { context, logger } = container;
	const status = vscode.window.createStatusBarItem('codementor.learningMode', vscode.StatusBarAlignment.Right, 91);
	status.name = 'CodeMentor Learning Mode';
	status.text = '$(mortar-board) Learning Mode';
	status.command = CommandIds.toggleLearningMode;
	status.tooltip = new vscode.MarkdownString('**Learning Mode is on**: AI completions are off in this folder, so the code you write is your own. The tutor still gives hints.\n\nClick to turn it off.');
	status.accessibilityInformation = { label: 'CodeMentor Learning Mode is on. Turn it off.' };

	const read = (): StoredState | undefined => {
		const raw = context.workspaceState.get<StoredState>(STATE_KEY);
		return raw?.on ? { ...raw, settings: parseSaved(raw.settings).map(s => ({ ...s, level: (s as SavedAt).level === 'folder' ? 'folder' : 'workspace' })) } : undefined;
	};
	const show = async () => {
		const on = read() !== undefined;
		if (on) {
			status.show();
		} else {
			status.hide();
		}
		await vscode.commands.executeCommand('setContext', LEARNING_MODE_CONTEXT, on);
	};

	// One change at a time: a toggle while the last one is still writing settings waits for it.
	let queue: Promise<unknown> = Promise.resolve();
	const serial = <T>(fn: () => Promise<T>): Promise<T> => {
		const next = queue.then(fn, fn);
		queue = next.catch(() => undefined);
		return next;
	};

	const turnOn = async (): Promise<readonly string[]> => {
		const where = targetFor(exercises.root());
		const settings: SavedAt[] = [];
		for (const setting of LEARNING_MODE_SETTINGS) {
			let level: Level = where.folder ? 'folder' : 'workspace';
			for (;;) {
				const plan = planLearningModeOn([snapshot(setting.key, level, where.folder)], [setting]);
				const write = plan.writes[0];
				if (!write) {
					break;
				}
				try {
					await configFor(level, where.folder).update(write.key, write.value, targetOf(level));
					settings.push({ ...plan.saved[0]!, level });
					break;
				} catch (error) {
					// Window- and application-scoped settings cannot be set per folder: use the workspace file.
					if (level === 'folder') {
						logger.debug(`Learning Mode: ${setting.key} cannot be set per folder (${String(error)}); writing it to the workspace`);
						level = 'workspace';
						continue;
					}
					// Put back what was already changed, so a failure leaves the settings as they were.
					await restore(settings, where.folder).catch(() => undefined);
					throw new UserFacingError(`CodeMentor could not turn on Learning Mode because VS Code did not accept the setting ${setting.key}.`, [], { cause: error });
				}
			}
		}
		const state: StoredState = { on: true, ...(where.folder ? { folder: where.folder.uri.toString() } : {}), settings };
		await context.workspaceState.update(STATE_KEY, state);
		logger.info(`Learning Mode on (${where.folder ? `folder ${where.folder.name}` : 'workspace'}): changed ${settings.map(s => s.key).join(', ') || 'nothing'}`);
		await show();
		return settings.map(s => s.key);
	};

	const turnOff = async (state: StoredState): Promise<readonly string[]> => {
		const folder = state.folder ? vscode.workspace.workspaceFolders?.find(f => f.uri.toString() === state.folder) : undefined;
		const kept = await restore(state.settings, folder);
		await context.workspaceState.update(STATE_KEY, undefined);
		logger.info(`Learning Mode off: restored ${state.settings.length - kept.length} settings${kept.length ? `, left ${kept.join(', ')} as you set them` : ''}`);
		await show();
		return kept;
	};

	const toggle = () =>
		serial(async () => {
			const state = read();
			if (state) {
				const kept = await turnOff(state);
				const note = kept.length > 0 ? ` You changed ${kept.join(', ')} meanwhile, so ${kept.length === 1 ? 'it keeps' : 'they keep'} your value.` : '';
				void vscode.window.showInformationMessage(`CodeMentor: Learning Mode is off; your completion settings are back as they were.${note}`);
				return false;
			}
			const changed = await turnOn();
			const what = changed.length > 0 ? '' : ' (they were already off)';
			void vscode.window.showInformationMessage(`CodeMentor: Learning Mode is on: AI completions are off in this folder${what}, so you practise on your own. The tutor still gives hints.`);
			return true;
		});

	void show();
	const disposables = vscode.Disposable.from(status, registerCommand(logger, CommandIds.toggleLearningMode, 'Learning Mode', toggle));
	return {
		get isOn() {
			return read() !== undefined;
		},
		ensureLearningModeFor: (exercise, required) =>
			serial(async () => {
				if (!required || read()) {
					return;
				}
				await turnOn();
				void vscode.window.showInformationMessage(`CodeMentor: “${exercise.title}” asks for Learning Mode, so AI completions are now off in this folder while you practise. Turn it off from the status bar when you are done.`);
			}),
		dispose: () => disposables.dispose(),
	};
}

/** The folder holding the exercises (in a multi-root workspace), else the workspace as a whole. */
function targetFor(exercisesRoot: string): { readonly folder?: vscode.WorkspaceFolder } {
	if (!vscode.workspace.workspaceFolders?.length) {
		throw new UserFacingError('Open the folder you practise in first: Learning Mode turns AI completions off for that folder, not for all of VS Code.');
	}
	// A single-folder workspace keeps folder and workspace settings in the same file.
	if (!vscode.workspace.workspaceFile) {
		return {};
	}
	const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(exercisesRoot));
	return folder ? { folder } : {};
}

function configFor(level: Level, folder: vscode.WorkspaceFolder | undefined): vscode.WorkspaceConfiguration {
	return vscode.workspace.getConfiguration(undefined, level === 'folder' ? folder?.uri : undefined);
}

function targetOf(level: Level): vscode.ConfigurationTarget {
	return level === 'folder' ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
}

function valueAt(key: string, level: Level, folder: vscode.WorkspaceFolder | undefined): unknown {
	const inspected = configFor(level, folder).inspect(key);
	return level === 'folder' ? inspected?.workspaceFolderValue : inspected?.workspaceValue;
}

function snapshot(key: string, level: Level, folder: vscode.WorkspaceFolder | undefined): SettingSnapshot {
	const config = configFor(level, folder);
	const i = config.inspect(key);
	const exists = i !== undefined && [i.defaultValue, i.globalValue, i.workspaceValue, i.workspaceFolderValue].some(v => v !== undefined);
	return { key, exists, current: valueAt(key, level, folder), effective: config.get(key) };
}

/** Puts the saved values back; returns the keys left alone because the learner changed them since. */
async function restore(settings: readonly SavedAt[], folder: vscode.WorkspaceFolder | undefined): Promise<string[]> {
	const kept: string[] = [];
	for (const level of ['folder', 'workspace'] as const) {
		const entries = settings.filter(s => s.level === level);
		if (entries.length === 0) {
			continue;
		}
		if (level === 'folder' && !folder) {
			// The folder was removed from the workspace; its settings file went with it.
			kept.push(...entries.map(e => e.key));
			continue;
		}
		const current = Object.fromEntries(entries.map(e => [e.key, valueAt(e.key, level, folder)]));
		const plan = planLearningModeOff(entries, current);
		for (const write of plan.writes) {
			await configFor(level, folder).update(write.key, write.value, targetOf(level));
		}
		kept.push(...plan.kept);
	}
	return kept;
}
