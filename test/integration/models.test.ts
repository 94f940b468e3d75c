// The client module inside a real extension host: keys go to SecretStorage and never into a log
// line (even when a server echoes them back), settings choose the provider, and a real
// OpenAI-compatible server on 127.0.0.1 answers through the real SDK.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collect } from '../../src/core/llm/stream';
import type { LlmError } from '../../src/core/llm/errors';
import { CommandIds } from '../../src/shared/ids';
import { activateCodeMentor, waitFor } from './helpers';

async function withServer(handler: http.RequestListener, body: (url: string) => Promise<void>): Promise<void> {
	const server = http.createServer(handler);
	await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
	try {
		await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
	} finally {
		server.closeAllConnections();
		await new Promise(r => server.close(r));
	}
}

function logFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) {
		return [];
	}
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? logFiles(path.join(dir, e.name)) : e.name.endsWith('.log') ? [path.join(dir, e.name)] : []));
}

async function setSettings(values: Record<string, unknown>): Promise<void> {
	const config = vscode.workspace.getConfiguration('codementor');
	for (const [k, v] of Object.entries(values)) {
		await config.update(k, v, vscode.ConfigurationTarget.Global);
	}
}

describe('Client module in VS Code', () => {
	const key = `sk-proj-itest${Math.random().toString(36).slice(2)}${'x'.repeat(24)}`;

	afterEach(async () => {
		const container = await activateCodeMentor();
		await container.keys.delete('openai');
		await setSettings({ provider: undefined, 'openai.baseUrl': undefined, 'openaiCompatible.baseUrl': undefined, 'openaiCompatible.model': undefined });
	});

	it('stores an API key in SecretStorage, reads it back, and never writes it to a log', async () => {
		const container = await activateCodeMentor();
		await container.keys.set('openai', key);
		assert.equal(await container.context.secrets.get('codementor.apiKey.openai'), key);
		assert.equal(await container.keys.get('openai'), key);
		const settingsText = JSON.stringify(vscode.workspace.getConfiguration('codementor'));
		assert.ok(!settingsText.includes(key), 'the key must not be in settings');

		// A server that rejects the key and echoes it back, as some do: the failure is logged, the key is not.
		await withServer(
			(req, res) => {
				res.writeHead(401, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
			},
			async url => {
				await setSettings({ provider: 'openai', 'openai.baseUrl': url });
				const provider = await container.models.resolve({ userInitiated: true });
				const error = await provider.listModels(AbortSignal.timeout(10_000)).catch(e => e);
				// The test bundle has its own copy of LlmError: compare by shape, not instanceof.
				assert.equal((error as LlmError).name, 'LlmError', String(error));
				assert.equal((error as LlmError).kind, 'auth');
				assert.ok(!error.message.includes(key), 'the key must not be in the error message');
				container.logger.error(error);
				container.logger.info(`trying key ${key} (this line must be redacted)`);
			},
		);
		const logDir = path.dirname(container.context.logUri.fsPath);
		const lines = await waitFor('the log line to be flushed', () => {
			const text = logFiles(logDir).map(f => fs.readFileSync(f, 'utf8')).join('\n');
			return text.includes('this line must be redacted') && text;
		});
		assert.ok(lines.includes('rejected the API key'), 'the auth failure is in the log');
		assert.ok(!lines.includes(key), 'the key appears in a log line');
		assert.ok(!lines.includes(key.slice(8)), 'part of the key appears in a log line');
	});

	it('streams an answer from an OpenAI-compatible server chosen in settings', async () => {
		const container = await activateCodeMentor();
		await withServer(
			(req, res) => {
				if (req.url?.endsWith('/models')) {
					res.writeHead(200, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ object: 'list', data: [{ id: 'tiny-tutor', object: 'model', created: 0, owned_by: 'local' }] }));
					return;
				}
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const chunk = (delta: object, finish: string | null = null) =>
					`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'tiny-tutor', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
				res.write(chunk({ role: 'assistant', content: 'What does ' }));
				res.write(chunk({ content: 'the loop do?' }));
				res.write(chunk({}, 'stop'));
				res.end('data: [DONE]\n\n');
			},
			async url => {
				await setSettings({ provider: 'openaiCompatible', 'openaiCompatible.baseUrl': url });
				const provider = await container.models.resolve({ userInitiated: true });
				assert.equal(provider.id, 'openaiCompatible');
				assert.equal(provider.defaultModel, 'tiny-tutor', 'with no model set, the server\'s first model is used');
				const result = await collect(provider.chat({ messages: [{ role: 'user', content: 'help' }], signal: AbortSignal.timeout(10_000), userInitiated: true, purpose: 'test' }));
				assert.equal(result.text, 'What does the loop do?');
				assert.equal(result.costUsd, 0);
			},
		);
	});

	it('says how to connect a model when none is available', async () => {
		const container = await activateCodeMentor();
		await setSettings({ provider: 'auto', 'openaiCompatible.baseUrl': 'http://127.0.0.1:9/v1' });
		const error = await container.models.resolve({ userInitiated: true }).catch(e => e);
		assert.equal((error as LlmError).kind, 'not_configured', String(error));
		assert.deepEqual((error as LlmError).actions.map(a => a.command), [CommandIds.connectModel]);
	});

	it('registers the model and sign-in commands', async () => {
		await activateCodeMentor();
		const all = new Set(await vscode.commands.getCommands(true));
		for (const id of [CommandIds.setApiKey, CommandIds.removeApiKey, CommandIds.selectModel, CommandIds.connectModel, CommandIds.signIn, CommandIds.signOutPlatform]) {
			assert.ok(all.has(id), id);
		}
	});
});
