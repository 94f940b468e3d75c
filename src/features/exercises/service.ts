// The exercises service (core's ExerciseService) in VS Code: the sources it reads (the built-in
// pack, folders from `codementor.exercises.sources`, the generated pack), starting exercises into
// the workspace, finding the exercise an editor belongs to, and grading it locally.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { errorMessage, UserFacingError, type ErrorAction } from '../../core/errors';
import { Disposable } from '../../core/lifecycle';
import type { Exercise, ExerciseFile, ExerciseSummary, GradeResult } from '../../core/exercises/model';
import { exerciseFolder, exercisesRoot, instructionsMarkdown, MARKER_FILE, parseMarker, planScaffold, primaryFile, solutionPaths, backupFolder, type ExerciseMarker } from '../../core/exercises/scaffold';
import type { ExerciseQuery, ExerciseService, StartedExercise } from '../../core/exercises/service';
import type { ExerciseCatalog } from '../../core/exercises/catalog';
import type { GradeOptions } from '../../core/grading/types';
import type { WarmPool } from '../../core/grading/warm';
import type { LoadedSource, SourceProblem } from '../../core/exercises/sources';
import { ExerciseStatusStore } from '../../core/exercises/status';
import { PLATFORM_SOURCE_ID } from '../../core/platform/convert';

/** One configured source as the tree shows it: loaded, or failed as a whole. */
export interface SourceEntry {
	readonly dir: string;
	readonly builtin: boolean;
	readonly source?: LoadedSource;
	/** The source as a whole could not be read. */
	readonly error?: string;
	/** What fixes the error (e.g. sign in to the platform). */
	readonly action?: ErrorAction;
}

interface GradeEvent {
	readonly exercise: Exercise;
	readonly result: GradeResult;
	readonly submission: boolean;
	readonly folder: string;
}

