// The CodeMentor platform as an LlmProvider: a chat turn is POST /chat/completions streamed over
// SSE, mapped to ChatEvents, with the stream hygiene (deadlines, cancellation, partial text) and
// retries every provider shares. Sign-in and the 401 re-exchange stay in the client; this file turns
// what is left of a failure into the LlmError kind the UI already knows how to explain.
import { connectModelAction, httpError } from '../llm/classify';
import { LlmError, type LlmErrorKind } from '../llm/errors';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from '../llm/retry';
import { defaultStreamTimeouts, guardStream, type StreamTimeouts } from '../llm/stream';
import type { ChatEvent, ChatRequest, LlmProvider, ModelInfo, ToolCall, Usage } from '../llm/types';
import type { Logger } from '../log';
import { endpointOf, parseEvent, streamErrorEvent, type PlatformClient } from './client';
import { PLATFORM_LABEL, PlatformError, signInAction, unexpectedResponse } from './errors';
import {
	completionDoneEventSchema,
	deltaEventSchema,
	errorEventSchema,
	toolCallEventSchema,
	usageEventSchema,
	type CompletionRequest,
	type WireMessage,
} from './schemas';

const PROVIDER_ID = 'platform';
/** Sentence-initial, for the messages guardStream and httpError build. */
const SENTENCE_LABEL = 'The CodeMentor platform';
/** What `defaultModel` says when no model is configured: the platform picks (GET /chat/models `default`). */
export const PLATFORM_DEFAULT_MODEL = 'default';

export interface PlatformProviderOptions {
	/** A model id from GET /chat/models; the platform's own default when omitted. */
	readonly defaultModel?: string;
	readonly timeouts?: StreamTimeouts;
	readonly retryPolicy?: RetryPolicy;
	readonly logger?: Logger;
}

export function createPlatformProvider(client: PlatformClient, options: PlatformProviderOptions = {}): LlmProvider {
	const timeouts = options.timeouts ?? defaultStreamTimeouts;
	const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
	const logger = options.logger ?? client.logger;
	const endpoint = endpointOf('chatCompletions');

	async function* attempt(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
		let text = '';
		const toolCalls: ToolCall[] = [];
		let usage: Usage = { inputTokens: 0, outputTokens: 0 };
		try {
			for await (const event of client.completionEvents(toWire(request, options.defaultModel), signal)) {
				switch (event.event) {
					case 'delta': {
						const delta = parseEvent(endpoint, event, deltaEventSchema);
						if (delta.text) {
							text += delta.text;
							yield { type: 'text', text: delta.text };
						}
						break;
					}
					case 'tool_call': {
						const call: ToolCall = parseEvent(endpoint, event, toolCallEventSchema);
						toolCalls.push(call);
						yield { type: 'tool_call', call };
						break;
					}
					case 'usage': {
						const u = parseEvent(endpoint, event, usageEventSchema);
						usage = { inputTokens: u.input_tokens, outputTokens: u.output_tokens, cachedInputTokens: u.cached_input_tokens };
						yield { type: 'usage', usage };
						break;
					}
					case 'done': {
						const done = parseEvent(endpoint, event, completionDoneEventSchema);
						yield { type: 'done', result: { text, toolCalls, usage, stopReason: done.stop_reason, model: done.model, costUsd: done.cost_usd } };
						// Anything after `done` is not part of this turn; returning closes the request.
						return;
					}
					case 'error':
						throw streamErrorEvent(endpoint, parseEvent(endpoint, event, errorEventSchema));
					default:
						// Keep-alives and event types added later are not ours to interpret.
						break;
				}
			}
			throw unexpectedResponse(endpoint, 'the stream ended before the "done" event');
		} catch (error) {
			throw toLlmError(error, text !== '');
		}
	}

	return {
		id: PROVIDER_ID,
		label: 'CodeMentor platform',
		defaultModel: options.defaultModel ?? PLATFORM_DEFAULT_MODEL,
		chat(request) {
			return withRetries(
				() => guardStream(signal => attempt(request, signal), { signal: request.signal, timeouts, provider: PROVIDER_ID, label: SENTENCE_LABEL }),
				request.signal,
				retryPolicy,
				(error, delayMs, n) => logger.warn(`${endpoint} failed (${error.message}); retry ${n} in ${delayMs} ms.`),
			);
		},
		async listModels(signal) {
			try {
				const models = await client.listModels(signal);
				return models.items.map(
					(m): ModelInfo => ({ id: m.id, label: m.label, contextWindow: m.contextWindow, supportsTools: m.supportsTools }),
				);
			} catch (error) {
				throw toLlmError(error, false);
			}
		},
	};
}

