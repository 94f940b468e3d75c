// Builds every bundle CodeMentor ships or tests with:
//   extension  src/extension.ts      -> dist/extension.mjs (tiny; src/activation.ts and the rest in dist/chunks/*.mjs)
//   webviews   webview-ui/<view>/main.ts -> dist/webview/<view>.js (+ chunks), browser ESM
//   tests      test/integration/**   -> dist/test/integration/*.js (only with --tests)
// The extension is ESM (VS Code >= 1.100 loads ESM extensions in the Node extension host) so that
// every `await import(...)` becomes its own chunk: heavy SDKs (openai, @anthropic-ai/sdk, octokit,
// markdown rendering) and rarely used features load when first used, and the activation path stays small.
// Flags: --production (minify, no source maps), --watch, --tests, --quiet. Writes dist/meta/*.json (esbuild metafiles).
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests') || watch;
const quiet = args.has('--quiet');
const dist = path.join(__dirname, 'dist');

/**
 * Pre-bundled CommonJS deps inside an ESM bundle still call require() for Node built-ins, and read
 * __filename/__dirname (write-file-atomic names its temp files with it).
 */
const esmRequireShim = "import { createRequire as __cmCreateRequire } from 'node:module'; import { fileURLToPath as __cmFileURLToPath } from 'node:url'; const require = __cmCreateRequire(import.meta.url); const __filename = __cmFileURLToPath(import.meta.url); const __dirname = __cmFileURLToPath(new URL('.', import.meta.url));";

const common = {
	bundle: true,
	minify: production,
	sourcemap: production ? false : 'linked',
	sourcesContent: false,
	metafile: true,
	logLevel: 'warning',
	legalComments: production ? 'none' : 'inline',
	define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** Webview entry points: one folder per webview under webview-ui/. */
function webviewEntries() {
	const root = path.join(__dirname, 'webview-ui');
	return Object.fromEntries(fs.readdirSync(root, { withFileTypes: true })
		.filter(d => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'main.ts')))
		.map(d => [d.name, path.join(root, d.name, 'main.ts')]));
}

function integrationTestEntries() {
	const dir = path.join(__dirname, 'test', 'integration');
	const found = [];
	const walk = d => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) { walk(p); } else if (e.name === 'index.ts' || e.name.endsWith('.test.ts')) { found.push(p); }
		}
	};
	if (fs.existsSync(dir)) { walk(dir); }
	return found;
}

/** Copies files the webviews load at runtime (the codicon font) next to the bundles. */
const copyAssets = {
	name: 'copy-assets',
	setup(build) {
		build.onEnd(() => {
			const out = path.join(dist, 'webview', 'codicons');
			fs.mkdirSync(out, { recursive: true });
			const src = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
			for (const f of ['codicon.css', 'codicon.ttf']) { fs.copyFileSync(path.join(src, f), path.join(out, f)); }
		});
	},
};

/** Copies the Python reporter (run by Python as is, not bundled) next to the JavaScript harness. */
const copyReporter = outdir => ({
	name: 'copy-reporter',
	setup(build) {
		build.onEnd(() => {
			fs.mkdirSync(outdir, { recursive: true });
			for (const file of ['reporter.py', 'codementor_reporter.py']) {
				fs.copyFileSync(path.join(__dirname, 'src', 'core', 'grading', 'python', file), path.join(outdir, file));
			}
		});
	},
});

/** Marks the CLI bundle executable, so `./dist/cli.js` runs without `node` in front. */
const executable = file => ({
	name: 'executable',
	setup(build) {
		build.onEnd(() => { if (fs.existsSync(file)) { fs.chmodSync(file, 0o755); } });
	},
});

/**
 * The local grading engine's runtime files (dist/grading: the Jest-compatible harness with `expect`
 * bundled, its resolution hooks and '@jest/globals' facade, the Python reporter) and the
 * `codementor` CLI (dist/cli.js). Exported so the grading unit tests build exactly these into a
 * temporary folder. The harness runs in every grading child process, so it is always minified and
 * has no source map: its start-up time is part of every grade.
 */
