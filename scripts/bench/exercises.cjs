// Exercises: how fast the catalog shows up and how much local grading adds to the test runner.
//   tree      a generated pack of 10,000 exercises: reading their summaries from disk (what the
//             Exercises view waits for when a source is first expanded) the first time and, from the
//             read cache, in later windows; grouping them by concept (what each expansion costs); and
//             both together; target ≤ 200 ms.
//   grading   every built-in Python exercise graded by CodeMentor against running
//             `python3 -m unittest` on the same files directly (median of per-exercise ratios); one JavaScript exercise
//             (array-stats) through CodeMentor's Jest-compatible harness, with a prewarmed runner (as Submit
//             finds it once the exercise is open) and cold, against Jest itself (ESM, no transform) on the
//             same files. Medians of alternating runs; the ratio is the figure.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RUNS = Number(process.env.CODEMENTOR_BENCH_RUNS || 7);
const TREE_SIZE = 10_000;
const concepts = ['strings', 'loops', 'conditionals', 'functions', 'lists', 'dicts', 'recursion', 'sorting', 'classes', 'exceptions', 'closures', 'higher-order-functions'];

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function writePack(dir, count) {
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ id: 'bench', title: 'Bench pack' }));
	for (let i = 0; i < count; i++) {
		const slug = `exercise-${String(i).padStart(5, '0')}`;
		fs.mkdirSync(path.join(dir, slug));
		fs.writeFileSync(path.join(dir, slug, 'exercise.json'), JSON.stringify({
			title: `Exercise ${i}`,
			language: i % 2 ? 'python' : 'javascript',
			concepts: [concepts[i % concepts.length], concepts[(i * 7 + 3) % concepts.length]],
			prerequisites: [concepts[(i + 5) % concepts.length]],
			difficulty: ['beginner', 'easy', 'medium', 'hard'][i % 4],
			hints: ['one', 'two', 'three'],
		}));
	}
}

/** The read cache is written after the load returns (the tree does not wait for it). */
async function waitForCache(cacheDir) {
	for (let i = 0; i < 400; i++) {
		if (fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some(f => f.endsWith('.json'))) { return; }
		await new Promise(resolve => setTimeout(resolve, 5));
	}
	throw new Error('the read cache was never written');
}

