// Registers inline help: the hint ladder (Next Hint, Ctrl+Alt+H), code actions on any diagnostic
// ("Explain this error", "Hint (level n)") and on a selection ("Review selection"), answers as
// comment threads at the line (reply for a follow-up, or continue in the Tutor), "Explain terminal
// selection" with stack traces opened at file:line, and one gentle offer of help on struggle.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { errorMessage, isCancellation } from '../../core/errors';
import type { LlmProvider } from '../../core/llm/types';
import type { InlinePrompt } from '../../core/tutor/inlinePrompts';
import type { Exercise, ExerciseLanguage } from '../../core/exercises/model';
import type { HintLevel } from '../../core/tutor/hintLadder';
import type { ParsedTrace } from '../../core/tutor/stackTrace';
import { registerCommand } from '../../platform/commands';
import { CommandIds } from '../../shared/ids';
import type { ExercisesService } from '../exercises/service';
import type { ProgressService } from '../progress/service';
import type { TutorFeature } from '../tutor';
import { HintService } from './hintService';
import { InlineThreads, type StreamingComment } from './threads';

/** An error to explain at its line: a diagnostic, or a stack trace's frame in the learner's file. */
interface ErrorToExplain {
	readonly message: string;
	/** 0-based line in the document. */
	readonly line: number;
	readonly heading: string;
	readonly source?: string;
	readonly language?: ExerciseLanguage;
	readonly trace?: ParsedTrace;
	readonly exercise?: Exercise;
}

export interface ExplainErrorArgs {
	readonly uri: string;
	readonly line: number;
	readonly message: string;
	readonly source?: string;
}

