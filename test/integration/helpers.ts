// Shared helpers for tests that run inside the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../src/container';
import type { CodeMentorApi } from '../../src/extension';
import { EXTENSION_ID } from '../../src/shared/ids';

export const extensionRoot = path.resolve(__dirname, '..', '..', '..');

export function packageJson(): any {
	return JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
}

/** Activates CodeMentor (if it is not yet) and returns what it exposes in test mode. */
export async function activateApi(): Promise<Required<CodeMentorApi>> {
	const extension = vscode.extensions.getExtension<CodeMentorApi>(EXTENSION_ID);
	assert.ok(extension, `${EXTENSION_ID} is not installed in the test VS Code`);
	const api = await extension.activate();
	assert.ok(api.container && api.tutor && api.review && api.progress, 'activate() did not return its services in test mode');
	return api as Required<CodeMentorApi>;
}

/** Activates CodeMentor (if it is not yet) and returns its container (exposed in test mode only). */
export async function activateCodeMentor(): Promise<Container> {
	return (await activateApi()).container;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) {
			return value;
		}
		if (Date.now() > end) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		}
		await new Promise(r => setTimeout(r, 50));
	}
}