export const TRUST_ACTION = { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' } as const;

/** Restricted Mode runs no learner code: the one check every grading path makes first. */
export function assertMayRunCode(): void {
	if (!vscode.workspace.isTrusted) {
		throw new UserFacingError('CodeMentor does not run exercise tests in Restricted Mode: trust this folder to grade your work.', [TRUST_ACTION]);
	}
}

export class ExercisesService extends Disposable implements ExerciseService {
	/** Created (and the loaders' code loaded) on first use; dropped by reload() so every folder is read again. */
	private catalog: Promise<ExerciseCatalog> | undefined;
	readonly status: ExerciseStatusStore;
	private readonly lastResults = new Map<string, GradeResult>();
	/** Test runners started ahead of submissions; created with the first grading options. */
	private warmPool: Promise<WarmPool> | undefined;
	private readonly changed = this._register(new vscode.EventEmitter<void>());
	/** The catalog or a status changed: the tree refreshes. */
	readonly onDidChange = this.changed.event;
	private readonly graded = this._register(new vscode.EventEmitter<GradeEvent>());
	private readonly startedEmitter = this._register(new vscode.EventEmitter<{ exercise: Exercise; folder: string }>());

	constructor(private readonly container: Container) {
		super();
		this.status = new ExerciseStatusStore(container.context.globalState);
		this._register(container.config.onDidChange(['exercises.sources', 'platform.url'], () => this.reload()));
		// Signing in or out changes what the platform source lists.
		this._register(container.github.onDidChangeAccount(() => container.config.get('platform.url') && this.reload()));
	}

	get generatedDir(): string {
		return path.join(this.container.context.globalStorageUri.fsPath, 'generated');
	}

	private get builtinDir(): string {
		return vscode.Uri.joinPath(this.container.extensionUri, 'exercises', 'builtin').fsPath;
	}

	reload(): void {
		this.catalog = undefined;
		this.changed.fire();
	}

	private loadedCatalog(): Promise<ExerciseCatalog> {
		this.catalog ??= this.createCatalog();
		return this.catalog;
	}

	private async createCatalog(): Promise<ExerciseCatalog> {
		const [{ ExerciseCatalog, folderSource }, { cachingSourceFs }] = await Promise.all([import('../../core/exercises/catalog'), import('../../core/exercises/readCache')]);
		// Big packs show up from one cache file instead of a read per exercise; the cache is checked right
		// after, and a pack that changed meanwhile is read again and the tree refreshed.
		const readCached = cachingSourceFs(path.join(this.container.context.globalStorageUri.fsPath, 'exercise-index'), {
			logger: this.container.logger,
			onStale: root =>
				void this.catalog
					?.then(catalog => catalog.reload(root))
					.then(() => this.changed.fire())
					.catch(error => this.container.logger.warn(`Exercises: could not reload ${root}: ${errorMessage(error)}`)),
		});
		const home = os.homedir();
		const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? home;
		// The built-in pack is small, and its folder changes with every CodeMentor version: no cache for it.
		const loaders = [folderSource(this.builtinDir, { id: 'builtin' })];
		for (const raw of this.container.config.get('exercises.sources')) {
			loaders.push(folderSource(path.resolve(base, raw.startsWith('~') ? path.join(home, raw.slice(1)) : raw), { fs: readCached }));
		}
		if (await exists(path.join(this.generatedDir, 'pack.json'))) {
			loaders.push(folderSource(this.generatedDir, { id: 'generated', fs: readCached }));
		}
		const platform = this.container.platform();
		if (platform) {
			const { platformSource } = await import('../../core/platform/source');
			loaders.push(platformSource(await platform, { baseUrl: this.container.config.get('platform.url'), logger: this.container.logger }));
		}
		return new ExerciseCatalog(loaders, this.container.logger);
	}

	/** Every source, loaded on first call; a source that fails is an entry with `error`. */
	async sources(): Promise<readonly SourceEntry[]> {
		const builtin = path.resolve(this.builtinDir);
		return (await (await this.loadedCatalog()).sources()).map(s => ({
			dir: s.key,
			builtin: s.key === builtin,
			source: s.status === 'loaded' ? s.source : undefined,
			error: s.status === 'failed' ? errorMessage(s.error) : undefined,
			action: s.status === 'failed' && s.error instanceof UserFacingError ? s.error.actions[0] : undefined,
		}));
	}

	async problems(): Promise<readonly SourceProblem[]> {
		return (await this.loadedCatalog()).problems();
	}

	async list(query: ExerciseQuery = {}): Promise<readonly ExerciseSummary[]> {
		return (await this.loadedCatalog()).find(query);
	}

	async get(id: string): Promise<Exercise> {
		return (await this.loadedCatalog()).get(id);
	}

	/** Where exercises are started. */
	root(): string {
		return exercisesRoot({ configured: this.container.config.get('exercises.folder'), workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, home: os.homedir() });
	}

	async start(id: string): Promise<StartedExercise> {
		const exercise = await this.get(id);
		const root = (await this.sources()).find(e => e.source?.id === exercise.sourceId)!.source!.root;
		const folder = exerciseFolder(this.root(), exercise);
		await fs.mkdir(folder, { recursive: true });
		const existing = new Set(await listRelative(folder));
		const plan = planScaffold(exercise, existing);
		for (const f of plan.write) {
			await writeFileSafe(folder, f);
		}
		if (!existing.has('README.md')) {
			await writeFileSafe(folder, { path: 'README.md', content: instructionsMarkdown(exercise) });
		}
		if (!existing.has(MARKER_FILE)) {
			const marker: ExerciseMarker = { version: 1, exerciseId: exercise.id, source: root, startedAt: new Date().toISOString() };
			await writeFileSafe(folder, { path: MARKER_FILE, content: `${JSON.stringify(marker, null, 2)}\n` });
		}
		await this.status.started(exercise.id, folder);
		this.container.logger.info(`Exercises: started ${exercise.id} in ${folder} (${plan.write.length} files written, ${plan.kept.length} kept)`);
		this.startedEmitter.fire({ exercise, folder });
		this.changed.fire();
		void this.prewarm(exercise);
		return this.startedExercise(exercise, folder);
	}

	/** Opens the solution file and the instructions beside it. */
	async open(started: StartedExercise): Promise<void> {
		const main = primaryFile(started.exercise);
		if (main) {
			await vscode.window.showTextDocument(vscode.Uri.file(path.join(started.folder, main)), { preview: false, viewColumn: vscode.ViewColumn.One });
		}
		await vscode.commands.executeCommand('markdown.showPreviewToSide', vscode.Uri.file(path.join(started.folder, 'README.md')));
	}

	/** Backs up the learner's solution files, then restores the starter. */
	async reset(id: string): Promise<string> {
		const exercise = await this.get(id);
		const folder = this.status.get(id)?.folder ?? exerciseFolder(this.root(), exercise);
		const backup = path.join(folder, backupFolder(new Date()));
		for (const rel of solutionPaths(exercise)) {
			const file = path.join(folder, rel);
			if (await exists(file)) {
				await fs.mkdir(path.dirname(path.join(backup, rel)), { recursive: true });
				await fs.copyFile(file, path.join(backup, rel));
			}
		}
		for (const f of exercise.starterFiles) {
			await writeFileSafe(folder, f, true);
		}
		this.container.logger.info(`Exercises: reset ${id}; previous files backed up to ${backup}`);
		return backup;
	}

	/** The started exercise whose folder holds `file`, by its marker. */
	async forFile(file: string): Promise<StartedExercise | undefined> {
		let dir = path.dirname(file);
		for (let depth = 0; depth < 6; depth++) {
			const marker = await fs.readFile(path.join(dir, MARKER_FILE), 'utf8').then(parseMarker, () => undefined);
			if (marker) {
				const exercise = await this.get(marker.exerciseId).catch(() => undefined);
				return exercise && this.startedExercise(exercise, dir);
			}
			const parent = path.dirname(dir);
			if (parent === dir) {
				break;
			}
			dir = parent;
		}
		return undefined;
	}

	/**
	 * The started exercise the learner is working on: the active editor's, else one beside it (while
	 * the instructions preview has focus, no text editor is active, yet the exercise is on screen).
	 */
	async active(): Promise<StartedExercise | undefined> {
		const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
		for (const editor of editors) {
			if (editor?.document.uri.scheme === 'file') {
				const started = await this.forFile(editor.document.uri.fsPath);
				if (started || editor === vscode.window.activeTextEditor) {
					return started;
				}
			}
		}
		return undefined;
	}

	async grade(folderOrId: string, signal?: AbortSignal, submission = false): Promise<GradeResult> {
		assertMayRunCode();
		const started = folderOrId.includes('/') && !path.isAbsolute(folderOrId) ? await this.startedById(folderOrId) : await this.forFile(path.join(folderOrId, MARKER_FILE));
		if (!started) {
			throw new UserFacingError(`"${folderOrId}" is not a started CodeMentor exercise: start one from the Exercises view first.`);
		}
		const files = await started.learnerFiles();
		const result = submission && started.exercise.sourceId === PLATFORM_SOURCE_ID ? await this.submitToPlatform(started.exercise, files, signal) : await this.gradeFiles(started.exercise, files, signal);
		this.lastResults.set(started.exercise.id, result);
		if (!result.error || result.tests.length > 0) {
			await this.status.graded(started.exercise.id, started.folder, result.passed, result.passed + result.failed);
		}
		this.graded.fire({ exercise: started.exercise, result, submission, folder: started.folder });
		this.changed.fire();
		return result;
	}

	/** A platform exercise's submission is graded by the platform: its verdict is what counts. */
	private async submitToPlatform(exercise: Exercise, files: readonly ExerciseFile[], signal?: AbortSignal): Promise<GradeResult> {
		const client = this.container.platform();
		if (!client) {
			throw new UserFacingError(`"${exercise.title}" is a CodeMentor platform exercise, and no platform is configured: set codementor.platform.url to submit it.`, [
				{ title: 'Open Settings', command: 'codementor.openSettings' },
			]);
		}
		const { submitToPlatform } = await import('../../core/platform/source');
		return submitToPlatform(await client, exercise.id, files, signal ?? AbortSignal.timeout(60_000));
	}

	/** Grades `files` as the exercise's solution (also used to validate generated exercises). */
	async gradeFiles(exercise: Exercise, files: readonly ExerciseFile[], signal?: AbortSignal): Promise<GradeResult> {
		assertMayRunCode();
		const { gradeExercise } = await import('../../core/grading/grade');
		return gradeExercise(exercise, files, { ...(await this.gradeOptions()), signal });
	}

	/**
	 * Starts a test runner for `exercise`'s language ahead of its first submission, so that Submit finds
	 * one loaded (see core/grading/warm.ts). Only in a trusted workspace; never fails.
	 */
	async prewarm(exercise: Exercise): Promise<void> {
		if (!vscode.workspace.isTrusted || exercise.sourceId === PLATFORM_SOURCE_ID) {
			return;
		}
		try {
			const { prewarmGrading } = await import('../../core/grading/grade');
			await prewarmGrading(exercise.language, await this.gradeOptions());
		} catch (error) {
			this.container.logger.debug(`Exercises: could not prewarm a ${exercise.language} runner: ${errorMessage(error)}`);
		}
	}

	private async gradeOptions(): Promise<GradeOptions> {
		this.warmPool ??= import('../../core/grading/warm').then(({ WarmPool }) => this._register(new WarmPool({ logger: this.container.logger })));
		return {
			harnessDir: vscode.Uri.joinPath(this.container.extensionUri, 'dist', 'grading').fsPath,
			runtimes: { python: this.container.config.get('grading.pythonPath') || undefined, node: this.container.config.get('grading.nodePath') || undefined },
			logger: this.container.logger,
			warm: await this.warmPool,
		};
	}

	/** The started exercise with this id, in the folder it was started in (undefined if not started or gone). */
	async startedById(id: string): Promise<StartedExercise | undefined> {
		const folder = this.status.get(id)?.folder;
		if (!folder || !(await exists(folder))) {
			return undefined;
		}
		return this.startedExercise(await this.get(id), folder);
	}

	private startedExercise(exercise: Exercise, folder: string): StartedExercise {
		return {
			exercise,
			folder,
			learnerFiles: () => readLearnerFiles(exercise, folder),
			lastResult: this.lastResults.get(exercise.id),
			passed: this.status.status(exercise.id) === 'passed',
		};
	}

	onDidGrade(listener: (e: GradeEvent) => void): vscode.Disposable {
		return this.graded.event(listener);
	}

	onDidStart(listener: (e: { readonly exercise: Exercise; readonly folder: string }) => void): vscode.Disposable {
		return this.startedEmitter.event(listener);
	}
}

/**
 * The learner's solution files: unsaved editor content where there is some, else what is on disk.
 * A clean editor may not have caught up with a change on disk yet, so only dirty ones count.
 */
async function readLearnerFiles(exercise: Exercise, folder: string): Promise<readonly ExerciseFile[]> {
	const open = new Map(vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'file' && d.isDirty).map(d => [path.normalize(d.uri.fsPath), d]));
	return Promise.all(
		solutionPaths(exercise).map(async rel => {
			const file = path.join(folder, rel);
			const doc = open.get(path.normalize(file));
			const content = doc ? doc.getText() : await fs.readFile(file, 'utf8').catch(() => '');
			return { path: rel, content };
		}),
	);
}

async function exists(p: string): Promise<boolean> {
	return fs.access(p).then(
		() => true,
		() => false,
	);
}

async function listRelative(dir: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (d: string, depth: number) => {
		if (depth > 4) {
			return;
		}
		for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) {
				await walk(p, depth + 1);
			} else {
				out.push(path.relative(dir, p).split(path.sep).join('/'));
			}
		}
	};
	await walk(dir, 0);
	return out;
}

/** Writes inside `folder` only: a path that escapes it (../) is refused. */
async function writeFileSafe(folder: string, file: ExerciseFile, overwrite = false): Promise<void> {
	const target = path.resolve(folder, file.path);
	if (!target.startsWith(path.resolve(folder) + path.sep)) {
		throw new UserFacingError(`The exercise file "${file.path}" points outside its folder; it was not written.`);
	}
	await fs.mkdir(path.dirname(target), { recursive: true });
	await fs.writeFile(target, file.content, { flag: overwrite ? 'w' : 'wx' }).catch(e => {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
			throw e;
		}
	});
}