/** The request in the wire format of docs/platform-api.yaml (CompletionRequest). */
export function toWire(request: ChatRequest, defaultModel?: string): CompletionRequest {
	return {
		model: request.model ?? defaultModel,
		system: request.system?.map(b => ({ text: b.text, cache: b.cache })),
		messages: request.messages.map(
			(m): WireMessage =>
				m.role === 'user' ? { role: 'user', content: m.content }
				: m.role === 'assistant' ? { role: 'assistant', content: m.content, tool_calls: m.toolCalls?.map(c => ({ id: c.id, name: c.name, input: c.input })) }
				: { role: 'tool', tool_call_id: m.toolCallId, name: m.name, content: m.content, is_error: m.isError },
		),
		tools: request.tools?.map(t => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
		tool_choice: request.toolChoice,
		max_output_tokens: request.maxOutputTokens,
		temperature: request.temperature,
		json_schema: request.jsonSchema,
		purpose: request.purpose,
		user_initiated: request.userInitiated,
	};
}

// `error` event codes (docs/platform-api.yaml, StreamError) to the kinds the UI explains.
const streamErrorKinds: Readonly<Record<string, LlmErrorKind>> = {
	rate_limited: 'rate_limit',
	quota_exceeded: 'quota',
	model_not_found: 'model_not_found',
	content_filter: 'content_filter',
	invalid_request: 'invalid_request',
	context_too_long: 'invalid_request',
	timeout: 'timeout',
	overloaded: 'server',
	upstream_error: 'server',
	internal: 'server',
};

/** A PlatformError as an LlmError; anything else (cancellation, an LlmError) passes through. */
export function toLlmError(error: unknown, streamedText: boolean): unknown {
	if (!(error instanceof PlatformError)) {
		return error;
	}
	const base = { provider: PROVIDER_ID, status: error.status, url: error.url, retryAfterMs: error.retryAfterMs, cause: error };
	switch (error.code) {
		case 'network':
			return new LlmError('network', streamedText ? `The connection to ${PLATFORM_LABEL} dropped mid-answer; the answer so far is kept.` : error.message, {
				...base,
				actions: [connectModelAction],
			});
		case 'timeout':
			return new LlmError('timeout', error.message, base);
		case 'bad_response':
			return new LlmError('bad_response', error.message, base);
		case 'not_signed_in':
			// No GitHub session at all is "not connected"; a rejected sign-in is an auth failure.
			return new LlmError(error.status === undefined ? 'not_configured' : 'auth', error.message, { ...base, actions: [signInAction] });
	}
	if (error.status === undefined) {
		// An `error` event in the stream: the HTTP status was 200, the code says what went wrong.
		return new LlmError(streamErrorKinds[error.code] ?? 'server', error.message, base);
	}
	const mapped = httpError(SENTENCE_LABEL, PROVIDER_ID, { status: error.status, code: error.code, message: error.serverMessage, retryAfterMs: error.retryAfterMs }, error);
	// httpError's auth advice is about API keys; the platform's credential is the sign-in.
	return mapped.kind === 'auth' ? new LlmError('auth', error.message, { ...base, actions: [signInAction] }) : mapped;
}
