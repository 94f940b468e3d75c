// @mentor in VS Code's chat: the same tutor (modes, slash commands, prompts, leak guard, tools) as
// the Tutor view, answering with the model the chat picked — CodeMentor's own (vendor
// "codementor") or any other VS Code model. VS Code keeps the history; we send all of it.
// Also registers the tutor's tools with vscode.lm so agent mode can use them.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { errorMessage, isCancellation, UserFacingError } from '../../core/errors';
import type { ChatMessage, LlmProvider } from '../../core/llm/types';
import type { ContextItem } from '../../core/tutor/context';
import type { TutorMode } from '../../core/tutor/modes';
import { describeCall, parseToolInput, runTool, toolDefinitions, toolNames, toolSpecs, vscodeToolName } from '../../core/tutor/tools';
import { createVscodeLmProvider } from '../../platform/vscodeLm';
import { CODEMENTOR_VENDOR } from '../models/chatProvider';
import type { TutorDeps } from './controller';
import { gatherContext } from './contextChips';
import { createToolHost } from './toolHost';

export const PARTICIPANT_ID = 'codementor.mentor';
export const SHOW_WITHHELD_COMMAND = 'codementor.showWithheldCode';

/** Code @mentor held back in this session, by id: "Show anyway" opens it (and records it). */
const withheld = new Map<string, { code: string; language: string; exerciseId?: string }>();

export function registerParticipant(container: Container, deps: TutorDeps): vscode.Disposable {
	const disposables: vscode.Disposable[] = [];
	if (typeof vscode.chat?.createChatParticipant === 'function') {
		const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, context, stream, token) => handle(container, deps, request, context, stream, token));
		participant.iconPath = vscode.Uri.joinPath(container.extensionUri, 'media', 'codementor.png');
		disposables.push(participant);
	}
	disposables.push(
		vscode.commands.registerCommand(SHOW_WITHHELD_COMMAND, async (id: string) => {
			const block = withheld.get(id);
			if (!block) {
				return;
			}
			if (block.exerciseId) {
				await deps.progress.record({ type: 'solution.viewed', exerciseId: block.exerciseId });
			}
			const doc = await vscode.workspace.openTextDocument({ language: block.language || 'plaintext', content: block.code });
			await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
		}),
	);
	if (typeof vscode.lm?.registerTool === 'function') {
		for (const name of toolNames) {
			disposables.push(
				vscode.lm.registerTool<unknown>(vscodeToolName(name), {
					prepareInvocation: options => {
						const parsed = parseToolInput(name, options.input);
						const message = describeCall(name, parsed.ok ? parsed.input : options.input);
						return toolSpecs[name].confirm ? { invocationMessage: message, confirmationMessages: { title: message, message: 'This cannot be undone.' } } : { invocationMessage: message };
					},
					invoke: async options => {
						const parsed = parseToolInput(name, options.input);
						if (!parsed.ok) {
							throw new Error(parsed.error);
						}
						const outcome = await runTool(parsed.name, parsed.input, createToolHost(container, deps), { trusted: vscode.workspace.isTrusted });
						if (outcome.isError) {
							throw new Error(outcome.content);
						}
						return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(outcome.content)]);
					},
				}),
			);
		}
	}
	return vscode.Disposable.from(...disposables);
}

/** VS Code's history (requests and our markdown responses) as model messages, oldest first. */
export function historyFromChat(context: vscode.ChatContext): ChatMessage[] {
	const out: ChatMessage[] = [];
	for (const turn of context.history) {
		if (turn instanceof vscode.ChatRequestTurn) {
			out.push({ role: 'user', content: turn.command ? `/${turn.command} ${turn.prompt}` : turn.prompt });
		} else if (turn instanceof vscode.ChatResponseTurn) {
			const text = turn.response.map(r => (r instanceof vscode.ChatResponseMarkdownPart ? r.value.value : '')).join('');
			if (text) {
				out.push({ role: 'assistant', content: text });
			}
		}
	}
	return out;
}

async function providerFor(container: Container, model: vscode.LanguageModelChat | undefined): Promise<LlmProvider> {
	if (!model || model.vendor === CODEMENTOR_VENDOR) {
		return container.models.resolve({ userInitiated: true, ownBackendOnly: true });
	}
	return createVscodeLmProvider(container.context.languageModelAccessInformation, model.id, container.logger);
}

