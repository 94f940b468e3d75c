// The Anthropic provider: one Messages API stream per chat turn through the official SDK, mapped
// onto the LlmProvider contract (types.ts). This file owns the request mapping (system blocks with
// prompt-cache breakpoints, tool_use / tool_result turns, tools, structured output as a forced
// tool), the mapping of Anthropic's stream events to ChatEvents, and the translation of every SDK
// failure into one LlmError. Retries and stream deadlines are ours (retry.ts, stream.ts), so the
// SDK is told never to retry.
import { Anthropic, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { CancelledError, isCancellation } from '../errors';
import { nullLogger, type Logger } from '../log';
import { httpError, networkCode, networkError, parseRetryAfter } from './classify';
import { LlmError } from './errors';
import { estimateCost } from './pricing';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retry';
import { defaultStreamTimeouts, guardStream, type StreamTimeouts } from './stream';
import type { ChatEvent, ChatMessage, ChatRequest, ChatResult, LlmProvider, ModelInfo, StopReason, ToolCall, Usage } from './types';

export interface AnthropicProviderOptions {
	readonly apiKey: string;
	/** Defaults to https://api.anthropic.com (tests point this at a local server). */
	readonly baseUrl?: string;
	readonly defaultModel: string;
	readonly fetch?: typeof fetch;
	readonly timeouts?: StreamTimeouts;
	readonly retryPolicy?: RetryPolicy;
	readonly logger?: Logger;
}

export const ANTHROPIC_DEFAULT_URL = 'https://api.anthropic.com';

const PROVIDER = 'anthropic';
const LABEL = 'Anthropic';
// The API requires max_tokens; this is enough for a tutor turn or a generated exercise.
const DEFAULT_MAX_TOKENS = 4096;

export function createAnthropicProvider(options: AnthropicProviderOptions): LlmProvider {
	const baseUrl = options.baseUrl ?? ANTHROPIC_DEFAULT_URL;
	const logger = options.logger ?? nullLogger;
	const timeouts = options.timeouts ?? defaultStreamTimeouts;
	const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
	const client = new Anthropic({
		apiKey: options.apiKey,
		// Always explicit, so ANTHROPIC_BASE_URL or a credentials profile on the learner's machine
		// cannot send the key somewhere else.
		baseURL: baseUrl,
		fetch: options.fetch,
		// withRetries decides; an SDK retry underneath would double the waits and hide retry-after.
		maxRetries: 0,
		// The extension host is shared with other extensions: a tracer one of them registers must not
		// receive the learner's prompts.
		openTelemetry: false,
		logger: sdkLogger(logger),
	});
	const scrub = (text: string) => (options.apiKey ? text.split(options.apiKey).join('[key]') : text);
	const ctx: CallContext = { client, baseUrl, logger, scrub };

	return {
		id: PROVIDER,
		label: LABEL,
		defaultModel: options.defaultModel,
		chat: request => chat(ctx, request, options.defaultModel, timeouts, retryPolicy),
		async listModels(signal) {
			try {
				const models: ModelInfo[] = [];
				// The SDK's timeout is the only deadline here (no stream to guard); the first-event
				// deadline is what a learner would wait for a model list too.
				for await (const m of client.models.list({ limit: 100 }, { signal, timeout: timeouts.firstEventMs })) {
					// Every model the Messages API lists takes tools.
					models.push({ id: m.id, label: m.display_name || m.id, contextWindow: m.max_input_tokens ?? undefined, supportsTools: true });
				}
				logger.debug(`Anthropic: ${models.length} models listed`);
				return models;
			} catch (error) {
				throw toLlmError(ctx, error, signal);
			}
		},
	};
}

interface CallContext {
	readonly client: Anthropic;
	readonly baseUrl: string;
	readonly logger: Logger;
	/** Removes the API key from text that came from elsewhere (a server's error message). */
	readonly scrub: (text: string) => string;
}

async function* chat(ctx: CallContext, request: ChatRequest, defaultModel: string, timeouts: StreamTimeouts, retryPolicy: RetryPolicy): AsyncGenerator<ChatEvent> {
	const model = request.model ?? defaultModel;
	const forcedTool = request.jsonSchema ? toolName(request.jsonSchema.name) : undefined;
	const params = toParams(request, model, forcedTool);
	ctx.logger.debug(`Anthropic request: model ${model}, purpose ${request.purpose}, ${request.messages.length} messages${request.tools?.length ? `, ${request.tools.length} tools` : ''}${forcedTool ? ', structured output' : ''}`);
	ctx.logger.trace('Anthropic request body', params);
	const started = Date.now();
	try {
		yield* withRetries(
			() => guardStream(signal => streamOnce(ctx, params, forcedTool, signal), { signal: request.signal, timeouts, provider: PROVIDER, label: LABEL }),
			request.signal,
			retryPolicy,
			(error, delayMs, attempt) => ctx.logger.info(`Anthropic: ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}; retry ${attempt} in ${delayMs} ms`),
		);
	} catch (error) {
		if (!(error instanceof CancelledError)) {
			ctx.logger.debug(`Anthropic ${request.purpose} request failed after ${Date.now() - started} ms: ${error instanceof LlmError ? error.kind : 'unexpected'}`);
		}
		throw error;
	}
}

interface BlockState {
	readonly kind: 'text' | 'tool' | 'other';
	readonly id?: string;
	readonly name?: string;
	json: string;
}

/** One HTTP request and its stream; retries and deadlines are around it, in chat(). */
async function* streamOnce(ctx: CallContext, params: Anthropic.MessageCreateParamsStreaming, forcedTool: string | undefined, signal: AbortSignal): AsyncGenerator<ChatEvent> {
	let stream: AsyncIterable<Anthropic.RawMessageStreamEvent>;
	try {
		stream = await ctx.client.messages.create(params, { signal });
	} catch (error) {
		throw toLlmError(ctx, error, signal);
	}

	let text = '';
	const toolCalls: ToolCall[] = [];
	const blocks = new Map<number, BlockState>();
	let model = params.model;
	let inputTokens = 0;
	let outputTokens = 0;
	let cacheRead = 0;
	let cacheWrite = 0;
	let stopReason: Anthropic.StopReason | null = null;
	let stopped = false;
	const malformed = (what: string) => new LlmError('bad_response', `Anthropic sent a malformed stream (${what}).`, { provider: PROVIDER, partialText: text || undefined });

	try {
		for await (const event of stream) {
			switch (event.type) {
				case 'message_start': {
					const usage = event.message?.usage;
					model = event.message?.model || model;
					inputTokens = usage?.input_tokens ?? 0;
					outputTokens = usage?.output_tokens ?? 0;
					cacheRead = usage?.cache_read_input_tokens ?? 0;
					cacheWrite = usage?.cache_creation_input_tokens ?? 0;
					break;
				}
				case 'content_block_start': {
					const block = event.content_block;
					if (!block || typeof event.index !== 'number') {
						throw malformed('content_block_start without a block');
					}
					// Thinking and server-tool blocks are not part of the answer the learner sees.
					blocks.set(event.index, block.type === 'text' ? { kind: 'text', json: '' } : block.type === 'tool_use' ? { kind: 'tool', id: block.id, name: block.name, json: '' } : { kind: 'other', json: '' });
					if (block.type === 'text' && block.text) {
						text += block.text;
						yield { type: 'text', text: block.text };
					}
					break;
				}
				case 'content_block_delta': {
					const block = blocks.get(event.index);
					const delta = event.delta;
					if (!block || !delta) {
						throw malformed(`a delta for content block ${String(event.index)} that never started`);
					}
					if (delta.type === 'text_delta' && block.kind === 'text') {
						text += delta.text;
						yield { type: 'text', text: delta.text };
					} else if (delta.type === 'input_json_delta' && block.kind === 'tool') {
						block.json += delta.partial_json;
						// The forced tool's input *is* the structured answer: stream it as the reply's text.
						if (block.name === forcedTool && delta.partial_json) {
							text += delta.partial_json;
							yield { type: 'text', text: delta.partial_json };
						}
					}
					break;
				}
				case 'content_block_stop': {
					const block = blocks.get(event.index);
					if (block?.kind !== 'tool') {
						break;
					}
					if (block.name === forcedTool) {
						if (!block.json) {
							// A tool input with no deltas is the empty object.
							text += '{}';
							yield { type: 'text', text: '{}' };
						}
						break;
					}
					const call: ToolCall = { id: block.id ?? '', name: block.name ?? '', input: parseToolInput(block.json) };
					toolCalls.push(call);
					yield { type: 'tool_call', call };
					break;
				}
				case 'message_delta': {
					stopReason = event.delta?.stop_reason ?? stopReason;
					// message_delta counts are cumulative and win over message_start's.
					const usage = event.usage;
					outputTokens = usage?.output_tokens ?? outputTokens;
					inputTokens = usage?.input_tokens ?? inputTokens;
					cacheRead = usage?.cache_read_input_tokens ?? cacheRead;
					cacheWrite = usage?.cache_creation_input_tokens ?? cacheWrite;
					break;
				}
				case 'message_stop':
					stopped = true;
					break;
				default:
					// ping is dropped by the SDK; event types added to the API later are not ours to show.
					break;
			}
		}
	} catch (error) {
		throw toLlmError(ctx, error, signal, text, true);
	}
	// The SDK ends the iteration quietly when its request is aborted; guardStream turns this into a
	// timeout or a cancellation.
	if (signal.aborted) {
		throw new CancelledError();
	}
	if (!stopped) {
		throw new LlmError('bad_response', 'The answer from Anthropic ended before it was complete; the text so far is kept.', { provider: PROVIDER, partialText: text || undefined });
	}

	// Anthropic's input_tokens excludes cache reads and writes; our Usage counts all input, with the
	// cached part inside it (see pricing.ts).
	const usage: Usage = { inputTokens: inputTokens + cacheRead + cacheWrite, outputTokens, cachedInputTokens: cacheRead };
	const result: ChatResult = {
		text,
		toolCalls,
		usage,
		// The forced tool is how structured output is asked for, not a call the caller should run.
		stopReason: stopReason === 'tool_use' && toolCalls.length === 0 ? 'stop' : mapStopReason(stopReason),
		model,
		costUsd: estimateCost(PROVIDER, model, usage),
	};
	ctx.logger.debug(`Anthropic reply: ${result.stopReason}, ${usage.inputTokens} input (${cacheRead} cached, ${cacheWrite} cache writes) / ${outputTokens} output tokens${toolCalls.length ? `, ${toolCalls.length} tool calls` : ''}`);
	ctx.logger.trace('Anthropic reply text', text);
	yield { type: 'usage', usage };
	yield { type: 'done', result };
}

function toParams(request: ChatRequest, model: string, forcedTool: string | undefined): Anthropic.MessageCreateParamsStreaming {
	const system: Anthropic.TextBlockParam[] = (request.system ?? [])
		.filter(block => block.text)
		.map(block => ({ type: 'text', text: block.text, ...(block.cache ? { cache_control: { type: 'ephemeral' } } : {}) }));
	const tools: Anthropic.Tool[] = (request.tools ?? []).map(tool => ({ name: tool.name, description: tool.description, input_schema: tool.inputSchema as Anthropic.Tool.InputSchema }));
	let toolChoice: Anthropic.ToolChoice | undefined;
	if (request.jsonSchema && forcedTool) {
		// A forced tool works on every Claude model; its input is the JSON object we want.
		tools.push({ name: forcedTool, description: `Reply with the ${request.jsonSchema.name} object, matching this schema exactly.`, input_schema: request.jsonSchema.schema as Anthropic.Tool.InputSchema });
		toolChoice = { type: 'tool', name: forcedTool };
	} else if (tools.length && request.toolChoice) {
		const choice = request.toolChoice;
		toolChoice = choice === 'auto' ? { type: 'auto' } : choice === 'none' ? { type: 'none' } : choice === 'required' ? { type: 'any' } : { type: 'tool', name: choice.name };
	}
	// request.temperature is not sent: the SDK for API version 2026-10-21 no longer has the parameter.
	return {
		model,
		max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
		stream: true,
		messages: toMessages(request.messages),
		...(system.length ? { system } : {}),
		...(tools.length ? { tools } : {}),
		...(toolChoice ? { tool_choice: toolChoice } : {}),
	};
}

/** Our chat history in Anthropic's shape: tool calls are tool_use blocks, tool results a user turn. */
function toMessages(messages: readonly ChatMessage[]): Anthropic.MessageParam[] {
	const out: Anthropic.MessageParam[] = [];
	// Anthropic wants all results of one assistant turn in the single user turn that follows it.
	let results: Anthropic.ToolResultBlockParam[] | undefined;
	for (const m of messages) {
		if (m.role === 'tool') {
			const block: Anthropic.ToolResultBlockParam = { type: 'tool_result', tool_use_id: m.toolCallId, ...(m.content ? { content: m.content } : {}), ...(m.isError ? { is_error: true } : {}) };
			if (results) {
				results.push(block);
			} else {
				results = [block];
				out.push({ role: 'user', content: results });
			}
			continue;
		}
		results = undefined;
		if (m.role === 'user') {
			out.push({ role: 'user', content: m.content });
			continue;
		}
		if (!m.toolCalls?.length) {
			// The API rejects empty text content; an empty assistant turn carries nothing anyway.
			if (m.content) {
				out.push({ role: 'assistant', content: m.content });
			}
			continue;
		}
		const content: Anthropic.ContentBlockParam[] = m.content ? [{ type: 'text', text: m.content }] : [];
		for (const call of m.toolCalls) {
			// tool_use input must be an object; a call whose arguments were not valid JSON sends none.
			content.push({ type: 'tool_use', id: call.id, name: call.name, input: isObject(call.input) ? call.input : {} });
		}
		out.push({ role: 'assistant', content });
	}
	return out;
}

function mapStopReason(reason: Anthropic.StopReason | null): StopReason {
	switch (reason) {
		case 'max_tokens':
		case 'model_context_window_exceeded':
			return 'length';
		case 'tool_use':
			return 'tool_calls';
		case 'refusal':
			return 'content_filter';
		default:
			// end_turn, stop_sequence, pause_turn: the model stopped of its own accord.
			return 'stop';
	}
}

/** Anthropic tool names are [a-zA-Z0-9_-]{1,64}; a schema name like "review.findings" is not. */
function toolName(name: string): string {
	return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'result';
}

function parseToolInput(json: string): unknown {
	if (!json) {
		return {};
	}
	try {
		return JSON.parse(json);
	} catch {
		return json;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The status an `error` event mid-stream would have had as an HTTP answer, so it classifies the same.
const statusOfErrorType: Record<string, number> = {
	invalid_request_error: 400,
	authentication_error: 401,
	billing_error: 402,
	permission_error: 403,
	not_found_error: 404,
	request_too_large: 413,
	rate_limit_error: 429,
	api_error: 500,
	timeout_error: 504,
	overloaded_error: 529,
};

/**
 * Every failure as one LlmError (or CancelledError). `streaming` is true once the HTTP answer
 * started, where a socket error means the connection dropped mid-answer.
 */
function toLlmError(ctx: CallContext, error: unknown, signal: AbortSignal, partialText = '', streaming = false): Error {
	const partial = partialText || undefined;
	if (error instanceof LlmError || error instanceof CancelledError) {
		return error;
	}
	if (signal.aborted || error instanceof APIUserAbortError || isCancellation(error)) {
		return new CancelledError();
	}
	if (error instanceof APIConnectionTimeoutError) {
		return new LlmError('timeout', 'Anthropic did not answer in time.', { provider: PROVIDER, url: ctx.baseUrl, partialText: partial, cause: error });
	}
	if (error instanceof APIConnectionError) {
		return networkError(LABEL, PROVIDER, ctx.baseUrl, error);
	}
	if (error instanceof APIError) {
		const type = error.type ?? undefined;
		const status = error.status ?? (type ? statusOfErrorType[type] : undefined) ?? 500;
		const failure = { status, message: error.apiMessage ? ctx.scrub(error.apiMessage) : undefined, type, code: error.errorCode ?? undefined, retryAfterMs: parseRetryAfter(error.headers) };
		const classified = httpError(LABEL, PROVIDER, failure, error);
		return partial ? withPartial(classified, partial) : classified;
	}
	if (streaming && networkCode(error)) {
		return new LlmError('network', 'The connection to Anthropic dropped in the middle of the answer; the text so far is kept.', { provider: PROVIDER, url: ctx.baseUrl, partialText: partial, cause: error });
	}
	if (networkCode(error)) {
		return networkError(LABEL, PROVIDER, ctx.baseUrl, error);
	}
	if (error instanceof SyntaxError) {
		return new LlmError('bad_response', 'Anthropic sent a stream event that is not valid JSON; the text so far is kept.', { provider: PROVIDER, partialText: partial, cause: error });
	}
	const detail = error instanceof Error ? ctx.scrub(error.message) : String(error);
	return new LlmError('bad_response', `Anthropic's answer could not be read (${detail}).`, { provider: PROVIDER, partialText: partial, cause: error });
}

function withPartial(error: LlmError, partialText: string): LlmError {
	return new LlmError(error.kind, error.message, { provider: error.provider, status: error.status, retryAfterMs: error.retryAfterMs, url: error.url, actions: error.actions, partialText, cause: error.cause });
}

/**
 * The SDK's own log lines, at trace: they can quote a response body (a malformed event), and what
 * went wrong is logged by the caller as a typed error anyway.
 */
function sdkLogger(logger: Logger) {
	const log = (message: string, ...rest: unknown[]) => logger.trace(`Anthropic SDK: ${message}`, ...rest);
	return { error: log, warn: log, info: log, debug: log };
}
