#!/usr/bin/env node
// `npm run test:electron`: the same integration tests, in desktop VS Code downloaded by
// @vscode/test-electron — for machines with internet access (CI here uses the offline path,
// scripts/run-in-host.cjs with code-server). Set CODEMENTOR_VSCODE_VERSION to pick a version.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

async function main() {
	const root = path.resolve(__dirname, '..', '..');
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-electron-'));
	const results = path.join(workspace, 'results.json');
	try {
		await runTests({
			version: process.env.CODEMENTOR_VSCODE_VERSION || 'stable',
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(root, 'dist', 'test', 'integration', 'index.js'),
			launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
			extensionTestsEnv: { CODEMENTOR_TEST_RESULTS: results, CODEMENTOR_TEST_SCRATCH: workspace },
		});
	} catch (e) {
		console.error(`Integration tests in desktop VS Code failed: ${e.message || e}`);
		console.error('(No internet? Use `npm run test:integration`, which runs the same tests in the offline test VS Code.)');
		process.exit(1);
	}
	const r = JSON.parse(fs.readFileSync(results, 'utf8'));
	console.log(`${r.passed} passed, ${r.failed} failed`);
	process.exit(r.failed ? 1 : 0);
}

main();
