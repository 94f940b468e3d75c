// The provider-independent parts of the client module: error classification, retries, stream
// deadlines, structured output, cost, keys and the `auto` choice of provider.
import * as assert from 'node:assert/strict';
import * as z from 'zod';
import { CancelledError } from '../../../src/core/errors';
import { describeWait, httpError, networkError, parseRetryAfter } from '../../../src/core/llm/classify';
import { LlmError } from '../../../src/core/llm/errors';
import { createKeyStore, keyProblem } from '../../../src/core/llm/keys';
import { estimateCost } from '../../../src/core/llm/pricing';
import { retryDelay, withRetries } from '../../../src/core/llm/retry';
import { isLoopbackUrl, pickProvider, probeServer, type AutoCandidates } from '../../../src/core/llm/select';
import { guardStream } from '../../../src/core/llm/stream';
import { extractJson, generateObject, toJsonSchema } from '../../../src/core/llm/structured';
import type { ChatEvent, ChatRequest, LlmProvider } from '../../../src/core/llm/types';
import { json, sleep, startServer } from '../support/httpServer';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
const ac = () => new AbortController();

describe('LLM errors', () => {
	it('reads retry-after as seconds, as an HTTP date, and as retry-after-ms', () => {
		assert.equal(parseRetryAfter(headers({ 'retry-after': '7' })), 7000);
		assert.equal(parseRetryAfter(headers({ 'retry-after-ms': '250' })), 250);
		const now = Date.parse('2026-12-01T10:00:00Z');
		assert.equal(parseRetryAfter(headers({ 'retry-after': 'Tue, 01 Dec 2026 10:00:30 GMT' }), now), 30_000);
		assert.equal(parseRetryAfter(headers({})), undefined);
	});

	it('turns each HTTP failure into one sentence with the right action', () => {
		const auth = httpError('OpenAI', 'openai', { status: 401, message: 'Incorrect API key provided: sk-abc' });
		assert.equal(auth.kind, 'auth');
		assert.deepEqual(auth.actions.map(a => a.command), ['codementor.setApiKey']);
		assert.doesNotMatch(auth.message, /sk-abc/, 'the server echoed the key; we must not');
		const limited = httpError('OpenAI', 'openai', { status: 429, retryAfterMs: 30_000 });
		assert.equal(limited.kind, 'rate_limit');
		assert.match(limited.message, /about 30 seconds/);
		assert.equal(httpError('OpenAI', 'openai', { status: 429, code: 'insufficient_quota' }).kind, 'quota');
		assert.equal(httpError('Anthropic', 'anthropic', { status: 400, message: 'Your credit balance is too low' }).kind, 'quota');
		assert.equal(httpError('OpenAI', 'openai', { status: 404, code: 'model_not_found' }).kind, 'model_not_found');
		assert.equal(httpError('OpenAI', 'openai', { status: 503 }).kind, 'server');
		assert.equal(httpError('OpenAI', 'openai', { status: 400, message: 'bad' }).kind, 'invalid_request');
	});

	it('names the URL it could not reach and why', () => {
		const refused = networkError('Ollama', 'openaiCompatible', 'http://127.0.0.1:11434/v1', Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
		assert.equal(refused.kind, 'network');
		assert.match(refused.message, /http:\/\/127\.0\.0\.1:11434\/v1/);
		assert.match(refused.message, /refused/);
		assert.match(networkError('OpenAI', 'openai', 'https://api.openai.com/v1', { code: 'ENOTFOUND' }).message, /offline/);
	});

	it('describes waits the way a person would', () => {
		assert.equal(describeWait(1000), 'about 1 second');
		assert.equal(describeWait(45_000), 'about 45 seconds');
		assert.equal(describeWait(5 * 60_000), 'about 5 minutes');
	});
});

describe('Retries', () => {
	const policy = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 1000 };

	it('honours retry-after, backs off exponentially otherwise, and gives up on long waits', () => {
		const limited = new LlmError('rate_limit', 'x', { retryAfterMs: 300 });
		assert.equal(retryDelay(limited, 1, policy), 300);
		assert.equal(retryDelay(new LlmError('rate_limit', 'x', { retryAfterMs: 60_000 }), 1, policy), undefined);
		const server = new LlmError('server', 'x');
		assert.equal(retryDelay(server, 1, policy, () => 1), 10);
		assert.equal(retryDelay(server, 2, policy, () => 1), 20);
		assert.equal(retryDelay(server, 3, policy), undefined);
	});

	it('retries a failure before the first event, but never replays a stream that already yielded', async () => {
		let calls = 0;
		const flaky = async function* () {
			calls++;
			if (calls === 1) {
				throw new LlmError('server', 'boom');
			}
			yield 'a';
			yield 'b';
		};
		const got: string[] = [];
		for await (const x of withRetries(flaky, ac().signal, policy)) {
			got.push(x);
		}
		assert.deepEqual(got, ['a', 'b']);
		assert.equal(calls, 2);

		let midCalls = 0;
		const dropsMidway = async function* () {
			midCalls++;
			yield 'a';
			throw new LlmError('server', 'dropped');
		};
		await assert.rejects(async () => {
			for await (const _ of withRetries(dropsMidway, ac().signal, policy)) {
				// consume
			}
		}, /dropped/);
		assert.equal(midCalls, 1);
	});

	it('does not retry auth errors', async () => {
		let calls = 0;
		// eslint-disable-next-line require-yield
		const denied = async function* () {
			calls++;
			throw new LlmError('auth', 'no');
		};
		await assert.rejects(collectAll(withRetries(denied, ac().signal, policy)), /no/);
		assert.equal(calls, 1);
	});
});

