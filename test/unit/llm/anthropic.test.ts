// The Anthropic provider against a real HTTP server speaking Anthropic's SSE wire format, through the
// real @anthropic-ai/sdk: streaming across chunk boundaries, retries, deadlines, cancellation, prompt
// caching, tools, structured output and the typed errors a learner would see.
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import * as z from 'zod';
import { createAnthropicProvider } from '../../../src/core/llm/anthropic';
import { LlmError } from '../../../src/core/llm/errors';
import { estimateCost } from '../../../src/core/llm/pricing';
import type { RetryPolicy } from '../../../src/core/llm/retry';
import { collect } from '../../../src/core/llm/stream';
import { generateObject } from '../../../src/core/llm/structured';
import type { ChatEvent, ChatRequest, LlmProvider } from '../../../src/core/llm/types';
import { CancelledError } from '../../../src/core/errors';
import { formatLogArg, type Logger } from '../../../src/core/log';
import { json, sleep, sseHead, startServer, writeSplit, type Handler, type TestServer } from '../support/httpServer';

const API_KEY = 'sk-ant-api03-TestKeyThatMustNeverBeShown_0123456789abcdef';
// Not one the SDK warns about on the console as deprecated.
const MODEL = 'claude-sonnet-4-6';
const fastRetries: RetryPolicy = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 2000 };

// --- Anthropic's wire format -------------------------------------------------------------------

