// The grading engine on JavaScript exercises through the Jest-compatible harness, run the way VS Code
// runs it (its own binary with ELECTRON_RUN_AS_NODE=1): Jest API, ESM resolution, failures per test.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { clearRuntimeCache, findRuntime, gradeExercise, type GradeOptions } from '../../../src/core/grading';
import type { TestCaseResult } from '../../../src/core/exercises/model';
import { buildGrading, files, isAlive, makeExercise, nodeRuntime, waitUntil, type Built } from './helpers';

const twoFerSpec = `import { describe, test, xtest, expect } from '@jest/globals';
import { twoFer } from './two-fer';

describe('Two Fer', () => {
  test('no name given', () => {
    expect(twoFer()).toEqual('One for you, one for me.');
  });

  xtest('a name given', () => {
    expect(twoFer('Alice')).toEqual('One for Alice, one for me.');
  });

  test.skip('another name given', () => {
    expect(twoFer('Bob')).toEqual('One for Bob, one for me.');
  });
});
`;

const statuses = (tests: readonly TestCaseResult[]) => tests.map(t => [t.name, t.status]);

describe('grading/javascript harness', () => {
	let built: Built;
	let options: GradeOptions;
	before(async function () {
		this.timeout(60_000);
		built = await buildGrading();
		// Every test runs Node the way VS Code runs its own Electron binary as Node.
		options = { harnessDir: built.harnessDir, runtimes: { node: nodeRuntime } };
	});

	const grade = (exercise: ReturnType<typeof makeExercise>, learner: Record<string, string>, extra: Partial<GradeOptions> = {}) =>
		gradeExercise(exercise, files(learner), { ...options, ...extra });

	it('runs every test, xtest and test.skip included, with expected/received and the failing line', async () => {
		const exercise = makeExercise({ language: 'javascript', tests: { 'two-fer.spec.js': twoFerSpec } });
		const result = await grade(exercise, { 'two-fer.js': "export const twoFer = (name = 'you') => `One for ${name}, one for me.`;\n" });
		assert.equal(result.error, undefined, result.output);
		assert.deepEqual(statuses(result.tests), [
			['Two Fer > no name given', 'passed'],
			['Two Fer > a name given', 'passed'],
			['Two Fer > another name given', 'passed'],
		]);

		const wrong = await grade(exercise, { 'two-fer.js': "export function twoFer(name = 'you') { return `One for ${name}, one for you.`; }\n" });
		assert.equal(wrong.failed, 3);
		const [first] = wrong.tests;
		assert.equal(first.status, 'failed');
		assert.equal(first.expected, '"One for you, one for me."');
		assert.equal(first.actual, '"One for you, one for you."');
		assert.deepEqual(first.location, { path: 'two-fer.spec.js', line: 6 });
		assert.match(first.message!, /^expect\(received\)\.toEqual\(expected\)/);
		assert.ok(!first.message!.includes('\u001b['), 'no terminal colours in messages');
		assert.equal(first.id, 'two-fer.spec.js > Two Fer > no name given');
	});

	it('reports async tests, done callbacks, rejections, timeouts and thrown errors per test', async () => {
		const spec = `import { describe, test, expect } from '@jest/globals';
import { later, broken } from './lib';

describe('async', () => {
  test('awaits a value', async () => {
    expect(await later(42)).toBe(42);
  });
  test('awaits a wrong value', async () => {
    expect(await later(1)).toBe(2);
  });
  test('resolves matcher', async () => {
    await expect(later('x')).resolves.toBe('x');
  });
  test('a rejected promise', async () => {
    await later(0);
    throw new RangeError('too far');
  });
  test('done callback', done => {
    setTimeout(() => { expect(1).toBe(1); done(); }, 5);
  });
  test('a learner bug', () => {
    broken();
  });
  test('never settles', () => new Promise(() => {}), 200);
  test('throws a string', () => { throw 'oops'; });
});
`;
		const lib = `export const later = value => new Promise(resolve => setTimeout(() => resolve(value), 5));
export function broken() {
  return undefined.length;
}
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'async.spec.js': spec } }), { 'lib.js': lib });
		assert.equal(result.error, undefined, result.output);
		assert.deepEqual(statuses(result.tests), [
			['async > awaits a value', 'passed'],
			['async > awaits a wrong value', 'failed'],
			['async > resolves matcher', 'passed'],
			['async > a rejected promise', 'errored'],
			['async > done callback', 'passed'],
			['async > a learner bug', 'errored'],
			['async > never settles', 'errored'],
			['async > throws a string', 'errored'],
		]);
		const byName = new Map(result.tests.map(t => [t.name.replace('async > ', ''), t]));
		assert.equal(byName.get('awaits a wrong value')!.expected, '2');
		assert.equal(byName.get('awaits a wrong value')!.actual, '1');
		assert.equal(byName.get('a rejected promise')!.message, 'RangeError: too far');
		assert.deepEqual(byName.get('a rejected promise')!.location, { path: 'async.spec.js', line: 16 });
		assert.match(byName.get('a learner bug')!.message!, /^TypeError: Cannot read properties of undefined/);
		assert.deepEqual(byName.get('a learner bug')!.location, { path: 'lib.js', line: 3 });
		assert.match(byName.get('never settles')!.message!, /Exceeded timeout of 200 ms/);
		assert.equal(byName.get('throws a string')!.message, 'Thrown: "oops"');
	});

	it('resolves extensionless imports and every ESM export style', async () => {
		const spec = `import { expect, test } from '@jest/globals';
import area, { PI as pi, Circle, square, cube } from './shapes';
import { twice } from './lib/util';
import { name } from './lib';

test('default and renamed exports', () => {
  expect(area(1)).toBeCloseTo(3.14159);
  expect(pi).toBe(Math.PI);
});
test('classes and functions', () => {
  expect(new Circle(2).diameter()).toBe(4);
  expect(square(3)).toBe(9);
  expect(cube(2)).toBe(8);
});
test('folders and index files', () => {
  expect(twice(4)).toBe(8);
  expect(name).toBe('lib');
});
test('Jest globals without an import', () => {
  globalThis.expect([1, 2]).toContain(2);
});
`;
		const shapes = `const PI = Math.PI;
export default function area(r) { return PI * r * r; }
export { PI };
export class Circle {
  constructor(r) { this.r = r; }
  diameter() { return 2 * this.r; }
}
export function square(x) { return x * x; }
export const cube = x => x ** 3;
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'shapes.spec.js': spec }, support: { 'lib/util.js': 'export const twice = x => 2 * x;\n', 'lib/index.js': "export const name = 'lib';\n" } }), { 'shapes.js': shapes });
		assert.equal(result.error, undefined, result.output);
		assert.equal(result.passed, 4, JSON.stringify(result.tests, null, 1));
	});

	it('supports beforeAll/beforeEach/afterEach in order, test.each, describe.each and expect.assertions', async () => {
		const spec = `import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
const log = [];
beforeAll(() => log.push('all'));
beforeEach(() => log.push('outer'));
afterEach(() => log.push('after'));
describe('inner', () => {
  beforeEach(() => log.push('inner'));
  test('sees hooks in order', () => {
    expect(log).toEqual(['all', 'outer', 'inner']);
  });
});
test.each([[1, 1, 2], [2, 2, 4]])('add(%i, %i) is %i', (a, b, sum) => {
  expect(a + b).toBe(sum);
});
describe.each([{ word: 'a' }])('word $word', ({ word }) => {
  test('is short', () => expect(word.length).toBe(1));
});
test('counts assertions', () => {
  expect.assertions(2);
  expect(true).toBe(true);
});
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'hooks.spec.js': spec } }), {});
		assert.deepEqual(statuses(result.tests), [
			['inner > sees hooks in order', 'passed'],
			['add(1, 1) is 2', 'passed'],
			['add(2, 2) is 4', 'passed'],
			['word "a" > is short', 'passed'],
			['counts assertions', 'failed'],
		]);
		assert.match(result.tests[4].message!, /Expected two assertions to be called but received one assertion call/);
	});

	it('reports a throw in the learner module at import time with its file and line', async () => {
		const exercise = makeExercise({ language: 'javascript', tests: { 'two-fer.spec.js': twoFerSpec } });
		const result = await grade(exercise, { 'two-fer.js': "const config = null;\nexport const twoFer = () => '';\nconfig.load();\n" });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /two-fer\.js:3: TypeError: Cannot read properties of null/);
		assert.equal(result.tests.length, 0);
	});

	it('says which file and line hold a syntax error', async () => {
		const exercise = makeExercise({ language: 'javascript', tests: { 'two-fer.spec.js': twoFerSpec } });
		const result = await grade(exercise, { 'two-fer.js': "export const twoFer = (name = 'you') => {\n  return `One for ${name}`\n}}\n" });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /two-fer\.js:3: SyntaxError: Unexpected token '\}'/);
	});

	it('names the missing export when the learner renamed it', async () => {
		const exercise = makeExercise({ language: 'javascript', tests: { 'two-fer.spec.js': twoFerSpec } });
		const result = await grade(exercise, { 'two-fer.js': 'export const twofer = () => 1;\n' });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /two-fer\.spec\.js:2: SyntaxError: .*does not provide an export named 'twoFer'/);
	});

	it('stops a synchronous infinite loop at the time limit, naming the test', async function () {
		this.timeout(15_000);
		const spec = `import { test, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
test('quick', () => expect(1).toBe(1));
test('spins', () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  console.log('CHILD', child.pid);
  for (;;) {}
});
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'loop.spec.js': spec }, timeLimitSeconds: 2 }), {});
		assert.equal(result.error?.kind, 'timeout');
		assert.match(result.error!.message, /while running "spins"/);
		assert.deepEqual(statuses(result.tests), [['quick', 'passed'], ['spins', 'errored']]);
		const pid = Number(/CHILD (\d+)/.exec(result.output)?.[1]);
		assert.ok(pid > 0, result.output);
		assert.ok(await waitUntil(() => !isAlive(pid), 2000), `the test's child ${pid} is still running`);
	});

	it('caps the heap and says the run ran out of memory', async function () {
		this.timeout(15_000);
		const spec = `import { test } from '@jest/globals';
test('grows forever', () => {
  const all = [];
  for (;;) all.push(new Array(100000).fill(all.length));
});
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'grow.spec.js': spec } }), {}, { memoryLimitMb: 64 });
		assert.equal(result.error?.kind, 'crashed');
		assert.match(result.error!.message, /ran out of memory \(the limit is 64 MB\) while running "grows forever"/);
		assert.deepEqual(statuses(result.tests), [['grows forever', 'errored']]);
	});

	it('exits even when learner code leaves a timer running, and keeps secrets out of process.env', async () => {
		const spec = `import { test, expect } from '@jest/globals';
test('env', () => {
  setInterval(() => {}, 1000);
  console.log('ENV' + JSON.stringify(process.env));
  expect(process.env.OPENAI_API_KEY).toBeUndefined();
});
`;
		process.env.OPENAI_API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';
		try {
			const result = await grade(makeExercise({ language: 'javascript', tests: { 'env.spec.js': spec }, timeLimitSeconds: 5 }), {});
			assert.equal(result.error, undefined, result.output);
			assert.equal(result.passed, 1);
			const env = JSON.parse(/ENV(\{.*\})/.exec(result.output)![1]) as Record<string, string>;
			assert.equal(env.OPENAI_API_KEY, undefined);
			assert.equal(env.ELECTRON_RUN_AS_NODE, '1');
			assert.notEqual(env.HOME, os.homedir());
			assert.ok(result.durationMs < 4000, `${result.durationMs} ms`);
		} finally {
			delete process.env.OPENAI_API_KEY;
		}
	});

	it('fails the running test on an error thrown later from a timer', async () => {
		const spec = `import { test, expect } from '@jest/globals';
test('late throw', done => {
  setTimeout(() => { throw new Error('from a timer'); }, 5);
});
test('next one still runs', () => expect(2).toBe(2));
`;
		const result = await grade(makeExercise({ language: 'javascript', tests: { 'late.spec.js': spec } }), {});
		assert.deepEqual(statuses(result.tests), [['late throw', 'errored'], ['next one still runs', 'passed']]);
		assert.equal(result.tests[0].message, 'Error: from a timer');
	});

	it('finds Node: a configured path, node on PATH, else this binary as Node (ELECTRON_RUN_AS_NODE)', async () => {
		clearRuntimeCache();
		const fallback = await findRuntime('node', { env: { PATH: '' } });
		assert.deepEqual(fallback, { path: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' }, version: process.versions.node });
		const configured = await findRuntime('node', { configured: process.execPath });
		assert.equal(configured?.path, process.execPath);
		assert.equal(configured?.env?.ELECTRON_RUN_AS_NODE, '1');
		assert.equal(await findRuntime('node', { configured: '/nonexistent/node' }), undefined);
		const tooOld = await findRuntime('node', { env: { PATH: '' }, execPathVersion: '18.19.0' });
		assert.equal(tooOld, undefined);

		const result = await gradeExercise(makeExercise({ language: 'javascript', tests: { 'two-fer.spec.js': twoFerSpec } }), files({ 'two-fer.js': 'export const twoFer = () => 1;\n' }), {
			harnessDir: built.harnessDir,
			runtimes: { node: '/nonexistent/node' },
		});
		assert.equal(result.error?.kind, 'missing_runtime');
		assert.match(result.error!.message, /codementor\.grading\.nodePath/);
	});
});
