// Exercises: how fast the catalog shows up and how much local grading adds to the test runner.
//   tree      a generated pack of 10,000 exercises: reading their summaries from disk (what the
//             Exercises view waits for when a source is first expanded), grouping them by concept
//             (what each expansion costs), and both together; target ≤ 200 ms.
//   grading   every built-in Python exercise graded by CodeMentor against running
//             `python3 -m unittest` on the same files directly (median of per-exercise ratios); one JavaScript exercise
//             (array-stats) through CodeMentor's Jest-compatible harness against Jest itself
//             (ESM, no transform) on the same files. Medians of alternating runs; the ratio is the figure.
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

async function treeRows(log) {
	const { loadSource } = require('../../src/core/exercises/sources.ts');
	const { groupSummaries } = require('../../src/core/exercises/catalog.ts');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-bench-pack-'));
	try {
		writePack(dir, TREE_SIZE);
		const loads = [];
		const groups = [];
		for (let run = 0; run < RUNS; run++) {
			const t0 = performance.now();
			const source = await loadSource(dir);
			const t1 = performance.now();
			const grouped = groupSummaries(source.summaries, 'concept');
			// What the tree does for an expanded group: one node per exercise.
			let nodes = 0;
			for (const g of grouped) { nodes += g.summaries.map(summary => ({ kind: 'exercise', summary })).length; }
			const t2 = performance.now();
			if (source.summaries.length !== TREE_SIZE || nodes < TREE_SIZE) { throw new Error(`loaded ${source.summaries.length} summaries, ${nodes} nodes`); }
			loads.push(t1 - t0);
			groups.push(t2 - t1);
		}
		log(`tree: load ${loads.map(x => x.toFixed(0)).join(' ')} ms; group ${groups.map(x => x.toFixed(1)).join(' ')} ms`);
		const total = median(loads.map((l, i) => l + groups[i]));
		return [
			{ metric: `read ${TREE_SIZE.toLocaleString('en-US')} exercise summaries from disk (median)`, value: median(loads), unit: 'ms' },
			{ metric: `group them by concept + tree nodes (median)`, value: median(groups), unit: 'ms' },
			{ metric: `${TREE_SIZE.toLocaleString('en-US')} exercises shown (read + group)`, value: total, unit: 'ms', target: '≤ 200 ms', ok: total <= 200 },
		];
	} finally {
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
	const { gradeExercise } = require('../../src/core/grading/grade.ts');
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
			const ratios = [];
			const oursAll = [], directAll = [];
			const runs = Math.max(3, Math.min(RUNS, 5));
			for (const id of ids) {
				const ex = await builtin.load(id);
				const dir = path.join(work, 'py', ex.slug);
				materialize(dir, ex, ex.referenceFiles);
				const ours = [], direct = [];
				for (let run = 0; run < runs + 1; run++) {
					const t0 = performance.now();
					const r = await gradeExercise(ex, ex.referenceFiles, { harnessDir });
					const t1 = performance.now();
					const d = spawnSync(python.path, ['-m', 'unittest', '-q'], { cwd: dir, encoding: 'utf8' });
					const t2 = performance.now();
					if (r.failed !== 0 || r.passed === 0 || d.status !== 0) { throw new Error(`${id} did not pass: ${r.passed}/${r.failed} ${d.stderr.slice(-300)}`); }
					if (run > 0) { ours.push(t1 - t0); direct.push(t2 - t1); } // run 0 warms the file cache
				}
				ratios.push(median(ours) / median(direct));
				oursAll.push(median(ours));
				directAll.push(median(direct));
			}
			const sorted = [...ratios].sort((a, b) => a - b);
			log(`python: ${ids.length} exercises, ratios ${sorted.map(x => x.toFixed(2)).join(' ')}`);
			rows.push({ metric: `grade each built-in Python exercise (${ids.length}) vs python -m unittest: median ratio`, value: median(oursAll), baseline: median(directAll), unit: 'ms', ratio: median(ratios), target: '≤ 1.05×', ok: median(ratios) <= 1.05 });
			rows.push({ metric: '  worst exercise ratio', value: sorted.at(-1), unit: '×' });
		} else {
			log('python: no python3 on PATH, skipped');
		}
		const ex = await builtin.load('builtin/array-stats');
		const dir = path.join(work, 'js');
		materialize(dir, ex, ex.referenceFiles);
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', jest: { transform: {}, testEnvironment: 'node' } }));
		const jestBin = path.join(path.dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
		const ours = [], jest = [];
		for (let run = 0; run < RUNS + 1; run++) {
			const t0 = performance.now();
			const r = await gradeExercise(ex, ex.referenceFiles, { harnessDir });
			const t1 = performance.now();
			const j = spawnSync(process.execPath, [jestBin, '--rootDir', dir, '--ci', '--silent', '--cache=false'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' } });
			const t2 = performance.now();
			if (r.failed !== 0 || r.passed === 0) { throw new Error(`array-stats did not pass: ${JSON.stringify(r.error ?? r.tests.filter(t => t.status !== 'passed'))}`); }
			if (j.status !== 0) { throw new Error(`jest failed: ${j.stderr.slice(-800)}`); }
			if (run > 0) { ours.push(t1 - t0); jest.push(t2 - t1); }
		}
		log(`javascript: ours ${ours.map(x => x.toFixed(0)).join(' ')} ms; jest ${jest.map(x => x.toFixed(0)).join(' ')} ms`);
		rows.push({ metric: 'grade array-stats (JavaScript) vs Jest 30 on the same files', value: median(ours), baseline: median(jest), unit: 'ms', ratio: median(ours) / median(jest), target: '≤ 0.1× (10× faster)', ok: median(ours) * 10 <= median(jest) });
		return rows;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

module.exports = {
	title: 'Exercises: catalog and local grading',
	async run({ root, log }) {
		return [...(await treeRows(log)), ...(await gradingRows(root, log))];
	},
};
