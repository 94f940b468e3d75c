// The grading engine on Python exercises: per-test results from the reporter, and every way a run
// can fail (syntax and import errors, time limit, cancellation, output and memory caps, no Python).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gradeExercise } from '../../../src/core/grading';
import { buildGrading, files, isAlive, makeExercise, waitUntil, type Built } from './helpers';

const wordCountTests = `import unittest

from word_count import count_words


class WordCountTest(unittest.TestCase):
    def test_one_word(self):
        self.assertEqual(count_words("word"), {"word": 1})

    def test_repeated_word(self):
        self.assertEqual(count_words("one one"), {"one": 2})

    def test_empty(self):
        self.assertEqual(count_words(""), {})
`;

// Passes test_one_word, gets test_repeated_word wrong, and crashes on "".
const buggyWordCount = `def count_words(text):
    words = text.split()
    first = words[0]
    return {w: 1 for w in words}
`;

describe('grading/python', () => {
	let built: Built;
	before(async function () {
		this.timeout(60_000);
		built = await buildGrading();
	});

	const grade = (exercise: ReturnType<typeof makeExercise>, learner: Record<string, string>, extra: object = {}) =>
		gradeExercise(exercise, files(learner), { harnessDir: built.harnessDir, ...extra });

	it('reports each test method as passed, failed or errored, with expected/actual and where', async () => {
		const exercise = makeExercise({ language: 'python', tests: { 'test_word_count.py': wordCountTests } });
		const result = await grade(exercise, { 'word_count.py': buggyWordCount });

		assert.equal(result.error, undefined, result.output);
		assert.deepEqual(
			result.tests.map(t => [t.name, t.status]),
			[
				['WordCountTest.test_one_word', 'passed'],
				['WordCountTest.test_repeated_word', 'failed'],
				['WordCountTest.test_empty', 'errored'],
			],
		);
		assert.equal(result.passed, 1);
		assert.equal(result.failed, 2);
		const [, repeated, empty] = result.tests;
		assert.equal(repeated.id, 'test_word_count.WordCountTest.test_repeated_word');
		assert.equal(repeated.expected, "{'one': 2}");
		assert.equal(repeated.actual, "{'one': 1}");
		assert.deepEqual(repeated.location, { path: 'test_word_count.py', line: 11 });
		assert.match(repeated.message!, /\{'one': 1\} != \{'one': 2\}/);
		assert.equal(empty.message, 'IndexError: list index out of range');
		// The deepest frame in the exercise folder: the learner's line, not the test's.
		assert.deepEqual(empty.location, { path: 'word_count.py', line: 3 });
		assert.ok(typeof empty.durationMs === 'number');
	});

	it('grades with the exercise\'s own tests, not the learner\'s edited copy', async () => {
		const exercise = makeExercise({ language: 'python', tests: { 'test_word_count.py': wordCountTests } });
		const cheat = 'import unittest\n\nclass T(unittest.TestCase):\n    def test_ok(self):\n        pass\n';
		const result = await grade(exercise, { 'word_count.py': buggyWordCount, 'test_word_count.py': cheat });
		assert.equal(result.tests.length, 3);
		assert.equal(result.failed, 2);
	});

	it('says which file and line hold a syntax error before any test ran', async () => {
		const exercise = makeExercise({ language: 'python', tests: { 'test_word_count.py': wordCountTests } });
		const result = await grade(exercise, { 'word_count.py': 'def count_words(text):\n    return {w: 1 for w in text.split(}\n' });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /^The tests could not run: word_count\.py:2: SyntaxError: /);
		assert.equal(result.tests.length, 0);
		assert.equal(result.passed + result.failed, 0);
	});

	it('reports an error raised while importing the learner module with its file and line', async () => {
		const exercise = makeExercise({ language: 'python', tests: { 'test_word_count.py': wordCountTests } });
		const result = await grade(exercise, { 'word_count.py': 'import math\n\nvalue = undefined_name\n' });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /word_count\.py:3: NameError: name 'undefined_name' is not defined/);
	});

	it('stops an infinite loop at the time limit and kills the whole process tree', async function () {
		this.timeout(15_000);
		const tests = `import subprocess, sys, unittest

class LoopTest(unittest.TestCase):
    def test_fast(self):
        self.assertTrue(True)

    def test_forever(self):
        child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])
        print('CHILD', child.pid, flush=True)
        while True:
            pass
`;
		// Long enough for a slow machine to reach the loop, short enough to keep the suite quick.
		const exercise = makeExercise({ language: 'python', tests: { 'test_loop.py': tests }, timeLimitSeconds: 2 });
		const started = Date.now();
		const result = await grade(exercise, {});
		const elapsed = Date.now() - started;

		assert.equal(result.error?.kind, 'timeout');
		assert.match(result.error!.message, /within 2 s.*while running "LoopTest\.test_forever"/);
		assert.ok(elapsed >= 2000 && elapsed < 5000, `took ${elapsed} ms`);
		assert.deepEqual(
			result.tests.map(t => [t.name, t.status]),
			[
				['LoopTest.test_fast', 'passed'],
				['LoopTest.test_forever', 'errored'],
			],
		);
		const pid = Number(/CHILD (\d+)/.exec(result.output)?.[1]);
		assert.ok(pid > 0, result.output);
		assert.ok(await waitUntil(() => !isAlive(pid), 2000), `the test's child ${pid} is still running`);
	});

	it('cancels a run through its AbortSignal and kills it', async function () {
		this.timeout(15_000);
		const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-cancel-')), 'pid');
		const tests = `import os, time, unittest

class SlowTest(unittest.TestCase):
    def test_slow(self):
        with open(${JSON.stringify(pidFile)}, 'w') as f:
            f.write(str(os.getpid()))
        time.sleep(30)
`;
		const exercise = makeExercise({ language: 'python', tests: { 'test_slow.py': tests }, timeLimitSeconds: 30 });
		const controller = new AbortController();
		const grading = grade(exercise, {}, { signal: controller.signal });
		assert.ok(await waitUntil(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 10_000), 'the test never started');
		const pid = Number(fs.readFileSync(pidFile, 'utf8'));
		const aborted = Date.now();
		controller.abort();
		const result = await grading;
		assert.equal(result.error?.kind, 'cancelled');
		assert.ok(Date.now() - aborted < 2000);
		assert.ok(await waitUntil(() => !isAlive(pid), 2000), `the run ${pid} is still alive`);
		fs.rmSync(path.dirname(pidFile), { recursive: true, force: true });

		const already = await grade(exercise, {}, { signal: AbortSignal.abort() });
		assert.equal(already.error?.kind, 'cancelled');
	});

	it('stops a run that prints more than the output limit', async function () {
		this.timeout(10_000);
		const tests = `import unittest

class NoisyTest(unittest.TestCase):
    def test_noisy(self):
        while True:
            print('spam ' * 20)
`;
		const exercise = makeExercise({ language: 'python', tests: { 'test_noisy.py': tests } });
		const result = await grade(exercise, {}, { outputLimitBytes: 20_000 });
		assert.equal(result.error?.kind, 'output_limit');
		assert.match(result.error!.message, /more than 20 KB of output.*"NoisyTest\.test_noisy"/);
		assert.ok(Buffer.byteLength(result.output) <= 20_000, `${Buffer.byteLength(result.output)} bytes kept`);
		assert.ok(result.output.startsWith('spam'));
	});

	it('runs with an environment scrubbed of secrets, HOME in the throw-away folder', async () => {
		const tests = `import json, os, unittest

class EnvTest(unittest.TestCase):
    def test_env(self):
        print('ENV' + json.dumps(dict(os.environ)), flush=True)
`;
		const exercise = makeExercise({ language: 'python', tests: { 'test_env.py': tests } });
		const saved = { ...process.env };
		Object.assign(process.env, {
			OPENAI_API_KEY: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
			GITHUB_TOKEN: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
			DB_PASSWORD: 'hunter2hunter2',
			LC_SECRET_THING: 'nope-nope',
			NODE_OPTIONS: '--require /tmp/evil.js',
			PYTHONPATH: '/tmp/elsewhere',
		});
		try {
			const result = await grade(exercise, {});
			const env = JSON.parse(/ENV(\{.*\})/.exec(result.output)![1]) as Record<string, string>;
			for (const name of ['OPENAI_API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'LC_SECRET_THING', 'NODE_OPTIONS', 'PYTHONPATH']) {
				assert.equal(env[name], undefined, name);
			}
			assert.ok(!result.output.includes('sk-proj-') && !result.output.includes('hunter2'));
			assert.equal(env.PATH, process.env.PATH);
			assert.notEqual(env.HOME, os.homedir());
			assert.ok(env.HOME.includes('codementor-grade-'), env.HOME);
			assert.ok(Object.keys(env).every(name => !/KEY|TOKEN|SECRET|PASSWORD/i.test(name)));
		} finally {
			for (const name of Object.keys(process.env)) {
				if (!(name in saved)) {
					delete process.env[name];
				}
			}
		}
	});

	it('removes its temporary folder, and closes stdin', async () => {
		const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-grade-root-'));
		try {
			const tests = `import unittest

class InputTest(unittest.TestCase):
    def test_input(self):
        with self.assertRaises(EOFError):
            input('name? ')
`;
			const result = await grade(makeExercise({ language: 'python', tests: { 'test_input.py': tests } }), {}, { tempRoot });
			assert.equal(result.passed, 1, result.output);
			assert.deepEqual(fs.readdirSync(tempRoot), []);
		} finally {
			fs.rmSync(tempRoot, { recursive: true, force: true });
		}
	});

	it('limits memory where the OS allows it', async function () {
		if (process.platform !== 'linux') {
			this.skip();
		}
		const tests = `import unittest

class MemoryTest(unittest.TestCase):
    def test_huge(self):
        block = bytearray(1024 * 1024 * 1024)
        self.assertEqual(len(block), 1024 * 1024 * 1024)
`;
		const result = await grade(makeExercise({ language: 'python', tests: { 'test_memory.py': tests } }), {}, { memoryLimitMb: 256 });
		assert.equal(result.tests[0]?.status, 'errored', result.output);
		assert.match(result.tests[0].message!, /MemoryError/);
	});

	it('says how to install Python when it is missing', async () => {
		const exercise = makeExercise({ language: 'python', tests: { 'test_word_count.py': wordCountTests } });
		const result = await grade(exercise, { 'word_count.py': buggyWordCount }, { runtimes: { python: '/nonexistent/python3' } });
		assert.equal(result.error?.kind, 'missing_runtime');
		assert.match(result.error!.message, /Python 3 was not found at "\/nonexistent\/python3" \(codementor\.grading\.pythonPath\)/);

		const spawnFails = await grade(exercise, { 'word_count.py': buggyWordCount }, { runtimes: { python: { path: '/nonexistent/python3' } } });
		assert.equal(spawnFails.error?.kind, 'missing_runtime');
	});

	it('runs pytest-style test functions with plain asserts, no pytest needed', async () => {
		const tests = 'from word_count import count_words\n\ndef test_one():\n    assert count_words("a") == {"a": 1}\n\ndef test_two():\n    assert count_words("a a") == {"a": 2}\n';
		const result = await grade(makeExercise({ language: 'python', tests: { 'test_plain.py': tests } }), { 'word_count.py': buggyWordCount });
		assert.deepEqual(result.tests.map(t => [t.name, t.status]), [['test_one', 'passed'], ['test_two', 'failed']]);
		assert.equal(result.tests[1].message, 'AssertionError: assert count_words("a a") == {"a": 2}');
		assert.deepEqual(result.tests[1].location, { path: 'test_plain.py', line: 7 });
	});

	it('folds subtests into their test method and reports the failing one', async () => {
		const tests = `import unittest

class SubTest(unittest.TestCase):
    def test_cases(self):
        for n in [1, 2, 3]:
            with self.subTest(n=n):
                self.assertEqual(n % 2, 1)
`;
		const result = await grade(makeExercise({ language: 'python', tests: { 'test_sub.py': tests } }), {});
		assert.equal(result.tests.length, 1);
		assert.equal(result.tests[0].status, 'failed');
		assert.match(result.tests[0].message!, /^\(n=2\): 0 != 1/);
	});
});
