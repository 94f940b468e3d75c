// The grading engine's pure parts: the scrubbed environment, safe paths, report parsing and the words
// for failed runs, and finding the runtimes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { clearRuntimeCache, findRuntime, missingRuntimeMessage, parseReport, sandboxEnv, summarize } from '../../../src/core/grading';
import type { RunOutcome } from '../../../src/core/grading';
import { safeRelativePath } from '../../../src/core/grading/workspace';

const outcome = (over: Partial<RunOutcome> = {}): RunOutcome => ({ exitCode: 0, exitSignal: null, output: '', durationMs: 5, ...over });
const limits = { timeLimitSeconds: 10, outputLimitBytes: 1_000_000, memoryLimitMb: 512 };

describe('grading/engine', () => {
	describe('sandboxEnv', () => {
		it('keeps only the allow-list, never a secret-looking name, and moves HOME', () => {
			const env = sandboxEnv(
				{ PATH: '/bin', LANG: 'C.UTF-8', LC_ALL: 'C', TZ: 'UTC', LC_API_KEY: 'x', OPENAI_API_KEY: 'sk', HOME: '/home/me', NODE_OPTIONS: '-r x', SSH_AUTH_SOCK: '/s' },
				'/tmp/run',
				{ ELECTRON_RUN_AS_NODE: '1', SOME_TOKEN: 'leak' },
				'linux',
			);
			assert.deepEqual(env, { PATH: '/bin', LANG: 'C.UTF-8', LC_ALL: 'C', TZ: 'UTC', HOME: '/tmp/run', ELECTRON_RUN_AS_NODE: '1' });
		});

		it('keeps what Windows programs need and sets USERPROFILE there', () => {
			const env = sandboxEnv({ Path: 'C:\\bin', SystemRoot: 'C:\\Windows', USERPROFILE: 'C:\\Users\\me', AZURE_CLIENT_SECRET: 's' }, 'C:\\tmp\\run', {}, 'win32');
			assert.deepEqual(env, { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', HOME: 'C:\\tmp\\run', USERPROFILE: 'C:\\tmp\\run' });
		});
	});

	it('refuses learner paths that leave the grading folder', () => {
		assert.equal(safeRelativePath('two_fer.py'), 'two_fer.py');
		assert.equal(safeRelativePath('lib\\util.js'), 'lib/util.js');
		assert.equal(safeRelativePath('./a/../b.py'), 'b.py');
		for (const bad of ['../outside.py', '/etc/passwd', 'C:/x.py', 'a/../../x', '.', '']) {
			assert.equal(safeRelativePath(bad), undefined, bad);
		}
	});

	describe('report', () => {
		it('ignores a line cut short when the run was killed', () => {
			const events = parseReport('{"event":"begin","id":"a","name":"a"}\n{"event":"result","id":"a","name":"a","status":"passed"}\n{"event":"beg');
			assert.equal(events.length, 2);
		});

		it('counts a file that failed to load against the grade when other tests ran', () => {
			const events = parseReport(
				[
					'{"event":"result","id":"t.A.test_x","name":"A.test_x","status":"passed"}',
					'{"event":"loadError","file":"test_b.py","message":"ImportError: no b","location":{"path":"b.py","line":1}}',
					'{"event":"done"}',
				].join('\n'),
			);
			const result = summarize(events, outcome(), limits);
			assert.equal(result.error, undefined);
			assert.equal(result.passed, 1);
			assert.equal(result.failed, 1);
			assert.deepEqual(result.tests[1].location, { path: 'b.py', line: 1 });
		});

		it('calls a run that died without finishing a crash, naming the running test', () => {
			const events = parseReport('{"event":"begin","id":"x","name":"grows"}\n');
			const result = summarize(events, outcome({ exitCode: 134, output: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }), limits);
			assert.equal(result.error?.kind, 'crashed');
			assert.match(result.error!.message, /ran out of memory \(the limit is 512 MB\) while running "grows"/);
			assert.deepEqual(result.tests.map(t => t.status), ['errored']);

			const exited = summarize([], outcome({ exitCode: 3, output: 'bye\n' }), limits);
			assert.match(exited.error!.message, /stopped unexpectedly \(exit code 3\): bye/);
			const thrown = summarize([], outcome({ exitCode: 1, output: 'Error: boom\n    at x (/a.js:1:1)\n\nNode.js v20.20.2\n' }), limits);
			assert.match(thrown.error!.message, /\(exit code 1\): Error: boom$/);
		});
	});

	describe('findRuntime', () => {
		beforeEach(() => clearRuntimeCache());

		it('resolves Python to the real interpreter, past launcher shims', async () => {
			const python = await findRuntime('python');
			assert.ok(python, 'this suite needs Python 3 on PATH');
			assert.match(python.version!, /^3\.\d+/);
			assert.ok(fs.existsSync(python.path));
			assert.ok(!python.path.includes('/shims/'), python.path);
		});

		it('finds no Python on an empty PATH and says how to install it', async () => {
			assert.equal(await findRuntime('python', { env: { PATH: '' } }), undefined);
			assert.equal(
				missingRuntimeMessage('python', undefined, 'linux'),
				'Python 3 was not found. Install it from python.org or your package manager (sudo apt install python3), or set codementor.grading.pythonPath.',
			);
			assert.match(missingRuntimeMessage('python', undefined, 'darwin'), /brew install python/);
			assert.match(missingRuntimeMessage('python', undefined, 'win32'), /winget install/);
		});
	});
});
