// Registers review on save: on each save (setting codementor.review.onSave) the changed hunks of a
// reviewable file go to the model — after the learner agreed once, within an hourly token budget,
// never for excluded files — and its findings appear as "CodeMentor" diagnostics with a Quick Fix
// that applies the suggested replacement. Findings whose lines change are cleared as you type.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import type { ReviewFinding } from '../../core/review/findings';
import type { ReviewScheduler, ReviewStatus } from '../../core/review/reviewer';
import { registerCommand } from '../../platform/commands';
import { CommandIds } from '../../shared/ids';
import type { ExercisesService } from '../exercises/service';

export const REVIEW_SOURCE = 'CodeMentor';
const CONSENT_KEY = 'codementor.review.consent.v1';

export interface ReviewFeature {
	/** The scheduler, once the first save loaded it (tests read its stats). */
	scheduler(): ReviewScheduler | undefined;
	/** Waits until no review is pending or running. */
	settled(): Promise<void>;
}

export function registerReview(container: Container, exercises: ExercisesService): ReviewFeature {
	const { context, logger, config } = container;
	const diagnostics = vscode.languages.createDiagnosticCollection('codementor-review');
	const findings = new Map<string, { readonly text: string; readonly items: readonly ReviewFinding[] }>();
	const status = vscode.window.createStatusBarItem('codementor.review', vscode.StatusBarAlignment.Right, 89);
	status.name = 'CodeMentor review';
	let scheduler: ReviewScheduler | undefined;
	let loading: Promise<ReviewScheduler> | undefined;

	const publish = (uri: string, items: readonly ReviewFinding[], text: string) => {
		findings.set(uri, { text, items });
		diagnostics.set(vscode.Uri.parse(uri), items.map(toDiagnostic));
	};

	const onStatus = (s: ReviewStatus) => {
		switch (s.kind) {
			case 'reviewing':
				status.text = '$(loading~spin) Reviewing…';
				status.tooltip = `CodeMentor is reviewing ${s.path}`;
				status.command = undefined;
				status.show();
				return;
			case 'paused-budget':
				status.text = '$(debug-pause) Reviews paused';
				status.tooltip = `${s.message}. Change codementor.review.tokensPerHour to allow more.`;
				status.command = { command: 'workbench.action.openSettings', title: 'Settings', arguments: ['codementor.review.tokensPerHour'] };
				status.show();
				return;
			case 'error':
				status.text = '$(warning) Review failed';
				status.tooltip = s.message;
				status.command = CommandIds.showLogs;
				status.show();
				logger.warn(`Review of ${s.uri} failed: ${s.message}`);
				return;
			case 'needs-consent':
			case 'idle':
				status.hide();
				return;
		}
	};

	// Asking never holds a save up: the first save shows the question and is skipped; saying yes
	// reviews the file at once. (A question left unanswered would otherwise stall every review.)
	let asking = false;
	const ensureConsent = async (): Promise<boolean> => {
		const stored = context.globalState.get<boolean>(CONSENT_KEY);
		if (stored !== undefined || asking) {
			return stored ?? false;
		}
		asking = true;
		void vscode.window
			.showInformationMessage(
				'CodeMentor can review your code when you save: the changed lines are sent to your tutor model, which adds short notes to the Problems view. Secrets, .env and key files are never sent.',
				'Review My Saves',
				'Not Now',
				'Never',
			)
			.then(async pick => {
				asking = false;
				if (pick === 'Review My Saves') {
					await context.globalState.update(CONSENT_KEY, true);
					const doc = vscode.window.activeTextEditor?.document;
					if (doc && !doc.isDirty) {
						await onSave(doc);
					}
				} else if (pick === 'Never') {
					await context.globalState.update(CONSENT_KEY, false);
					await config.update('review.onSave', 'off');
				}
			});
		return false;
	};

	const load = async (): Promise<ReviewScheduler> => {
		const [{ ReviewScheduler }, { TokenBudget }] = await Promise.all([import('../../core/review/reviewer'), import('../../core/review/budget')]);
		scheduler = new ReviewScheduler({
			resolveModel: signal => container.models.resolve({ userInitiated: false, signal }),
			ensureConsent,
			onFindings: (uri, items) => {
				const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
				publish(uri, items, doc?.getText() ?? '');
			},
			onStatus,
			budget: new TokenBudget({ tokensPerHour: config.get('review.tokensPerHour') }),
			logger,
		});
		context.subscriptions.push({ dispose: () => scheduler?.dispose() });
		return scheduler;
	};

	const onSave = async (doc: vscode.TextDocument) => {
		const mode = config.get('review.onSave');
		if (mode === 'off' || !vscode.workspace.isTrusted || doc.uri.scheme !== 'file') {
			return;
		}
		const started = await exercises.forFile(doc.uri.fsPath).catch(() => undefined);
		if (mode === 'exercises' && !started) {
			return;
		}
		const s = scheduler ?? (await (loading ??= load()));
		s.onSave(
			{
				uri: doc.uri.toString(),
				path: vscode.workspace.asRelativePath(doc.uri, false),
				languageId: doc.languageId,
				text: doc.getText(),
				isExerciseFile: started !== undefined,
				exercise: started && { title: started.exercise.title, instructions: started.exercise.instructions },
			},
			{ mode, languages: config.get('review.languages'), exclude: config.get('review.exclude'), tokensPerHour: config.get('review.tokensPerHour') },
		);
	};

	context.subscriptions.push(
		diagnostics,
		status,
		vscode.workspace.onDidSaveTextDocument(doc => void onSave(doc).catch(e => logger.warn('Review on save failed', e))),
		vscode.workspace.onDidChangeTextDocument(e => {
			const uri = e.document.uri.toString();
			const current = findings.get(uri);
			if (!current || e.contentChanges.length === 0) {
				return;
			}
			// Findings on lines that changed no longer apply; the others move with the text.
			void import('../../core/review/findings').then(({ rebaseFindings }) => publish(uri, rebaseFindings(current.items, current.text, e.document.getText()), e.document.getText()));
		}),
		vscode.workspace.onDidCloseTextDocument(doc => {
			findings.delete(doc.uri.toString());
			diagnostics.delete(doc.uri);
			scheduler?.forget(doc.uri.toString());
		}),
		vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ReviewQuickFixes(findings), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
		registerCommand(logger, CommandIds.toggleReviewOnSave, 'Toggle Review on Save', async () => {
			const next = config.get('review.onSave') === 'off' ? 'exercises' : 'off';
			if (next !== 'off') {
				await context.globalState.update(CONSENT_KEY, undefined);
			}
			await config.update('review.onSave', next);
			void vscode.window.showInformationMessage(next === 'off' ? 'CodeMentor will not review your saves.' : 'CodeMentor will review your exercise files when you save (it asks first).');
		}),
		config.onDidChange(['review.onSave'], () => {
			if (config.get('review.onSave') === 'off') {
				diagnostics.clear();
				findings.clear();
				status.hide();
			}
		}),
	);
	return { scheduler: () => scheduler, settled: async () => scheduler?.settled() };
}

