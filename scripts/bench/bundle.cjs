// Bundle sizes from esbuild's metafiles (production build): the activation path (the entry plus
// every chunk it imports statically, i.e. what loads when CodeMentor activates), each lazy chunk
// (named by its largest inputs), each webview bundle, and the .vsix.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const KB = 1024;

/** Files statically reachable from `entry` through import statements. */
function staticClosure(outputs, entry) {
	const seen = new Set();
	const visit = file => {
		if (seen.has(file) || !outputs[file]) { return; }
		seen.add(file);
		for (const imp of outputs[file].imports) {
			if (imp.kind === 'import-statement' && !imp.external) { visit(imp.path); }
		}
	};
	visit(entry);
	return seen;
}

/** A readable name for a chunk: the npm packages or source files that make up most of it. */
function describe(output) {
	const byOrigin = new Map();
	for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
		const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
		const origin = m ? m[1] : input.replace(/^(src|webview-ui)\//, '');
		byOrigin.set(origin, (byOrigin.get(origin) || 0) + bytesInOutput);
	}
	return [...byOrigin.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([o]) => o).join(', ');
}

function sizeRows(metaFile, entryName, label) {
	const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
	const outputs = Object.fromEntries(Object.entries(meta.outputs).filter(([f]) => !f.endsWith('.map')));
	const rows = [];
	// Dynamically imported modules are entry points to esbuild too; the real entries are the others.
	const dynamicTargets = new Set(Object.values(outputs).flatMap(o => o.imports.filter(i => i.kind === 'dynamic-import').map(i => i.path)));
	const entries = Object.entries(outputs).filter(([f, o]) => o.entryPoint && !dynamicTargets.has(f));
	const loadedAtStart = new Set();
	for (const [file, o] of entries) {
		const closure = staticClosure(outputs, file);
		const name = entryName(file, o);
		if (name === 'extension.mjs') {
			// activate() returns at once and imports the wiring (src/activation.ts) before its promise
			// resolves: both load on the way to an activated CodeMentor, so both count.
			const wiring = Object.keys(outputs).find(f => outputs[f].entryPoint === 'src/activation.ts');
			rows.push({ metric: `${label}: ${name} alone (what VS Code loads before calling activate)`, value: [...closure].reduce((n, f) => n + outputs[f].bytes, 0) / KB, unit: 'KB' });
			if (wiring) { staticClosure(outputs, wiring).forEach(f => closure.add(f)); }
		}
		closure.forEach(f => loadedAtStart.add(f));
		const bytes = [...closure].reduce((n, f) => n + outputs[f].bytes, 0);
		const title = name === 'extension.mjs' ? `${name} + the activation wiring (+${closure.size - 1} chunks)` : `${name}${closure.size > 1 ? ` (+${closure.size - 1} static chunks)` : ''}`;
		rows.push({ metric: `${label}: ${title}`, value: bytes / KB, unit: 'KB', ...(name === 'extension.mjs' ? { target: '≤ 150 KB', ok: bytes <= 150 * KB } : {}) });
	}
	const lazy = Object.entries(outputs).filter(([f, o]) => !loadedAtStart.has(f) && !f.endsWith('.css') && !f.endsWith('.ttf') && o.bytes > 2 * KB)
		.sort((a, b) => b[1].bytes - a[1].bytes);
	for (const [, o] of lazy) {
		rows.push({ metric: `${label} lazy chunk: ${describe(o)}`, value: o.bytes / KB, unit: 'KB' });
	}
	return rows;
}

module.exports = {
	title: 'Bundle sizes (minified, production)',
	async run({ root, vsixPath }) {
		const meta = path.join(root, 'dist', 'meta');
		const rows = [
			...sizeRows(path.join(meta, 'extension.json'), f => path.basename(f), 'main'),
			...sizeRows(path.join(meta, 'webviews.json'), f => `webview ${path.basename(f)}`, 'webview'),
		];
		for (const extra of fs.readdirSync(meta).filter(f => !['extension.json', 'webviews.json'].includes(f))) {
			const m = JSON.parse(fs.readFileSync(path.join(meta, extra), 'utf8'));
			for (const [file, o] of Object.entries(m.outputs)) {
				if (o.entryPoint && !file.endsWith('.map')) { rows.push({ metric: `${extra.replace('.json', '')}: ${path.relative('dist', file)}`, value: o.bytes / KB, unit: 'KB' }); }
			}
		}
		rows.push({ metric: `.vsix (${path.basename(vsixPath)})`, value: fs.statSync(vsixPath).size / KB, unit: 'KB' });
		return rows;
	},
};
