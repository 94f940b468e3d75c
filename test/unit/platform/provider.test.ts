// The platform LLM provider against a real HTTP server that speaks the /chat/completions SSE
// format of docs/platform-api.yaml: chunk boundaries, malformed events, dropped connections,
// cancellation, stalls, retries and the mapping of failures to LlmError kinds.
import * as assert from 'node:assert/strict';
import { isCancellation } from '../../../src/core/errors';
import { LlmError } from '../../../src/core/llm/errors';
import type { RetryPolicy } from '../../../src/core/llm/retry';
import type { ChatEvent, ChatRequest } from '../../../src/core/llm/types';
import { PlatformClient } from '../../../src/core/platform/client';
import { memoryTokens } from './memoryTokens';
import { createPlatformProvider, type PlatformProviderOptions } from '../../../src/core/platform/provider';
import { CommandIds } from '../../../src/shared/ids';
import { json, sleep, sseHead, startServer, writeSplit, type Handler, type TestServer } from '../support/httpServer';

const fastRetries: RetryPolicy = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2000 };
const user = { id: 'u1', login: 'ada', createdAt: '2025-01-01T00:00:00Z' };

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
const delta = (text: string) => sse('delta', { text });
const finished = (model = 'tutor-large-1', extra: Record<string, unknown> = {}) => sse('done', { stop_reason: 'stop', model, ...extra });

function stream(body: string): Handler {
	return (_req, res) => {
		sseHead(res);
		res.end(body);
	};
}

/** Writes `body`, then keeps the response open until the client goes away. */
function hanging(body: string): Handler {
	return async (_req, res) => {
		sseHead(res);
		res.write(body);
		await new Promise(resolve => res.on('close', resolve));
	};
}

let server: TestServer;
let tokens: ReturnType<typeof memoryTokens>;

function provider(overrides: PlatformProviderOptions = {}) {
	const client = new PlatformClient({ baseUrl: server.url, tokens, githubToken: async () => 'gho_learner' });
	return createPlatformProvider(client, { retryPolicy: fastRetries, timeouts: { firstEventMs: 3000, idleMs: 3000 }, ...overrides });
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
	return { messages: [{ role: 'user', content: 'Why does my loop never end?' }], signal: new AbortController().signal, userInitiated: true, purpose: 'chat', ...overrides };
}

async function run(events: AsyncIterable<ChatEvent>): Promise<{ events: ChatEvent[]; error?: unknown }> {
	const seen: ChatEvent[] = [];
	try {
		for await (const e of events) {
			seen.push(e);
		}
		return { events: seen };
	} catch (error) {
		return { events: seen, error };
	}
}

const textOf = (events: readonly ChatEvent[]) => events.flatMap(e => (e.type === 'text' ? [e.text] : [])).join('');

function assertLlmError(error: unknown, kind: LlmError['kind']): asserts error is LlmError {
	assert.ok(error instanceof LlmError, `expected LlmError(${kind}), got ${String(error)}`);
	assert.equal(error.kind, kind, error.message);
}

