// The OpenAI provider, also used for OpenAI-compatible servers (Ollama, LM Studio, vLLM): turns a
// ChatRequest into a streamed chat-completions call with the official SDK, assembles the streamed
// deltas (text, tool calls split across chunks, usage) into ChatEvents, and translates every SDK,
// HTTP and socket failure into one LlmError. Retries come from retry.ts and first-token/idle
// timeouts and cancellation from stream.ts; the SDK's own retries are off so nothing retries twice.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type {
	ChatCompletionChunk,
	ChatCompletionCreateParamsStreaming,
	ChatCompletionMessageParam,
	ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import { CancelledError, isCancellation } from '../errors';
import { nullLogger, redactSecrets, type Logger } from '../log';
import { httpError, networkCode, networkError, parseRetryAfter, truncate } from './classify';
import { LlmError } from './errors';
import { estimateCost } from './pricing';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retry';
import { defaultStreamTimeouts, guardStream, type StreamTimeouts } from './stream';
import type { ChatEvent, ChatMessage, ChatRequest, LlmProvider, ModelInfo, StopReason, ToolCall, Usage } from './types';

export interface OpenAiProviderOptions {
	readonly id: 'openai' | 'openaiCompatible';
	readonly label: string;
	/** Undefined: api.openai.com. */
	readonly baseUrl?: string;
	/** OpenAI-compatible servers often need none; then no Authorization header is sent at all. */
	readonly apiKey?: string;
	readonly defaultModel: string;
	readonly fetch?: typeof fetch;
	readonly timeouts?: StreamTimeouts;
	readonly retryPolicy?: RetryPolicy;
	readonly logger?: Logger;
}

const openAiBaseUrl = 'https://api.openai.com/v1';
// The SDK refuses to start without some key; this one is never sent (the header is removed).
const placeholderKey = 'codementor-no-key';

