// The Tutor view's brain on the host: conversations (persisted, restored, switched), the mode,
// the context chips, and each turn — slash commands, triage, the prompt, streaming through the
// leak guard, tools, Stop, retry and edit — posted to the webview as protocol messages.
// The webview renders; this decides. One turn at a time per view.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { errorMessage, isCancellation, UserFacingError } from '../../core/errors';
import { Disposable } from '../../core/lifecycle';
import { fenced } from '../../core/markdown';
import type { ChatMessage, LlmProvider } from '../../core/llm/types';
import type { Conversation, ConversationStore, StoredMessage, StoredPart } from '../../core/tutor/conversations';
import type { ContextItem } from '../../core/tutor/context';
import type { SlashCommand, TutorMode } from '../../core/tutor/modes';
import type { AnswerFilter } from '../../core/tutor/session';
import { toolDefinitions } from '../../core/tutor/tools';
import type { ContextChip, HostToTutor, MessagePart, TutorModeId, UiAction, UiMessage, UsageSummary } from '../../shared/protocol/tutor';
import { tutorRunnableCommands } from '../../shared/protocol/tutor';
import type { ExercisesService } from '../exercises/service';
import type { HintService } from '../hints/hintService';
import type { ProgressService } from '../progress/service';
import { gatherContext } from './contextChips';
import { createToolHost } from './toolHost';

/** Input tokens a turn may use when the model does not say its window: fits every supported model. */
const DEFAULT_BUDGET_TOKENS = 24_000;
const SAVE_EVERY_MS = 750;

export interface TutorDeps {
	readonly exercises: ExercisesService;
	readonly hints: HintService;
	readonly progress: ProgressService;
}

type Post = (message: HostToTutor) => void;

export class TutorController extends Disposable {
	private conversation: Conversation | undefined;
	private mode: TutorMode | undefined;
	private busy: AbortController | undefined;
	private readonly excluded = new Set<string>();
	private extraContext: ContextItem[] = [];
	private items = new Map<string, ContextItem>();
	private chips: readonly ContextChip[] = [];
	private readonly confirmations = new Map<string, (approved: boolean) => void>();
	private posts = new Set<Post>();
	private storePromise: Promise<ConversationStore> | undefined;
	private readonly stateChanged = this._register(new vscode.EventEmitter<void>());
	readonly onDidChangeState = this.stateChanged.event;

	constructor(
		private readonly container: Container,
		private readonly deps: TutorDeps,
	) {
		super();
		const refresh = () => void this.refreshContext();
		this._register(vscode.window.onDidChangeActiveTextEditor(refresh));
		this._register(vscode.window.onDidChangeVisibleTextEditors(refresh));
		this._register(vscode.window.onDidChangeTextEditorSelection(debounce(refresh, 250)));
		this._register(vscode.languages.onDidChangeDiagnostics(debounce(refresh, 500)));
		this._register(deps.exercises.onDidGrade(refresh));
		this._register({ dispose: () => this.busy?.abort() });
	}

	/** A view attaches its poster; several views (after a reload) may come and go. */
	attach(post: Post): vscode.Disposable {
		this.posts.add(post);
		return new vscode.Disposable(() => this.posts.delete(post));
	}

	private post(message: HostToTutor): void {
		for (const p of this.posts) {
			p(message);
		}
	}

	get isBusy(): boolean {
		return this.busy !== undefined;
	}

	private store(): Promise<ConversationStore> {
		this.storePromise ??= import('../../core/tutor/conversations').then(
			({ ConversationStore }) =>
				new ConversationStore({
					dir: path.join(this.container.context.globalStorageUri.fsPath, 'tutor', 'conversations'),
					logger: this.container.logger,
					onNotice: message => void vscode.window.showWarningMessage(`CodeMentor: ${message}`),
				}),
		);
		return this.storePromise;
	}

	/** The webview (re)connected: send everything it shows. */
	async restore(): Promise<void> {
		const store = await this.store();
		if (!this.conversation) {
			this.conversation = (await store.list())[0];
		}
		await this.refreshContext();
		await this.pushState();
		this.pushMessages();
	}