async function treeRows(log) {
	const { loadSource } = require('../../src/core/exercises/sources.ts');
	const { cachingSourceFs } = require('../../src/core/exercises/readCache.ts');
	const { groupSummaries } = require('../../src/core/exercises/catalog.ts');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-bench-pack-'));
	const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-bench-cache-'));
	const indexedDir = path.join(os.tmpdir(), `codementor-bench-indexed-${process.pid}`);
	try {
		writePack(dir, TREE_SIZE);
		/** What the Exercises view waits for when the pack is first expanded, as the extension reads it. */
		const show = async (readFs, packDir = dir) => {
			const t0 = performance.now();
			const source = await loadSource(packDir, { fs: readFs });
			const t1 = performance.now();
			const grouped = groupSummaries(source.summaries, 'concept');
			// What the tree does for an expanded group: one node per exercise.
			let nodes = 0;
			for (const g of grouped) { nodes += g.summaries.map(summary => ({ kind: 'exercise', summary })).length; }
			const t2 = performance.now();
			if (source.summaries.length !== TREE_SIZE || nodes < TREE_SIZE) { throw new Error(`loaded ${source.summaries.length} summaries, ${nodes} nodes`); }
			return { load: t1 - t0, group: t2 - t1 };
		};
		const cold = [];
		const indexed = [];
		const warm = [];
		const checks = [];
		const checked = [];
		const { writePackIndex } = require('../../src/core/exercises/packIndex.ts');
		fs.cpSync(dir, indexedDir, { recursive: true });
		// What `codementor index` writes for the pack's author.
		await writePackIndex(await loadSource(indexedDir));
		for (let run = 0; run < RUNS; run++) {
			// First time with the pack's index.json: served from it, every file read behind it.
			fs.rmSync(cacheDir, { recursive: true, force: true });
			const seeded = cachingSourceFs(cacheDir, { onStale: () => {} });
			indexed.push(await show(seeded, indexedDir));
			if (seeded.stats.hits !== TREE_SIZE) { throw new Error(`the index served ${seeded.stats.hits} exercises`); }
			if ((await seeded.stats.checked) !== false) { throw new Error('the up-to-date index was reported stale'); }
			// Cold: the first time this pack is shown (no read cache yet: every exercise.json is read).
			fs.rmSync(cacheDir, { recursive: true, force: true });
			const first = cachingSourceFs(cacheDir);
			cold.push(await show(first));
			if (first.stats.misses !== TREE_SIZE) { throw new Error(`cold run read ${first.stats.misses} files`); }
			await waitForCache(cacheDir);
			// Warm: every later window, as the extension reads it: the cache served at once, checked right after.
			const later = cachingSourceFs(cacheDir, { onStale: () => {} });
			warm.push(await show(later));
			const c0 = performance.now();
			if ((await later.stats.checked) !== false) { throw new Error('the unchanged pack was reported changed'); }
			checks.push(performance.now() - c0);
			if (later.stats.hits !== TREE_SIZE) { throw new Error(`warm run hit the cache for ${later.stats.hits} files`); }
			// Checked the strict way too (a stat per file before its text is used), for comparison.
			const strict = cachingSourceFs(cacheDir);
			checked.push(await show(strict));
		}
		const fmt = xs => xs.map(x => `${x.load.toFixed(0)}+${x.group.toFixed(0)}`).join(' ');
		log(`tree: cold ${fmt(cold)} ms; with index ${fmt(indexed)} ms; warm ${fmt(warm)} ms (background check ${checks.map(x => x.toFixed(0)).join(' ')} ms); stat first ${fmt(checked)} ms`);
		const total = xs => median(xs.map(x => x.load + x.group));
		return [
			{ metric: `first time: read ${TREE_SIZE.toLocaleString('en-US')} exercise summaries from disk (median)`, value: median(cold.map(x => x.load)), unit: 'ms' },
			{ metric: `later windows: the same from the read cache (median)`, value: median(warm.map(x => x.load)), unit: 'ms' },
			{ metric: `  then, in the background: a stat per exercise to check the cache (median)`, value: median(checks), unit: 'ms' },
			{ metric: `  (checking every stat before showing instead: read + group, median)`, value: total(checked), unit: 'ms' },
			{ metric: `group them by concept + tree nodes (median)`, value: median(warm.map(x => x.group)), unit: 'ms' },
			{ metric: `${TREE_SIZE.toLocaleString('en-US')} exercises shown, first time, pack with index.json (read + group)`, value: total(indexed), unit: 'ms', target: '≤ 200 ms', ok: total(indexed) <= 200 },
			{ metric: `${TREE_SIZE.toLocaleString('en-US')} exercises shown, first time, pack without index.json (read + group)`, value: total(cold), unit: 'ms', target: '≤ 200 ms', ok: total(cold) <= 200 },
			{ metric: `${TREE_SIZE.toLocaleString('en-US')} exercises shown, later windows (cache + group)`, value: total(warm), unit: 'ms', target: '≤ 200 ms', ok: total(warm) <= 200 },
		];
	} finally {
		fs.rmSync(cacheDir, { recursive: true, force: true });
		fs.rmSync(indexedDir, { recursive: true, force: true });
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function materialize(dir, exercise, files) {
	fs.rmSync(dir, { recursive: true, force: true });
	for (const f of [...exercise.testFiles, ...exercise.supportFiles, ...files]) {
		fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
		fs.writeFileSync(path.join(dir, f.path), f.content);
	}
}

async function gradingRows(root, log) {
	const { loadSource } = require('../../src/core/exercises/sources.ts');
	const { gradeExercise, waitingSpec } = require('../../src/core/grading/grade.ts');
	const { WarmPool } = require('../../src/core/grading/warm.ts');
	const { runners } = require('../../src/core/grading/runners.ts');
	const { findRuntime } = require('../../src/core/grading/runtimes.ts');
	const harnessDir = path.join(root, 'dist', 'grading');
	const builtin = await loadSource(path.join(root, 'exercises', 'builtin'), { id: 'builtin' });
	const rows = [];
	// Under the project, so that Jest resolves @jest/globals from node_modules.
	const work = fs.mkdtempSync(path.join(root, 'test-results', 'bench-grading-'));
	try {
		const python = await findRuntime('python');
		if (python) {
			// Every built-in Python exercise: CodeMentor's grade against `python -m unittest` on the same files.
			const ids = builtin.summaries.filter(x => x.language === 'python').map(x => x.id);
			const ratios = [], warmRatios = [];
			const oursAll = [], warmAll = [], directAll = [];
			const runs = Math.max(3, Math.min(RUNS, 5));
			// Warm: a reporter started ahead of time, as Submit finds it once the exercise is open.
			const pool = new WarmPool();
			const spec = waitingSpec(runners.python, python, { harnessDir });
			try {
				for (const id of ids) {
					const ex = await builtin.load(id);
					const dir = path.join(work, 'py', ex.slug);
					materialize(dir, ex, ex.referenceFiles);
					const ours = [], warm = [], direct = [];
					for (let run = 0; run < runs + 1; run++) {
						const t0 = performance.now();
						const r = await gradeExercise(ex, ex.referenceFiles, { harnessDir });
						const t1 = performance.now();
						const d = spawnSync(python.path, ['-m', 'unittest', '-q'], { cwd: dir, encoding: 'utf8' });
						const t2 = performance.now();
						pool.prepare(spec);
						if (!(await pool.ready(spec))) { throw new Error('the prewarmed reporter did not start'); }
						const t3 = performance.now();
						const w = await gradeExercise(ex, ex.referenceFiles, { harnessDir, warm: pool });
						const t4 = performance.now();
						// The replacement starts in the background: let it finish loading before anything is timed again.
						await pool.ready(spec);
						for (const result of [r, w]) {
							if (result.failed !== 0 || result.passed === 0 || d.status !== 0) { throw new Error(`${id} did not pass: ${result.passed}/${result.failed} ${d.stderr.slice(-300)}`); }
						}
						if (run > 0) { ours.push(t1 - t0); direct.push(t2 - t1); warm.push(t4 - t3); } // run 0 warms the file cache
					}
					ratios.push(median(ours) / median(direct));
					warmRatios.push(median(warm) / median(direct));
					oursAll.push(median(ours));
					warmAll.push(median(warm));
					directAll.push(median(direct));
				}
			} finally {
				pool.dispose();
			}
			const sorted = [...ratios].sort((a, b) => a - b);
			const warmSorted = [...warmRatios].sort((a, b) => a - b);
			log(`python: ${ids.length} exercises, cold ratios ${sorted.map(x => x.toFixed(2)).join(' ')}; warm ${warmSorted.map(x => x.toFixed(2)).join(' ')}`);
			rows.push({ metric: `Submit each built-in Python exercise (${ids.length}), reporter prewarmed, vs python -m unittest: median ratio`, value: median(warmAll), baseline: median(directAll), unit: 'ms', ratio: median(warmRatios), target: '≤ 1.05×', ok: median(warmRatios) <= 1.05 });
			rows.push({ metric: `  the same, cold (no reporter waiting): median ratio`, value: median(oursAll), baseline: median(directAll), unit: 'ms', ratio: median(ratios), target: '≤ 1.05×', ok: median(ratios) <= 1.05 });
			rows.push({ metric: '  worst exercise ratio, cold', value: sorted.at(-1), unit: '×' });
		} else {
			log('python: no python3 on PATH, skipped');
		}
		const ex = await builtin.load('builtin/array-stats');
		const dir = path.join(work, 'js');
		materialize(dir, ex, ex.referenceFiles);
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', jest: { transform: {}, testEnvironment: 'node' } }));
		const jestBin = path.join(path.dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
		// Cold: no runner waiting (the first Submit of a session without the exercise open before).
		// Warm: what Submit costs once the exercise is open: a runner was started ahead of time (the
		// previous run's replacement, or the one started when the editor showed the exercise).
		const pool = new WarmPool();
		const node = await findRuntime('node');
		const spec = waitingSpec(runners.javascript, node, { harnessDir });
		const cold = [], warm = [], jest = [];
		try {
			for (let run = 0; run < RUNS + 1; run++) {
				const t0 = performance.now();
				const r = await gradeExercise(ex, ex.referenceFiles, { harnessDir });
				const t1 = performance.now();
				const j = spawnSync(process.execPath, [jestBin, '--rootDir', dir, '--ci', '--silent', '--cache=false'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' } });
				const t2 = performance.now();
				pool.prepare(spec);
				if (!(await pool.ready(spec))) { throw new Error('the prewarmed runner did not start'); }
				const t3 = performance.now();
				const w = await gradeExercise(ex, ex.referenceFiles, { harnessDir, warm: pool });
				const t4 = performance.now();
				await pool.ready(spec);
				for (const result of [r, w]) {
					if (result.failed !== 0 || result.passed === 0) { throw new Error(`array-stats did not pass: ${JSON.stringify(result.error ?? result.tests.filter(t => t.status !== 'passed'))}`); }
				}
				if (j.status !== 0) { throw new Error(`jest failed: ${j.stderr.slice(-800)}`); }
				if (run > 0) { cold.push(t1 - t0); jest.push(t2 - t1); warm.push(t4 - t3); }
			}
			if (pool.stats.warm !== RUNS + 1) { throw new Error(`only ${pool.stats.warm} of ${RUNS + 1} warm runs used a waiting runner`); }
		} finally {
			pool.dispose();
		}
		log(`javascript: warm ${warm.map(x => x.toFixed(0)).join(' ')} ms; cold ${cold.map(x => x.toFixed(0)).join(' ')} ms; jest ${jest.map(x => x.toFixed(0)).join(' ')} ms`);
		rows.push({ metric: 'Submit array-stats (JavaScript), runner prewarmed, vs Jest 30 on the same files', value: median(warm), baseline: median(jest), unit: 'ms', ratio: median(warm) / median(jest), target: '≤ 0.1× (10× faster)', ok: median(warm) * 10 <= median(jest) });
		rows.push({ metric: '  the same, cold (no runner waiting) vs Jest 30', value: median(cold), baseline: median(jest), unit: 'ms', ratio: median(cold) / median(jest) });
		return rows;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

module.exports = {
	treeRows,
	title: 'Exercises: catalog and local grading',
	async run({ root, log }) {
		return [...(await treeRows(log)), ...(await gradingRows(root, log))];
	},
};