export function createOpenAiProvider(options: OpenAiProviderOptions): LlmProvider {
	const { id, label, defaultModel, apiKey } = options;
	const baseUrl = (options.baseUrl ?? openAiBaseUrl).replace(/\/+$/, '');
	const logger = options.logger ?? nullLogger;
	const timeouts = options.timeouts ?? defaultStreamTimeouts;
	const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;

	// Server messages can echo what we sent; the key must not reach an error message or a log line.
	const scrub = (text: string) => redactSecrets(apiKey ? text.split(apiKey).join('[REDACTED]') : text);

	let client: OpenAI | undefined;
	const getClient = () =>
		(client ??= new OpenAI({
			apiKey: apiKey || placeholderKey,
			defaultHeaders: apiKey ? undefined : { Authorization: null },
			baseURL: baseUrl,
			// Explicit nulls: the SDK would otherwise read OPENAI_* environment variables, and keys
			// come only from the extension's secret storage.
			adminAPIKey: null,
			organization: null,
			project: null,
			webhookSecret: null,
			maxRetries: 0,
			fetch: options.fetch,
			logLevel: 'warn',
			logger: {
				error: (message, ...args) => logger.warn(scrub(`${label} SDK: ${message}`), ...args),
				warn: (message, ...args) => logger.warn(scrub(`${label} SDK: ${message}`), ...args),
				info: (message, ...args) => logger.debug(scrub(`${label} SDK: ${message}`), ...args),
				debug: (message, ...args) => logger.trace(scrub(`${label} SDK: ${message}`), ...args),
			},
		}));

	/** Any failure as the LlmError the UI explains; cancellation stays CancelledError. */
	const toError = (error: unknown, signal: AbortSignal, partialText?: string): Error => {
		if (error instanceof LlmError || error instanceof CancelledError) {
			return error;
		}
		// Before the APIError checks: the SDK's abort and connection errors are APIErrors too.
		if (signal.aborted || isCancellation(error)) {
			return new CancelledError();
		}
		const partial = partialText || undefined;
		if (error instanceof APIConnectionTimeoutError) {
			return new LlmError('timeout', `${label} did not answer in time.`, { provider: id, url: baseUrl, partialText: partial, cause: error });
		}
		if (error instanceof APIConnectionError) {
			return networkError(label, id, baseUrl, error.cause ?? error);
		}
		if (error instanceof APIError) {
			const body = (error.error ?? {}) as { message?: unknown };
			const message = typeof body.message === 'string' ? scrub(body.message) : undefined;
			const code = error.code === null || error.code === undefined ? undefined : String(error.code);
			// No status: an error event inside a 200 stream, which only a failing server sends.
			const status = error.status ?? 500;
			const failure = { status, message, code, type: error.type, retryAfterMs: parseRetryAfter(error.headers) };
			const mapped = httpError(label, id, failure, error);
			return partial ? withPartial(mapped, partial) : mapped;
		}
		if (networkCode(error)) {
			// Reaching here means the response had started: the socket closed while streaming.
			return new LlmError('network', `The connection to ${label} dropped in the middle of the answer; the answer so far is kept.`, {
				provider: id,
				url: baseUrl,
				partialText: partial,
				cause: error,
			});
		}
		if (error instanceof SyntaxError) {
			return new LlmError('bad_response', `${label} sent a reply CodeMentor could not read; the answer so far is kept.`, { provider: id, partialText: partial, cause: error });
		}
		const detail = error instanceof Error ? error.message : String(error);
		return new LlmError('bad_response', `${label} failed unexpectedly (${truncate(scrub(detail))}).`, { provider: id, partialText: partial, cause: error });
	};

	/** One HTTP request and its stream, without retries or deadlines (the callers add them). */
	async function* streamOnce(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal, touch: () => void): AsyncGenerator<ChatEvent> {
		let stream: AsyncIterable<ChatCompletionChunk>;
		try {
			stream = await getClient().chat.completions.create(body, { signal });
		} catch (error) {
			throw toError(error, signal);
		}
		let text = '';
		let model = body.model;
		let finish: string | undefined;
		let usage: Usage | undefined;
		const calls = new ToolCallAssembler();
		try {
			for await (const chunk of stream) {
				// Tool-call arguments can stream for a long time without a text event; that is not a stall.
				touch();
				if (chunk.model) {
					model = chunk.model;
				}
				if (chunk.usage) {
					usage = {
						inputTokens: chunk.usage.prompt_tokens ?? 0,
						outputTokens: chunk.usage.completion_tokens ?? 0,
						cachedInputTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? undefined,
					};
					yield { type: 'usage', usage };
				}
				// We ask for one choice; servers that send more are ignored beyond the first.
				const choice = chunk.choices?.find(c => (c.index ?? 0) === 0);
				if (!choice) {
					continue;
				}
				// A refusal is the model's own sentence; the learner should read it like any answer.
				const delta = (choice.delta?.content ?? '') + (choice.delta?.refusal ?? '');
				if (delta) {
					text += delta;
					yield { type: 'text', text: delta };
				}
				for (const part of choice.delta?.tool_calls ?? []) {
					calls.add(part);
				}
				if (choice.finish_reason && finish === undefined) {
					finish = choice.finish_reason;
					for (const call of calls.complete()) {
						yield { type: 'tool_call', call };
					}
				}
			}
		} catch (error) {
			throw toError(error, signal, text);
		}
		if (finish === undefined) {
			// The SDK ends an aborted stream quietly; guardStream turns this into a timeout or cancellation.
			if (signal.aborted) {
				throw new CancelledError();
			}
			throw new LlmError('bad_response', `${label} ended the answer before it was complete; the answer so far is kept.`, { provider: id, partialText: text || undefined });
		}
		const toolCalls = calls.complete();
		const finalUsage = usage ?? { inputTokens: 0, outputTokens: 0 };
		const stopReason = mapStopReason(finish, toolCalls.length > 0);
		logger.debug(`${label}: ${body.model} finished (${stopReason}), ${finalUsage.inputTokens} in / ${finalUsage.outputTokens} out tokens`);
		logger.trace(`${label} response`, { text, toolCalls });
		yield {
			type: 'done',
			result: {
				text,
				toolCalls,
				usage: finalUsage,
				stopReason,
				model,
				// Without reported usage a price would read as "free", which it is not.
				costUsd: usage || id === 'openaiCompatible' ? estimateCost(id, model, finalUsage) : undefined,
			},
		};
	}

	return {
		id,
		label,
		defaultModel,
		chat(request: ChatRequest): AsyncIterable<ChatEvent> {
			const body = toRequestBody(request, request.model ?? defaultModel, id);
			logger.debug(`${label}: ${request.purpose} request, model ${body.model}, ${request.messages.length} messages${request.tools?.length ? `, ${request.tools.length} tools` : ''}`);
			logger.trace(`${label} request body`, body);
			return withRetries(
				() => guardStream((signal, touch) => streamOnce(body, signal, touch), { signal: request.signal, timeouts, provider: id, label }),
				request.signal,
				retryPolicy,
				(error, delayMs, attempt) => logger.warn(`${label}: ${error.message} Retrying in ${delayMs} ms (retry ${attempt} of ${retryPolicy.maxRetries}).`),
			);
		},
		async listModels(signal: AbortSignal): Promise<readonly ModelInfo[]> {
			logger.debug(`${label}: listing models at ${baseUrl}`);
			try {
				const models: ModelInfo[] = [];
				for await (const model of getClient().models.list({ signal })) {
					models.push({ id: model.id, label: model.id });
				}
				return models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
			} catch (error) {
				throw toError(error, signal);
			}
		},
	};
}

