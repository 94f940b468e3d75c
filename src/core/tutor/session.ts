// One tutor turn: streams the model's answer through the answer filter (the leak guard in Guide
// mode) into message parts, runs the tools the model calls (asking the learner first for
// destructive ones), feeds their results back, and stops after a bounded number of rounds.
// The caller owns persistence and display through the TurnSink; Stop is the AbortSignal.
import { isCancellation } from '../errors';
import type { ChatMessage, ChatRequest, LlmProvider, ToolCall, Usage } from '../llm/types';
import type { StoredPart } from './conversations';
import { describeCall, parseToolInput, runTool, toolSpecs, type ToolHost } from './tools';

/** What the answer filter hands on: text to show, and finished code blocks with a verdict. */
export type FilterSegment =
	| { readonly kind: 'text'; readonly text: string }
	| { readonly kind: 'code'; readonly language: string; readonly code: string; readonly fence: string; readonly withhold: boolean; readonly notice?: string };

export interface AnswerFilter {
	push(chunk: string): readonly FilterSegment[];
	end(): readonly FilterSegment[];
}

/** No guard: text passes as it arrives. */
export const passThrough = (): AnswerFilter => ({ push: chunk => [{ kind: 'text', text: chunk }], end: () => [] });

export interface TurnSink {
	/** Appends streamed markdown to part `index` (creating it). */
	append(index: number, text: string): void;
	/** Sets part `index` (a withheld block, a tool step). */
	setPart(index: number, part: StoredPart): void;
}

export interface TurnOptions {
	readonly provider: LlmProvider;
	readonly request: Omit<ChatRequest, 'signal' | 'userInitiated' | 'purpose'>;
	readonly signal: AbortSignal;
	readonly sink: TurnSink;
	readonly tools?: { readonly host: ToolHost; readonly trusted: boolean };
	/** Asks the learner before a destructive tool runs. */
	readonly confirm?: (call: ToolCall, title: string) => Promise<boolean>;
	/** A fresh filter per model reply. */
	readonly filter?: () => AnswerFilter;
	readonly maxRounds?: number;
	readonly newBlockId?: () => string;
}

export interface TurnResult {
	readonly parts: StoredPart[];
	/** The model-facing messages this turn added (assistant replies, tool calls and results). */
	readonly messages: ChatMessage[];
	readonly usage: Usage;
	readonly costUsd?: number;
	readonly status: 'complete' | 'stopped';
	readonly model?: string;
}