function toDiagnostic(f: ReviewFinding): vscode.Diagnostic {
	const start = new vscode.Position(f.startLine - 1, Math.max(0, (f.startColumn ?? 1) - 1));
	const end = f.endColumn !== undefined ? new vscode.Position(f.endLine - 1, f.endColumn - 1) : new vscode.Position(f.endLine - 1, Number.MAX_SAFE_INTEGER);
	const d = new vscode.Diagnostic(new vscode.Range(start, end), f.message, f.severity === 'hint' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Hint);
	d.source = REVIEW_SOURCE;
	d.code = f.category;
	return d;
}

/** "Apply CodeMentor's suggestion" on a review diagnostic that came with a replacement. */
class ReviewQuickFixes implements vscode.CodeActionProvider {
	constructor(private readonly findings: ReadonlyMap<string, { readonly items: readonly ReviewFinding[] }>) {}

	provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
		const items = this.findings.get(document.uri.toString())?.items ?? [];
		const actions: vscode.CodeAction[] = [];
		for (const d of context.diagnostics.filter(x => x.source === REVIEW_SOURCE)) {
			const f = items.find(i => i.startLine - 1 === d.range.start.line && i.message === d.message);
			if (f?.replacement === undefined) {
				continue;
			}
			const range = f.startColumn !== undefined && f.endColumn !== undefined ? new vscode.Range(f.startLine - 1, f.startColumn - 1, f.endLine - 1, f.endColumn - 1) : new vscode.Range(f.startLine - 1, 0, f.endLine - 1, document.lineAt(f.endLine - 1).text.length);
			const action = new vscode.CodeAction(`CodeMentor: ${f.category === 'bug' ? 'Fix' : 'Apply suggestion'} — ${truncate(f.message, 60)}`, vscode.CodeActionKind.QuickFix);
			action.diagnostics = [d];
			action.edit = new vscode.WorkspaceEdit();
			action.edit.replace(document.uri, range, f.replacement);
			actions.push(action);
		}
		return actions;
	}
}

function truncate(s: string, n: number): string {
	return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