async function handle(container: Container, deps: TutorDeps, request: vscode.ChatRequest, context: vscode.ChatContext, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
	const controller = new AbortController();
	const sub = token.onCancellationRequested(() => controller.abort());
	try {
		const { parseSlashCommand, helpMarkdown, modeForCommand, defaultMode } = await import('../../core/tutor/modes');
		const command = request.command ? parseSlashCommand(`/${request.command}`).command : undefined;
		if (command === 'help') {
			stream.markdown(helpMarkdown());
			return { metadata: { command } };
		}
		const started = await deps.exercises.active().catch(() => undefined);
		if (command === 'hint' && !request.prompt.trim()) {
			const hint = await deps.hints.next({ signal: controller.signal });
			stream.markdown(`**Hint ${hint.count}${hint.exercise ? ` for “${hint.exercise.title}”` : ''}** (level ${hint.level})\n\n${hint.text}`);
			return { metadata: { command } };
		}
		const provider = await providerFor(container, request.model);
		const gathered = await gatherContext({ editor: vscode.window.activeTextEditor, exercise: started, hintsGiven: started ? deps.hints.given(started.exercise.id).map(h => h.text) : [], excluded: new Set() });
		const items: ContextItem[] = [...gathered.items.values()];
		let mode: TutorMode = (command && modeForCommand(command)) || defaultMode({ exerciseOpen: started !== undefined });
		if (!command) {
			const { intentContext, triageIntent, modeForIntent } = await import('../../core/tutor/intent');
			const ctx = intentContext(items);
			mode = modeForIntent((await triageIntent(request.prompt, ctx, { model: provider, signal: controller.signal })).intent, ctx);
		}
		const [{ buildChatRequest, slashCommandRequest }, { runTurn }] = await Promise.all([import('../../core/tutor/prompts'), import('../../core/tutor/session')]);
		const profile = await deps.progress.profile().catch(() => undefined);
		const trusted = vscode.workspace.isTrusted;
		const built = buildChatRequest({
			mode,
			profile,
			items,
			history: historyFromChat(context),
			userText: `${slashCommandRequest(command, request.prompt) ?? request.prompt}\n\n(Today is ${new Date().toDateString()}.)`,
			tools: toolDefinitions({ trusted }),
			budgetTokens: Math.min(request.model?.maxInputTokens ?? 24_000, 24_000),
		});
		// As in the Tutor view: whatever the mode, an unsolved exercise's solution is not handed over.
		const filter = await (await import('../../core/tutor/answerFilter')).leakFilterFor(started);
		const result = await runTurn({
			provider,
			request: { system: built.system, messages: built.messages, tools: built.tools },
			signal: controller.signal,
			filter,
			tools: { host: createToolHost(container, deps), trusted },
			confirm: async (_call, title) => (await vscode.window.showWarningMessage(`@mentor wants to: ${title}. Allow it?`, { modal: true }, 'Allow')) === 'Allow',
			sink: {
				append: (_i, text) => stream.markdown(text),
				setPart: (_i, part) => {
					if (part.type === 'withheld') {
						const id = randomUUID();
						withheld.set(id, { code: part.code, language: part.language, exerciseId: started?.exercise.id });
						stream.markdown(`\n\n> ${part.notice}\n\n`);
						stream.button({ command: SHOW_WITHHELD_COMMAND, title: 'Show anyway (counts as viewing the solution)', arguments: [id] });
					} else if (part.type === 'tool' && part.status === 'running') {
						stream.progress(`${part.title}…`);
					}
				},
			},
		});
		await deps.progress.record({ type: 'tutor.turn', conversationId: 'vscode-chat', mode });
		return { metadata: { command, mode, status: result.status } };
	} catch (error) {
		if (isCancellation(error) || controller.signal.aborted) {
			return {};
		}
		container.logger.warn('@mentor: the answer failed', error);
		const actions = error instanceof UserFacingError ? error.actions : [];
		for (const a of actions) {
			stream.button({ command: a.command, title: a.title, arguments: [...(a.args ?? [])] });
		}
		return { errorDetails: { message: errorMessage(error) } };
	} finally {
		sub.dispose();
	}
}