export async function runTurn(options: TurnOptions): Promise<TurnResult> {
	const { provider, signal, sink } = options;
	const parts: StoredPart[] = [];
	const added: ChatMessage[] = [];
	const usage = { inputTokens: 0, outputTokens: 0 };
	let cost: number | undefined;
	let model: string | undefined;
	let blockSeq = 0;
	const newBlockId = options.newBlockId ?? (() => `b${Date.now().toString(36)}${(blockSeq++).toString(36)}`);

	const appendText = (text: string) => {
		if (!text) {
			return;
		}
		const last = parts.at(-1);
		if (last?.type === 'markdown') {
			parts[parts.length - 1] = { type: 'markdown', text: last.text + text };
		} else {
			parts.push({ type: 'markdown', text });
		}
		sink.append(parts.length - 1, text);
	};
	const setPart = (index: number, part: StoredPart) => {
		parts[index] = part;
		sink.setPart(index, part);
	};
	const emit = (segments: readonly FilterSegment[]) => {
		for (const s of segments) {
			if (s.kind === 'text') {
				appendText(s.text);
			} else if (s.withhold) {
				setPart(parts.length, { type: 'withheld', blockId: newBlockId(), language: s.language, notice: s.notice ?? 'This code block was held back because it is very close to the solution.', code: s.code, revealed: false });
			} else {
				appendText(`${s.fence}${s.language}\n${s.code.replace(/\n$/, '')}\n${s.fence}\n`);
			}
		}
	};

	const maxRounds = options.maxRounds ?? 6;
	const history: ChatMessage[] = [...options.request.messages];
	for (let round = 0; round < maxRounds; round++) {
		const filter = (options.filter ?? passThrough)();
		let text = '';
		const calls: ToolCall[] = [];
		const lastRound = round === maxRounds - 1;
		try {
			const stream = provider.chat({
				...options.request,
				messages: history,
				tools: options.tools && !lastRound ? options.request.tools : undefined,
				signal,
				userInitiated: true,
				purpose: 'chat',
			});
			for await (const event of stream) {
				if (event.type === 'text') {
					text += event.text;
					emit(filter.push(event.text));
				} else if (event.type === 'tool_call') {
					calls.push(event.call);
				} else if (event.type === 'done') {
					usage.inputTokens += event.result.usage.inputTokens;
					usage.outputTokens += event.result.usage.outputTokens;
					cost = event.result.costUsd === undefined ? cost : (cost ?? 0) + event.result.costUsd;
					model = event.result.model;
				}
			}
			emit(filter.end());
		} catch (error) {
			if (isCancellation(error) || signal.aborted) {
				emit(filter.end());
				if (text) {
					added.push({ role: 'assistant', content: text });
				}
				return { parts, messages: added, usage, costUsd: cost, status: 'stopped', model };
			}
			// The caller shows the error; what streamed so far stays in `parts` through the sink.
			throw Object.assign(error as Error, { partial: { parts, messages: text ? [...added, { role: 'assistant' as const, content: text }] : added, usage } });
		}
		const assistant: ChatMessage = { role: 'assistant', content: text, ...(calls.length ? { toolCalls: calls } : {}) };
		added.push(assistant);
		history.push(assistant);
		if (calls.length === 0 || !options.tools) {
			return { parts, messages: added, usage, costUsd: cost, status: 'complete', model };
		}
		for (const call of calls) {
			const result = await callTool(call, options, parts, setPart);
			const toolMessage: ChatMessage = { role: 'tool', toolCallId: call.id, name: call.name, content: result.content, isError: result.isError };
			added.push(toolMessage);
			history.push(toolMessage);
			if (signal.aborted) {
				return { parts, messages: added, usage, costUsd: cost, status: 'stopped', model };
			}
		}
	}
	return { parts, messages: added, usage, costUsd: cost, status: 'complete', model };
}

async function callTool(call: ToolCall, options: TurnOptions, parts: StoredPart[], setPart: (i: number, p: StoredPart) => void): Promise<{ content: string; isError: boolean }> {
	const index = parts.length;
	const parsed = parseToolInput(call.name, call.input);
	const title = describeCall(call.name, parsed.ok ? parsed.input : call.input);
	const input = shortJson(parsed.ok ? parsed.input : call.input);
	const step = (status: Extract<StoredPart, { type: 'tool' }>['status'], output?: string): StoredPart => ({ type: 'tool', callId: call.id, name: call.name, title, status, input, output });
	if (!parsed.ok) {
		setPart(index, step('error', parsed.error));
		return { content: parsed.error, isError: true };
	}
	if (toolSpecs[parsed.name].confirm) {
		setPart(index, step('awaiting-confirmation'));
		const approved = options.confirm ? await options.confirm(call, title).catch(() => false) : false;
		if (!approved) {
			setPart(index, step('declined', 'The learner declined.'));
			return { content: 'The learner declined this action; do not retry it unless they ask.', isError: true };
		}
	}
	setPart(index, step('running'));
	const outcome = await runTool(parsed.name, parsed.input, options.tools!.host, { trusted: options.tools!.trusted });
	setPart(index, step(outcome.isError ? 'error' : 'done', `${outcome.summary}\n\n${shortJson(outcome.content)}`.trim()));
	return outcome;
}

function shortJson(value: unknown, max = 3000): string {
	let text: string;
	if (typeof value === 'string') {
		try {
			text = JSON.stringify(JSON.parse(value), null, 2);
		} catch {
			text = value;
		}
	} else {
		text = JSON.stringify(value ?? {}, null, 2) ?? '';
	}
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
