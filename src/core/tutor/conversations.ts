// Tutor conversations on disk: one JSON file per conversation in the user's profile storage,
// written atomically (temp file, fsync, rename). A file that cannot be read is moved aside and
// reported, the others still load; an answer that was streaming when VS Code died is kept and
// marked interrupted. Also owns the conversation's model-facing history and its markdown export.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import type { ChatMessage } from '../llm/types';
import { nullLogger, type Logger } from '../log';
import { fenced } from '../markdown';

const CONVERSATION_VERSION = 1;

const usageSchema = z.object({ inputTokens: z.number().int().min(0), outputTokens: z.number().int().min(0), costUsd: z.number().min(0).optional() });
export type ConversationUsage = z.infer<typeof usageSchema>;

const storedPartSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('markdown'), text: z.string() }),
	z.object({
		type: z.literal('withheld'),
		blockId: z.string(),
		language: z.string(),
		notice: z.string(),
		/** The held-back code: stays on this machine, shown only after "show anyway". */
		code: z.string(),
		revealed: z.boolean().default(false),
	}),
	z.object({
		type: z.literal('tool'),
		callId: z.string(),
		name: z.string(),
		title: z.string(),
		status: z.enum(['running', 'done', 'error', 'awaiting-confirmation', 'declined']),
		input: z.string().optional(),
		output: z.string().optional(),
	}),
]);
export type StoredPart = z.infer<typeof storedPartSchema>;

const toolCallSchema = z.object({ id: z.string(), name: z.string(), input: z.unknown() });
const chatMessageSchema = z.discriminatedUnion('role', [
	z.object({ role: z.literal('user'), content: z.string() }),
	z.object({ role: z.literal('assistant'), content: z.string(), toolCalls: z.array(toolCallSchema).optional() }),
	z.object({ role: z.literal('tool'), toolCallId: z.string(), name: z.string(), content: z.string(), isError: z.boolean().optional() }),
]);

const storedMessageSchema = z.object({
	id: z.string(),
	role: z.enum(['user', 'assistant']),
	parts: z.array(storedPartSchema),
	status: z.enum(['streaming', 'complete', 'stopped', 'interrupted', 'error']),
	error: z.object({ message: z.string(), actions: z.array(z.object({ title: z.string(), command: z.string(), args: z.array(z.unknown()).optional() })) }).optional(),
	context: z.array(z.string()).optional(),
	command: z.string().optional(),
	createdAt: z.string(),
	/** What the model saw for this message: the user's text with its context, or the answer with its tool calls and results. */
	llm: z.array(chatMessageSchema).default([]),
});
/** The model-facing history is typed as the LLM module's messages (the schema checks their shape). */
export type StoredMessage = Omit<z.infer<typeof storedMessageSchema>, 'llm'> & { readonly llm: readonly ChatMessage[] };

const conversationSchema = z.object({
	version: z.literal(CONVERSATION_VERSION),
	id: z.string().regex(/^[a-zA-Z0-9-]+$/),
	title: z.string(),
	/** True once the learner renamed it: automatic titles no longer apply. */
	titleSetByUser: z.boolean().default(false),
	createdAt: z.string(),
	updatedAt: z.string(),
	mode: z.enum(['guide', 'explain', 'debug', 'review']).optional(),
	messages: z.array(storedMessageSchema),
	usage: usageSchema.default({ inputTokens: 0, outputTokens: 0 }),
	/** A summary of turns that no longer fit the model's budget (see history.ts). */
	summary: z.object({ throughMessageId: z.string(), text: z.string() }).optional(),
});
export type Conversation = Omit<z.infer<typeof conversationSchema>, 'messages'> & { readonly messages: readonly StoredMessage[] };

export interface ConversationStoreOptions {
	readonly dir: string;
	readonly logger?: Logger;
	readonly now?: () => Date;
	/** Told once per file that could not be read (it was moved aside). */
	readonly onNotice?: (message: string) => void;
}

export class ConversationStore {
	private readonly cache = new Map<string, Conversation>();
	private loaded: Promise<void> | undefined;
	private readonly logger: Logger;
	private readonly now: () => Date;
	private readonly writes = new Map<string, Promise<void>>();

	constructor(private readonly options: ConversationStoreOptions) {
		this.logger = options.logger ?? nullLogger;
		this.now = options.now ?? (() => new Date());
	}

