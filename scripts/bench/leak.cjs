// The tutor's solution-leak guard (src/core/tutor/leakGuard.ts) on its labelled set
// (test/fixtures/leak/cases.json, built from the 46 built-in exercises):
//   catch rate        leaks withheld / leaks, target >= 90 %
//   false positives   hints withheld / hints, target <= 5 %
//   per kind          how many answers of each kind were withheld
//   overhead          time the Guide-mode filter adds to stream a 1 KB answer in ~20-character
//                     chunks (the size of a model's text deltas), median of runs; and a 10 KB answer.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const RUNS = Number(process.env.CODEMENTOR_BENCH_RUNS || 5) * 20;

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

/** A realistic answer of about `size` characters: prose, a hint block and the solution block, repeated. */
function answerOf(set, exerciseId, size) {
	const parts = set.cases.filter(c => c.exerciseId === exerciseId).map(c => c.answer);
	let text = '';
	for (let i = 0; text.length < size; i++) {
		text += `${parts[i % parts.length]}\n`;
	}
	return text.slice(0, size);
}

function timeStream(createLeakFilter, reference, answer, chunk) {
	const times = [];
	for (let r = 0; r < RUNS; r++) {
		const filter = createLeakFilter({ reference });
		const t0 = performance.now();
		for (let i = 0; i < answer.length; i += chunk) {
			filter.push(answer.slice(i, i + chunk));
		}
		filter.end();
		times.push(performance.now() - t0);
	}
	return median(times);
}

module.exports = {
	title: 'Tutor solution-leak guard (labelled set from the built-in exercises)',
	async run({ root, log = () => {} }) {
		const { evaluateLeakGuard } = require('../../src/core/tutor/leakEval.ts');
		const { createLeakFilter, createLeakIndex, defaultLeakOptions } = require('../../src/core/tutor/leakGuard.ts');
		const set = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/leak/cases.json'), 'utf8'));
		const result = evaluateLeakGuard(set);
		const o = defaultLeakOptions;
		log(`${result.total} cases, k=${o.k} window=${o.window} threshold=${o.threshold}`);
		for (const r of result.results.filter(x => x.flagged !== (x.expected === 'leak'))) {
			log(`wrong: ${r.id} (${r.expected}, score ${r.score})`);
		}
		const rows = [
			{ metric: `catch rate (${result.caught}/${result.positives} leaks withheld)`, value: result.catchRate * 100, unit: '%', target: '>= 90 %', ok: result.catchRate >= 0.9 },
			{ metric: `false positives (${result.falsePositives}/${result.negatives} hints withheld)`, value: result.falsePositiveRate * 100, unit: '%', target: '<= 5 %', ok: result.falsePositiveRate <= 0.05 },
		];
		const leakKinds = new Set(set.cases.filter(c => c.expected === 'leak').map(c => c.kind));
		for (const [kind, tally] of Object.entries(result.byKind).sort(([a], [b]) => a.localeCompare(b))) {
			const leak = leakKinds.has(kind);
			rows.push({ metric: `  withheld, ${leak ? 'leak' : 'hint'}: ${kind}`, value: tally.flagged, unit: `of ${tally.total}`, ok: leak ? tally.flagged === tally.total : tally.flagged === 0 });
		}

		// The largest reference (most fingerprints, longest tests) is the slowest to check against.
		const id = 'builtin/shopping-cart';
		const reference = set.references[id];
		const builds = [];
		for (let r = 0; r < RUNS; r++) {
			const t0 = performance.now();
			createLeakIndex(reference);
			builds.push(performance.now() - t0);
		}
		const oneKb = answerOf(set, id, 1024);
		const tenKb = answerOf(set, id, 10 * 1024);
		timeStream(createLeakFilter, reference, tenKb, 20); // warm up
		const perKb = timeStream(createLeakFilter, reference, oneKb, 20) * 1000;
		const perTenKb = timeStream(createLeakFilter, reference, tenKb, 20);
		rows.push({ metric: 'filter overhead, 1 KB answer in 20-char chunks (median)', value: perKb, unit: 'µs' });
		rows.push({ metric: 'filter overhead, 10 KB answer in 20-char chunks (median)', value: perTenKb, unit: 'ms', target: '< 5 ms', ok: perTenKb < 5 });
		rows.push({ metric: 'index build for the largest reference (median, once per exercise)', value: median(builds), unit: 'ms' });
		return rows;
	},
};
