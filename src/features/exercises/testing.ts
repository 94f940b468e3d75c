// Exercise results in VS Code's Testing view ("CodeMentor Exercises"): one TestItem per started
// exercise, one child per test case after a run, failures with message, expected/actual and
// location; the same failures as diagnostics at the failing lines. Runs from the Testing view
// grade through the service, like Submit.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { Exercise, GradeResult } from '../../core/exercises/model';
import type { ExercisesService } from './service';

export class ExerciseTesting extends Disposable {
	readonly controller = this._register(vscode.tests.createTestController('codementor-exercises', 'CodeMentor Exercises'));
	readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('codementor-tests'));
	/** Set by the service's grade events: a run started from the Testing view reports into its own run. */
	private activeRun: vscode.TestRun | undefined;

	constructor(private readonly service: ExercisesService) {
		super();
		this.controller.createRunProfile('Grade', vscode.TestRunProfileKind.Run, (request, token) => this.runFromTestingView(request, token), true);
		this.controller.resolveHandler = async () => this.syncStarted();
		this._register(service.onDidGrade(e => this.report(e.exercise, e.folder, e.result)));
		this._register(service.onDidStart(e => this.itemFor(e.exercise, e.folder)));
	}

	/** One item per started exercise the status store knows. */
	private async syncStarted(): Promise<void> {
		for (const [folder, id] of this.service.status.folders()) {
			const exercise = await this.service.get(id).catch(() => undefined);
			if (exercise) {
				this.itemFor(exercise, folder);
			}
		}
	}

	private itemFor(exercise: Exercise, folder: string): vscode.TestItem {
		let item = this.controller.items.get(exercise.id);
		if (!item) {
			item = this.controller.createTestItem(exercise.id, exercise.title, vscode.Uri.file(folder));
			item.description = exercise.language;
			this.controller.items.add(item);
		}
		return item;
	}

	private async runFromTestingView(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
		const roots = new Set<vscode.TestItem>();
		const pick = request.include ?? [...collect(this.controller.items)];
		for (const item of pick) {
			roots.add(item.parent ?? item);
		}
		const run = this.controller.createTestRun(request);
		this.activeRun = run;
		const controller = new AbortController();
		token.onCancellationRequested(() => controller.abort());
		try {
			for (const item of roots) {
				if (token.isCancellationRequested) {
					break;
				}
				run.started(item);
				try {
					await this.service.grade(item.id, controller.signal);
				} catch (error) {
					run.errored(item, new vscode.TestMessage(error instanceof Error ? error.message : String(error)));
				}
			}
		} finally {
			this.activeRun = undefined;
			run.end();
		}
	}

	/** Writes a grading's results into the Testing view and the Problems panel. */
	report(exercise: Exercise, folder: string, result: GradeResult): void {
		const parent = this.itemFor(exercise, folder);
		const run = this.activeRun ?? this.controller.createTestRun(new vscode.TestRunRequest([parent]), `${exercise.title}`, false);
		const ownRun = !this.activeRun;
		const children: vscode.TestItem[] = [];
		const byFile = new Map<string, vscode.Diagnostic[]>();
		for (const t of result.tests) {
			const uri = t.location ? vscode.Uri.file(path.join(folder, t.location.path)) : undefined;
			const child = this.controller.createTestItem(`${exercise.id}::${t.id}`, t.name, uri);
			if (t.location) {
				child.range = new vscode.Range(t.location.line - 1, 0, t.location.line - 1, 0);
			}
			children.push(child);
		}
		parent.children.replace(children);
		result.tests.forEach((t, i) => {
			const child = children[i]!;
			switch (t.status) {
				case 'passed':
					run.passed(child, t.durationMs);
					break;
				case 'skipped':
					run.skipped(child);
					break;
				default: {
					const text = t.message ?? (t.status === 'errored' ? 'The test raised an error.' : 'The test failed.');
					const message = t.expected !== undefined || t.actual !== undefined ? vscode.TestMessage.diff(text, t.expected ?? '', t.actual ?? '') : new vscode.TestMessage(text);
					if (child.uri && child.range) {
						message.location = new vscode.Location(child.uri, child.range);
						const d = new vscode.Diagnostic(new vscode.Range(child.range.start.line, 0, child.range.start.line, 1000), `${t.name}: ${firstLine(text)}`, vscode.DiagnosticSeverity.Error);
						d.source = 'CodeMentor tests';
						const list = byFile.get(child.uri.fsPath) ?? [];
						list.push(d);
						byFile.set(child.uri.fsPath, list);
					}
					if (t.status === 'errored') {
						run.errored(child, message, t.durationMs);
					} else {
						run.failed(child, message, t.durationMs);
					}
				}
			}
		});
		if (result.error && result.tests.length === 0) {
			run.errored(parent, new vscode.TestMessage(result.error.message));
		}
		if (result.output) {
			run.appendOutput(result.output.replace(/\r?\n/g, '\r\n'), undefined, parent);
		}
		// Replace this exercise's diagnostics only.
		const stale: vscode.Uri[] = [];
		this.diagnostics.forEach(uri => {
			if (uri.fsPath.startsWith(folder + path.sep)) {
				stale.push(uri);
			}
		});
		// Deleted after the walk: the collection is not changed while it is being iterated.
		stale.forEach(uri => this.diagnostics.delete(uri));
		for (const [file, list] of byFile) {
			this.diagnostics.set(vscode.Uri.file(file), list);
		}
		if (ownRun) {
			run.end();
		}
	}
}

function* collect(items: vscode.TestItemCollection): Iterable<vscode.TestItem> {
	for (const [, item] of items) {
		yield item;
	}
}

function firstLine(s: string): string {
	return s.split('\n', 1)[0]!.slice(0, 300);
}