	async pushState(): Promise<void> {
		const [store, { slashCommands }] = await Promise.all([this.store(), import('../../core/tutor/modes')]);
		const conversations = await store.list();
		const model = this.modelStatus;
		this.post({
			type: 'state/set',
			state: {
				screen: this.conversation && this.conversation.messages.length > 0 ? 'chat' : 'welcome',
				trusted: vscode.workspace.isTrusted,
				model,
				mode: await this.currentMode(),
				conversations: conversations.slice(0, 1000).map(c => ({ id: c.id, title: c.title.slice(0, 200), updatedAt: c.updatedAt, messageCount: c.messages.length })),
				activeConversationId: this.conversation?.id,
				busy: this.isBusy,
				usage: this.usage(),
				commands: slashCommands.map(c => ({ name: c.name, description: c.description })),
			},
		});
		this.stateChanged.fire();
	}

	/** Set by the view from the model check. */
	modelStatus: Extract<HostToTutor, { type: 'state/set' }>['state']['model'] = { status: 'checking' };

	private usage(): UsageSummary {
		const u = this.conversation?.usage;
		return { inputTokens: u?.inputTokens ?? 0, outputTokens: u?.outputTokens ?? 0, costUsd: u?.costUsd };
	}

	private async currentMode(): Promise<TutorModeId> {
		if (this.mode) {
			return this.mode;
		}
		const { defaultMode } = await import('../../core/tutor/modes');
		return this.conversation?.mode ?? defaultMode({ exerciseOpen: (await this.deps.exercises.active().catch(() => undefined)) !== undefined });
	}

	private pushMessages(): void {
		const c = this.conversation;
		if (c) {
			this.post({ type: 'messages/set', conversationId: c.id, messages: c.messages.map(toUiMessage) });
		} else {
			this.post({ type: 'messages/set', conversationId: 'none', messages: [] });
		}
	}

	async refreshContext(): Promise<void> {
		// With the instructions preview (or another webview) focused, the code beside it is what the learner means.
		const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find(e => e.document.uri.scheme === 'file');
		const exercise = await this.deps.exercises.active().catch(() => undefined);
		const hintsGiven = exercise ? this.deps.hints.given(exercise.exercise.id).map(h => h.text) : [];
		const gathered = await gatherContext({ editor, exercise, hintsGiven, extra: this.extraContext, excluded: this.excluded });
		this.items = new Map(gathered.items);
		this.chips = gathered.chips;
		this.post({ type: 'context/set', chips: [...this.chips] });
	}

	toggleChip(id: string, included: boolean): void {
		if (included) {
			this.excluded.delete(id);
		} else {
			this.excluded.add(id);
		}
		this.chips = this.chips.map(c => (c.id === id ? { ...c, included } : c));
		this.post({ type: 'context/set', chips: [...this.chips] });
	}

	/**
	 * Adds a finished exchange to the current conversation (a pull-request review, a hint thread
	 * continued here): the learner's request and the answer, both shown and kept for follow-ups.
	 */
	async appendExchange(request: string, answer: string): Promise<void> {
		const conversation = await this.ensureConversation(request);
		const at = new Date().toISOString();
		const user: StoredMessage = { id: randomUUID(), role: 'user', parts: [{ type: 'markdown', text: request }], status: 'complete', createdAt: at, llm: [{ role: 'user', content: request }] };
		const reply: StoredMessage = { id: randomUUID(), role: 'assistant', parts: [{ type: 'markdown', text: answer }], status: 'complete', createdAt: at, llm: [{ role: 'assistant', content: answer }] };
		this.conversation = { ...conversation, messages: [...conversation.messages, user, reply] };
		await (await this.store()).save(this.conversation);
		this.post({ type: 'message/upsert', conversationId: conversation.id, message: toUiMessage(user) });
		this.post({ type: 'message/upsert', conversationId: conversation.id, message: toUiMessage(reply) });
		await this.pushState();
	}

	/** Puts text in the composer without sending it. */
	attachFill(text: string): void {
		this.post({ type: 'composer/fill', text: text.slice(0, 20_000), send: false });
	}

	/** Terminal text (from "Explain terminal selection") rides along as context for the next message. */
	addContext(item: ContextItem): void {
		this.extraContext = [...this.extraContext.filter(i => i.kind !== item.kind), item];
		void this.refreshContext();
	}

	async setMode(mode: TutorMode): Promise<void> {
		this.mode = mode;
		if (this.conversation) {
			this.conversation = { ...this.conversation, mode };
			await (await this.store()).save(this.conversation, { touch: false });
		}
		await this.pushState();
	}

