// Mocha entry point that VS Code's extension host loads (extensionTestsPath). Runs every
// *.test.js beside it, prints a spec report to the extension-host console, writes a JSON summary to
// $CODEMENTOR_TEST_RESULTS for scripts/run-in-host.cjs, and rejects if any test failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface Result {
	title: string;
	state: 'passed' | 'failed' | 'pending';
	durationMs?: number;
	error?: string;
}

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
	if (process.env.CODEMENTOR_TEST_GREP) {
		mocha.grep(process.env.CODEMENTOR_TEST_GREP);
	}
	const walk = (dir: string): string[] =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.test.js') ? [path.join(dir, e.name)] : []));
	for (const file of walk(__dirname).sort()) {
		mocha.addFile(file);
	}
	const out = process.env.CODEMENTOR_TEST_RESULTS ?? path.resolve(__dirname, '..', '..', '..', 'test-results', 'integration.json');
	const results: Result[] = [];
	const started = Date.now();
	console.log('### mocha start');
	return new Promise((resolve, reject) => {
		const runner = mocha.run(failures => {
			const count = (state: Result['state']) => results.filter(r => r.state === state).length;
			const summary = { passed: count('passed'), failed: count('failed'), pending: count('pending'), durationMs: Date.now() - started, vscodeVersion: vscode.version, results };
			fs.mkdirSync(path.dirname(out), { recursive: true });
			fs.writeFileSync(out, JSON.stringify(summary, null, 2));
			console.log(`${summary.passed} passed, ${summary.failed} failed`);
			console.log('### mocha end');
			if (failures > 0) {
				reject(new Error(`${failures} tests failed.`));
			} else {
				resolve();
			}
		});
		runner.on('pass', t => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
		runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
		runner.on('pending', t => results.push({ title: t.fullTitle(), state: 'pending' }));
	});
}