	/** Conversations, most recently updated first. */
	async list(): Promise<readonly Conversation[]> {
		await this.load();
		return [...this.cache.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
	}

	async get(id: string): Promise<Conversation | undefined> {
		await this.load();
		return this.cache.get(id);
	}

	create(mode?: Conversation['mode']): Conversation {
		const at = this.now().toISOString();
		const conversation: Conversation = { version: CONVERSATION_VERSION, id: randomUUID(), title: 'New conversation', titleSetByUser: false, createdAt: at, updatedAt: at, mode, messages: [], usage: { inputTokens: 0, outputTokens: 0 } };
		this.cache.set(conversation.id, conversation);
		return conversation;
	}

	/** Writes the conversation (atomically); writes of one conversation never overlap or reorder. */
	async save(conversation: Conversation, options: { readonly touch?: boolean } = {}): Promise<void> {
		const saved: Conversation = options.touch === false ? conversation : { ...conversation, updatedAt: this.now().toISOString() };
		this.cache.set(saved.id, saved);
		const previous = this.writes.get(saved.id) ?? Promise.resolve();
		const write = previous
			.catch(() => undefined)
			.then(async () => {
				await fs.mkdir(this.options.dir, { recursive: true });
				await writeFileAtomic(this.file(saved.id), JSON.stringify(this.cache.get(saved.id) ?? saved), { fsync: true });
			});
		this.writes.set(saved.id, write);
		try {
			await write;
		} finally {
			if (this.writes.get(saved.id) === write) {
				this.writes.delete(saved.id);
			}
		}
	}

	async delete(id: string): Promise<void> {
		this.cache.delete(id);
		await this.writes.get(id)?.catch(() => undefined);
		await fs.rm(this.file(id), { force: true });
	}

	private file(id: string): string {
		return path.join(this.options.dir, `${id}.json`);
	}

	private load(): Promise<void> {
		this.loaded ??= this.readAll();
		return this.loaded;
	}

	private async readAll(): Promise<void> {
		const names = await fs.readdir(this.options.dir).catch(() => [] as string[]);
		for (const name of names.filter(n => n.endsWith('.json'))) {
			const file = path.join(this.options.dir, name);
			const text = await fs.readFile(file, 'utf8').catch((error: unknown) => error as Error);
			const parsed = typeof text === 'string' ? parseConversation(text) : { ok: false as const, reason: text.message };
			if (parsed.ok) {
				this.cache.set(parsed.conversation.id, markInterrupted(parsed.conversation));
				continue;
			}
			const aside = `${file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
			await fs.rename(file, aside).catch(() => undefined);
			this.logger.warn(`Tutor: conversation file ${file} could not be read (${parsed.reason}); moved to ${aside}`);
			this.options.onNotice?.(`A saved tutor conversation could not be read (${parsed.reason}); it was moved to ${aside} and the others were kept.`);
		}
	}
}

export function parseConversation(text: string): { ok: true; conversation: Conversation } | { ok: false; reason: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'the file is not valid JSON, probably cut short' };
	}
	const result = conversationSchema.safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0];
		return { ok: false, reason: `field "${issue?.path.join('.') || '(root)'}": ${issue?.message ?? 'invalid'}` };
	}
	return { ok: true, conversation: result.data as Conversation };
}

/** An answer still "streaming" in a file that is being read again was cut off by VS Code closing. */
function markInterrupted(conversation: Conversation): Conversation {
	if (!conversation.messages.some(m => m.status === 'streaming')) {
		return conversation;
	}
	return { ...conversation, messages: conversation.messages.map(m => (m.status === 'streaming' ? { ...m, status: 'interrupted' as const } : m)) };
}

/** A title from the first question: its first line, shortened at a word boundary. */
export function titleFrom(text: string): string {
	const line = text.trim().split(/\r?\n/)[0]!.replace(/^\/\w+\s*/, '').trim() || text.trim();
	if (line.length <= 48) {
		return line || 'New conversation';
	}
	const cut = line.slice(0, 48);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 32))}…`;
}

/** The history the model sees: every message's model-facing part, in order. */
export function modelHistory(conversation: Conversation, options: { readonly before?: string } = {}): ChatMessage[] {
	const out: ChatMessage[] = [];
	for (const message of conversation.messages) {
		if (message.id === options.before) {
			break;
		}
		if (message.status === 'error' && message.role === 'assistant') {
			continue;
		}
		out.push(...message.llm);
	}
	return out;
}

/** The conversation as a markdown document (withheld code stays withheld unless revealed). */
export function conversationMarkdown(conversation: Conversation): string {
	const lines = [`# ${conversation.title}`, '', `_CodeMentor tutor conversation, ${conversation.createdAt.slice(0, 10)}_`, ''];
	for (const message of conversation.messages) {
		lines.push(message.role === 'user' ? '## You' : '## Tutor', '');
		if (message.context?.length) {
			lines.push(`> Context: ${message.context.join(', ')}`, '');
		}
		for (const part of message.parts) {
			if (part.type === 'markdown') {
				lines.push(part.text.trim(), '');
			} else if (part.type === 'withheld') {
				lines.push(part.revealed ? fenced(part.code, part.language) : `> ${part.notice}`, '');
			} else {
				lines.push(`> Tool: ${part.title} (${part.status})`, '');
			}
		}
		if (message.status === 'interrupted') {
			lines.push('_(interrupted)_', '');
		} else if (message.status === 'stopped') {
			lines.push('_(stopped)_', '');
		} else if (message.status === 'error' && message.error) {
			lines.push(`_Error: ${message.error.message}_`, '');
		}
	}
	return `${lines.join('\n').trimEnd()}\n`;
}