export function registerHints(container: Container, exercises: ExercisesService, progress: ProgressService, tutor: () => TutorFeature): HintService {
	const { context, logger } = container;
	const hints = new HintService(container, exercises, progress);
	let threadsInstance: InlineThreads | undefined;
	const threads = () => (threadsInstance ??= new InlineThreads(vscode.Uri.joinPath(container.extensionUri, 'media', 'codementor.png')));

	/** Streams a model answer into a thread comment; returns the final text. */
	const streamInto = async (answer: StreamingComment, prompt: InlinePrompt, purpose: string): Promise<string | undefined> => {
		const controller = new AbortController();
		let provider: LlmProvider;
		try {
			provider = await container.models.resolve({ userInitiated: true, signal: controller.signal });
		} catch (error) {
			answer.fail(errorMessage(error));
			throw error;
		}
		try {
			for await (const event of provider.chat({ ...prompt, signal: controller.signal, userInitiated: true, purpose, maxOutputTokens: 800 })) {
				if (event.type === 'text') {
					answer.append(event.text);
				}
			}
			answer.finish();
			return answer.text;
		} catch (error) {
			if (!isCancellation(error)) {
				answer.fail(errorMessage(error));
				throw error;
			}
			answer.finish();
			return undefined;
		}
	};

	const exerciseFor = async (uri: vscode.Uri) => (uri.scheme === 'file' ? exercises.forFile(uri.fsPath).catch(() => undefined) : undefined);

	const explainError = async (args?: ExplainErrorArgs) => {
		const editor = vscode.window.activeTextEditor;
		const target = args ?? firstDiagnosticAtCursor(editor);
		if (!target) {
			void vscode.window.showInformationMessage('Put the cursor on a line with an error (a squiggle), then ask again.');
			return undefined;
		}
		const uri = vscode.Uri.parse(target.uri);
		const doc = await vscode.workspace.openTextDocument(uri);
		const started = await exerciseFor(uri);
		return explainInThread(doc, {
			message: target.message,
			line: target.line,
			source: target.source,
			heading: `**Explain this error:** ${target.message}`,
			language: started?.exercise.language,
			exercise: started?.exercise,
		});
	};

	/** Classifies the error (and records its kind), then explains it in a comment thread at its line. */
	const explainInThread = async (doc: vscode.TextDocument, error: ErrorToExplain) => {
		const [{ explainErrorPrompt }, { classifyError }] = await Promise.all([import('../../core/tutor/inlinePrompts'), import('../../core/tutor/errorPatterns')]);
		const kind = classifyError({ message: error.message, source: error.source, errorType: error.trace?.errorType, language: error.language });
		if (kind) {
			await progress.record({ type: 'error.seen', kind, exerciseId: error.exercise?.id, language: error.language ?? doc.languageId });
		}
		const prompt = explainErrorPrompt({
			diagnostic: { message: error.message, line: error.line + 1, source: error.source },
			code: doc.getText(),
			language: doc.languageId,
			filePath: vscode.workspace.asRelativePath(doc.uri),
			trace: error.trace,
			kind,
			exercise: error.exercise,
		});
		const { answer } = threads().open(doc.uri, error.line, error.heading, 'Explain this error');
		return streamInto(answer, prompt, 'explain-error');
	};

	const hintAt = async (args?: { readonly uri?: string; readonly line?: number; readonly level?: HintLevel; readonly message?: string }) => {
		const editor = vscode.window.activeTextEditor;
		const uri = args?.uri ? vscode.Uri.parse(args.uri) : editor?.document.uri;
		const started = uri ? await exerciseFor(uri) : await exercises.active();
		const controller = new AbortController();
		const hint = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'CodeMentor: thinking of a hint…' }, () =>
			hints.next({ exerciseId: started?.exercise.id, level: args?.level, diagnostic: args?.message !== undefined && args.line !== undefined ? { message: args.message, line: args.line + 1 } : undefined, code: editor?.document.getText(), signal: controller.signal }),
		);
		const { hintLevelInfo } = await import('../../core/tutor/hintLadder');
		const heading = `**Hint ${hint.count}${hint.exercise ? ` — ${hint.exercise.title}` : ''}** · level ${hint.level}: ${hintLevelInfo(hint.level).name}`;
		const anchorUri = uri ?? editor?.document.uri;
		if (anchorUri) {
			const line = args?.line ?? (editor && editor.document.uri.toString() === anchorUri.toString() ? editor.selection.active.line : failingLine(started) ?? 0);
			const { answer } = threads().open(anchorUri, line, heading, `Hint level ${hint.level}`);
			answer.finish(hint.text);
		} else {
			void vscode.window.showInformationMessage(`${heading.replace(/\*\*/g, '')}: ${hint.text}`, 'Open Tutor').then(p => p && vscode.commands.executeCommand(CommandIds.openTutor));
		}
		return hint.text;
	};

	const reviewSelection = async () => {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.selection.isEmpty) {
			void vscode.window.showInformationMessage('Select the code you want reviewed first.');
			return undefined;
		}
		const doc = editor.document;
		const started = await exerciseFor(doc.uri);
		const { reviewSelectionPrompt } = await import('../../core/tutor/inlinePrompts');
		const prompt = reviewSelectionPrompt({ code: doc.getText(editor.selection), startLine: editor.selection.start.line + 1, language: doc.languageId, filePath: vscode.workspace.asRelativePath(doc.uri), exercise: started?.exercise });
		const { answer } = threads().open(doc.uri, editor.selection.end.line, `**Review selection** (lines ${editor.selection.start.line + 1}–${editor.selection.end.line + 1})`, 'Review');
		return streamInto(answer, prompt, 'review-selection');
	};

	const explainTerminal = async () => {
		const previous = await vscode.env.clipboard.readText();
		await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
		const text = (await vscode.env.clipboard.readText()).trim();
		await vscode.env.clipboard.writeText(previous);
		if (!text || text === previous.trim()) {
			void vscode.window.showInformationMessage('Select the output in the terminal you want explained (an error or a stack trace), then ask again.');
			return undefined;
		}
		return explainText(text);
	};

	/** Terminal or test output: a stack trace opens at its line with the explanation there; anything else goes to the Tutor. */
	const explainText = async (text: string) => {
		const { findTraces, primaryFrame } = await import('../../core/tutor/stackTrace');
		const roots = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri.fsPath);
		const trace = findTraces(text).at(-1);
		const frame = trace && primaryFrame(trace, { workspaceRoots: roots });
		if (trace && frame) {
			const file = path.isAbsolute(frame.file) ? frame.file : path.join(roots[0] ?? '', frame.file);
			const uri = vscode.Uri.file(file);
			const line = Math.max(0, frame.line - 1);
			const doc = await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
			if (doc) {
				await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, frame.column ? frame.column - 1 : 0, line, frame.column ? frame.column - 1 : 0) });
				return explainInThread(doc, { message: `${trace.errorType}: ${trace.message}`, line, heading: `**${trace.errorType}:** ${trace.message}`, language: trace.language, trace });
			}
		}
		const feature = tutor();
		(await feature.controller()).addContext({ kind: 'terminal', text });
		await feature.ask('/debug What does this terminal output mean, and where should I look?');
		return undefined;
	};

	const reply = async (r: vscode.CommentReply) => {
		const opened = threads().reply(r.thread, r.text);
		if (!opened) {
			return;
		}
		const doc = await vscode.workspace.openTextDocument(r.thread.uri);
		const started = await exerciseFor(r.thread.uri);
		const { threadFollowUpPrompt } = await import('../../core/tutor/inlinePrompts');
		await streamInto(opened.answer, threadFollowUpPrompt({ thread: opened.inline.history, code: doc.getText(), anchorLine: (r.thread.range?.start.line ?? 0) + 1, language: doc.languageId, filePath: vscode.workspace.asRelativePath(r.thread.uri), exercise: started?.exercise }), 'thread-follow-up');
	};

	const openInTutor = async (thread?: vscode.CommentThread) => {
		const inline = thread && threads().get(thread);
		if (!inline) {
			return;
		}
		const transcript = inline.history.map(c => `${c.author === 'learner' ? '**You:**' : '**Tutor:**'} ${c.text}`).join('\n\n');
		const feature = tutor();
		await (await feature.controller()).appendExchange(`Continuing from ${vscode.workspace.asRelativePath(thread.uri)}:${(thread.range?.start.line ?? 0) + 1}`, transcript);
		await vscode.commands.executeCommand(CommandIds.openTutor);
	};

	context.subscriptions.push(
		{ dispose: () => threadsInstance?.dispose() },
		vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new HintCodeActions(hints, exercises), { providedCodeActionKinds: HintCodeActions.kinds }),
		vscode.languages.registerCodeActionsProvider({ scheme: 'untitled' }, new HintCodeActions(hints, exercises), { providedCodeActionKinds: HintCodeActions.kinds }),
		registerCommand(logger, CommandIds.exerciseHint, 'Next Hint', async (arg?: unknown) => {
			const id = typeof arg === 'string' ? arg : isExerciseNode(arg) ? arg.summary.id : undefined;
			if (id && (await exercises.active())?.exercise.id !== id) {
				// From the tree or a notification: a hint for that exercise, shown where it is open (if it is).
				const hint = await hints.next({ exerciseId: id, signal: new AbortController().signal });
				void vscode.window.showInformationMessage(`Hint ${hint.count} — ${hint.exercise?.title ?? id}: ${hint.text}`, 'Next Hint', 'Open Tutor').then(p => (p === 'Next Hint' ? vscode.commands.executeCommand(CommandIds.exerciseHint, id) : p && vscode.commands.executeCommand(CommandIds.openTutor)));
				return hint.text;
			}
			return hintAt();
		}),
		registerCommand(logger, CommandIds.hintAtLevel, 'Hint', hintAt),
		registerCommand(logger, CommandIds.explainError, 'Explain This Error', explainError),
		registerCommand(logger, CommandIds.reviewSelection, 'Review Selection', reviewSelection),
		registerCommand(logger, CommandIds.explainTerminalSelection, 'Explain Terminal Selection', explainTerminal),
		registerCommand(logger, CommandIds.replyInThread, 'Reply', reply),
		registerCommand(logger, CommandIds.openThreadInTutor, 'Open in Tutor', openInTutor),
		registerCommand(logger, 'codementor.explainText', 'Explain Output', (text: string) => explainText(String(text ?? ''))),
	);
	registerStruggleOffers(container, exercises);
	return hints;
}

