// The OpenAI provider through the real `openai` SDK against a real HTTP server on 127.0.0.1 that
// speaks the chat-completions SSE wire format: streaming, retries, timeouts, cancellation, error
// kinds, tool calls, usage, structured output and an Ollama-style compatible server.
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import * as z from 'zod';
import { CancelledError } from '../../../src/core/errors';
import type { Logger } from '../../../src/core/log';
import { LlmError } from '../../../src/core/llm/errors';
import { createOpenAiProvider, isStrictCompatible, type OpenAiProviderOptions } from '../../../src/core/llm/openai';
import type { RetryPolicy } from '../../../src/core/llm/retry';
import { generateObject } from '../../../src/core/llm/structured';
import type { ChatEvent, ChatRequest } from '../../../src/core/llm/types';
import { json, sleep, sseHead, startServer, writeSplit, type Handler, type TestServer } from '../support/httpServer';

const key = 'sk-proj-TESTKEY0123456789abcdefghijkl';
const fastRetries: RetryPolicy = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2000 };

// --- the wire format ---------------------------------------------------------------------------

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null, model = 'gpt-4o-mini-2024-07-18') => ({
	id: 'chatcmpl-1',
	object: 'chat.completion.chunk',
	created: 1_700_000_000,
	model,
	choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
});

const usageChunk = (prompt: number, completion: number, cached?: number) => ({
	id: 'chatcmpl-1',
	object: 'chat.completion.chunk',
	created: 1_700_000_000,
	model: 'gpt-4o-mini-2024-07-18',
	choices: [],
	usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, ...(cached !== undefined && { prompt_tokens_details: { cached_tokens: cached } }) },
});

const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
const done = 'data: [DONE]\n\n';

/** A complete streamed answer: role chunk, one chunk per text piece, finish, usage, [DONE]. */
function answer(pieces: readonly string[], options: { finish?: string; usage?: [number, number, number?]; model?: string } = {}): string {
	return (
		event(chunk({ role: 'assistant', content: '' }, null, options.model)) +
		pieces.map(p => event(chunk({ content: p }, null, options.model))).join('') +
		event(chunk({}, options.finish ?? 'stop', options.model)) +
		(options.usage ? event(usageChunk(...options.usage)) : '') +
		done
	);
}

function reply(pieces: readonly string[], options?: Parameters<typeof answer>[1]): Handler {
	return (_req, res) => {
		sseHead(res);
		res.end(answer(pieces, options));
	};
}

function write(res: http.ServerResponse, text: string): void {
	if (!res.destroyed) {
		res.write(text);
	}
}

const apiError = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) => json(status, { error: { param: null, ...error } }, headers);

// --- the provider under test -------------------------------------------------------------------

interface LogLine {
	readonly level: string;
	readonly text: string;
}

/** Records exactly what the provider logs, unredacted, so a leaked key would show. */
function recordingLogger(lines: LogLine[]): Logger {
	const render = (a: unknown) => (a instanceof Error ? `${a.stack} ${String((a as { cause?: unknown }).cause)}` : typeof a === 'string' ? a : JSON.stringify(a));
	const at = (level: string) => (message: unknown, ...args: unknown[]) => lines.push({ level, text: [message, ...args].map(render).join(' ') });
	return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let server: TestServer;
let logs: LogLine[];

function provider(overrides: Partial<OpenAiProviderOptions> = {}) {
	return createOpenAiProvider({
		id: 'openai',
		label: 'OpenAI',
		baseUrl: `${server.url}/v1`,
		apiKey: key,
		defaultModel: 'gpt-4o-mini',
		retryPolicy: fastRetries,
		timeouts: { firstEventMs: 3000, idleMs: 3000 },
		logger: recordingLogger(logs),
		...overrides,
	});
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
	return { messages: [{ role: 'user', content: 'How do I reverse a list?' }], signal: new AbortController().signal, userInitiated: true, purpose: 'chat', ...overrides };
}

async function run(stream: AsyncIterable<ChatEvent>): Promise<{ events: ChatEvent[]; error?: unknown }> {
	const events: ChatEvent[] = [];
	try {
		for await (const e of stream) {
			events.push(e);
		}
		return { events };
	} catch (error) {
		return { events, error };
	}
}

const textOf = (events: readonly ChatEvent[]) => events.flatMap(e => (e.type === 'text' ? [e.text] : [])).join('');
const resultOf = (events: readonly ChatEvent[]) => {
	const dones = events.filter(e => e.type === 'done');
	assert.equal(dones.length, 1, 'exactly one done event');
	assert.equal(events.at(-1)?.type, 'done', 'done comes last');
	return (dones[0] as Extract<ChatEvent, { type: 'done' }>).result;
};

function assertLlmError(error: unknown, kind: LlmError['kind']): asserts error is LlmError {
	assert.ok(error instanceof LlmError, `expected LlmError(${kind}), got ${String(error)}`);
	assert.equal(error.kind, kind, error.message);
	assert.ok(!error.message.includes(key), 'the API key must not appear in the message');
}

/** Resolves with the promise's value, or false if it takes longer than `ms`. */
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, sleep(ms).then(() => false as const)]);