function toRequestBody(request: ChatRequest, model: string, id: OpenAiProviderOptions['id']): ChatCompletionCreateParamsStreaming {
	const system = (request.system ?? []).map(b => b.text).filter(Boolean).join('\n\n');
	const messages: ChatCompletionMessageParam[] = [...(system ? [{ role: 'system' as const, content: system }] : []), ...request.messages.map(toWireMessage)];
	const body: ChatCompletionCreateParamsStreaming = { model, messages, stream: true, stream_options: { include_usage: true } };
	if (request.tools?.length) {
		body.tools = request.tools.map(t => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.inputSchema } }));
		if (request.toolChoice) {
			// The API rejects tool_choice without tools, so it is only sent alongside them.
			body.tool_choice = toToolChoice(request.toolChoice);
		}
	}
	if (request.maxOutputTokens !== undefined) {
		// OpenAI deprecated max_tokens (reasoning models reject it); compatible servers mostly know only max_tokens.
		if (id === 'openai') {
			body.max_completion_tokens = request.maxOutputTokens;
		} else {
			body.max_tokens = request.maxOutputTokens;
		}
	}
	if (request.temperature !== undefined) {
		body.temperature = request.temperature;
	}
	if (request.jsonSchema) {
		body.response_format = {
			type: 'json_schema',
			json_schema: {
				name: request.jsonSchema.name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64),
				schema: request.jsonSchema.schema,
				strict: isStrictCompatible(request.jsonSchema.schema),
			},
		};
	}
	return body;
}

function toWireMessage(message: ChatMessage): ChatCompletionMessageParam {
	switch (message.role) {
		case 'user':
			return { role: 'user', content: message.content };
		case 'assistant':
			if (!message.toolCalls?.length) {
				return { role: 'assistant', content: message.content };
			}
			return {
				role: 'assistant',
				content: message.content || null,
				tool_calls: message.toolCalls.map(c => ({
					id: c.id,
					type: 'function',
					// A string input is the raw arguments the model sent when they were not valid JSON.
					function: { name: c.name, arguments: typeof c.input === 'string' ? c.input : JSON.stringify(c.input ?? {}) },
				})),
			};
		case 'tool':
			// Chat completions has no error flag on tool results; the model reads it from the text.
			return { role: 'tool', tool_call_id: message.toolCallId, content: message.isError ? `Error: ${message.content}` : message.content };
	}
}

function toToolChoice(choice: NonNullable<ChatRequest['toolChoice']>): ChatCompletionToolChoiceOption {
	return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function mapStopReason(finish: string, hasToolCalls: boolean): StopReason {
	switch (finish) {
		case 'length':
			return 'length';
		case 'content_filter':
			return 'content_filter';
		case 'tool_calls':
		case 'function_call':
			return 'tool_calls';
		default:
			// Some compatible servers say "stop" (or their own word) even when they called a tool.
			return hasToolCalls ? 'tool_calls' : 'stop';
	}
}

// Keywords OpenAI's strict mode has rejected; a schema using them is sent without `strict`.
const nonStrictKeywords = new Set(['minLength', 'maxLength', 'patternProperties', 'unevaluatedProperties', 'propertyNames', 'minProperties', 'maxProperties', 'contains', 'if', 'then', 'else', 'not']);

/**
 * Whether OpenAI's strict structured output accepts `schema`: every object closed and every
 * property required. Otherwise strict mode would fail the whole request with a 400, while
 * non-strict output still gets validated and repaired by generateObject().
 */
export function isStrictCompatible(schema: unknown): boolean {
	if (Array.isArray(schema)) {
		return schema.every(isStrictCompatible);
	}
	if (!schema || typeof schema !== 'object') {
		return true;
	}
	const node = schema as Record<string, unknown>;
	if (node.type === 'object' || node.properties !== undefined) {
		const properties = Object.keys((node.properties ?? {}) as Record<string, unknown>);
		const required = new Set(Array.isArray(node.required) ? node.required : []);
		if (node.additionalProperties !== false || !properties.every(p => required.has(p))) {
			return false;
		}
	}
	return Object.entries(node).every(([key, value]) => !nonStrictKeywords.has(key) && (key === 'enum' || key === 'const' || key === 'required' || isStrictCompatible(value)));
}

/** Collects tool calls streamed as fragments (id and name first, arguments in pieces) by index. */
class ToolCallAssembler {
	private readonly parts = new Map<number, { id?: string; name: string; args: string }>();

	add(delta: ChatCompletionChunk.Choice.Delta.ToolCall): void {
		// Some compatible servers omit the index; a fragment with a new id then starts a new call.
		const index = typeof delta.index === 'number' ? delta.index : delta.id ? this.parts.size : Math.max(0, this.parts.size - 1);
		const part = this.parts.get(index) ?? { name: '', args: '' };
		part.id ??= delta.id;
		// The name arrives whole (servers that repeat it in later fragments repeat it whole).
		if (delta.function?.name) {
			part.name = delta.function.name;
		}
		part.args += delta.function?.arguments ?? '';
		this.parts.set(index, part);
	}

	complete(): ToolCall[] {
		return [...this.parts.entries()]
			.sort(([a], [b]) => a - b)
			.map(([index, p]) => ({ id: p.id ?? `call_${index}`, name: p.name, input: parseArguments(p.args) }));
	}
}

function parseArguments(raw: string): unknown {
	if (!raw.trim()) {
		return {};
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function withPartial(error: LlmError, partialText: string): LlmError {
	return new LlmError(error.kind, error.message, { provider: error.provider, status: error.status, retryAfterMs: error.retryAfterMs, url: error.url, actions: error.actions, partialText, cause: error.cause });
}
