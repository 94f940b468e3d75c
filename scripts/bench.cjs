#!/usr/bin/env node
// `npm run bench`: builds the production .vsix once, then runs every scripts/bench/<area>.cjs and
// prints one table per area; everything is also written to test-results/bench.json.
// A module exports { title, run(ctx) } where run resolves to rows:
//   { metric, value, unit, baseline?, ratio?, target?, ok? }
// Ratios are against a baseline measured in the same run (the machine is noisy); use medians.
// Usage: npm run bench [-- <area> ...]   (areas = file names without .cjs)
'use strict';
require('tsx/cjs'); // bench modules may require TypeScript from src/
const fs = require('node:fs');
const path = require('node:path');
const { packageVsix, vsixPath } = require('./package.cjs');

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2).filter(a => !a.startsWith('-'));

function fmt(v) {
	if (typeof v !== 'number') { return v === undefined ? '' : String(v); }
	if (Number.isInteger(v)) { return v.toLocaleString('en-US'); }
	return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function printTable(title, rows) {
	const cols = [['metric', r => r.metric], ['value', r => `${fmt(r.value)}${r.unit ? ` ${r.unit}` : ''}`],
		['baseline', r => r.baseline === undefined ? '' : `${fmt(r.baseline)}${r.unit ? ` ${r.unit}` : ''}`],
		['ratio', r => r.ratio === undefined ? '' : `${fmt(r.ratio)}×`], ['target', r => r.target ?? ''],
		['', r => r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']];
	const cells = rows.map(r => cols.map(([, f]) => f(r)));
	const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map(c => c[i].length)));
	const line = c => `| ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
	console.log(`\n## ${title}\n`);
	console.log(line(cols.map(([h]) => h)));
	console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
	for (const c of cells) { console.log(line(c)); }
}

async function main() {
	const started = Date.now();
	console.log('bench: building the production .vsix…');
	packageVsix({ quiet: true });
	const dir = path.join(__dirname, 'bench');
	const modules = fs.readdirSync(dir).filter(f => f.endsWith('.cjs')).sort()
		.filter(f => only.length === 0 || only.includes(f.replace(/\.cjs$/, '')));
	const report = { date: new Date().toISOString(), node: process.version, cpus: require('node:os').cpus().length, sections: [] };
	let failed = false;
	for (const file of modules) {
		const mod = require(path.join(dir, file));
		const t0 = Date.now();
		try {
			const rows = await mod.run({ root, vsixPath, log: (...a) => console.log(`  [${file}]`, ...a) });
			printTable(`${mod.title} (${((Date.now() - t0) / 1000).toFixed(0)} s)`, rows);
			report.sections.push({ area: file.replace(/\.cjs$/, ''), title: mod.title, rows });
		} catch (e) {
			failed = true;
			console.error(`\n## ${mod.title}: FAILED\n${e.stack || e}`);
			report.sections.push({ area: file.replace(/\.cjs$/, ''), title: mod.title, error: String(e.message || e) });
		}
	}
	fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
	fs.writeFileSync(path.join(root, 'test-results', 'bench.json'), JSON.stringify(report, null, 2));
	console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(0)} s; results in test-results/bench.json`);
	process.exit(failed ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(1); });