describe('Stream deadlines', () => {
	const timeouts = { firstEventMs: 80, idleMs: 80 };
	const events = (delays: number[], text = 'x'): ((signal: AbortSignal) => AsyncIterable<ChatEvent>) =>
		async function* (signal) {
			for (const d of delays) {
				await new Promise((resolve, reject) => {
					const t = setTimeout(resolve, d);
					signal.addEventListener('abort', () => {
						clearTimeout(t);
						reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
					});
				});
				yield { type: 'text', text };
			}
		};

	it('fails with a timeout when the first event is late', async () => {
		const err = await collectAll(guardStream(events([300]), { signal: ac().signal, timeouts, provider: 'openai', label: 'OpenAI' })).catch(e => e);
		assert.ok(err instanceof LlmError && err.kind === 'timeout', String(err));
		assert.match(err.message, /did not start answering/);
	});

	it('fails with a timeout keeping the partial text when the stream stalls', async () => {
		const err = await collectAll(guardStream(events([5, 5, 300], 'ab'), { signal: ac().signal, timeouts, provider: 'openai', label: 'OpenAI' })).catch(e => e);
		assert.ok(err instanceof LlmError && err.kind === 'timeout');
		assert.equal(err.partialText, 'abab');
	});

	it('turns the caller\'s abort into a CancelledError and aborts the inner request', async () => {
		const controller = ac();
		let innerAborted = false;
		const open = async function* (signal: AbortSignal): AsyncGenerator<ChatEvent> {
			signal.addEventListener('abort', () => (innerAborted = true));
			yield { type: 'text', text: 'a' };
			await sleep(1000);
		};
		setTimeout(() => controller.abort(), 20);
		const err = await collectAll(guardStream(open, { signal: controller.signal, timeouts: { firstEventMs: 5000, idleMs: 5000 }, provider: 'openai', label: 'OpenAI' })).catch(e => e);
		assert.ok(err instanceof CancelledError, String(err));
		assert.ok(innerAborted);
	});
});

describe('Structured output', () => {
	const schema = z.object({ title: z.string(), hints: z.array(z.string()).min(1) });

	function scripted(replies: string[]): LlmProvider & { requests: ChatRequest[] } {
		const requests: ChatRequest[] = [];
		return {
			id: 'openai',
			label: 'Fake',
			defaultModel: 'm',
			requests,
			listModels: async () => [],
			chat(request) {
				requests.push(request);
				const text = replies[requests.length - 1] ?? '';
				return (async function* (): AsyncGenerator<ChatEvent> {
					yield { type: 'text', text };
					yield { type: 'done', result: { text, toolCalls: [], usage: { inputTokens: 1, outputTokens: 1 }, stopReason: 'stop', model: 'm' } };
				})();
			},
		};
	}

	it('sends a JSON schema and returns the validated value', async () => {
		const p = scripted(['```json\n{"title":"Loops","hints":["Think"]}\n```']);
		const r = await generateObject(p, { messages: [{ role: 'user', content: 'go' }], signal: ac().signal, userInitiated: true, purpose: 'test', schemaName: 'exercise' }, schema);
		assert.deepEqual(r.value, { title: 'Loops', hints: ['Think'] });
		assert.equal(p.requests[0]!.jsonSchema?.name, 'exercise');
		assert.equal((p.requests[0]!.jsonSchema?.schema as any).type, 'object');
	});

	it('repairs once, quoting the problem, then fails naming the field', async () => {
		const fixed = scripted(['{"title":"x","hints":[]}', '{"title":"x","hints":["h"]}']);
		const r = await generateObject(fixed, { messages: [{ role: 'user', content: 'go' }], signal: ac().signal, userInitiated: true, purpose: 'test', schemaName: 's' }, schema);
		assert.equal(r.calls.length, 2);
		assert.match((fixed.requests[1]!.messages.at(-1) as { content: string }).content, /hints/);
		const broken = scripted(['{"title":1,"hints":["h"]}', 'not json at all']);
		const err = await generateObject(broken, { messages: [{ role: 'user', content: 'go' }], signal: ac().signal, userInitiated: true, purpose: 'test', schemaName: 's' }, schema).catch(e => e);
		assert.ok(err instanceof LlmError && err.kind === 'bad_response');
		assert.match(err.message, /not valid JSON/);
	});

	it('finds JSON inside prose', () => {
		assert.deepEqual(extractJson('Sure! Here it is: {"a": [1, 2]} Hope that helps.'), { a: [1, 2] });
		assert.equal(toJsonSchema(z.string()).type, 'string');
	});
});