/** The Code Actions: offered on every diagnostic (any language server or a failing exercise test) and on a selection. */
class HintCodeActions implements vscode.CodeActionProvider {
	static readonly kinds = [vscode.CodeActionKind.QuickFix.append('codementor'), vscode.CodeActionKind.Refactor.append('codementor')];

	constructor(
		private readonly hints: HintService,
		private readonly exercises: ExercisesService,
	) {}

	async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
		const actions: vscode.CodeAction[] = [];
		const ours = context.diagnostics.filter(d => d.source !== 'CodeMentor').slice(0, 3);
		if (ours.length === 0 && range.isEmpty) {
			// Asked on every cursor move: no disk access unless there is something to offer.
			return actions;
		}
		const started = document.uri.scheme === 'file' ? await this.exercises.forFile(document.uri.fsPath).catch(() => undefined) : undefined;
		const { nextHintLevel } = await import('../../core/tutor/hintLadder');
		const level = nextHintLevel(started ? this.hints.given(started.exercise.id) : []);
		for (const d of ours) {
			const explain = new vscode.CodeAction('CodeMentor: Explain this error', HintCodeActions.kinds[0]);
			explain.diagnostics = [d];
			explain.command = { command: CommandIds.explainError, title: 'Explain this error', arguments: [{ uri: document.uri.toString(), line: d.range.start.line, message: d.message, source: d.source } satisfies ExplainErrorArgs] };
			actions.push(explain);
			const hint = new vscode.CodeAction(`CodeMentor: Hint (level ${level})`, HintCodeActions.kinds[0]);
			hint.diagnostics = [d];
			hint.command = { command: CommandIds.hintAtLevel, title: 'Hint', arguments: [{ uri: document.uri.toString(), line: d.range.start.line, level, message: d.message }] };
			actions.push(hint);
		}
		if (!range.isEmpty) {
			const review = new vscode.CodeAction('CodeMentor: Review selection', HintCodeActions.kinds[1]);
			review.command = { command: CommandIds.reviewSelection, title: 'Review selection' };
			actions.push(review);
		}
		return actions;
	}
}

