// The built-in catalog as shipped in the .vsix: big and broad enough, and every exercise gradable
// as authored (its reference passes every test, its starter fails at least one), graded by the
// same engine and harness the extension uses.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Exercise } from '../../../src/core/exercises/model';
import { loadSource, type LoadedSource } from '../../../src/core/exercises/sources';
import { validateExercises } from '../../../src/core/grading';
import { buildGrading, nodeRuntime, repoRoot, type Built } from './helpers';

describe('built-in catalog (exercises/builtin)', function () {
	let built: Built;
	let source: LoadedSource;
	let exercises: Exercise[];
	before(async function () {
		this.timeout(60_000);
		built = await buildGrading();
		source = await loadSource(path.join(repoRoot, 'exercises', 'builtin'));
		exercises = await Promise.all(source.summaries.map(s => source.load(s.id)));
	});

	it('loads without problems', () => {
		assert.deepEqual(source.problems.map(p => p.message), []);
		assert.equal(source.kind, 'pack');
		assert.equal(source.id, 'builtin');
	});

	it('has at least 40 exercises, in Python and in JavaScript', () => {
		assert.ok(exercises.length >= 40, `only ${exercises.length} exercises`);
		const languages = new Set(exercises.map(e => e.language));
		assert.deepEqual([...languages].sort(), ['javascript', 'python']);
	});

	it('practises at least 12 distinct concepts', () => {
		const concepts = new Set(exercises.flatMap(e => e.concepts));
		assert.ok(concepts.size >= 12, `only ${concepts.size}: ${[...concepts].join(', ')}`);
	});

	it('gives every exercise a ladder of at least 3 hints', () => {
		const short = exercises.filter(e => e.hints.length < 3).map(e => `${e.id} (${e.hints.length})`);
		assert.deepEqual(short, []);
	});

	it('has a reference that passes every test and a starter that fails at least one, for every exercise', async function () {
		// Two runs per exercise, two exercises at a time; a slow machine needs several minutes.
		this.timeout(600_000);
		const results = await validateExercises(
			exercises.map(e => e.id),
			id => Promise.resolve(exercises.find(e => e.id === id)!),
			{ harnessDir: built.harnessDir, runtimes: { node: nodeRuntime }, concurrency: 2 },
		);
		const invalid = results.filter(r => !r.valid).map(r => `${r.id}: ${r.error ?? r.reason}`);
		assert.deepEqual(invalid, []);
		assert.equal(results.length, exercises.length);
	});
});