describe('Cost estimate', () => {
	it('prices by the longest matching model prefix, with cached input cheaper', () => {
		const mini = estimateCost('openai', 'gpt-4o-mini-2024-07-18', { inputTokens: 1_000_000, outputTokens: 0 });
		assert.equal(mini, 0.15);
		const cached = estimateCost('anthropic', 'claude-sonnet-4-5', { inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 1_000_000 });
		assert.ok(cached! < 1, `cached input should cost 0.3, got ${cached}`);
		assert.equal(estimateCost('openaiCompatible', 'llama3.2', { inputTokens: 9, outputTokens: 9 }), 0);
		assert.equal(estimateCost('openai', 'some-new-model', { inputTokens: 9, outputTokens: 9 }), undefined);
	});
});

describe('API keys', () => {
	function memorySecrets() {
		const m = new Map<string, string>();
		return { m, get: async (k: string) => m.get(k), store: async (k: string, v: string) => void m.set(k, v), delete: async (k: string) => void m.delete(k) };
	}

	it('prefers secret storage, falls back to the environment, and never writes elsewhere', async () => {
		const secrets = memorySecrets();
		const keys = createKeyStore(secrets, { OPENAI_API_KEY: 'sk-from-env' });
		assert.equal(await keys.get('openai'), 'sk-from-env');
		assert.equal(await keys.source('openai'), 'environment');
		await keys.set('openai', '  sk-stored  ');
		assert.equal(await keys.get('openai'), 'sk-stored');
		assert.equal(await keys.source('openai'), 'secretStorage');
		assert.deepEqual([...secrets.m.keys()], ['codementor.apiKey.openai']);
		await keys.delete('openai');
		assert.equal(await keys.get('anthropic'), undefined);
	});

	it('catches a paste of the wrong thing', () => {
		assert.match(keyProblem('anthropic', 'sk-proj-123')!, /sk-ant-/);
		assert.match(keyProblem('openai', 'sk-ant-api03-xyz')!, /Anthropic/);
		assert.match(keyProblem('openai', 'sk-1 2')!, /spaces/);
		assert.equal(keyProblem('openai', 'sk-proj-abcdef'), undefined);
	});
});

describe('Choosing a provider', () => {
	const none: AutoCandidates = {
		platformConfigured: false,
		platformSignedIn: async () => false,
		vscodeLmAvailable: async () => false,
		localServerAnswers: async () => false,
		hasKey: async () => false,
	};

	it('auto picks platform, then vscode.lm, then a local server, then OpenAI, then Anthropic', async () => {
		assert.equal(await pickProvider('auto', none), undefined);
		assert.equal(await pickProvider('auto', { ...none, hasKey: async id => id === 'anthropic' }), 'anthropic');
		assert.equal(await pickProvider('auto', { ...none, hasKey: async () => true }), 'openai');
		assert.equal(await pickProvider('auto', { ...none, hasKey: async () => true, localServerAnswers: async () => true }), 'openaiCompatible');
		assert.equal(await pickProvider('auto', { ...none, localServerAnswers: async () => true, vscodeLmAvailable: async () => true }), 'vscodeLm');
		assert.equal(await pickProvider('auto', { ...none, vscodeLmAvailable: async () => true, platformConfigured: true, platformSignedIn: async () => true }), 'platform');
		assert.equal(await pickProvider('auto', { ...none, platformConfigured: true, platformSignedIn: async () => false }), undefined);
		assert.equal(await pickProvider('anthropic', none), 'anthropic', 'an explicit choice is kept even when not ready');
	});

	it('a failing check counts as "not available" instead of breaking the choice', async () => {
		assert.equal(await pickProvider('auto', { ...none, vscodeLmAvailable: () => Promise.reject(new Error('x')), hasKey: async () => true }), 'openai');
	});

	it('probes a local server within the timeout', async () => {
		const server = await startServer(json(200, { object: 'list', data: [] }));
		try {
			assert.equal(await probeServer(`${server.url}/v1`), true);
			assert.equal(server.requests[0]!.path, '/v1/models');
			server.handle(async (_req, res) => {
				await sleep(1000);
				res.end();
			});
			const t0 = Date.now();
			assert.equal(await probeServer(`${server.url}/v1`, { timeoutMs: 100 }), false);
			assert.ok(Date.now() - t0 < 500);
		} finally {
			await server.close();
		}
		assert.equal(await probeServer('http://127.0.0.1:9/v1'), false);
	});

	it('auto only probes servers on this machine', () => {
		assert.ok(isLoopbackUrl('http://127.0.0.1:11434/v1'));
		assert.ok(isLoopbackUrl('http://localhost:1234/v1'));
		assert.ok(!isLoopbackUrl('http://192.168.1.10:11434/v1'));
		assert.ok(!isLoopbackUrl('not a url'));
	});
});

async function collectAll<T>(it: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const x of it) {
		out.push(x);
	}
	return out;
}