function sse(event: string, data: unknown): string {
	return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface StartUsage {
	readonly input?: number;
	readonly cacheRead?: number;
	readonly cacheWrite?: number;
}

function messageStart(usage: StartUsage = {}): string {
	return sse('message_start', {
		type: 'message_start',
		message: {
			id: 'msg_01',
			type: 'message',
			role: 'assistant',
			model: MODEL,
			content: [],
			stop_reason: null,
			stop_sequence: null,
			usage: { input_tokens: usage.input ?? 25, cache_creation_input_tokens: usage.cacheWrite ?? 0, cache_read_input_tokens: usage.cacheRead ?? 0, output_tokens: 1 },
		},
	});
}

const textStart = (index: number) => sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
const textDelta = (index: number, text: string) => sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
const toolStart = (index: number, id: string, name: string) => sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id, name, input: {} } });
const jsonDelta = (index: number, partial: string) => sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partial } });
const blockStop = (index: number) => sse('content_block_stop', { type: 'content_block_stop', index });
const ping = () => sse('ping', { type: 'ping' });
const messageDelta = (stopReason: string, outputTokens: number) =>
	sse('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
const messageStop = () => sse('message_stop', { type: 'message_stop' });

/** A complete text reply, one delta per piece. */
function textReply(pieces: readonly string[], usage: StartUsage = {}, outputTokens = 12): string {
	return messageStart(usage) + textStart(0) + ping() + pieces.map(p => textDelta(0, p)).join('') + blockStop(0) + messageDelta('end_turn', outputTokens) + messageStop();
}

/** A reply whose only content is a call of `name` with `input` streamed in `parts`. */
function toolReply(name: string, parts: readonly string[], id = 'toolu_01'): string {
	return messageStart() + toolStart(0, id, name) + parts.map(p => jsonDelta(0, p)).join('') + blockStop(0) + messageDelta('tool_use', 30) + messageStop();
}

function sseHandler(body: string, chunkSize = 64): Handler {
	return async (_req, res) => {
		sseHead(res);
		await writeSplit(res, body, chunkSize, 0);
		res.end();
	};
}

function apiError(status: number, type: string, message: string, headers: Record<string, string> = {}): Handler {
	return json(status, { type: 'error', error: { type, message }, request_id: 'req_01' }, headers);
}

/** Writes `head` now, then waits for the client to go away (or `ms`). */
function stallAfter(head: string, ms = 3000): Handler {
	return async (_req, res: http.ServerResponse) => {
		sseHead(res);
		res.write(head);
		await Promise.race([sleep(ms), new Promise(resolve => res.on('close', resolve))]);
		res.end();
	};
}

// --- harness -----------------------------------------------------------------------------------

interface Harness {
	readonly server: TestServer;
	readonly provider: LlmProvider;
	readonly logs: string[];
}

const open: TestServer[] = [];

async function setup(handlers: Handler[], options: { retryPolicy?: RetryPolicy; firstEventMs?: number; idleMs?: number } = {}): Promise<Harness> {
	const server = await startServer(...handlers);
	open.push(server);
	const logs: string[] = [];
	const sink = (level: string) => (message: string | Error, ...args: unknown[]) => logs.push(`${level} ${[message, ...args].map(formatLogArg).join(' ')}`);
	const logger: Logger = { trace: sink('trace'), debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') };
	const provider = createAnthropicProvider({
		apiKey: API_KEY,
		baseUrl: server.url,
		defaultModel: MODEL,
		logger,
		retryPolicy: options.retryPolicy ?? fastRetries,
		timeouts: { firstEventMs: options.firstEventMs ?? 2000, idleMs: options.idleMs ?? 2000 },
	});
	return { server, provider, logs };
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
	return { messages: [{ role: 'user', content: 'Why does my loop never end?' }], signal: new AbortController().signal, userInitiated: true, purpose: 'chat', ...overrides };
}

async function events(stream: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
	const out: ChatEvent[] = [];
	for await (const e of stream) {
		out.push(e);
	}
	return out;
}

/** Runs the stream to its end and returns the LlmError it threw (fails if it did not throw one). */
async function failure(stream: AsyncIterable<ChatEvent>, seen: ChatEvent[] = []): Promise<LlmError> {
	try {
		for await (const e of stream) {
			seen.push(e);
		}
	} catch (error) {
		assert.ok(error instanceof LlmError, `expected an LlmError, got ${String(error)}`);
		return error;
	}
	assert.fail('the stream should have failed');
}

const textOf = (evs: readonly ChatEvent[]) => evs.map(e => (e.type === 'text' ? e.text : '')).join('');

describe('core/llm/anthropic', function () {
	this.timeout(5000);

	afterEach(async () => {
		await Promise.all(open.splice(0).map(s => s.close()));
	});

	it('streams text split across tiny chunks, multi-byte characters included, then one usage and one done', async () => {
		const pieces = ['Think about ', 'what changes é ', 'each time — 世界 ', '🎉 round.'];
		const { provider } = await setup([sseHandler(textReply(pieces), 1)]);
		const evs = await events(provider.chat(request()));
		assert.equal(textOf(evs), pieces.join(''));
		assert.deepEqual(evs.slice(-2).map(e => e.type), ['usage', 'done']);
		assert.equal(evs.filter(e => e.type === 'done').length, 1);
		assert.equal(evs.filter(e => e.type === 'usage').length, 1);
		const done = evs.at(-1);
		assert.ok(done?.type === 'done');
		assert.equal(done.result.text, pieces.join(''));
		assert.equal(done.result.stopReason, 'stop');
		assert.equal(done.result.model, MODEL);
		assert.deepEqual(done.result.usage, { inputTokens: 25, outputTokens: 12, cachedInputTokens: 0 });
		assert.equal(done.result.costUsd, estimateCost('anthropic', MODEL, done.result.usage));
		assert.ok(done.result.costUsd! > 0);
	});

	it('reassembles events split at every 3 bytes, mid-line and mid-character', async () => {
		const pieces = ['naïve ', '→ ', 'ß'];
		const { provider } = await setup([sseHandler(textReply(pieces), 3)]);
		const result = await collect(provider.chat(request()));
		assert.equal(result.text, 'naïve → ß');
	});

	it('sends the key, the API version and a Messages request built from the chat request', async () => {
		const { provider, server, logs } = await setup([sseHandler(textReply(['ok']))]);
		await collect(provider.chat(request({ maxOutputTokens: 300, purpose: 'hint' })));
		const [req] = server.requests;
		assert.equal(req!.method, 'POST');
		assert.equal(req!.path, '/v1/messages');
		// SDK 1.x sends the API key as a bearer token (0.x sent x-api-key).
		assert.equal(req!.headers.authorization, `Bearer ${API_KEY}`);
		assert.match(String(req!.headers['anthropic-version']), /^\d{4}-\d{2}-\d{2}$/);
		assert.equal(req!.json.model, MODEL);
		assert.equal(req!.json.stream, true);
		assert.equal(req!.json.max_tokens, 300);
		assert.deepEqual(req!.json.messages, [{ role: 'user', content: 'Why does my loop never end?' }]);
		assert.ok(logs.some(l => l.startsWith('debug') && l.includes(MODEL) && l.includes('hint') && l.includes('1 messages')), logs.join('\n'));
		assert.ok(!logs.some(l => !l.startsWith('trace') && l.includes('Why does my loop')), 'prompt bodies are logged at trace only');
		assert.ok(logs.some(l => l.startsWith('trace') && l.includes('Why does my loop')));
	});

	it('defaults max_tokens to 4096 (the API requires it)', async () => {
		const { provider, server } = await setup([sseHandler(textReply(['ok']))]);
		await collect(provider.chat(request()));
		assert.equal(server.requests[0]!.json.max_tokens, 4096);
	});

	it('a connection dropped mid-stream is a network error that keeps the partial text', async () => {
		const { provider } = await setup([
			async (_req, res) => {
				sseHead(res);
				res.write(messageStart() + textStart(0) + textDelta(0, 'A loop ends when '));
				await sleep(20);
				res.destroy();
			},
		]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'network');
		assert.equal(error.partialText, 'A loop ends when ');
		assert.match(error.message, /dropped/);
	});

	it('a stream that ends without message_stop is bad_response with the partial text', async () => {
		const { provider } = await setup([sseHandler(messageStart() + textStart(0) + textDelta(0, 'Half an'))]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'bad_response');
		assert.equal(error.partialText, 'Half an');
	});

	it('waits for retry-after on a 429 and then succeeds', async () => {
		const { provider, server } = await setup([apiError(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit.', { 'retry-after': '1' }), sseHandler(textReply(['Back again.']))]);
		const started = Date.now();
		const result = await collect(provider.chat(request()));
		const elapsed = Date.now() - started;
		assert.equal(result.text, 'Back again.');
		assert.equal(server.requests.length, 2);
		assert.ok(elapsed >= 950, `waited only ${elapsed} ms`);
	});

	it('a 429 that keeps coming is rate_limit with retryAfterMs and how long to wait', async () => {
		const { provider, server } = await setup([apiError(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit.', { 'retry-after': '30' })]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'rate_limit');
		assert.equal(error.retryAfterMs, 30_000);
		assert.match(error.message, /about 30 seconds/);
		// 30 s is over the policy's maxRetryAfterMs: shown at once, not waited for.
		assert.equal(server.requests.length, 1);
	});

	it('a 401 is auth with a Set API Key action, and the key is in no message or log line', async () => {
		const { provider, logs } = await setup([apiError(401, 'authentication_error', 'invalid x-api-key')]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'auth');
		assert.equal(error.status, 401);
		assert.deepEqual(error.actions.map(a => a.title), ['Set API Key']);
		assert.deepEqual(error.actions[0]!.args, ['anthropic']);
		assert.ok(!error.message.includes(API_KEY));
		assert.ok(!String(error.cause).includes(API_KEY));
		assert.ok(logs.length > 0);
		assert.ok(!logs.some(l => l.includes(API_KEY) || l.includes('TestKeyThatMustNeverBeShown')), logs.join('\n'));
	});

	it('retries a 529 overloaded and a 500, then succeeds', async () => {
		const { provider, server } = await setup([apiError(529, 'overloaded_error', 'Overloaded'), apiError(500, 'api_error', 'Internal server error'), sseHandler(textReply(['Fine now.']))]);
		const result = await collect(provider.chat(request()));
		assert.equal(result.text, 'Fine now.');
		assert.equal(server.requests.length, 3);
	});

	it('a 5xx that persists is a server error after the retries', async () => {
		const { provider, server } = await setup([apiError(529, 'overloaded_error', 'Overloaded')], { retryPolicy: { ...fastRetries, maxRetries: 1 } });
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'server');
		assert.equal(server.requests.length, 2);
	});

	it('"credit balance is too low" is quota, not a retry', async () => {
		const { provider, server } = await setup([
			apiError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'),
		]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'quota');
		assert.equal(server.requests.length, 1);
	});

	it('no first token in time is a timeout', async () => {
		const { provider } = await setup([stallAfter(messageStart() + textStart(0) + ping())], { firstEventMs: 150 });
		const started = Date.now();
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'timeout');
		assert.match(error.message, /did not start answering/);
		assert.ok(Date.now() - started < 1500);
	});

	it('a stall mid-stream is a timeout that keeps the partial text', async () => {
		const { provider, server } = await setup([stallAfter(messageStart() + textStart(0) + textDelta(0, 'First, look at '))], { idleMs: 150 });
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'timeout');
		assert.equal(error.partialText, 'First, look at ');
		assert.match(error.message, /stopped sending/);
		assert.equal(await server.requests[0]!.clientClosed, true);
	});

	it('a malformed event is bad_response with the partial text', async () => {
		const { provider } = await setup([sseHandler(messageStart() + textStart(0) + textDelta(0, 'So far ') + 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{\n\n' + messageStop())]);
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'bad_response');
		assert.equal(error.partialText, 'So far ');
	});

	it('an error event mid-stream (overloaded) is a server error with the partial text, not replayed', async () => {
		const { provider, server } = await setup([
			sseHandler(messageStart() + textStart(0) + textDelta(0, 'The bug is ') + sse('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })),
		]);
		const seen: ChatEvent[] = [];
		const error = await failure(provider.chat(request()), seen);
		assert.equal(error.kind, 'server');
		assert.equal(error.partialText, 'The bug is ');
		assert.equal(textOf(seen), 'The bug is ');
		assert.equal(server.requests.length, 1);
	});

	it('cancelling mid-stream closes the HTTP request and ends with CancelledError', async () => {
		const { provider, server } = await setup([stallAfter(messageStart() + textStart(0) + textDelta(0, 'Let us '))]);
		const controller = new AbortController();
		const seen: ChatEvent[] = [];
		let caught: unknown;
		try {
			for await (const e of provider.chat(request({ signal: controller.signal }))) {
				seen.push(e);
				controller.abort();
			}
		} catch (error) {
			caught = error;
		}
		assert.ok(caught instanceof CancelledError, `got ${String(caught)}`);
		assert.equal(textOf(seen), 'Let us ');
		assert.equal(await server.requests[0]!.clientClosed, true);
	});

	it('puts cache_control on the cacheable system block only, and cached tokens cost less', async () => {
		const { provider, server } = await setup([sseHandler(textReply(['Cached.'], { input: 40, cacheRead: 2000, cacheWrite: 0 }, 10))]);
		const result = await collect(provider.chat(request({ system: [{ text: 'You are a patient tutor. Never give the full answer.', cache: true }, { text: 'The learner is on exercise two-sum.' }] })));
		assert.deepEqual(server.requests[0]!.json.system, [
			{ type: 'text', text: 'You are a patient tutor. Never give the full answer.', cache_control: { type: 'ephemeral' } },
			{ type: 'text', text: 'The learner is on exercise two-sum.' },
		]);
		assert.deepEqual(result.usage, { inputTokens: 2040, outputTokens: 10, cachedInputTokens: 2000 });
		const uncached = estimateCost('anthropic', MODEL, { inputTokens: 2040, outputTokens: 10 })!;
		assert.ok(result.costUsd! < uncached / 2, `${result.costUsd} vs ${uncached}`);
		assert.equal(result.costUsd, estimateCost('anthropic', MODEL, result.usage));
	});

	it('streams a tool_use with input_json_delta split across deltas and reports one parsed tool_call', async () => {
		const body =
			messageStart() +
			textStart(0) +
			textDelta(0, 'Let me run the tests.') +
			blockStop(0) +
			toolStart(1, 'toolu_42', 'run_tests') +
			jsonDelta(1, '') +
			jsonDelta(1, '{"exer') +
			jsonDelta(1, 'cise": "two-') +
			jsonDelta(1, 'sum", "verbose": tr') +
			jsonDelta(1, 'ue}') +
			blockStop(1) +
			messageDelta('tool_use', 40) +
			messageStop();
		const { provider, server } = await setup([sseHandler(body, 7)]);
		const tools = [{ name: 'run_tests', description: 'Runs the exercise tests.', inputSchema: { type: 'object', properties: { exercise: { type: 'string' }, verbose: { type: 'boolean' } }, required: ['exercise'] } }];
		const evs = await events(provider.chat(request({ tools, toolChoice: 'required' })));
		const calls = evs.filter(e => e.type === 'tool_call');
		assert.deepEqual(calls, [{ type: 'tool_call', call: { id: 'toolu_42', name: 'run_tests', input: { exercise: 'two-sum', verbose: true } } }]);
		assert.equal(textOf(evs), 'Let me run the tests.');
		const done = evs.at(-1);
		assert.ok(done?.type === 'done');
		assert.equal(done.result.stopReason, 'tool_calls');
		assert.deepEqual(done.result.toolCalls, [{ id: 'toolu_42', name: 'run_tests', input: { exercise: 'two-sum', verbose: true } }]);
		assert.deepEqual(server.requests[0]!.json.tools, [{ name: 'run_tests', description: 'Runs the exercise tests.', input_schema: tools[0]!.inputSchema }]);
		assert.deepEqual(server.requests[0]!.json.tool_choice, { type: 'any' });
	});

	it('maps the other tool choices', async () => {
		const { provider, server } = await setup([sseHandler(textReply(['ok']))]);
		const tools = [{ name: 'hint', description: 'Gives a hint.', inputSchema: { type: 'object', properties: {} } }];
		for (const toolChoice of ['auto', 'none', { name: 'hint' }] as const) {
			await collect(provider.chat(request({ tools, toolChoice })));
		}
		assert.deepEqual(
			server.requests.map(r => r.json.tool_choice),
			[{ type: 'auto' }, { type: 'none' }, { type: 'tool', name: 'hint' }],
		);
	});

	it('sends tool calls as tool_use blocks and consecutive tool results as one user turn', async () => {
		const { provider, server } = await setup([sseHandler(textReply(['Both ran.']))]);
		await collect(
			provider.chat(
				request({
					messages: [
						{ role: 'user', content: 'Check my solution.' },
						{ role: 'assistant', content: 'Running both.', toolCalls: [{ id: 'toolu_1', name: 'run_tests', input: { exercise: 'two-sum' } }, { id: 'toolu_2', name: 'lint', input: {} }] },
						{ role: 'tool', toolCallId: 'toolu_1', name: 'run_tests', content: '3 passed' },
						{ role: 'tool', toolCallId: 'toolu_2', name: 'lint', content: 'lint crashed', isError: true },
						{ role: 'assistant', content: '', toolCalls: [{ id: 'toolu_3', name: 'run_tests', input: { exercise: 'two-sum' } }] },
						{ role: 'tool', toolCallId: 'toolu_3', name: 'run_tests', content: '3 passed' },
					],
				}),
			),
		);
		assert.deepEqual(server.requests[0]!.json.messages, [
			{ role: 'user', content: 'Check my solution.' },
			{
				role: 'assistant',
				content: [
					{ type: 'text', text: 'Running both.' },
					{ type: 'tool_use', id: 'toolu_1', name: 'run_tests', input: { exercise: 'two-sum' } },
					{ type: 'tool_use', id: 'toolu_2', name: 'lint', input: {} },
				],
			},
			{
				role: 'user',
				content: [
					{ type: 'tool_result', tool_use_id: 'toolu_1', content: '3 passed' },
					{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'lint crashed', is_error: true },
				],
			},
			{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_3', name: 'run_tests', input: { exercise: 'two-sum' } }] },
			{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_3', content: '3 passed' }] },
		]);
	});

	describe('structured output', () => {
		const Exercise = z.object({ title: z.string(), hints: z.array(z.string()) });

		it('forces a tool with the schema, streams its input as text, and repairs once', async () => {
			const { provider, server } = await setup([
				sseHandler(toolReply('exercise', ['{"title": "Two', ' Sum", "hints": [1', ']}']), 5),
				sseHandler(toolReply('exercise', ['{"title": "Two Sum", ', '"hints": ["Use a map."]}']), 5),
			]);
			const seen: ChatEvent[] = [];
			const traced: LlmProvider = { ...provider, chat: r => tap(provider.chat(r), seen) };
			const { value, calls } = await generateObject(traced, { ...request({ purpose: 'generate' }), schemaName: 'exercise' }, Exercise);
			assert.deepEqual(value, { title: 'Two Sum', hints: ['Use a map.'] });
			assert.equal(calls.length, 2);
			assert.ok(!seen.some(e => e.type === 'tool_call'), 'the forced tool is not a tool call');
			assert.deepEqual(calls.map(c => c.stopReason), ['stop', 'stop']);
			assert.deepEqual(calls[1]!.toolCalls, []);
			const [first, second] = server.requests;
			assert.deepEqual(first!.json.tool_choice, { type: 'tool', name: 'exercise' });
			assert.equal(first!.json.tools[0].name, 'exercise');
			assert.deepEqual(first!.json.tools[0].input_schema.required, ['title', 'hints']);
			// The repair turn quotes the first reply and names the field that was wrong.
			const repair = second!.json.messages as Array<{ role: string; content: string }>;
			assert.equal(repair.length, 3);
			assert.deepEqual(repair[1], { role: 'assistant', content: '{"title": "Two Sum", "hints": [1]}' });
			assert.match(repair[2]!.content, /hints\.0/);
		});

		it('invalid twice is bad_response naming the field', async () => {
			const { provider } = await setup([sseHandler(toolReply('exercise', ['{"title": 7, "hints": []}']))]);
			await assert.rejects(
				generateObject(provider, { ...request({ purpose: 'generate' }), schemaName: 'exercise' }, Exercise),
				(error: unknown) => error instanceof LlmError && error.kind === 'bad_response' && /field "title"/.test(error.message),
			);
		});
	});

	it('connection refused is a network error naming the URL', async () => {
		const { provider, server } = await setup([json(200, {})]);
		await server.close();
		const error = await failure(provider.chat(request()));
		assert.equal(error.kind, 'network');
		assert.equal(error.url, server.url);
		assert.ok(error.message.includes(server.url), error.message);
		assert.match(error.message, /refused/);
	});

	it('lists the real models with their display names', async () => {
		const { provider, server } = await setup([
			json(200, {
				data: [
					{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z', max_input_tokens: 200000 },
					{ type: 'model', id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-01T00:00:00Z', max_input_tokens: null },
				],
				has_more: false,
				first_id: 'claude-sonnet-4-5',
				last_id: 'claude-haiku-4-5',
			}),
		]);
		const models = await provider.listModels(new AbortController().signal);
		assert.deepEqual(models.map(m => [m.id, m.label, m.contextWindow]), [
			['claude-sonnet-4-5', 'Claude Sonnet 4.5', 200000],
			['claude-haiku-4-5', 'Claude Haiku 4.5', undefined],
		]);
		assert.equal(server.requests[0]!.path.split('?')[0], '/v1/models');
	});

	it('listModels turns a 401 into auth', async () => {
		const { provider } = await setup([apiError(401, 'authentication_error', 'invalid x-api-key')]);
		await assert.rejects(provider.listModels(new AbortController().signal), (error: unknown) => error instanceof LlmError && error.kind === 'auth');
	});
});

async function* tap(stream: AsyncIterable<ChatEvent>, seen: ChatEvent[]): AsyncGenerator<ChatEvent> {
	for await (const e of stream) {
		seen.push(e);
		yield e;
	}
}