describe('platform/provider', () => {
	beforeEach(async () => {
		server = await startServer();
		tokens = memoryTokens('platform-token');
	});
	afterEach(async () => {
		await server.close();
	});

	it('is the CodeMentor platform provider', () => {
		const p = provider({ defaultModel: 'tutor-small' });
		assert.equal(p.id, 'platform');
		assert.equal(p.label, 'CodeMentor platform');
		assert.equal(p.defaultModel, 'tutor-small');
	});

	it('streams text, tool calls and usage whose events are split across chunk boundaries', async () => {
		const body =
			': connected\n\n' +
			delta('Schau: ') +
			delta('die Schleife läuft ') +
			delta('für immer 🔁.') +
			sse('tool_call', { id: 'call_1', name: 'add_study_task', input: { title: 'Practise while loops' } }) +
			sse('usage', { input_tokens: 120, output_tokens: 30, cached_input_tokens: 100 }) +
			sse('future_event', { anything: true }) +
			finished('tutor-large-1', { cost_usd: 0.0004 });
		// 3-byte pieces cut through field names, the blank lines between events and multi-byte characters.
		server.handle(async (_req, res) => {
			sseHead(res);
			await writeSplit(res, body, 3, 0);
			res.end();
		});

		const { events, error } = await run(
			provider({ defaultModel: 'tutor-large' }).chat(
				request({
					system: [{ text: 'You are a patient tutor.', cache: true }],
					messages: [
						{ role: 'user', content: 'Why?' },
						{ role: 'assistant', content: '', toolCalls: [{ id: 'c0', name: 'run_tests', input: {} }] },
						{ role: 'tool', toolCallId: 'c0', name: 'run_tests', content: '1 failed', isError: true },
					],
					tools: [{ name: 'add_study_task', description: 'Adds a task', inputSchema: { type: 'object' } }],
					jsonSchema: undefined,
					maxOutputTokens: 400,
				}),
			),
		);

		assert.equal(error, undefined);
		assert.equal(textOf(events), 'Schau: die Schleife läuft für immer 🔁.');
		assert.deepEqual(events.find(e => e.type === 'tool_call'), { type: 'tool_call', call: { id: 'call_1', name: 'add_study_task', input: { title: 'Practise while loops' } } });
		const done = events.at(-1);
		assert.equal(done?.type, 'done');
		assert.equal(events.filter(e => e.type === 'done').length, 1);
		const result = (done as Extract<ChatEvent, { type: 'done' }>).result;
		assert.deepEqual(
			{ ...result, toolCalls: result.toolCalls.length },
			{ text: 'Schau: die Schleife läuft für immer 🔁.', toolCalls: 1, usage: { inputTokens: 120, outputTokens: 30, cachedInputTokens: 100 }, stopReason: 'stop', model: 'tutor-large-1', costUsd: 0.0004 },
		);

		const sent = server.requests[0]!;
		assert.equal(`${sent.method} ${sent.path}`, 'POST /api/v1/chat/completions');
		assert.equal(sent.headers.accept, 'text/event-stream');
		assert.equal(sent.headers.authorization, 'Bearer platform-token');
		assert.deepEqual(sent.json, {
			model: 'tutor-large',
			system: [{ text: 'You are a patient tutor.', cache: true }],
			messages: [
				{ role: 'user', content: 'Why?' },
				{ role: 'assistant', content: '', tool_calls: [{ id: 'c0', name: 'run_tests', input: {} }] },
				{ role: 'tool', tool_call_id: 'c0', name: 'run_tests', content: '1 failed', is_error: true },
			],
			tools: [{ name: 'add_study_task', description: 'Adds a task', input_schema: { type: 'object' } }],
			max_output_tokens: 400,
			purpose: 'chat',
			user_initiated: true,
		});
	});

	it('a malformed event is bad_response that keeps the partial text', async () => {
		server.handle(stream(delta('Look at ') + delta('line 3') + sse('delta', { text: 42 }) + finished()));
		const { events, error } = await run(provider().chat(request()));
		assert.equal(textOf(events), 'Look at line 3');
		assertLlmError(error, 'bad_response');
		assert.equal(error.partialText, 'Look at line 3');
		assert.match(error.message, /POST \/chat\/completions: the "delta" event's field "text": expected string, received number/);
		assert.equal(server.requests.length, 1, 'a stream that already showed text is not replayed');
	});

	it('an event whose data is not JSON is bad_response too', async () => {
		server.handle(stream(delta('Hi') + 'event: usage\ndata: {"input_tokens": 1,\n\n' + finished()));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'bad_response');
		assert.match(error.message, /the "usage" event is not JSON/);
		assert.equal(error.partialText, 'Hi');
	});

	it('a stream that ends without "done" is bad_response with the partial text', async () => {
		server.handle(stream(delta('Almost') + 'event: done\ndata: {"stop_reason":"stop"'));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'bad_response');
		assert.match(error.message, /ended before the "done" event/);
		assert.equal(error.partialText, 'Almost');
	});

	it('a connection dropped mid-stream is a network error that keeps the partial text', async () => {
		server.handle(async (_req, res) => {
			sseHead(res);
			res.write(delta('Half an ') + delta('answer'));
			await sleep(20);
			res.destroy();
		});
		const { events, error } = await run(provider().chat(request()));
		assert.equal(textOf(events), 'Half an answer');
		assertLlmError(error, 'network');
		assert.equal(error.partialText, 'Half an answer');
		assert.match(error.message, /dropped mid-answer; the answer so far is kept/);
	});

	it('cancelling mid-stream closes the HTTP request and ends with a cancellation', async () => {
		server.handle(hanging(delta('Thinking about it')));
		const controller = new AbortController();
		let error: unknown;
		try {
			for await (const event of provider().chat(request({ signal: controller.signal }))) {
				if (event.type === 'text') {
					controller.abort();
				}
			}
		} catch (e) {
			error = e;
		}
		assert.ok(isCancellation(error), `expected a cancellation, got ${String(error)}`);
		assert.equal(await server.requests[0]!.clientClosed, true);
	});

	it('a consumer that stops reading early closes the HTTP request', async () => {
		server.handle(hanging(delta('One') + delta('Two')));
		for await (const event of provider().chat(request())) {
			if (event.type === 'text') {
				break;
			}
		}
		assert.equal(await server.requests[0]!.clientClosed, true);
	});

	it('a stall mid-stream is a timeout that keeps the partial text', async () => {
		server.handle(hanging(delta('Step one')));
		const { error } = await run(provider({ timeouts: { firstEventMs: 2000, idleMs: 100 } }).chat(request()));
		assertLlmError(error, 'timeout');
		assert.equal(error.partialText, 'Step one');
		assert.equal(await server.requests[0]!.clientClosed, true);
	});

	it('429 with retry-after waits that long, then streams', async () => {
		server.handle(json(429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'retry-after': '1' }), stream(delta('Here we go') + finished()));
		const started = Date.now();
		const { events, error } = await run(provider().chat(request()));
		assert.equal(error, undefined);
		assert.equal(textOf(events), 'Here we go');
		assert.ok(Date.now() - started >= 950, 'the retry-after was honoured');
		assert.equal(server.requests.length, 2);
		assert.ok(server.requests.every(r => r.path === '/api/v1/chat/completions'));
	});

	it('429 every time ends as rate_limit with retryAfterMs', async () => {
		server.handle(json(429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'retry-after-ms': '5' }));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'rate_limit');
		assert.equal(error.retryAfterMs, 5);
		assert.equal(server.requests.length, 1 + fastRetries.maxRetries);
	});

	it('quota_exceeded is quota and is not retried', async () => {
		server.handle(json(402, { error: { code: 'quota_exceeded', message: 'Your monthly model quota is used up.' } }));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'quota');
		assert.equal(server.requests.length, 1);
	});

	it('an unknown model (404) is model_not_found', async () => {
		server.handle(json(404, { error: { code: 'model_not_found', message: 'No model "gpt-banana".' } }));
		const { error } = await run(provider().chat(request({ model: 'gpt-banana' })));
		assertLlmError(error, 'model_not_found');
		assert.equal(server.requests[0]!.json.model, 'gpt-banana');
	});

	it('a 401 is re-exchanged by the client and the turn still streams', async () => {
		server.handle(json(401, { error: { code: 'unauthorized', message: 'Expired.' } }), json(200, { token: 'fresh', expiresAt: '2030-01-01T00:00:00Z', user }), stream(delta('Fine') + finished()));
		const { events, error } = await run(provider().chat(request()));
		assert.equal(error, undefined);
		assert.equal(textOf(events), 'Fine');
		assert.equal(server.requests[2]!.headers.authorization, 'Bearer fresh');
		assert.equal(tokens.value, 'fresh');
	});

	it('a 401 that survives the re-exchange is auth with a Sign In action', async () => {
		server.handle(json(401, { error: { code: 'unauthorized', message: 'Expired.' } }), json(200, { token: 'fresh', expiresAt: '2030-01-01T00:00:00Z', user }), json(401, { error: { code: 'unauthorized', message: 'Still no.' } }));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'auth');
		assert.deepEqual(error.actions.map(a => a.command), [CommandIds.signIn]);
		assert.equal(server.requests.length, 3);
	});

	it('an error event becomes a typed LlmError with the partial text', async () => {
		server.handle(stream(delta('You could') + sse('error', { error: { code: 'content_filter', message: 'The reply was withheld.' } })));
		const { error } = await run(provider().chat(request()));
		assertLlmError(error, 'content_filter');
		assert.equal(error.partialText, 'You could');
		assert.match(error.message, /withheld/);
	});

	it('an overloaded error event before any text is retried', async () => {
		server.handle(stream(sse('error', { error: { code: 'overloaded', message: 'Busy.' } })), stream(delta('Now') + finished()));
		const { events, error } = await run(provider().chat(request()));
		assert.equal(error, undefined);
		assert.equal(textOf(events), 'Now');
		assert.equal(server.requests.length, 2);
	});

	it('connection refused is a network error naming the URL', async () => {
		const url = server.url;
		await server.close();
		server = await startServer();
		const client = new PlatformClient({ baseUrl: url, tokens, githubToken: async () => 'gho' });
		const { error } = await run(createPlatformProvider(client, { retryPolicy: fastRetries }).chat(request()));
		assertLlmError(error, 'network');
		assert.equal(error.url, `${url}/api/v1/chat/completions`);
		assert.ok(error.message.includes(`${url}/api/v1/chat/completions`), error.message);
	});

	it('lists the models from GET /chat/models', async () => {
		server.handle(json(200, { items: [{ id: 'tutor-large-1', label: 'Tutor (large)', contextWindow: 128000, supportsTools: true }], default: 'tutor-large-1' }));
		const models = await provider().listModels(new AbortController().signal);
		assert.deepEqual(models, [{ id: 'tutor-large-1', label: 'Tutor (large)', contextWindow: 128000, supportsTools: true }]);
		assert.equal(server.requests[0]!.path, '/api/v1/chat/models');
	});
});
