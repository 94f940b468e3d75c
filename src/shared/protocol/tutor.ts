// The Tutor view's host<->webview protocol. One discriminated union per direction; both sides
// validate what they receive with parseMessage(). The host owns conversations and streaming; the
// webview renders what it is told and reports what the learner did.
import * as z from 'zod';
import { CommandIds } from '../ids';

/** Commands the webview may ask the host to run: an allow-list, never an arbitrary id. */
export const tutorRunnableCommands = [
	CommandIds.getStarted,
	CommandIds.showLogs,
	CommandIds.openSettings,
	CommandIds.connectModel,
	CommandIds.selectModel,
	CommandIds.setApiKey,
	CommandIds.signIn,
	CommandIds.submit,
	CommandIds.exerciseHint,
	'codementor.exercises.focus',
	'codementor.progress.focus',
	'workbench.trust.manage',
] as const;

/** One-click ways to connect a model, offered when none is connected (arguments of connectModel). */
export const connectOptions = ['platform', 'vscodeLm', 'ollama', 'openai', 'anthropic', 'openaiCompatible'] as const;

export const tutorModes = ['guide', 'explain', 'debug', 'review'] as const;
export type TutorModeId = (typeof tutorModes)[number];

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);

/** An action offered next to an error (runs an allow-listed command). */
export const uiAction = z.object({ title: text(100), command: z.enum(tutorRunnableCommands), args: z.array(z.enum(connectOptions)).max(1).optional() });
export type UiAction = z.infer<typeof uiAction>;

/** A piece of an answer, in order. Markdown is rendered (raw HTML off, sanitized) by the webview. */
export const messagePart = z.discriminatedUnion('type', [
	z.object({ type: z.literal('markdown'), text: text(400_000) }),
	/** A code block the leak guard held back; its code stays in the host until "show anyway". */
	z.object({ type: z.literal('withheld'), blockId: id, language: text(40), notice: text(500) }),
	/** A tool the tutor called, shown as a collapsible step. */
	z.object({
		type: z.literal('tool'),
		callId: id,
		name: text(100),
		/** One line for the learner: "Listing recursion exercises". */
		title: text(300),
		status: z.enum(['running', 'done', 'error', 'awaiting-confirmation', 'declined']),
		/** Short, readable input and output (JSON or text), shown when the step is expanded. */
		input: text(4000).optional(),
		output: text(8000).optional(),
	}),
]);
export type MessagePart = z.infer<typeof messagePart>;

