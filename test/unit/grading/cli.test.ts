// The `codementor` CLI on the fixtures in test/fixtures/grading: grade, validate and list, their exit
// codes and JSON, in-process and as the built dist/cli.js bundle.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { buildGrading, fixtures, type Built } from './helpers';

interface Ran {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

describe('codementor CLI', function () {
	this.timeout(30_000);
	let built: Built;
	before(async function () {
		this.timeout(60_000);
		built = await buildGrading();
	});

	const run = async (...argv: string[]): Promise<Ran> => {
		let stdout = '';
		let stderr = '';
		const code = await runCli(argv, { stdout: s => (stdout += s), stderr: s => (stderr += s), harnessDir: built.harnessDir });
		return { code, stdout, stderr };
	};
	const pack = path.join(fixtures, 'pack');
	const track = path.join(fixtures, 'track');

	describe('grade', () => {
		it('grades a pack exercise folder: its starter fails (1), its reference passes (0)', async () => {
			const starter = await run('grade', path.join(pack, 'add-numbers'));
			assert.equal(starter.code, 1, starter.stderr);
			assert.match(starter.stdout, /✗ AddTest\.test_small_numbers/);
			assert.match(starter.stdout, /✗ AddTest\.test_small_numbers.*\n\s+None != 5\n/);
			assert.match(starter.stdout, /at test_add_numbers\.py:8/);
			assert.match(starter.stdout, /0 passed, 2 failed/);

			const reference = await run('grade', path.join(pack, 'add-numbers'), '--reference');
			assert.equal(reference.code, 0, reference.stdout);
			assert.match(reference.stdout, /✓ AddTest\.test_small_numbers/);
			assert.match(reference.stdout, /2 passed, 0 failed/);
		});

		it('prints the GradeResult as JSON with --json', async () => {
			const { code, stdout } = await run('grade', path.join(pack, 'greet'), '--json');
			assert.equal(code, 1);
			const result = JSON.parse(stdout);
			assert.equal(result.exerciseId, 'grading-fixtures/greet');
			assert.equal(result.passed, 0);
			assert.equal(result.failed, 2);
			assert.deepEqual(result.tests.map((t: { name: string }) => t.name), ['greet > greets Alice', 'greet > greets Bob']);
			assert.match(result.tests[0].message, /Error: Remove this line and implement the function/);
			assert.deepEqual(result.tests[0].location, { path: 'greet.js', line: 2 });
			assert.equal(typeof result.durationMs, 'number');
		});

		it('grades a started exercise folder through its .codementor.json marker', async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-started-'));
			try {
				fs.writeFileSync(path.join(dir, '.codementor.json'), JSON.stringify({ version: 1, exerciseId: 'grading-fixtures/add-numbers', source: pack, startedAt: '' }));
				// The learner's copy of the tests is ignored: the pack's tests are graded.
				fs.writeFileSync(path.join(dir, 'test_add_numbers.py'), 'import unittest\n');
				fs.writeFileSync(path.join(dir, 'add_numbers.py'), 'def add(a, b):\n    return a + b\n');
				const solved = await run('grade', dir);
				assert.equal(solved.code, 0, solved.stdout + solved.stderr);
				assert.match(solved.stdout, /2 passed, 0 failed/);

				fs.writeFileSync(path.join(dir, 'add_numbers.py'), 'def add(a, b):\n    return a - b\n');
				assert.equal((await run('grade', dir)).code, 1);

				fs.rmSync(path.join(dir, 'add_numbers.py'));
				const missing = await run('grade', dir);
				assert.equal(missing.code, 2);
				assert.match(missing.stderr, /Expected add_numbers\.py in .*solution file of grading-fixtures\/add-numbers/);

				fs.writeFileSync(path.join(dir, '.codementor.json'), '{"exerciseId": 3}');
				const broken = await run('grade', dir);
				assert.equal(broken.code, 2);
				assert.match(broken.stderr, /\.codementor\.json is not valid: expected \{"exerciseId"/);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		});

		it('grades an Exercism exercise folder in a track checkout', async () => {
			const leap = path.join(track, 'exercises', 'practice', 'leap');
			const stub = await run('grade', leap, '--json');
			assert.equal(stub.code, 1);
			assert.equal(JSON.parse(stub.stdout).failed, 3);
			const example = await run('grade', leap, '--reference');
			assert.equal(example.code, 0, example.stdout);
			assert.match(example.stdout, /Leap \(exercism-python\/leap, python\) — its reference/);
		});

		it('exits 2 on a folder that is not an exercise, and on a bad command line', async () => {
			const notExercise = await run('grade', fixtures);
			assert.equal(notExercise.code, 2);
			assert.match(notExercise.stderr, /is not an exercise folder: expected a \.codementor\.json/);
			for (const argv of [[], ['grade'], ['frobnicate', '.'], ['grade', pack, '--bogus'], ['list', pack, '--only', 'x'], ['validate', pack, '--only']]) {
				const r = await run(...argv);
				assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
				assert.match(r.stderr, /^codementor: .+\nRun "codementor --help"/, argv.join(' '));
			}
			const help = await run('--help');
			assert.equal(help.code, 0);
			assert.match(help.stdout, /codementor grade <exercise-dir>/);
			assert.equal((await run('list', path.join(fixtures, 'nope'))).code, 2);
		});
	});

	describe('validate', () => {
		it('prints exactly one JSON object and exits 0 when every exercise is valid', async () => {
			const { code, stdout } = await run('validate', pack, '--json');
			assert.equal(code, 0, stdout);
			const report = JSON.parse(stdout);
			assert.deepEqual(report.summary, { total: 2, valid: 2, invalid: 0, errors: 0 });
			assert.deepEqual(report.exercises.map((e: { id: string }) => e.id).sort(), ['grading-fixtures/add-numbers', 'grading-fixtures/greet']);
			for (const e of report.exercises) {
				assert.equal(e.valid, true);
				assert.deepEqual(Object.keys(e.reference), ['passed', 'failed', 'ms']);
				assert.equal(e.reference.failed, 0);
				assert.ok(e.starter.failed >= 1);
				assert.equal(e.error, undefined);
			}
		});

		it('exits 1 and says why when a starter already passes', async () => {
			const { code, stdout } = await run('validate', path.join(fixtures, 'broken-pack'));
			assert.equal(code, 1);
			assert.match(stdout, /✗ broken-fixtures\/too-easy/);
			assert.match(stdout, /the starter passes every test/);
			assert.match(stdout, /0 of 1 valid, 1 invalid/);
		});

		it('checks only the exercises named by --only, and rejects unknown ones', async () => {
			const { code, stdout } = await run('validate', pack, '--json', '--only', 'greet');
			assert.equal(code, 0);
			assert.deepEqual(JSON.parse(stdout).exercises.map((e: { id: string }) => e.id), ['grading-fixtures/greet']);
			const unknown = await run('validate', pack, '--only', 'greet,nope');
			assert.equal(unknown.code, 2);
			assert.match(unknown.stderr, /No exercise "nope"/);
		});

		it('validates an Exercism track against its example solutions', async () => {
			const { code, stdout } = await run('validate', track, '--json');
			assert.equal(code, 0, stdout);
			assert.deepEqual(JSON.parse(stdout).summary, { total: 1, valid: 1, invalid: 0, errors: 0 });
		});
	});

	it('lists a pack or track, readable or as JSON', async () => {
		const { code, stdout } = await run('list', pack, '--json');
		assert.equal(code, 0);
		const listed = JSON.parse(stdout);
		assert.equal(listed.source.kind, 'pack');
		assert.equal(listed.source.id, 'grading-fixtures');
		assert.deepEqual(
			listed.exercises.map((e: { id: string; language: string }) => [e.id, e.language]).sort(),
			[['grading-fixtures/add-numbers', 'python'], ['grading-fixtures/greet', 'javascript']],
		);
		const readable = await run('list', track);
		assert.match(readable.stdout, /exercism-python\/leap\s+python\s+beginner\s+Leap/);
	});

	it('writes a pack\'s index.json with every exercise, and refuses a track', async () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-cli-index-'));
		try {
			fs.cpSync(pack, copy, { recursive: true });
			const { code, stdout } = await run('index', copy);
			assert.equal(code, 0, stdout);
			assert.match(stdout, /Wrote .*index\.json: 2 exercises/);
			const written = JSON.parse(fs.readFileSync(path.join(copy, 'index.json'), 'utf8'));
			assert.equal(written.format, 'codementor-pack-index');
			assert.deepEqual(Object.keys(written.files).sort(), ['add-numbers/exercise.json', 'greet/exercise.json']);
			assert.equal(written.files['greet/exercise.json'], fs.readFileSync(path.join(pack, 'greet', 'exercise.json'), 'utf8'));
			// The index is not an exercise of the pack.
			const listed = JSON.parse((await run('list', copy, '--json')).stdout);
			assert.equal(listed.exercises.length, 2);
			assert.deepEqual(listed.problems, []);
		} finally {
			fs.rmSync(copy, { recursive: true, force: true });
		}
		const refused = await run('index', track);
		assert.equal(refused.code, 2);
		assert.match(refused.stderr, /only exercise packs/);
	});

	it('runs as the built dist/cli.js bundle', () => {
		assert.ok(fs.readFileSync(built.cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
		const help = spawnSync(process.execPath, [built.cli, '--help'], { encoding: 'utf8' });
		assert.equal(help.status, 0, help.stderr);
		const graded = spawnSync(process.execPath, [built.cli, 'grade', path.join(pack, 'greet'), '--reference'], { encoding: 'utf8' });
		assert.equal(graded.status, 0, graded.stdout + graded.stderr);
		assert.match(graded.stdout, /✓ greet > greets Bob/);
		const usage = spawnSync(process.execPath, [built.cli, 'validate'], { encoding: 'utf8' });
		assert.equal(usage.status, 2);
	});
});
