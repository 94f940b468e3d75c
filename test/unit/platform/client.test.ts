// The platform client against a real HTTP server on 127.0.0.1: the GitHub token exchange and the
// 401 re-exchange, the error format, contract violations, unreachable servers, pagination,
// grading verdicts and the conversation stream.
import * as assert from 'node:assert/strict';
import { PlatformClient } from '../../../src/core/platform/client';
import { memoryTokens } from './memoryTokens';
import { platformExerciseId, toExercise, toGradeResult } from '../../../src/core/platform/convert';
import { isPlatformError, PlatformError } from '../../../src/core/platform/errors';
import type { GradeResult } from '../../../src/core/exercises/model';
import { CommandIds } from '../../../src/shared/ids';
import { json, sseHead, startServer, type TestServer } from '../support/httpServer';

const user = { id: 'u1', login: 'ada', name: 'Ada Lovelace', createdAt: '2025-01-01T00:00:00Z' };
const session = (token: string) => ({ token, expiresAt: '2030-01-01T00:00:00Z', user });
const errorBody = (code: string, message: string, details?: Record<string, unknown>) => ({ error: { code, message, details } });

function setup(server: TestServer, options: { token?: string; github?: string | undefined } = {}) {
	const tokens = memoryTokens(options.token);
	const githubCalls: { interactive: boolean }[] = [];
	const github = 'github' in options ? options.github : 'gho_learner';
	const client = new PlatformClient({
		baseUrl: `${server.url}/`,
		tokens,
		githubToken: async o => {
			githubCalls.push(o);
			return github;
		},
	});
	return { client, tokens, githubCalls };
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof PlatformError, `expected a PlatformError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected the call to fail');
}

const signal = () => new AbortController().signal;

describe('platform/client', () => {
	let server: TestServer;
	beforeEach(async () => {
		server = await startServer();
	});
	afterEach(async () => {
		await server.close();
	});

	describe('sign-in', () => {
		it('exchanges the GitHub session for a platform token, stores it and sends it as Bearer', async () => {
			server.handle(json(200, session('platform-token-1')), json(200, user));
			const { client, tokens, githubCalls } = setup(server);

			const me = await client.getProfile(signal());

			assert.equal(me.login, 'ada');
			const [exchange, profile] = server.requests;
			assert.equal(`${exchange!.method} ${exchange!.path}`, 'POST /api/v1/auth/github');
			assert.deepEqual(exchange!.json, { accessToken: 'gho_learner' });
			assert.equal(exchange!.headers.authorization, undefined, 'the exchange carries the GitHub token in its body only');
			assert.equal(`${profile!.method} ${profile!.path}`, 'GET /api/v1/users/me');
			assert.equal(profile!.headers.authorization, 'Bearer platform-token-1');
			assert.equal(tokens.value, 'platform-token-1');
			assert.deepEqual(githubCalls, [{ interactive: false }], 'a background call never prompts for GitHub sign-in');
		});

		it('uses the stored token without exchanging again', async () => {
			server.handle(json(200, user));
			const { client, githubCalls } = setup(server, { token: 'stored' });
			await client.getProfile(signal());
			assert.equal(server.requests.length, 1);
			assert.equal(server.requests[0]!.headers.authorization, 'Bearer stored');
			assert.equal(githubCalls.length, 0);
		});

		it('shares one exchange between concurrent calls', async () => {
			server.handle(json(200, session('shared')), json(200, user), json(200, user));
			const { client } = setup(server);
			await Promise.all([client.getProfile(signal()), client.getProfile(signal())]);
			assert.equal(server.requests.filter(r => r.path === '/api/v1/auth/github').length, 1);
			assert.deepEqual(server.requests.slice(1).map(r => r.headers.authorization), ['Bearer shared', 'Bearer shared']);
		});

		it('on a 401 forgets the token, exchanges the GitHub session again and retries once', async () => {
			server.handle(json(401, errorBody('unauthorized', 'Token expired.')), json(200, session('fresh')), json(200, user));
			const { client, tokens } = setup(server, { token: 'stale' });

			const me = await client.getProfile(signal());

			assert.equal(me.id, 'u1');
			assert.deepEqual(
				server.requests.map(r => `${r.method} ${r.path} ${r.headers.authorization ?? '-'}`),
				['GET /api/v1/users/me Bearer stale', 'POST /api/v1/auth/github -', 'GET /api/v1/users/me Bearer fresh'],
			);
			assert.equal(tokens.value, 'fresh');
		});

		it('a second 401 is an error with a Sign In action, and the token is forgotten', async () => {
			server.handle(json(401, errorBody('unauthorized', 'Token expired.')), json(200, session('fresh')), json(401, errorBody('unauthorized', 'Account suspended.')));
			const { client, tokens } = setup(server, { token: 'stale' });

			const error = await rejection(client.getProfile(signal()));

			assert.equal(error.code, 'not_signed_in');
			assert.equal(error.status, 401);
			assert.match(error.message, /did not accept your sign-in for GET \/users\/me.*sign in again/);
			assert.deepEqual(error.actions.map(a => a.command), [CommandIds.signIn]);
			assert.equal(server.requests.length, 3, 'exactly one re-exchange and one retry');
			assert.equal(tokens.value, undefined);
		});

		it('without a GitHub session a call fails with Sign In and sends nothing', async () => {
			const { client } = setup(server, { github: undefined });
			const error = await rejection(client.getProgress(signal()));
			assert.equal(error.code, 'not_signed_in');
			assert.deepEqual(error.actions.map(a => a.command), [CommandIds.signIn]);
			assert.equal(server.requests.length, 0);
		});

		it('signIn(true) may prompt, and reports who signed in', async () => {
			server.handle(json(200, session('t')));
			const { client, githubCalls } = setup(server);
			assert.equal(await client.isSignedIn(), false);
			const s = await client.signIn(true, signal());
			assert.equal(s.user.login, 'ada');
			assert.deepEqual(githubCalls, [{ interactive: true }]);
			assert.equal(await client.isSignedIn(), true);
		});

		it('signOut forgets the token even when the platform cannot revoke it', async () => {
			server.handle(json(500, errorBody('internal', 'Database down.')));
			const { client, tokens } = setup(server, { token: 'to-revoke' });
			await client.signOut(signal());
			assert.equal(tokens.value, undefined);
			assert.equal(server.requests[0]!.path, '/api/v1/auth/logout');
			assert.equal(server.requests[0]!.headers.authorization, 'Bearer to-revoke');
		});
	});

	describe('errors', () => {
		it('a response missing a field names the endpoint and the field', async () => {
			server.handle(json(200, { id: 'u1', createdAt: '2025-01-01T00:00:00Z' }));
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.getProfile(signal()));
			assert.equal(error.code, 'bad_response');
			assert.equal(error.message, 'The CodeMentor platform sent an unexpected response to GET /users/me: field "login": expected string, received undefined.');
		});

		it('names nested fields by their path', async () => {
			const exercise = { id: 'a', slug: 'a', title: 'A', language: 'python', concepts: [], prerequisites: [], difficulty: 'impossible' };
			server.handle(json(200, { items: [exercise], nextCursor: null }));
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.listExercises({}, signal()));
			assert.match(error.message, /^The CodeMentor platform sent an unexpected response to GET \/exercises: field "items\.0\.difficulty": /);
		});

		it('parses the error format into status, code, message and details', async () => {
			server.handle(json(404, errorBody('not_found', 'No exercise with id "nope".', { id: 'nope' })));
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.getExercise('nope', signal()));
			assert.equal(server.requests[0]!.path, '/api/v1/exercises/nope');
			assert.equal(error.status, 404);
			assert.equal(error.code, 'not_found');
			assert.equal(error.serverMessage, 'No exercise with id "nope".');
			assert.deepEqual(error.details, { id: 'nope' });
			assert.equal(error.message, 'The CodeMentor platform answered GET /exercises/{id} with HTTP 404: No exercise with id "nope".');
		});

		it('a 429 says when to try again', async () => {
			server.handle(json(429, errorBody('rate_limited', 'Slow down.'), { 'retry-after': '30' }));
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.getProgress(signal()));
			assert.equal(error.retryAfterMs, 30_000);
			assert.match(error.message, /HTTP 429: Slow down; try again in about 30 seconds\.$/);
		});

		it('an error that is not in the error format still gives the status', async () => {
			server.handle((_req, res) => {
				res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
			});
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.health(signal()));
			assert.equal(error.status, 502);
			assert.equal(error.code, 'http_error');
			assert.equal(error.message, 'The CodeMentor platform answered GET /health with HTTP 502.');
		});

		it('connection refused names the URL', async () => {
			const closed = await startServer();
			const url = closed.url;
			await closed.close();
			const client = new PlatformClient({ baseUrl: url, tokens: memoryTokens('t'), githubToken: async () => 'gho' });
			const error = await rejection(client.getProfile(signal()));
			assert.equal(error.code, 'network');
			assert.equal(error.url, `${url}/api/v1/users/me`);
			assert.equal(error.message, `Could not reach the CodeMentor platform at ${url}/api/v1/users/me: the connection was refused (is the server running?).`);
		});

		it('a server that does not answer in time is a timeout, not a hang', async () => {
			server.handle(() => undefined);
			const client = new PlatformClient({ baseUrl: server.url, tokens: memoryTokens('t'), githubToken: async () => 'gho', timeoutMs: 100 });
			const error = await rejection(client.getProfile(signal()));
			assert.equal(error.code, 'timeout');
			assert.match(error.message, /did not answer GET \/users\/me within/);
			assert.equal(await server.requests[0]!.clientClosed, true);
		});

		it('cancelling a call closes the request and is not reported as an error', async () => {
			server.handle(() => undefined);
			const { client } = setup(server, { token: 't' });
			const controller = new AbortController();
			const call = client.getProfile(controller.signal);
			while (server.requests.length === 0) {
				await new Promise(r => setTimeout(r, 5));
			}
			controller.abort();
			await assert.rejects(call, (e: Error) => e.name === 'CancelledError' && !isPlatformError(e));
			assert.equal(await server.requests[0]!.clientClosed, true);
		});
	});

	describe('exercises', () => {
		const summary = (id: string) => ({ id, slug: id, title: id.toUpperCase(), language: 'python', concepts: ['loops'], prerequisites: [], difficulty: 'easy' });

		it('follows nextCursor through every page, keeping the filters', async () => {
			server.handle(json(200, { items: [summary('a'), summary('b')], nextCursor: 'page-2' }), json(200, { items: [summary('c')], nextCursor: null }));
			const { client } = setup(server, { token: 't' });

			const ids: string[] = [];
			for await (const exercise of client.allExercises({ language: 'python', concept: 'loops', limit: 2 }, signal())) {
				ids.push(exercise.id);
			}

			assert.deepEqual(ids, ['a', 'b', 'c']);
			const queries = server.requests.map(r => Object.fromEntries(new URL(r.path, server.url).searchParams));
			assert.deepEqual(queries, [
				{ language: 'python', concept: 'loops', limit: '2' },
				{ language: 'python', concept: 'loops', limit: '2', cursor: 'page-2' },
			]);
			assert.ok(server.requests.every(r => new URL(r.path, server.url).pathname === '/api/v1/exercises'));
		});

		it('stops when the server repeats a cursor instead of looping forever', async () => {
			server.handle(json(200, { items: [summary('a')], nextCursor: 'same' }));
			const { client } = setup(server, { token: 't' });
			const seen: string[] = [];
			await assert.rejects(
				(async () => {
					for await (const e of client.allExercises({}, signal())) {
						seen.push(e.id);
					}
				})(),
				/field "nextCursor": repeats the cursor "same"/,
			);
			assert.equal(server.requests.length, 2);
		});

		it('loads an exercise as the extension models it, and never keeps a reference solution', async () => {
			const exercise = {
				...summary('two-sum'),
				instructions: '# Two sum',
				starterFiles: [{ path: 'two_sum.py', content: 'def two_sum(xs, t):\n    pass\n' }],
				testFiles: [{ path: 'test_two_sum.py', content: 'import two_sum' }],
				supportFiles: [],
				hints: ['Think about what you have already seen.'],
				timeLimitSeconds: 10,
				referenceFiles: [{ path: 'two_sum.py', content: 'the answer' }],
			};
			server.handle(json(200, exercise));
			const { client } = setup(server, { token: 't' });

			const loaded = toExercise(await client.getExercise('two-sum', signal()));

			assert.equal(loaded.id, 'platform/two-sum');
			assert.equal(loaded.sourceId, 'platform');
			assert.equal(platformExerciseId(loaded.id), 'two-sum');
			assert.deepEqual(loaded.starterFiles, exercise.starterFiles);
			assert.deepEqual(loaded.referenceFiles, []);
			assert.ok(!JSON.stringify(loaded).includes('the answer'));
		});

		it('submits the files and parses the verdict with per-test results', async () => {
			const verdict = {
				id: 's1',
				exerciseId: 'two-sum',
				verdict: 'failed',
				passed: 1,
				failed: 1,
				tests: [
					{ id: 't.empty', name: 'empty list', status: 'passed', durationMs: 2 },
					{ id: 't.pair', name: 'finds the pair', status: 'failed', message: 'wrong indices', expected: '[0, 1]', actual: '[1, 0]', location: { path: 'two_sum.py', line: 3 } },
				],
				durationMs: 40,
				output: '1 failed, 1 passed',
				submittedAt: '2025-03-01T10:00:00Z',
				score: 50,
			};
			server.handle(json(200, verdict));
			const { client } = setup(server, { token: 't' });
			const files = [{ path: 'two_sum.py', content: 'def two_sum(xs, t):\n    return [1, 0]\n' }];

			const result = await client.submitExercise('two-sum', files, signal());

			assert.equal(`${server.requests[0]!.method} ${server.requests[0]!.path}`, 'POST /api/v1/exercises/two-sum/submit');
			assert.deepEqual(server.requests[0]!.json, { files });
			assert.equal(result.verdict, 'failed');
			assert.deepEqual(result.tests[1], verdict.tests[1]);
			assert.equal('score' in result, false, 'unknown fields are dropped');
			const grade: GradeResult = toGradeResult(result);
			assert.equal(grade.exerciseId, 'platform/two-sum');
			assert.equal(grade.tests[1]!.location!.line, 3);
		});

		it('rejects a verdict whose test status is not one the grader knows', async () => {
			server.handle(
				json(200, { id: 's', exerciseId: 'x', verdict: 'passed', passed: 1, failed: 0, tests: [{ id: 'a', name: 'a', status: 'green' }], durationMs: 1, output: '', submittedAt: 'now' }),
			);
			const { client } = setup(server, { token: 't' });
			const error = await rejection(client.submitExercise('x', [], signal()));
			assert.match(error.message, /POST \/exercises\/\{id\}\/submit: field "tests\.0\.status"/);
		});
	});

	describe('conversations', () => {
		it('streams a reply over SSE when asked for an event stream', async () => {
			const stored = { id: 'm2', conversationId: 'c1', role: 'assistant', content: 'Try a loop.', model: 'tutor-1', createdAt: '2025-03-01T10:00:00Z' };
			server.handle((_req, res) => {
				sseHead(res);
				res.write('event: delta\ndata: {"text":"Try "}\n\n');
				res.write(': keep-alive\n\nevent: delta\ndata: {"text":"a loop."}\n\n');
				res.end(`event: done\ndata: ${JSON.stringify({ stop_reason: 'stop', model: 'tutor-1', message: stored })}\n\n`);
			});
			const { client } = setup(server, { token: 't' });

			const events = [];
			for await (const event of client.streamMessage('c1', 'How do I sum a list?', signal())) {
				events.push(event);
			}

			assert.equal(server.requests[0]!.headers.accept, 'text/event-stream');
			assert.deepEqual(server.requests[0]!.json, { content: 'How do I sum a list?' });
			assert.deepEqual(events.slice(0, 2), [
				{ type: 'delta', text: 'Try ' },
				{ type: 'delta', text: 'a loop.' },
			]);
			assert.deepEqual(events[2], { type: 'done', done: { stop_reason: 'stop', model: 'tutor-1', message: stored } });
		});

		it('deletes a conversation (204, no body)', async () => {
			server.handle((_req, res) => {
				res.writeHead(204).end();
			});
			const { client } = setup(server, { token: 't' });
			await client.deleteConversation('c/1', signal());
			assert.equal(`${server.requests[0]!.method} ${server.requests[0]!.path}`, 'DELETE /api/v1/chat/conversations/c%2F1');
		});
	});
});