	async newConversation(): Promise<void> {
		this.stop();
		this.conversation = undefined;
		this.mode = undefined;
		await this.pushState();
		this.pushMessages();
	}

	async switchTo(id: string): Promise<void> {
		const found = await (await this.store()).get(id);
		if (!found) {
			this.post({ type: 'notice', level: 'warning', message: 'That conversation no longer exists; it may have been deleted in another window.' });
			return;
		}
		this.stop();
		this.conversation = found;
		this.mode = found.mode;
		await this.pushState();
		this.pushMessages();
	}

	async rename(id: string, title: string): Promise<void> {
		const store = await this.store();
		const found = await store.get(id);
		if (found) {
			const renamed = { ...found, title: title.trim().slice(0, 200), titleSetByUser: true };
			await store.save(renamed, { touch: false });
			if (this.conversation?.id === id) {
				this.conversation = renamed;
			}
			await this.pushState();
		}
	}

	async delete(id: string): Promise<void> {
		const store = await this.store();
		const found = await store.get(id);
		if (!found) {
			return;
		}
		const ok = await vscode.window.showWarningMessage(`Delete the conversation “${found.title}”? This cannot be undone.`, { modal: true }, 'Delete');
		if (ok !== 'Delete') {
			return;
		}
		if (this.conversation?.id === id) {
			this.stop();
			this.conversation = undefined;
			this.pushMessages();
		}
		await store.delete(id);
		await this.pushState();
	}