export const messageStatus = z.enum(['streaming', 'complete', 'stopped', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof messageStatus>;

export const uiMessage = z.object({
	id,
	role: z.enum(['user', 'assistant']),
	parts: z.array(messagePart).max(500),
	status: messageStatus,
	/** Set when status is 'error'. */
	error: z.object({ message: text(1000), actions: z.array(uiAction).max(4) }).optional(),
	/** Labels of the context chips sent with a user message. */
	context: z.array(text(200)).max(20).optional(),
	/** Slash command the user message used, if any ("hint"). */
	command: text(20).optional(),
	createdAt: text(40),
});
export type UiMessage = z.infer<typeof uiMessage>;

export const conversationSummary = z.object({ id, title: text(200), updatedAt: text(40), messageCount: z.number().int().min(0) });
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const contextChip = z.object({
	id,
	kind: z.enum(['selection', 'file', 'problems', 'exercise', 'terminal']),
	label: text(200),
	/** Tooltip: what exactly would be sent. */
	detail: text(500),
	included: z.boolean(),
});
export type ContextChip = z.infer<typeof contextChip>;

export const modelStatus = z.discriminatedUnion('status', [
	z.object({ status: z.literal('checking') }),
	z.object({ status: z.literal('connected'), provider: text(100), label: text(200) }),
	z.object({
		status: z.literal('none'),
		/** Set when the last attempt failed, in one sentence. */
		problem: text(500).optional(),
		platformConfigured: z.boolean(),
	}),
]);
export type ModelStatus = z.infer<typeof modelStatus>;

export const usageSummary = z.object({
	inputTokens: z.number().int().min(0),
	outputTokens: z.number().int().min(0),
	/** Estimated from list prices; undefined when unknown. */
	costUsd: z.number().min(0).optional(),
});
export type UsageSummary = z.infer<typeof usageSummary>;

export const slashCommandInfo = z.object({ name: text(20), description: text(200) });

export const tutorState = z.object({
	/** 'welcome' until the first message of a conversation. */
	screen: z.enum(['welcome', 'chat']),
	/** Restricted Mode: the tutor explains but does not run code. */
	trusted: z.boolean(),
	model: modelStatus,
	mode: z.enum(tutorModes),
	conversations: z.array(conversationSummary).max(1000),
	activeConversationId: id.optional(),
	busy: z.boolean(),
	usage: usageSummary,
	commands: z.array(slashCommandInfo).max(20),
});
export type TutorState = z.infer<typeof tutorState>;

export const hostToTutor = z.discriminatedUnion('type', [
	z.object({ type: z.literal('state/set'), state: tutorState }),
	/** Replaces every message shown (conversation switched or restored). */
	z.object({ type: z.literal('messages/set'), conversationId: id, messages: z.array(uiMessage).max(2000) }),
	/** Adds a message or replaces one with the same id. */
	z.object({ type: z.literal('message/upsert'), conversationId: id, message: uiMessage }),
	/** Streaming: appends text to the markdown part at `part` (created when missing). */
	z.object({ type: z.literal('message/append'), messageId: id, part: z.number().int().min(0).max(499), text: text(100_000) }),
	/** Streaming: sets the part at `part` (a withheld block, a tool step changing status). */
	z.object({ type: z.literal('message/part'), messageId: id, part: z.number().int().min(0).max(499), value: messagePart }),
	z.object({ type: z.literal('context/set'), chips: z.array(contextChip).max(20) }),
	/** Puts text in the composer (e.g. "Explain Selection" from the editor) and optionally sends it. */
	z.object({ type: z.literal('composer/fill'), text: text(20_000), send: z.boolean() }),
	z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: text(1000) }),
]);
export type HostToTutor = z.infer<typeof hostToTutor>;

export const tutorToHost = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ready') }),
	z.object({
		type: z.literal('command/run'),
		command: z.enum(tutorRunnableCommands),
		/** Only connectModel takes an argument: which option. */
		args: z.array(z.enum(connectOptions)).max(1).optional(),
	}),
	z.object({ type: z.literal('chat/send'), text: text(20_000).refine(s => s.trim().length > 0, 'is empty') }),
	z.object({ type: z.literal('chat/stop') }),
	/** Answers the last user message again. */
	z.object({ type: z.literal('chat/retry') }),
	/** Replaces the last user message's text and answers it again. */
	z.object({ type: z.literal('chat/edit'), messageId: id, text: text(20_000).refine(s => s.trim().length > 0, 'is empty') }),
	z.object({ type: z.literal('mode/set'), mode: z.enum(tutorModes) }),
	z.object({ type: z.literal('context/toggle'), chipId: id, included: z.boolean() }),
	z.object({ type: z.literal('conversation/new') }),
	z.object({ type: z.literal('conversation/switch'), conversationId: id }),
	z.object({ type: z.literal('conversation/rename'), conversationId: id, title: text(200).refine(s => s.trim().length > 0, 'is empty') }),
	z.object({ type: z.literal('conversation/delete'), conversationId: id }),
	z.object({ type: z.literal('conversation/export'), conversationId: id }),
	z.object({ type: z.literal('code/copy'), code: text(200_000) }),
	z.object({ type: z.literal('code/insert'), code: text(200_000) }),
	z.object({ type: z.literal('code/apply'), code: text(200_000), language: text(40) }),
	/** "Show anyway" on a withheld block: the host records that the solution was viewed. */
	z.object({ type: z.literal('solution/show'), messageId: id, blockId: id }),
	z.object({ type: z.literal('tool/confirm'), callId: id, approved: z.boolean() }),
]);
export type TutorToHost = z.infer<typeof tutorToHost>;
