// Platform exercises in the real extension host, against a platform server on 127.0.0.1: a
// signed-in learner starts a platform exercise (its files come from the platform) and submitting
// it returns the platform's verdict for exactly the files they wrote.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PLATFORM_TOKEN_SECRET } from '../../src/container';
import type { GradeResult } from '../../src/core/exercises/model';
import { CommandIds } from '../../src/shared/ids';
import { activateCodeMentor, waitFor } from './helpers';

const exercise = {
	id: 'p42',
	slug: 'platform-greeting',
	title: 'Platform Greeting',
	language: 'python',
	concepts: ['strings'],
	prerequisites: [],
	difficulty: 'beginner',
};

describe('Platform exercises in VS Code', function () {
	this.timeout(60_000);
	let server: http.Server;
	const submitted: unknown[] = [];
	const progressEvents: { id: string; type: string; exerciseId?: string }[] = [];

	before(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', d => (body += d));
			req.on('end', () => {
				const json = (status: number, value: unknown) => {
					res.writeHead(status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(value));
				};
				const full = { ...exercise, instructions: '# Platform Greeting\n\nReturn a greeting.', starterFiles: [{ path: 'greeting.py', content: 'def greet(name):\n    pass\n' }], testFiles: [{ path: 'test_greeting.py', content: 'import unittest\n' }], supportFiles: [], hints: ['What should greet return?'], timeLimitSeconds: 5 };
				if (req.headers.authorization !== 'Bearer itest-token') {
					return json(401, { error: { code: 'unauthorized', message: 'no token' } });
				}
				if (req.url === '/api/v1/exercises/daily') {
					return json(200, { date: '2026-12-01', exercise: full });
				}
				if (req.url?.startsWith('/api/v1/exercises?') || req.url === '/api/v1/exercises') {
					return json(200, { items: [exercise], nextCursor: null });
				}
				if (req.url === '/api/v1/exercises/p42') {
					return json(200, full);
				}
				if (req.url === '/api/v1/users/me/progress/events' && req.method === 'POST') {
					const { events } = JSON.parse(body) as { events: { id: string; type: string; exerciseId?: string }[] };
					progressEvents.push(...events);
					return json(200, { accepted: events.length, duplicates: 0 });
				}
				if (req.url === '/api/v1/exercises/p42/submit' && req.method === 'POST') {
					submitted.push(JSON.parse(body));
					return json(200, { id: 's1', exerciseId: 'p42', verdict: 'passed', passed: 4, failed: 0, tests: [1, 2, 3, 4].map(i => ({ id: `t${i}`, name: `test ${i}`, status: 'passed' })), durationMs: 12, output: '', submittedAt: '2026-12-01T12:00:00Z' });
				}
				json(404, { error: { code: 'not_found', message: req.url } });
			});
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const container = await activateCodeMentor();
		await container.context.secrets.store(PLATFORM_TOKEN_SECRET, 'itest-token');
		await vscode.workspace.getConfiguration('codementor').update('platform.url', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, vscode.ConfigurationTarget.Global);
	});

	after(async () => {
		const container = await activateCodeMentor();
		await vscode.workspace.getConfiguration('codementor').update('platform.url', undefined, vscode.ConfigurationTarget.Global);
		await container.context.secrets.delete(PLATFORM_TOKEN_SECRET);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		server.close();
	});

	it("starts a platform exercise from the platform's files and submits it for the platform's verdict", async () => {
		const folder = await vscode.commands.executeCommand<string>(CommandIds.startExercise, 'platform/p42');
		assert.ok(folder, 'start returned no folder');
		const file = path.join(folder, 'greeting.py');
		assert.equal(fs.readFileSync(file, 'utf8'), 'def greet(name):\n    pass\n');
		fs.writeFileSync(file, 'def greet(name):\n    return f"Hello, {name}!"\n');
		const result = await vscode.commands.executeCommand<GradeResult>(CommandIds.submit, 'platform/p42');
		assert.equal(result?.passed, 4, JSON.stringify(result));
		assert.equal(result?.failed, 0);
		assert.deepEqual(submitted, [{ files: [{ path: 'greeting.py', content: 'def greet(name):\n    return f"Hello, {name}!"\n' }] }]);
	});

	it('sends the progress events to the platform', async () => {
		const sent = await waitFor('the submission to reach the platform', () => progressEvents.find(e => e.type === 'submission' && e.exerciseId === 'platform/p42'), 20_000);
		assert.ok(sent.id);
		assert.ok(progressEvents.some(e => e.type === 'exercise.started' && e.exerciseId === 'platform/p42'));
		assert.equal(new Set(progressEvents.map(e => e.id)).size, progressEvents.length, 'each event once');
	});
});