	async exportMarkdown(id: string): Promise<vscode.TextDocument | undefined> {
		const found = await (await this.store()).get(id);
		if (!found) {
			return undefined;
		}
		const { conversationMarkdown } = await import('../../core/tutor/conversations');
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: conversationMarkdown(found) });
		await vscode.window.showTextDocument(doc, { preview: false });
		return doc;
	}

	stop(): void {
		this.busy?.abort();
		for (const resolve of this.confirmations.values()) {
			resolve(false);
		}
		this.confirmations.clear();
	}

	confirmTool(callId: string, approved: boolean): void {
		this.confirmations.get(callId)?.(approved);
		this.confirmations.delete(callId);
	}

	/** "Show anyway": reveals a withheld block and records that the solution was viewed. */
	async reveal(messageId: string, blockId: string): Promise<void> {
		const c = this.conversation;
		const message = c?.messages.find(m => m.id === messageId);
		const index = message?.parts.findIndex(p => p.type === 'withheld' && p.blockId === blockId) ?? -1;
		if (!c || !message || index < 0) {
			return;
		}
		const part = message.parts[index] as Extract<StoredPart, { type: 'withheld' }>;
		const parts = message.parts.map((p, i) => (i === index ? { ...part, revealed: true } : p));
		this.replaceMessage({ ...message, parts });
		await (await this.store()).save(this.conversation!);
		this.post({ type: 'message/upsert', conversationId: c.id, message: toUiMessage({ ...message, parts }) });
		const exercise = await this.deps.exercises.active().catch(() => undefined);
		if (exercise) {
			await this.deps.progress.record({ type: 'solution.viewed', exerciseId: exercise.exercise.id });
		}
	}

	// ---- turns ----

	async send(text: string): Promise<void> {
		if (this.busy) {
			this.post({ type: 'notice', level: 'info', message: 'The tutor is still answering: stop it first, or wait for the answer.' });
			return;
		}
		const { parseSlashCommand, unknownCommandMessage } = await import('../../core/tutor/modes');
		const parsed = parseSlashCommand(text);
		const problem = unknownCommandMessage(parsed);
		if (problem) {
			this.post({ type: 'notice', level: 'warning', message: problem });
			return;
		}
		const conversation = await this.ensureConversation(text);
		const included = this.chips.filter(c => c.included);
		const user: StoredMessage = {
			id: randomUUID(),
			role: 'user',
			parts: [{ type: 'markdown', text }],
			status: 'complete',
			context: included.map(c => c.label),
			command: parsed.command,
			createdAt: new Date().toISOString(),
			llm: [],
		};
		this.conversation = { ...conversation, messages: [...conversation.messages, user] };
		this.post({ type: 'message/upsert', conversationId: conversation.id, message: toUiMessage(user) });
		await this.answer(user, parsed.command, parsed.rest, included.map(c => this.items.get(c.id)).filter((i): i is ContextItem => i !== undefined));
	}

	/** Answers the last user message again (its old answer is replaced). */
	async retry(): Promise<void> {
		const c = this.conversation;
		const lastUser = c?.messages.findLast(m => m.role === 'user');
		if (!c || !lastUser || this.busy) {
			return;
		}
		const at = c.messages.indexOf(lastUser);
		this.conversation = { ...c, messages: c.messages.slice(0, at + 1) };
		this.pushMessages();
		const { parseSlashCommand } = await import('../../core/tutor/modes');
		const text = lastUser.parts.map(p => (p.type === 'markdown' ? p.text : '')).join('');
		const parsed = parseSlashCommand(text);
		const { contextLabel } = await import('../../core/tutor/context');
		await this.answer({ ...lastUser, llm: [] }, parsed.command, parsed.rest, [...this.items.values()].filter(i => lastUser.context?.includes(contextLabel(i))));
	}

	async edit(messageId: string, text: string): Promise<void> {
		const c = this.conversation;
		const index = c?.messages.findIndex(m => m.id === messageId) ?? -1;
		if (!c || index < 0 || this.busy) {
			return;
		}
		this.conversation = { ...c, messages: c.messages.slice(0, index) };
		this.pushMessages();
		await this.send(text);
	}

	private async ensureConversation(firstText: string): Promise<Conversation> {
		if (this.conversation) {
			return this.conversation;
		}
		const { titleFrom } = await import('../../core/tutor/conversations');
		const store = await this.store();
		const created = store.create(this.mode);
		this.conversation = { ...created, title: titleFrom(firstText) };
		return this.conversation;
	}

	private replaceMessage(message: StoredMessage): void {
		const c = this.conversation!;
		const i = c.messages.findIndex(m => m.id === message.id);
		this.conversation = { ...c, messages: i < 0 ? [...c.messages, message] : c.messages.map((m, j) => (j === i ? message : m)) };
	}

	private async answer(user: StoredMessage, command: SlashCommand | undefined, rest: string, items: readonly ContextItem[]): Promise<void> {
		const controller = new AbortController();
		this.busy = controller;
		const conversationId = this.conversation!.id;
		const assistant: StoredMessage = { id: randomUUID(), role: 'assistant', parts: [], status: 'streaming', createdAt: new Date().toISOString(), llm: [] };
		this.replaceMessage(assistant);
		this.post({ type: 'message/upsert', conversationId, message: toUiMessage(assistant) });
		await this.pushState();
		const store = await this.store();
		let saveTimer: NodeJS.Timeout | undefined;
		const saveSoon = () => {
			saveTimer ??= setTimeout(() => {
				saveTimer = undefined;
				void store.save(this.conversation!).catch(e => this.container.logger.warn('Tutor: could not save the conversation', e));
			}, SAVE_EVERY_MS);
		};
		await store.save(this.conversation!);
		let current = assistant;
		const update = (next: StoredMessage) => {
			current = next;
			if (this.conversation?.id === conversationId) {
				this.replaceMessage(next);
			}
			saveSoon();
		};
		try {
			if (command === 'help') {
				const { helpMarkdown } = await import('../../core/tutor/modes');
				update({ ...current, parts: [{ type: 'markdown', text: helpMarkdown() }], status: 'complete' });
				this.post({ type: 'message/upsert', conversationId, message: toUiMessage(current) });
				return;
			}
			if (command === 'hint' && !rest) {
				await this.hintTurn(user, current, update, conversationId, controller.signal);
				return;
			}
			const provider = await this.container.models.resolve({ userInitiated: true, signal: controller.signal });
			const mode = await this.turnMode(command, rest || user.parts.map(p => (p.type === 'markdown' ? p.text : '')).join(''), items, provider, controller.signal);
			const { buildChatRequest, slashCommandRequest } = await import('../../core/tutor/prompts');
			const { modelHistory } = await import('../../core/tutor/conversations');
			const { runTurn } = await import('../../core/tutor/session');
			const profile = await this.deps.progress.profile().catch(() => undefined);
			const summary = await this.deps.progress.summary().catch(() => undefined);
			const trusted = vscode.workspace.isTrusted;
			const userText = slashCommandRequest(command, rest) ?? user.parts.map(p => (p.type === 'markdown' ? p.text : '')).join('');
			const request = (olderTurns?: string) =>
				buildChatRequest({
					mode,
					profile,
					errorPatterns: summary?.errorPatterns.filter(p => p.count >= 3),
					items,
					history: modelHistory(this.conversation!, { before: user.id }),
					userText: `${userText}\n\n(Today is ${new Date().toDateString()}.)`,
					tools: toolDefinitions({ trusted }),
					budgetTokens: DEFAULT_BUDGET_TOKENS,
					summary: olderTurns,
				});
			const stored = this.conversation!.summary;
			let built = request(stored?.text);
			if (built.summaryNeeded || (stored && built.dropped > Number(stored.throughMessageId))) {
				// Older turns no longer fit: summarise them once, keep the summary with the conversation.
				built = request(await this.summarize(provider, modelHistory(this.conversation!, { before: user.id }).slice(0, built.dropped), controller.signal));
			}
			const userLlm = built.messages.at(-1)!;
			const userWithLlm = { ...user, llm: [userLlm] };
			this.replaceMessage(userWithLlm);
			// Guide is the mode for an open exercise, but an answer triaged (or switched) to Explain or Debug
			// must not hand over the solution either: the guard is on while the exercise is unsolved.
			const filter = await this.leakFilter();
			const result = await runTurn({
				provider,
				request: { system: built.system, messages: built.messages, tools: built.tools },
				signal: controller.signal,
				filter,
				tools: { host: createToolHost(this.container, this.deps), trusted },
				confirm: call =>
					new Promise<boolean>(resolve => {
						this.confirmations.set(call.id, resolve);
					}),
				sink: {
					append: (part, text) => {
						update({ ...current, parts: appendPart(current.parts, part, text) });
						this.post({ type: 'message/append', messageId: current.id, part, text });
					},
					setPart: (part, value) => {
						const parts = [...current.parts];
						parts[part] = value;
						update({ ...current, parts });
						this.post({ type: 'message/part', messageId: current.id, part, value: toUiPart(value) });
					},
				},
			});
			update({ ...current, status: result.status, llm: result.messages });
			this.addUsage(result.usage.inputTokens, result.usage.outputTokens, result.costUsd);
			await this.deps.progress.record({ type: 'tutor.turn', conversationId, mode });
		} catch (error) {
			if (isCancellation(error) || controller.signal.aborted) {
				update({ ...current, status: 'stopped' });
			} else {
				this.container.logger.warn('Tutor: the answer failed', error);
				const partial = (error as { partial?: { messages: ChatMessage[] } }).partial;
				update({ ...current, status: 'error', llm: partial?.messages ?? [], error: { message: errorMessage(error), actions: uiActions(error) } });
			}
		} finally {
			clearTimeout(saveTimer);
			if (this.busy === controller) {
				this.busy = undefined;
			}
			if (this.conversation?.id === conversationId) {
				this.replaceMessage(current);
				await store.save(this.conversation).catch(e => this.container.logger.warn('Tutor: could not save the conversation', e));
			} else {
				// Switched away mid-answer: save the answer into its own conversation.
				const saved = await store.get(conversationId);
				if (saved) {
					await store.save({ ...saved, messages: saved.messages.map(m => (m.id === current.id ? current : m)) }).catch(() => undefined);
				}
			}
			this.post({ type: 'message/upsert', conversationId, message: toUiMessage(current) });
			await this.pushState();
		}
	}

	/** A short summary of turns dropped from the model's budget (a failure just means no summary). */
	private async summarize(provider: LlmProvider, dropped: readonly ChatMessage[], signal: AbortSignal): Promise<string | undefined> {
		const [{ summarizeRequest }, { collect }] = await Promise.all([import('../../core/tutor/history'), import('../../core/llm/stream')]);
		try {
			const result = await collect(provider.chat({ ...summarizeRequest(dropped), signal, userInitiated: true }));
			const text = result.text.trim();
			if (text && this.conversation) {
				// throughMessageId holds how many model messages the summary covers.
				this.conversation = { ...this.conversation, summary: { throughMessageId: String(dropped.length), text } };
			}
			return text || undefined;
		} catch (error) {
			if (isCancellation(error)) {
				throw error;
			}
			this.container.logger.warn('Tutor: could not summarise older turns; they are left out', error);
			return undefined;
		}
	}

	/** "/hint" on its own: the next rung of the exercise's hint ladder. */
	private async hintTurn(user: StoredMessage, current: StoredMessage, update: (m: StoredMessage) => void, conversationId: string, signal: AbortSignal): Promise<void> {
		const hint = await this.deps.hints.next({ signal });
		const { hintLevelInfo } = await import('../../core/tutor/hintLadder');
		const title = hint.exercise ? ` for “${hint.exercise.title}”` : '';
		const text = `**Hint ${hint.count}${title}** — level ${hint.level}: ${hintLevelInfo(hint.level).name}\n\n${hint.text}`;
		const next: StoredMessage = { ...current, parts: [{ type: 'markdown', text }], status: 'complete', llm: [{ role: 'assistant', content: text }] };
		this.replaceMessage({ ...user, llm: [{ role: 'user', content: '/hint' }] });
		update(next);
		this.post({ type: 'message/upsert', conversationId, message: toUiMessage(next) });
	}

	private async turnMode(command: SlashCommand | undefined, text: string, items: readonly ContextItem[], provider: LlmProvider, signal: AbortSignal): Promise<TutorMode> {
		const { modeForCommand } = await import('../../core/tutor/modes');
		if (command) {
			return modeForCommand(command) ?? (await this.currentMode());
		}
		if (this.mode) {
			return this.mode;
		}
		const { intentContext, triageIntent, modeForIntent } = await import('../../core/tutor/intent');
		const context = intentContext(items);
		const intent = await triageIntent(text, context, { model: provider, signal });
		this.container.logger.debug(`Tutor: intent ${intent.intent} (${intent.source}, ${intent.confidence.toFixed(2)}: ${intent.reason})`);
		return modeForIntent(intent.intent, context);
	}

	private async leakFilter(): Promise<(() => AnswerFilter) | undefined> {
		const started = await this.deps.exercises.active().catch(() => undefined);
		const { leakFilterFor } = await import('../../core/tutor/answerFilter');
		return leakFilterFor(started, reason => this.container.logger.info(`Tutor: an answer's prose came close to the solution of ${started?.exercise.id} (${reason})`));
	}

	private addUsage(input: number, output: number, cost: number | undefined): void {
		const c = this.conversation;
		if (!c) {
			return;
		}
		const u = c.usage;
		this.conversation = { ...c, usage: { inputTokens: u.inputTokens + input, outputTokens: u.outputTokens + output, costUsd: cost === undefined ? u.costUsd : (u.costUsd ?? 0) + cost } };
	}

	/** For tests and the chat participant: the active conversation. */
	get active(): Conversation | undefined {
		return this.conversation;
	}
}