function firstDiagnosticAtCursor(editor: vscode.TextEditor | undefined): ExplainErrorArgs | undefined {
	if (!editor) {
		return undefined;
	}
	const line = editor.selection.active.line;
	const all = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.source !== 'CodeMentor');
	const d = all.find(x => x.range.start.line <= line && x.range.end.line >= line) ?? all.find(x => x.severity === vscode.DiagnosticSeverity.Error);
	return d && { uri: editor.document.uri.toString(), line: d.range.start.line, message: d.message, source: d.source };
}

function failingLine(started: { lastResult?: { tests: readonly { status: string; location?: { line: number } }[] } } | undefined): number | undefined {
	const loc = started?.lastResult?.tests.find(t => t.status !== 'passed' && t.location)?.location;
	return loc ? loc.line - 1 : undefined;
}

function isExerciseNode(x: unknown): x is { kind: 'exercise' | 'daily'; summary: { id: string } } {
	return typeof x === 'object' && x !== null && 'kind' in x && 'summary' in x;
}

const DONT_OFFER_KEY = 'codementor.help.dontOffer';

function registerStruggleOffers(container: Container, exercises: ExercisesService): void {
	void import('../../core/tutor/struggle').then(({ StruggleDetector, struggleMessage }) => {
		const settings = () => ({
			enabled: container.config.get('help.offerWhenStuck') && !container.context.globalState.get<boolean>(DONT_OFFER_KEY),
			failures: 3,
			windowMinutes: 10,
			stallMinutes: container.config.get('help.stallMinutes'),
			coolDownMinutes: 45,
		});
		const detector = new StruggleDetector(settings());
		const offer = async (exerciseId: string, title: string, reason: 'failures' | 'stall') => {
			const pick = await vscode.window.showInformationMessage(struggleMessage(title, reason), 'Get a Hint', 'Ask the Tutor', "Don't Offer Again");
			if (pick === 'Get a Hint') {
				await vscode.commands.executeCommand(CommandIds.exerciseHint);
			} else if (pick === 'Ask the Tutor') {
				await vscode.commands.executeCommand(CommandIds.openTutor);
			} else if (pick === "Don't Offer Again") {
				await container.context.globalState.update(DONT_OFFER_KEY, true);
				detector.configure(settings());
				void vscode.window.showInformationMessage('CodeMentor will not offer help on its own again. Turn it back on with the codementor.help.offerWhenStuck setting.');
			}
			container.logger.info(`Help offered on ${exerciseId} (${reason}): ${pick ?? 'dismissed'}`);
		};
		const titles = new Map<string, string>();
		const folders = new Map<string, string>();
		const timer = setInterval(() => {
			const due = detector.tick(Date.now());
			if (due) {
				void offer(due.exerciseId, titles.get(due.exerciseId) ?? due.exerciseId, due.reason);
			}
		}, 60_000);
		container.context.subscriptions.push(
			{ dispose: () => clearInterval(timer) },
			container.config.onDidChange(['help.offerWhenStuck', 'help.stallMinutes'], () => detector.configure(settings())),
			exercises.onDidGrade(({ exercise, result, folder }) => {
				titles.set(exercise.id, exercise.title);
				folders.set(folder, exercise.id);
				const passed = result.failed === 0 && result.passed > 0;
				const reason = detector.graded(exercise.id, passed, Date.now());
				if (reason) {
					void offer(exercise.id, exercise.title, reason);
				}
			}),
			vscode.workspace.onDidChangeTextDocument(e => {
				for (const [folder, id] of folders) {
					if (e.document.uri.fsPath.startsWith(folder)) {
						detector.edited(id, Date.now());
					}
				}
			}),
		);
	});
}