describe('core/llm/openai', () => {
	beforeEach(async () => {
		logs = [];
		server = await startServer();
	});

	afterEach(async () => {
		await server.close();
		const leaked = logs.filter(l => l.text.includes(key));
		assert.deepEqual(leaked, [], 'the API key must never be logged');
	});

	describe('streaming', () => {
		it('streams text and sends the request OpenAI expects', async () => {
			server.handle(reply(['Use ', 'slicing: ', '`xs[::-1]`.']));
			const { events, error } = await run(
				provider().chat(
					request({
						system: [{ text: 'You are a patient tutor.', cache: true }, { text: 'Exercise: reverse a list.' }],
						messages: [
							{ role: 'user', content: 'Hi' },
							{ role: 'assistant', content: 'Hello! What are you working on?' },
							{ role: 'user', content: 'How do I reverse a list?' },
						],
						temperature: 0.2,
						maxOutputTokens: 300,
					}),
				),
			);
			assert.equal(error, undefined);
			assert.deepEqual(
				events.filter(e => e.type === 'text').map(e => (e as { text: string }).text),
				['Use ', 'slicing: ', '`xs[::-1]`.'],
			);
			const result = resultOf(events);
			assert.equal(result.text, 'Use slicing: `xs[::-1]`.');
			assert.equal(result.stopReason, 'stop');
			assert.equal(result.model, 'gpt-4o-mini-2024-07-18');

			assert.equal(server.requests.length, 1);
			const sent = server.requests[0]!;
			assert.equal(sent.method, 'POST');
			assert.equal(sent.path, '/v1/chat/completions');
			assert.equal(sent.headers.authorization, `Bearer ${key}`);
			assert.equal(sent.json.model, 'gpt-4o-mini');
			assert.equal(sent.json.stream, true);
			assert.deepEqual(sent.json.stream_options, { include_usage: true });
			assert.deepEqual(sent.json.messages, [
				{ role: 'system', content: 'You are a patient tutor.\n\nExercise: reverse a list.' },
				{ role: 'user', content: 'Hi' },
				{ role: 'assistant', content: 'Hello! What are you working on?' },
				{ role: 'user', content: 'How do I reverse a list?' },
			]);
			assert.equal(sent.json.temperature, 0.2);
			assert.equal(sent.json.max_completion_tokens, 300);
			assert.equal(sent.json.tools, undefined);
			assert.equal(sent.json.response_format, undefined);
		});

		it('reassembles events split across chunk boundaries, multi-byte characters included', async () => {
			const pieces = ['Grüße ', '— 数字を', '逆に 🎉', ' done'];
			server.handle(async (_req, res) => {
				sseHead(res);
				// 3-byte pieces cut every event and most multi-byte characters in half.
				await writeSplit(res, answer(pieces, { usage: [12, 7] }), 3, 0);
				res.end();
			});
			const { events, error } = await run(provider().chat(request()));
			assert.equal(error, undefined);
			assert.equal(textOf(events), pieces.join(''));
			const result = resultOf(events);
			assert.equal(result.text, 'Grüße — 数字を逆に 🎉 done');
			assert.deepEqual(result.usage, { inputTokens: 12, outputTokens: 7, cachedInputTokens: undefined });
		});

		it('a connection dropped mid-stream is a typed error that keeps the partial text', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				write(res, event(chunk({ role: 'assistant', content: 'Hello ' })) + event(chunk({ content: 'wor' })));
				await sleep(30);
				res.socket?.destroy();
			});
			const { events, error } = await run(provider().chat(request()));
			assert.ok(error instanceof LlmError, String(error));
			assert.ok(error.kind === 'network' || error.kind === 'bad_response', error.kind);
			assert.equal(error.partialText, 'Hello wor');
			assert.equal(textOf(events), 'Hello wor');
			assert.equal(server.requests.length, 1, 'an answer already shown is not replayed');
		});

		it('a stream that ends without finishing is bad_response with the partial text', async () => {
			server.handle((_req, res) => {
				sseHead(res);
				res.end(event(chunk({ role: 'assistant', content: 'Half an ans' })));
			});
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'bad_response');
			assert.equal(error.partialText, 'Half an ans');
		});

		it('a malformed event is bad_response with the partial text', async () => {
			server.handle((_req, res) => {
				sseHead(res);
				res.end(event(chunk({ role: 'assistant', content: 'Hel' })) + 'data: {"choices": [{"delta": \n\n' + done);
			});
			const { events, error } = await run(provider().chat(request()));
			assertLlmError(error, 'bad_response');
			assert.equal(error.partialText, 'Hel');
			assert.equal(textOf(events), 'Hel');
		});

		it('an error event inside the stream becomes a typed error', async () => {
			server.handle((_req, res) => {
				sseHead(res);
				res.end(event(chunk({ role: 'assistant', content: 'So' })) + event({ error: { message: 'The server had an error while processing your request.', type: 'server_error', code: null } }));
			});
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'server');
			assert.equal(error.partialText, 'So');
		});
	});

	describe('retries and HTTP errors', () => {
		it('429 with retry-after: 1 waits about a second, then succeeds', async () => {
			server.handle(apiError(429, { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' }, { 'retry-after': '1' }), reply(['ok']));
			const started = Date.now();
			const { events, error } = await run(provider().chat(request()));
			const elapsed = Date.now() - started;
			assert.equal(error, undefined);
			assert.equal(resultOf(events).text, 'ok');
			assert.equal(server.requests.length, 2, 'retried once');
			assert.ok(elapsed >= 950 && elapsed < 2500, `waited ${elapsed} ms`);
			// Retries are ours, not the SDK's: each request is the SDK's first attempt.
			assert.deepEqual(server.requests.map(r => r.headers['x-stainless-retry-count']), ['0', '0']);
			assert.ok(logs.some(l => l.level === 'warn' && /Retrying in 1000 ms/.test(l.text)), 'the retry is logged');
		});

		it('429 every time ends as rate_limit with retryAfterMs and how long to wait', async () => {
			server.handle(apiError(429, { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' }, { 'retry-after-ms': '20' }));
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'rate_limit');
			assert.equal(error.retryAfterMs, 20);
			assert.equal(error.status, 429);
			assert.match(error.message, /Try again in about 1 second/);
			assert.equal(server.requests.length, 1 + fastRetries.maxRetries);
		});

		it('a retry-after longer than the policy allows is shown instead of waited for', async () => {
			server.handle(apiError(429, { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' }, { 'retry-after': '30' }));
			const started = Date.now();
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'rate_limit');
			assert.equal(error.retryAfterMs, 30_000);
			assert.match(error.message, /about 30 seconds/);
			assert.equal(server.requests.length, 1);
			assert.ok(Date.now() - started < 1000);
		});

		it('401 is auth with a "Set API Key" action, and the key is not echoed', async () => {
			server.handle(apiError(401, { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', code: 'invalid_api_key' }));
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'auth');
			assert.equal(error.status, 401);
			assert.deepEqual(error.actions.map(a => a.title), ['Set API Key']);
			assert.deepEqual(error.actions[0]!.args, ['openai']);
			assert.equal(server.requests.length, 1, 'a wrong key is not retried');
		});

		it('500 then success retries and streams', async () => {
			server.handle(apiError(500, { message: 'The server had an error', type: 'server_error', code: null }), reply(['fine now']));
			const { events, error } = await run(provider().chat(request()));
			assert.equal(error, undefined);
			assert.equal(resultOf(events).text, 'fine now');
			assert.equal(server.requests.length, 2);
		});

		it('500 every time ends as server after the retries', async () => {
			server.handle(apiError(503, { message: 'Service unavailable', type: 'server_error', code: null }));
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'server');
			assert.equal(error.status, 503);
			assert.equal(server.requests.length, 3);
		});

		it('insufficient_quota is quota and is not retried', async () => {
			server.handle(apiError(429, { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' }));
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'quota');
			assert.equal(server.requests.length, 1);
			assert.deepEqual(error.actions.map(a => a.title), ['Select Model']);
		});

		it('404 for an unknown model is model_not_found naming the model', async () => {
			server.handle(apiError(404, { message: 'The model `gpt-9-turbo` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' }));
			const { error } = await run(provider().chat(request({ model: 'gpt-9-turbo' })));
			assertLlmError(error, 'model_not_found');
			assert.match(error.message, /gpt-9-turbo/);
			assert.deepEqual(error.actions.map(a => a.title), ['Select Model']);
			assert.equal(server.requests[0]!.json.model, 'gpt-9-turbo');
		});

		it('400 for a bad parameter is invalid_request with the server reason', async () => {
			server.handle(apiError(400, { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' }));
			const { error } = await run(provider().chat(request()));
			assertLlmError(error, 'invalid_request');
			assert.match(error.message, /maximum context length/);
			assert.equal(server.requests.length, 1);
		});

		it('a server reason that echoes the key is shown without it, whatever the key looks like', async () => {
			// A vLLM --api-key can be any string, so pattern-based redaction alone would miss it.
			const localKey = 'my-local-vllm-token-42';
			server.handle(apiError(400, { message: `Invalid value for header: ${localKey} is not accepted here`, type: 'BadRequestError', code: 400 }), apiError(400, { message: `bad key ${key}`, type: 'invalid_request_error', code: null }));
			const compatible = await run(provider({ id: 'openaiCompatible', label: 'vLLM', apiKey: localKey }).chat(request()));
			assertLlmError(compatible.error, 'invalid_request');
			assert.equal(server.requests[0]!.headers.authorization, `Bearer ${localKey}`);
			assert.ok(!compatible.error.message.includes(localKey), compatible.error.message);
			assert.match(compatible.error.message, /is not accepted here/);
			const openai = await run(provider().chat(request()));
			assertLlmError(openai.error, 'invalid_request');
			assert.match(openai.error.message, /bad key/);
		});

		it('connection refused is a network error naming the URL', async () => {
			const dead = await startServer();
			const url = `${dead.url}/v1`;
			await dead.close();
			const p = provider({ baseUrl: url });
			const { error } = await run(p.chat(request()));
			assertLlmError(error, 'network');
			assert.equal(error.url, url);
			assert.ok(error.message.includes(url), error.message);
			assert.match(error.message, /refused/);
			await assert.rejects(p.listModels(new AbortController().signal), (e: unknown) => e instanceof LlmError && e.kind === 'network' && e.url === url);
		});
	});

	describe('timeouts and cancellation', () => {
		it('no first token in time is a timeout, and the request is closed', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				await sleep(1500);
				write(res, answer(['too late']));
				res.end();
			});
			const started = Date.now();
			const { error } = await run(provider({ timeouts: { firstEventMs: 150, idleMs: 1000 } }).chat(request()));
			assertLlmError(error, 'timeout');
			assert.match(error.message, /did not start answering/);
			assert.equal(error.partialText, undefined);
			assert.ok(Date.now() - started < 1000, 'gave up at the deadline');
			assert.equal(await within(server.requests[0]!.clientClosed, 1000), true, 'the server saw the client close');
			assert.equal(server.requests.length, 1, 'a timeout is not retried');
		});

		it('a stall mid-stream is a timeout that keeps the partial text', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				write(res, event(chunk({ role: 'assistant', content: 'First, ' })) + event(chunk({ content: 'think about' })));
				await sleep(1500);
				write(res, event(chunk({}, 'stop')) + done);
				res.end();
			});
			const { events, error } = await run(provider({ timeouts: { firstEventMs: 1000, idleMs: 150 } }).chat(request()));
			assertLlmError(error, 'timeout');
			assert.match(error.message, /stopped sending/);
			assert.equal(error.partialText, 'First, think about');
			assert.equal(textOf(events), 'First, think about');
			assert.equal(await within(server.requests[0]!.clientClosed, 1000), true);
		});

		it('cancelling mid-stream closes the HTTP request and ends with CancelledError', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				write(res, event(chunk({ role: 'assistant', content: 'Let us ' })));
				for (let i = 0; i < 50 && !res.destroyed; i++) {
					await sleep(50);
					write(res, event(chunk({ content: '.' })));
				}
				res.end();
			});
			const controller = new AbortController();
			const { events, error } = await run(
				(async function* () {
					for await (const e of provider().chat(request({ signal: controller.signal }))) {
						yield e;
						if (e.type === 'text') {
							controller.abort();
						}
					}
				})(),
			);
			assert.ok(error instanceof CancelledError, `expected CancelledError, got ${String(error)}`);
			assert.ok(!events.some(e => e.type === 'done'));
			assert.equal(await within(server.requests[0]!.clientClosed, 1000), true, 'the server saw the client close');
			assert.equal(server.requests.length, 1);
		});

		it('a signal aborted before the call sends nothing', async () => {
			server.handle(reply(['never']));
			const controller = new AbortController();
			controller.abort();
			const { error } = await run(provider().chat(request({ signal: controller.signal })));
			assert.ok(error instanceof CancelledError, String(error));
			assert.equal(server.requests.length, 0);
		});
	});

	describe('tools, usage and cost', () => {
		it('assembles tool calls streamed across deltas and maps tools and history', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				const parts = [
					chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'run_tests', arguments: '' } }] }),
					chunk({ tool_calls: [{ index: 0, function: { arguments: '{"fi' } }] }),
					chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'give_hint', arguments: '{"level"' } }] }),
					chunk({ tool_calls: [{ index: 0, function: { arguments: 'le": "main.py"}' } }] }),
					chunk({ tool_calls: [{ index: 1, function: { arguments: ': 2}' } }] }),
					chunk({ tool_calls: [{ index: 2, id: 'call_c', type: 'function', function: { name: 'give_hint', arguments: '{"level": 3' } }] }),
					chunk({}, 'tool_calls'),
					usageChunk(50, 20),
				];
				await writeSplit(res, parts.map(event).join('') + done, 17, 0);
				res.end();
			});
			const { events, error } = await run(
				provider().chat(
					request({
						messages: [
							{ role: 'user', content: 'Check my code' },
							{ role: 'assistant', content: '', toolCalls: [{ id: 'call_0', name: 'read_file', input: { path: 'main.py' } }] },
							{ role: 'tool', toolCallId: 'call_0', name: 'read_file', content: 'no such file', isError: true },
						],
						tools: [
							{ name: 'run_tests', description: 'Runs the exercise tests.', inputSchema: { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] } },
							{ name: 'give_hint', description: 'Gives a hint.', inputSchema: { type: 'object', properties: { level: { type: 'integer' } } } },
						],
						toolChoice: 'required',
					}),
				),
			);
			assert.equal(error, undefined);
			const expected = [
				{ id: 'call_a', name: 'run_tests', input: { file: 'main.py' } },
				{ id: 'call_b', name: 'give_hint', input: { level: 2 } },
				// Invalid JSON from the model is kept raw rather than lost.
				{ id: 'call_c', name: 'give_hint', input: '{"level": 3' },
			];
			assert.deepEqual(
				events.filter(e => e.type === 'tool_call').map(e => (e as { call: unknown }).call),
				expected,
			);
			const result = resultOf(events);
			assert.deepEqual(result.toolCalls, expected);
			assert.equal(result.stopReason, 'tool_calls');
			assert.equal(result.text, '');

			const sent = server.requests[0]!.json;
			assert.deepEqual(sent.tools, [
				{ type: 'function', function: { name: 'run_tests', description: 'Runs the exercise tests.', parameters: { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] } } },
				{ type: 'function', function: { name: 'give_hint', description: 'Gives a hint.', parameters: { type: 'object', properties: { level: { type: 'integer' } } } } },
			]);
			assert.equal(sent.tool_choice, 'required');
			assert.deepEqual(sent.messages.slice(1), [
				{ role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'read_file', arguments: '{"path":"main.py"}' } }] },
				{ role: 'tool', tool_call_id: 'call_0', content: 'Error: no such file' },
			]);
		});

		it('tool-call arguments streaming for longer than the first-event deadline are not a timeout', async () => {
			server.handle(async (_req, res) => {
				sseHead(res);
				write(res, event(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'create_exercise', arguments: '' } }] })));
				for (const piece of ['{"title"', ': "Two', ' sum"', ', "level"', ': 1', '}']) {
					await sleep(80);
					write(res, event(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })));
				}
				res.end(event(chunk({}, 'tool_calls')) + done);
			});
			const { events, error } = await run(provider({ timeouts: { firstEventMs: 250, idleMs: 250 } }).chat(request()));
			assert.equal(error, undefined);
			assert.deepEqual(resultOf(events).toolCalls, [{ id: 'call_a', name: 'create_exercise', input: { title: 'Two sum', level: 1 } }]);
		});

		it('a named tool choice is sent as a function choice', async () => {
			server.handle(reply(['ok']));
			await run(provider().chat(request({ tools: [{ name: 'give_hint', description: 'Gives a hint.', inputSchema: { type: 'object' } }], toolChoice: { name: 'give_hint' } })));
			assert.deepEqual(server.requests[0]!.json.tool_choice, { type: 'function', function: { name: 'give_hint' } });
		});

		it('reports usage, cached tokens and the estimated cost', async () => {
			server.handle(reply(['Hi'], { usage: [1000, 500, 400] }));
			const { events } = await run(provider().chat(request()));
			const usageEvents = events.filter(e => e.type === 'usage');
			assert.deepEqual(usageEvents, [{ type: 'usage', usage: { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 400 } }]);
			const result = resultOf(events);
			assert.deepEqual(result.usage, { inputTokens: 1000, outputTokens: 500, cachedInputTokens: 400 });
			// gpt-4o-mini: 600 fresh × $0.15 + 400 cached × $0.075 + 500 out × $0.60, per million.
			assert.ok(Math.abs(result.costUsd! - 0.00042) < 1e-12, String(result.costUsd));
			assert.ok(events.indexOf(usageEvents[0]!) < events.length - 1, 'usage comes before done');
		});

		it('has no cost estimate when the server reported no usage', async () => {
			server.handle(reply(['Hi']));
			const result = resultOf((await run(provider().chat(request()))).events);
			assert.deepEqual(result.usage, { inputTokens: 0, outputTokens: 0 });
			assert.equal(result.costUsd, undefined);
		});

		it('maps finish reasons', async () => {
			server.handle(reply(['cut'], { finish: 'length' }), reply(['no'], { finish: 'content_filter' }));
			assert.equal(resultOf((await run(provider().chat(request()))).events).stopReason, 'length');
			assert.equal(resultOf((await run(provider().chat(request()))).events).stopReason, 'content_filter');
		});
	});

	describe('structured output', () => {
		const exercise = z.object({ title: z.string(), hints: z.array(z.string()) });

		it('repairs an invalid first reply and sends the schema as response_format', async () => {
			server.handle(reply(['{"title": "Reverse a list"}']), reply(['{"title": "Reverse a list", ', '"hints": ["Try slicing"]}']));
			const result = await generateObject(provider(), { ...request({ purpose: 'generate' }), schemaName: 'exercise' }, exercise);
			assert.deepEqual(result.value, { title: 'Reverse a list', hints: ['Try slicing'] });
			assert.equal(result.calls.length, 2);
			assert.equal(server.requests.length, 2);

			const first = server.requests[0]!.json;
			assert.equal(first.response_format.type, 'json_schema');
			assert.equal(first.response_format.json_schema.name, 'exercise');
			assert.equal(first.response_format.json_schema.strict, true);
			assert.deepEqual(first.response_format.json_schema.schema.required, ['title', 'hints']);
			const repair = server.requests[1]!.json.messages;
			assert.deepEqual(repair.at(-2), { role: 'assistant', content: '{"title": "Reverse a list"}' });
			assert.equal(repair.at(-1).role, 'user');
			assert.match(repair.at(-1).content, /field "hints"/);
		});

		it('twice invalid is bad_response naming the field', async () => {
			server.handle(reply(['{"title": 42, "hints": []}']));
			await assert.rejects(generateObject(provider(), { ...request(), schemaName: 'exercise' }, exercise), (e: unknown) => {
				assertLlmError(e, 'bad_response');
				assert.match(e.message, /field "title"/);
				return true;
			});
			assert.equal(server.requests.length, 2);
		});

		it('asks for strict output only when OpenAI strict mode accepts the schema', () => {
			assert.equal(isStrictCompatible({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }), true);
			assert.equal(isStrictCompatible({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a'], additionalProperties: false }), false, 'optional field');
			assert.equal(isStrictCompatible({ type: 'object', properties: { a: { type: 'object', properties: {} } }, required: ['a'], additionalProperties: false }), false, 'open nested object');
			assert.equal(isStrictCompatible({ type: 'object', properties: { a: { type: 'string', minLength: 2 } }, required: ['a'], additionalProperties: false }), false, 'unsupported keyword');
		});
	});

	describe('OpenAI-compatible servers (Ollama)', () => {
		function ollama(): Handler {
			return (req, res) => {
				if (req.method === 'GET' && req.path === '/v1/models') {
					json(200, { object: 'list', data: [
						{ id: 'qwen2.5-coder:7b', object: 'model', created: 1, owned_by: 'library' },
						{ id: 'llama3.2:latest', object: 'model', created: 1, owned_by: 'library' },
						{ id: 'codellama:13b', object: 'model', created: 1, owned_by: 'library' },
					] })(req, res);
					return;
				}
				sseHead(res);
				res.end(answer(['Local ', 'answer'], { usage: [30, 4], model: 'qwen2.5-coder:7b' }));
			};
		}

		it('chats without sending any Authorization header and costs nothing', async () => {
			server.handle(ollama());
			const p = provider({ id: 'openaiCompatible', label: `Ollama (${server.url}/v1)`, apiKey: undefined, defaultModel: 'qwen2.5-coder:7b' });
			const { events, error } = await run(p.chat(request({ maxOutputTokens: 200 })));
			assert.equal(error, undefined);
			const result = resultOf(events);
			assert.equal(result.text, 'Local answer');
			assert.equal(result.costUsd, 0);
			const sent = server.requests[0]!;
			assert.equal(sent.headers.authorization, undefined);
			assert.equal(sent.json.model, 'qwen2.5-coder:7b');
			assert.equal(sent.json.max_tokens, 200, 'compatible servers get max_tokens');
			assert.equal(sent.json.max_completion_tokens, undefined);
		});

		it('lists the server’s models sorted by id', async () => {
			server.handle(ollama());
			const p = provider({ id: 'openaiCompatible', label: 'Ollama', apiKey: undefined, defaultModel: 'qwen2.5-coder:7b' });
			const models = await p.listModels(new AbortController().signal);
			assert.deepEqual(models.map(m => m.id), ['codellama:13b', 'llama3.2:latest', 'qwen2.5-coder:7b']);
			assert.equal(models[0]!.label, 'codellama:13b');
			assert.equal(server.requests[0]!.path, '/v1/models');
			assert.equal(server.requests[0]!.headers.authorization, undefined);
		});

		it('an Ollama 404 for a model not pulled is model_not_found', async () => {
			server.handle(apiError(404, { message: 'model "mistral" not found, try pulling it first', type: 'api_error', code: null }));
			const p = provider({ id: 'openaiCompatible', label: 'Ollama', apiKey: undefined, defaultModel: 'mistral' });
			const { error } = await run(p.chat(request()));
			assertLlmError(error, 'model_not_found');
			assert.match(error.message, /try pulling it first/);
		});
	});

	describe('logging', () => {
		it('logs the request at debug and bodies only at trace', async () => {
			server.handle(reply(['The answer text']));
			await run(provider().chat(request({ purpose: 'hint', messages: [{ role: 'user', content: 'my private question' }] })));
			const debug = logs.filter(l => l.level === 'debug').map(l => l.text);
			assert.ok(debug.some(t => t.includes('hint') && t.includes('gpt-4o-mini') && t.includes('1 messages')), debug.join('\n'));
			const nonTrace = logs.filter(l => l.level !== 'trace').map(l => l.text).join('\n');
			assert.ok(!nonTrace.includes('my private question') && !nonTrace.includes('The answer text'), nonTrace);
			const trace = logs.filter(l => l.level === 'trace').map(l => l.text).join('\n');
			assert.ok(trace.includes('my private question') && trace.includes('The answer text'), trace);
		});

		it('listModels errors are typed (401 → auth)', async () => {
			server.handle(apiError(401, { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' }));
			await assert.rejects(provider().listModels(new AbortController().signal), (e: unknown) => {
				assertLlmError(e, 'auth');
				return true;
			});
		});
	});
});