function appendPart(parts: readonly StoredPart[], index: number, text: string): StoredPart[] {
	const out = [...parts];
	const p = out[index];
	out[index] = { type: 'markdown', text: (p?.type === 'markdown' ? p.text : '') + text };
	return out;
}

export function toUiPart(part: StoredPart): MessagePart {
	switch (part.type) {
		case 'markdown':
			return part;
		case 'withheld':
			return part.revealed ? { type: 'markdown', text: `${fenced(part.code, part.language)}\n` } : { type: 'withheld', blockId: part.blockId, language: part.language.slice(0, 40), notice: part.notice.slice(0, 500) };
		case 'tool':
			return { ...part, input: part.input?.slice(0, 4000), output: part.output?.slice(0, 8000) };
	}
}


export function toUiMessage(m: StoredMessage): UiMessage {
	return {
		id: m.id,
		role: m.role,
		parts: m.parts.map(toUiPart),
		status: m.status,
		error: m.error && { message: m.error.message.slice(0, 1000), actions: m.error.actions.filter(isRunnable).slice(0, 4) as UiAction[] },
		context: m.context?.map(c => c.slice(0, 200)),
		command: m.command,
		createdAt: m.createdAt,
	};
}

function isRunnable(action: { command: string }): boolean {
	return (tutorRunnableCommands as readonly string[]).includes(action.command);
}

function uiActions(error: unknown): UiAction[] {
	const actions = error instanceof UserFacingError ? error.actions : [];
	return [...actions.filter(isRunnable).map(a => ({ title: a.title, command: a.command, args: a.args as UiAction['args'] })), { title: 'Show Logs', command: 'codementor.showLogs' }].slice(0, 4) as UiAction[];
}


function debounce(fn: () => void, ms: number): () => void {
	let t: NodeJS.Timeout | undefined;
	return () => {
		clearTimeout(t);
		t = setTimeout(fn, ms);
	};
}
