// Where started exercises go, what starting writes (never over the learner's work), the README
// beside them, the folder marker, and the status the tree shows.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Exercise } from '../../../src/core/exercises/model';
import { exerciseFolder, exercisesRoot, instructionsMarkdown, parseMarker, planScaffold } from '../../../src/core/exercises/scaffold';
import { ExerciseStatusStore } from '../../../src/core/exercises/status';

const exercise: Exercise = {
	id: 'builtin/leap-year',
	sourceId: 'builtin',
	slug: 'leap-year',
	title: 'Leap Year',
	language: 'python',
	concepts: ['conditionals'],
	prerequisites: [],
	difficulty: 'beginner',
	instructions: 'Write `is_leap_year(year)`.',
	starterFiles: [{ path: 'leap_year.py', content: 'def is_leap_year(year):\n    raise NotImplementedError\n' }],
	testFiles: [{ path: 'test_leap_year.py', content: 'import unittest\n' }],
	supportFiles: [],
	hints: ['Which years are divisible by 4?'],
	referenceFiles: [{ path: 'leap_year.py', content: 'def is_leap_year(year):\n    return year % 4 == 0\n' }],
	timeLimitSeconds: 10,
};

describe('Scaffolding an exercise', () => {
	it('puts exercises in the setting, else the workspace, else ~/CodeMentor', () => {
		const home = path.resolve('/home/ada');
		const ws = path.resolve('/work/ws');
		assert.equal(exercisesRoot({ configured: '', workspaceFolder: ws, home }), path.join(ws, 'codementor-exercises'));
		assert.equal(exercisesRoot({ configured: '', home }), path.join(home, 'CodeMentor'));
		assert.equal(exercisesRoot({ configured: '~/practice', workspaceFolder: ws, home }), path.join(home, 'practice'));
		assert.equal(exercisesRoot({ configured: 'mine', workspaceFolder: ws, home }), path.join(ws, 'mine'));
		assert.equal(exerciseFolder('/r', { sourceId: 'exercism/python', slug: '../up' }), path.join('/r', 'exercism-python', '-up'), 'ids cannot climb out of the root');
	});

	it('writes only what is missing, so starting again never overwrites the learner', () => {
		const fresh = planScaffold(exercise, new Set());
		assert.deepEqual(fresh.write.map(f => f.path), ['leap_year.py', 'test_leap_year.py']);
		const again = planScaffold(exercise, new Set(['leap_year.py']));
		assert.deepEqual(again.write.map(f => f.path), ['test_leap_year.py']);
		assert.deepEqual(again.kept, ['leap_year.py']);
	});

	it('titles the README once, whether or not the instructions carry their own heading', () => {
		assert.equal(instructionsMarkdown(exercise), '# Leap Year\n\nWrite `is_leap_year(year)`.\n');
		const titled = instructionsMarkdown({ title: 'Leap Year', instructions: '# Leap Year\n\nWrite it.\n' });
		assert.equal(titled.match(/^# /gm)?.length, 1, titled);
	});

	it('reads the folder marker, and ignores one that is not ours', () => {
		assert.equal(parseMarker(JSON.stringify({ version: 1, exerciseId: 'builtin/leap-year', source: '/x', startedAt: 't' }))?.exerciseId, 'builtin/leap-year');
		assert.equal(parseMarker('{"exerciseId": 3}'), undefined);
		assert.equal(parseMarker('not json'), undefined);
	});
});

describe('Exercise status', () => {
	function memory() {
		const m = new Map<string, unknown>();
		return { get: <T>(k: string) => m.get(k) as T | undefined, update: async (k: string, v: unknown) => void m.set(k, v) };
	}

	it('goes not started → in progress → failing → passed, and a pass is not undone by a later failure', async () => {
		const status = new ExerciseStatusStore(memory());
		assert.equal(status.status('a'), 'not_started');
		await status.started('a', '/ex/a');
		assert.equal(status.status('a'), 'in_progress');
		await status.graded('a', '/ex/a', 2, 5);
		assert.equal(status.status('a'), 'failed');
		await status.graded('a', '/ex/a', 5, 5);
		assert.equal(status.status('a'), 'passed');
		await status.graded('a', '/ex/a', 1, 5);
		assert.equal(status.status('a'), 'passed');
		assert.deepEqual(status.get('a')?.lastScore, { passed: 1, total: 5 });
		assert.equal(status.folders().get('/ex/a'), 'a');
	});

	it('a run with no tests is not a pass', async () => {
		const status = new ExerciseStatusStore(memory());
		await status.graded('b', '/ex/b', 0, 0);
		assert.equal(status.status('b'), 'failed');
	});
});