function gradingTargets(distDir = dist, options = {}) {
	const outdir = path.join(distDir, 'grading');
	const grading = path.join(__dirname, 'src', 'core', 'grading', 'js');
	const runtime = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning', metafile: true };
	return [
		{
			name: 'grading-harness',
			...runtime,
			entryPoints: { 'jest-harness': path.join(grading, 'harness.ts') },
			outdir,
			format: 'cjs',
			outExtension: { '.js': '.cjs' },
			// What `expect` needs from these is a few lines; the real packages load picomatch, Babel's
			// code-frame, stack-utils and graceful-fs, which took longer to start than `expect` itself.
			alias: {
				'jest-util': path.join(grading, 'shims', 'jestUtil.ts'),
				'jest-message-util': path.join(grading, 'shims', 'jestMessageUtil.ts'),
				'graceful-fs': 'node:fs',
			},
			define: { 'process.env.NODE_ENV': '"production"' },
			plugins: [copyReporter(outdir)],
		},
		{
			name: 'grading-hooks',
			...runtime,
			entryPoints: { 'jest-hooks': path.join(grading, 'hooks.ts'), 'jest-globals': path.join(grading, 'globals.ts') },
			outdir,
			format: 'esm',
			outExtension: { '.js': '.mjs' },
		},
		{
			name: 'cli',
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			minify: Boolean(options.production),
			sourcemap: options.production ? false : 'linked',
			sourcesContent: false,
			legalComments: 'none',
			logLevel: 'warning',
			metafile: true,
			entryPoints: { cli: path.join(__dirname, 'src', 'cli.ts') },
			outdir: distDir,
			banner: { js: '#!/usr/bin/env node' },
			external: ['vscode'],
			define: { 'process.env.NODE_ENV': options.production ? '"production"' : '"development"' },
			plugins: [executable(path.join(distDir, 'cli.js'))],
		},
	];
}

/** Prints a one-line status per build in watch mode, for the VS Code problem matcher. */
const watchReporter = name => ({
	name: 'watch-reporter',
	setup(build) {
		build.onStart(() => { if (watch) { console.log(`[watch] build started (${name})`); } });
		build.onEnd(result => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) { console.error(`    ${location.file}:${location.line}:${location.column}:`); }
			}
			if (watch) { console.log(`[watch] build finished (${name})`); }
		});
	},
});

const targets = [
	{
		name: 'extension',
		entryPoints: { extension: 'src/extension.ts' },
		outdir: dist,
		format: 'esm',
		splitting: true,
		platform: 'node',
		target: 'node20',
		outExtension: { '.js': '.mjs' },
		chunkNames: 'chunks/[name]-[hash]',
		external: ['vscode'],
		banner: { js: esmRequireShim },
		mainFields: ['module', 'main'],
	},
	{
		name: 'webviews',
		entryPoints: webviewEntries(),
		outdir: path.join(dist, 'webview'),
		format: 'esm',
		splitting: true,
		platform: 'browser',
		target: ['chrome120'],
		chunkNames: 'chunks/[name]-[hash]',
		loader: { '.ttf': 'file', '.svg': 'text' },
		plugins: [copyAssets],
	},
	...gradingTargets(dist, { production }),
	withTests && {
		name: 'integration-tests',
		entryPoints: integrationTestEntries(),
		outbase: path.join(__dirname, 'test', 'integration'),
		outdir: path.join(dist, 'test', 'integration'),
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		external: ['vscode', 'mocha', 'playwright-core'],
		sourcemap: 'inline',
	},
].filter(Boolean);

async function main() {
	// Chunk names carry content hashes: start clean so stale chunks never ship.
	if (!watch) { fs.rmSync(dist, { recursive: true, force: true }); }
	fs.mkdirSync(path.join(dist, 'meta'), { recursive: true });
	const contexts = await Promise.all(targets.map(({ name, ...options }) =>
		esbuild.context({ ...common, ...options, plugins: [...(options.plugins || []), watchReporter(name)] })
			.then(ctx => ({ name, ctx }))));
	if (watch) {
		await Promise.all(contexts.map(({ ctx }) => ctx.watch()));
		return;
	}
	const started = Date.now();
	for (const { name, ctx } of contexts) {
		const result = await ctx.rebuild();
		fs.writeFileSync(path.join(dist, 'meta', `${name}.json`), JSON.stringify(result.metafile));
		await ctx.dispose();
	}
	if (!quiet) { console.log(`esbuild: ${contexts.map(c => c.name).join(', ')} built${production ? ' for production' : ''} in ${Date.now() - started} ms`); }
}

module.exports = { gradingTargets };

if (require.main === module) {
	main().catch(e => {
		console.error(e);
		process.exit(1);
	});
}
