// Prewarmed runners (the JavaScript harness, the Python reporter): a submission takes a runner that is already loaded and waiting, gets
// the same results, limits and clean environment as a cold start, and the next runner is started
// behind it. A runner that died while waiting costs nothing but a cold start.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { findRuntime, gradeExercise, prewarmGrading, runProcess, waitingSpec, WarmPool, type GradeOptions } from '../../../src/core/grading';
import { spawnOptions } from '../../../src/core/grading/process';
import { runners } from '../../../src/core/grading/runners';
import { buildGrading, files, isAlive, makeExercise, nodeRuntime, waitUntil } from './helpers';

const spec = `import { test, expect } from '@jest/globals';
import { add } from './add';
test('adds', () => expect(add(2, 3)).toBe(5));
test('adds negatives', () => expect(add(-2, -3)).toBe(-5));
`;
const exercise = makeExercise({ language: 'javascript', tests: { 'add.spec.js': spec } });
const solution = files({ 'add.js': 'export const add = (a, b) => a + b;\n' });

describe('grading/prewarmed runners', () => {
	let pool: WarmPool;
	let options: GradeOptions;
	before(async function () {
		this.timeout(60_000);
		const built = await buildGrading();
		options = { harnessDir: built.harnessDir, runtimes: { node: nodeRuntime } };
	});
	beforeEach(() => {
		pool = new WarmPool();
		options = { ...options, warm: pool };
	});
	afterEach(() => pool.dispose());

	const spec_ = () => waitingSpec(runners.javascript, nodeRuntime, options)!;

	it('grades with a waiting runner, the same results as a cold start, and starts the next one', async () => {
		const cold = await gradeExercise(exercise, solution, { ...options, warm: undefined });
		await prewarmGrading('javascript', options);
		assert.equal(await pool.ready(spec_()), true, 'the runner says it is ready');
		const warm = await gradeExercise(exercise, solution, options);
		assert.deepEqual(pool.stats, { warm: 1, cold: 0 });
		assert.equal(warm.error, undefined, warm.output);
		assert.deepEqual(warm.tests.map(t => [t.name, t.status]), cold.tests.map(t => [t.name, t.status]));
		assert.equal(await pool.ready(spec_()), true, 'a new runner waits for the next submission');
		const wrong = await gradeExercise(exercise, files({ 'add.js': 'export const add = (a, b) => a - b;\n' }), options);
		assert.deepEqual(pool.stats, { warm: 2, cold: 0 });
		assert.equal(wrong.failed, 2);
		assert.deepEqual(wrong.tests[0]!.location, { path: 'add.spec.js', line: 3 });
	});

	it('gives learner code the run’s folder, HOME and closed stdin, and no secret of the parent', async () => {
		process.env.CODEMENTOR_TEST_API_KEY = 'sk-must-not-leak';
		try {
			await prewarmGrading('javascript', options);
			await pool.ready(spec_());
			const probe = makeExercise({
				language: 'javascript',
				tests: {
					'env.spec.js': `import { test, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
test('environment', () => {
  expect(Object.keys(process.env).filter(k => /KEY|TOKEN/.test(k))).toEqual([]);
  expect(os.homedir()).toBe(process.cwd());
  expect(fs.existsSync('env.spec.js')).toBe(true);
  expect(fs.readFileSync(0, 'utf8')).toBe('');
});
`,
				},
			});
			const result = await gradeExercise(probe, [], options);
			assert.equal(pool.stats.warm, 1);
			assert.equal(result.error, undefined, result.output);
			assert.equal(result.tests[0]!.status, 'passed', result.tests[0]!.message);
		} finally {
			delete process.env.CODEMENTOR_TEST_API_KEY;
		}
	});

	it('applies the time limit from the hand-over and kills the runner', async function () {
		this.timeout(20_000);
		await prewarmGrading('javascript', options);
		await pool.ready(spec_());
		const loop = makeExercise({
			language: 'javascript',
			timeLimitSeconds: 1,
			tests: { 'loop.spec.js': `import { test } from '@jest/globals';\ntest('spins', () => { for (;;) {} });\n` },
		});
		const started = performance.now();
		const result = await gradeExercise(loop, [], options);
		assert.equal(pool.stats.warm, 1);
		assert.equal(result.error?.kind, 'timeout');
		assert.ok(performance.now() - started < 5000);
	});

	it('grades Python with a waiting reporter: same results, the run\'s folder, HOME, closed stdin, no secrets', async function () {
		const python = await findRuntime('python');
		if (!python) {
			this.skip();
		}
		const pyOptions: GradeOptions = { ...options, runtimes: { python } };
		const pyExercise = makeExercise({
			language: 'python',
			tests: {
				'test_add.py': `import os, sys, unittest
from add import add

class AddTest(unittest.TestCase):
    def test_adds(self):
        self.assertEqual(add(2, 3), 5)

    def test_environment(self):
        self.assertEqual([k for k in os.environ if 'KEY' in k or 'TOKEN' in k], [])
        self.assertEqual(os.path.expanduser('~'), os.getcwd())
        self.assertTrue(os.path.exists('test_add.py'))
        self.assertEqual(sys.stdin.read(), '')
`,
			},
		});
		process.env.CODEMENTOR_TEST_API_KEY = 'sk-must-not-leak';
		try {
			const cold = await gradeExercise(pyExercise, files({ 'add.py': 'def add(a, b):\n    return a + b\n' }), { ...pyOptions, warm: undefined });
			await prewarmGrading('python', pyOptions);
			assert.equal(await pool.ready(waitingSpec(runners.python, python!, pyOptions)!), true, 'the reporter says it is ready');
			const warm = await gradeExercise(pyExercise, files({ 'add.py': 'def add(a, b):\n    return a + b\n' }), pyOptions);
			assert.deepEqual(pool.stats, { warm: 1, cold: 0 });
			assert.equal(warm.error, undefined, warm.output);
			assert.deepEqual(warm.tests.map(t => [t.name, t.status, t.message]), cold.tests.map(t => [t.name, t.status, t.message]));
			assert.equal(warm.passed, 2, warm.tests.map(t => t.message).join('\n'));
			const wrong = await gradeExercise(pyExercise, files({ 'add.py': 'def add(a, b):\n    return a - b\n' }), pyOptions);
			assert.equal(pool.stats.warm, 2);
			assert.equal(wrong.failed, 1);
			assert.equal(wrong.tests.find(t => t.status === 'failed')!.location?.path, 'test_add.py');
		} finally {
			delete process.env.CODEMENTOR_TEST_API_KEY;
		}
	});

	it('starts cold when the waiting runner died', async () => {
		await prewarmGrading('javascript', options);
		await pool.ready(spec_());
		const [pid] = waitingPids(options.harnessDir);
		process.kill(pid!, 'SIGKILL');
		await waitUntil(() => !isAlive(pid!), 5000);
		const result = await gradeExercise(exercise, solution, options);
		assert.equal(result.error, undefined, result.output);
		assert.equal(result.passed, 2);
		// Whether the pool saw the exit first (cold) or the run found the runner dead (stale, then cold).
		assert.equal(pool.stats.warm + pool.stats.cold, 1);
	});

	it('reports a handed-over process that had already exited as stale, without running anything', async () => {
		const child = spawn(process.execPath, ['-e', ''], spawnOptions(os.tmpdir(), {}, 'pipe'));
		await new Promise(resolve => child.on('exit', resolve));
		const outcome = await runProcess({ command: 'unused', args: [], cwd: os.tmpdir(), env: {}, timeoutMs: 1000, outputLimitBytes: 1000, prewarmed: { child, message: '{}\n' } });
		assert.equal(outcome.stale, true);
	});

	it('keeps at most maxWaiting runners waiting, stopping the oldest', async () => {
		const small = new WarmPool({ maxWaiting: 1 });
		try {
			const a = waitingSpec(runners.javascript, nodeRuntime, { ...options, memoryLimitMb: 256 })!;
			const b = waitingSpec(runners.javascript, nodeRuntime, { ...options, memoryLimitMb: 300 })!;
			small.prepare(a);
			assert.equal(await small.ready(a), true);
			small.prepare(b);
			assert.equal(await small.ready(b), true);
			assert.equal(small.take(a), undefined, 'the older runner made room');
			const taken = small.take(b)!;
			assert.ok(taken);
			taken.kill('SIGKILL');
			await waitUntil(() => !isAlive(taken.pid!), 5000);
		} finally {
			small.dispose();
		}
	});

	it('stops waiting runners when disposed', async () => {
		await prewarmGrading('javascript', options);
		await pool.ready(spec_());
		const pids = waitingPids(options.harnessDir);
		assert.equal(pids.length, 1);
		pool.dispose();
		await waitUntil(() => !pids.some(isAlive), 5000);
		assert.equal(pool.take(spec_()), undefined);
		pool.prepare(spec_());
		assert.equal(await pool.ready(spec_()), false, 'a disposed pool starts nothing');
	});
});

/** The harness processes waiting for a run (started with --wait from this build's harness folder). */
function waitingPids(harnessDir: string): number[] {
	const out = spawnSync('pgrep', ['-f', `${harnessDir}/jest-harness.cjs --wait`], { encoding: 'utf8' }).stdout;
	return out.split('\n').filter(Boolean).map(Number);
}
