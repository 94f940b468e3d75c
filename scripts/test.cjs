#!/usr/bin/env node
// `npm test`: every tier, in order — lint (incl. the layering rules), type-check, unit tests (plain
// Node), integration tests (inside a real VS Code extension host), end-to-end tests (the packaged
// .vsix in a real VS Code driven in Chromium). All tiers run even if one fails, so one run shows
// everything; the exit code is non-zero if any failed.
//   npm test                       all tiers
//   npm test -- --only unit,e2e    some tiers (lint, typecheck, unit, integration, e2e)
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);
const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(argv[onlyIndex + 1].split(',')) : undefined;

const tiers = [
	{ name: 'lint', steps: [[bin('eslint'), ['.']]] },
	{ name: 'typecheck', steps: [[bin('tsc'), ['-p', '.']], [bin('tsc'), ['-p', 'webview-ui']]] },
	{ name: 'unit', steps: [[bin('mocha'), []]] },
	{ name: 'integration', steps: [[process.execPath, ['esbuild.js', '--tests', '--quiet']], [process.execPath, ['scripts/run-in-host.cjs', '--ext', '.', '--tests', 'dist/test/integration/index.js']]] },
	{ name: 'e2e', steps: [[process.execPath, ['scripts/e2e.cjs']]] },
];

const results = [];
for (const tier of tiers) {
	if (only && !only.has(tier.name)) {
		continue;
	}
	console.log(`\n━━━ ${tier.name} ${'━'.repeat(60 - tier.name.length)}`);
	const started = Date.now();
	let ok = true;
	for (const [cmd, args] of tier.steps) {
		const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
		if (r.status !== 0) {
			ok = false;
			break;
		}
	}
	results.push({ name: tier.name, ok, seconds: (Date.now() - started) / 1000 });
}

console.log('\n━━━ summary ━━━');
for (const r of results) {
	console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(12)} ${r.seconds.toFixed(0).padStart(4)} s`);
}
const failed = results.filter(r => !r.ok);
console.log(failed.length ? `\n${failed.length} tier(s) failed: ${failed.map(r => r.name).join(', ')}` : '\nall tiers passed');
process.exit(failed.length ? 1 : 0);
