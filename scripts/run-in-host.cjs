#!/usr/bin/env node
// Runs mocha tests inside the real extension host of the test VS Code (code-server 1.139.1).
// The workbench is opened in headless Chromium with the dev-extension payload; VS Code loads the
// extension from --ext, calls run() of --tests, and reports the exit code through
// window.codeAutomationExit. Prints the tests' own report and ends with "N passed, N failed".
//   node scripts/run-in-host.cjs --ext DIR --tests FILE [--workspace DIR] [--settings JSON] [--timeout SEC] [--grep RE]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const box = require('./lib/box.cjs');

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const EXT = path.resolve(opt('ext', box.ROOT));
const TESTS = path.resolve(opt('tests', path.join(EXT, 'dist/test/integration/index.js')));
const TIMEOUT_MS = Number(opt('timeout', 600)) * 1000;
const VERBOSE = argv.includes('--verbose');

async function main() {
	const t0 = Date.now();
	const log = (...a) => console.log(`[in-host ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
	const scratch = box.makeScratch('in-host');
	const workspace = path.resolve(opt('workspace', path.join(scratch, 'workspace')));
	fs.mkdirSync(workspace, { recursive: true });
	const resultsFile = path.join(scratch, 'results.json');
	const settings = { 'chat.disableAIFeatures': false, ...JSON.parse(opt('settings', '{}')) };
	const env = { CODEMENTOR_TEST_RESULTS: resultsFile, CODEMENTOR_TEST_SCRATCH: scratch };
	if (opt('grep')) { env.CODEMENTOR_TEST_GREP = opt('grep'); }
	// A trusted folder, as a learner's usually is: Restricted Mode is covered end to end (test/e2e).
	const trust = argv.includes('--untrusted') ? [] : ['--disable-workspace-trust'];
	const server = await box.startCodeServer({ scratch, workspace, settings, smokeTestDriver: true, env, args: trust });
	log(`code-server on ${server.base} (pgid ${server.pid})`);
	let context;
	let exitCode = 2;
	const errors = [];
	try {
		context = await box.launchBrowser(scratch);
		const page = context.pages()[0] || await context.newPage();
		const autoLog = fs.createWriteStream(path.join(scratch, 'automation.log'));
		let inTests = false;
		const done = new Promise(resolve => {
			void page.exposeFunction('codeAutomationExit', code => resolve(code));
			void page.exposeFunction('codeAutomationLog', (type, args) => {
				const text = util.format(...(args || []));
				autoLog.write(`[${type}] ${text}\n`);
				if (type === 'error') { errors.push(text); }
				if (text.includes('### mocha start')) { inTests = true; }
				if (VERBOSE || inTests) { console.log(text); }
				if (text.includes('### mocha end')) { inTests = false; }
			});
		});
		page.on('pageerror', e => errors.push(`page error: ${e.message}`));
		const payload = JSON.stringify([
			['extensionDevelopmentPath', `vscode-remote://${server.authority}${EXT}`],
			['extensionTestsPath', `vscode-remote://${server.authority}${TESTS}`],
			['skipWelcome', 'true'],
		]);
		await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
		log('workbench loading; the extension host runs the tests');
		let timer;
		const code = await Promise.race([done, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS); })]);
		clearTimeout(timer);
		log(`extension host exited with code ${code}`);
		exitCode = code === 0 ? 0 : 1;
	} catch (e) {
		log('ERROR', e.message);
		exitCode = 2;
	} finally {
		if (context) { await context.close().catch(() => {}); }
		await server.stop();
	}
	if (fs.existsSync(resultsFile)) {
		const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
		console.log(`VS Code ${r.vscodeVersion}; mocha ${r.durationMs} ms; harness ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		console.log(`${r.passed} passed, ${r.failed} failed`);
		if (r.failed > 0 || (r.passed === 0 && exitCode === 0)) { exitCode = 1; }
	} else {
		console.log('The tests did not run (no results file). Last errors from the workbench and extension host:');
		for (const e of errors.slice(-5)) { console.log(`  ${e.split('\n').slice(0, 6).join('\n  ')}`); }
		console.log('0 passed, 1 failed');
		if (exitCode === 0) { exitCode = 2; }
	}
	if (exitCode === 0 && !argv.includes('--keep')) { fs.rmSync(scratch, { recursive: true, force: true }); }
	else { console.log(`logs kept in ${scratch} (code-server.log, automation.log, ud/logs/)`); }
	return exitCode;
}

main().then(code => process.exit(code), e => { console.error(e); process.exit(2); });
