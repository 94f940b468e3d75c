// Activation time of CodeMentor against an empty extension, both installed in the same test VS Code
// and activated by the same event (onStartupFinished), read from VS Code's own measurement
// ("Developer: Startup Performance": Load Code + Call Activate per extension). Both activate alongside the
// built-in extensions that start with the window, as they would for a user. Five window loads
// after a warm-up; the figure is the ratio of the medians.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const box = require('../lib/box.cjs');

const RUNS = Number(process.env.CODEMENTOR_BENCH_RUNS || 7);
const EMPTY_NAME = 'CodeMentor Bench Empty';

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Packages the baseline: a CommonJS extension whose activate() does nothing. */
function buildEmptyExtension(dir, root) {
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
		name: 'bench-empty', displayName: EMPTY_NAME, publisher: 'codementor-bench', version: '1.0.0', license: 'MIT',
		repository: { type: 'git', url: 'https://example.invalid/bench-empty.git' },
		engines: { vscode: '^1.138.0' }, main: './extension.js', activationEvents: ['onStartupFinished'],
	}));
	fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
	fs.writeFileSync(path.join(dir, 'README.md'), '# Empty extension (activation baseline)\n');
	fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
	const vsix = path.join(dir, 'bench-empty.vsix');
	execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'pipe' });
	return vsix;
}

/** Reads "Developer: Startup Performance": per extension, Load Code and Call Activate in ms. */
async function readActivationTimes(page) {
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget input.input').fill('>Developer: Startup Performance');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Startup Performance' }).first().waitFor({ timeout: 15000 });
	await page.keyboard.press('Enter');
	const find = (text, id) => {
		const line = text.split('\n').find(l => l.replace(/\u00a0/g, ' ').startsWith(`| ${id} `));
		if (!line) { return undefined; }
		const cells = line.replace(/\u00a0/g, ' ').split('|').map(c => c.trim());
		return { load: Number(cells[3]), call: Number(cells[4]), finish: Number(cells[5]) };
	};
	let times;
	await box.waitFor(async () => {
		const text = await page.locator('.editor-instance .view-lines').first().innerText();
		times = { codementor: find(text, 'codementor.codementor'), empty: find(text, 'codementor-bench.bench-empty') };
		return times.codementor && times.empty;
	}, 30000, 'both extensions in the startup performance report');
	await page.keyboard.press('Control+W');
	return times;
}

module.exports = {
	title: `Activation time (VS Code's own measurement, median of ${RUNS} window loads)`,
	async run({ root, vsixPath, log }) {
		const scratch = box.makeScratch('bench-activation');
		const extensionsDir = path.join(scratch, 'exts');
		const userDataDir = path.join(scratch, 'ud');
		const workspace = path.join(scratch, 'workspace');
		fs.mkdirSync(workspace, { recursive: true });
		box.installVsix(vsixPath, { scratch, extensionsDir, userDataDir });
		box.installVsix(buildEmptyExtension(path.join(scratch, 'empty'), root), { scratch, extensionsDir, userDataDir });
		const server = await box.startCodeServer({
			scratch, workspace, extensionsDir, userDataDir,
			settings: { 'chat.disableAIFeatures': true },
			args: ['--disable-workspace-trust'],
		});
		// Tall window: the running-extensions list is virtualised, and every row must be rendered.
		const context = await box.launchBrowser(scratch, { viewport: { width: 1400, height: 3000 } });
		const samples = { codementor: [], empty: [], cmLoad: [], cmCall: [], cmFinish: [], emptyLoad: [], emptyCall: [] };
		try {
			const page = context.pages()[0] || await context.newPage();
			for (let i = 0; i < RUNS + 1; i++) {
				await page.goto(server.url);
				await page.locator('.part.activitybar').getByRole('tab', { name: 'CodeMentor' }).waitFor({ timeout: 90000 });
				await page.waitForTimeout(1500); // let onStartupFinished activations settle
				const t = await readActivationTimes(page);
				if (i === 0) { continue; } // the first load warms the server's caches
				samples.codementor.push(t.codementor.load + t.codementor.call);
				samples.empty.push(t.empty.load + t.empty.call);
				samples.cmLoad.push(t.codementor.load); samples.cmCall.push(t.codementor.call); samples.cmFinish.push(t.codementor.finish);
				samples.emptyLoad.push(t.empty.load); samples.emptyCall.push(t.empty.call);
				log(`run ${i}: CodeMentor load ${t.codementor.load} + activate ${t.codementor.call} ms (resolved after ${t.codementor.finish} ms more); empty load ${t.empty.load} + activate ${t.empty.call} ms`);
			}
		} finally {
			await context.close().catch(() => {});
			await server.stop();
			fs.rmSync(scratch, { recursive: true, force: true });
		}
		const cm = median(samples.codementor);
		const empty = median(samples.empty);
		const ratio = cm / Math.max(empty, 1);
		return [
			{ metric: 'CodeMentor activation (median)', value: cm, unit: 'ms', baseline: empty, ratio, target: '≤ 1.5× empty', ok: ratio <= 1.5 },
			{ metric: 'load code (median)', value: median(samples.cmLoad), unit: 'ms', baseline: median(samples.emptyLoad), ratio: median(samples.cmLoad) / Math.max(median(samples.emptyLoad), 1) },
			{ metric: 'call activate (median)', value: median(samples.cmCall), unit: 'ms', baseline: median(samples.emptyCall) },
			// Not part of VS Code's activation time (the extension host is free meanwhile): the wiring
			// loading and every feature registering, until activate()'s promise resolves.
			{ metric: 'then until activate() resolved: wiring loaded, features registered (median)', value: median(samples.cmFinish), unit: 'ms' },
			{ metric: 'CodeMentor samples (load + activate)', value: samples.codementor.join(', '), unit: 'ms' },
			{ metric: 'empty extension samples', value: samples.empty.join(', '), unit: 'ms' },
		];
	},
};
