// "Generate Exercise…" in core: the versioned prompt, the generate–check–retry loop against a
// scripted model and a content-driven fake grader (and once through the real Python grader), and
// the Generated pack written by saveGenerated() loading back unchanged through loadSource().
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancelledError, UserFacingError } from '../../../src/core/errors';
import {
	checkStructure,
	GENERATE_COMMAND,
	GENERATE_PROMPT_VERSION,
	generatedExerciseSchema,
	generateExercise,
	GenerationFailedError,
	generationPrompt,
	pathProblem,
	saveGenerated,
	type GenerateDeps,
	type GenerateRequest,
} from '../../../src/core/exercises/generate';
import type { Exercise, ExerciseFile, GradeResult, TestCaseResult } from '../../../src/core/exercises/model';
import { findRuntime, gradeExercise } from '../../../src/core/grading';
import { loadSource } from '../../../src/core/exercises/sources';
import { LlmError } from '../../../src/core/llm/errors';
import { toJsonSchema } from '../../../src/core/llm/structured';
import type { ChatEvent, ChatRequest, LlmProvider } from '../../../src/core/llm/types';

const repoRoot = path.resolve(__dirname, '../../..');

// ---- canned exercises ---------------------------------------------------------------------------

const REFERENCE_PY = [
	'def count_words(text):',
	'    """Counts each lower-cased word of text."""',
	'    counts = {}',
	'    for word in text.lower().split():',
	'        counts[word] = counts.get(word, 0) + 1',
	'    return counts',
	'',
].join('\n');

const STARTER_PY = ['def count_words(text):', '    """Counts each lower-cased word of text."""', '    raise NotImplementedError', ''].join('\n');

const TEST_PY = [
	'import unittest',
	'',
	'from word_count import count_words',
	'',
	'',
	'class CountWordsTest(unittest.TestCase):',
	'    def test_empty(self):',
	'        self.assertEqual(count_words(""), {})',
	'',
	'    def test_one_word(self):',
	'        self.assertEqual(count_words("hello"), {"hello": 1})',
	'',
	'    def test_repeated_words_ignore_case(self):',
	'        self.assertEqual(count_words("Go go GO stop"), {"go": 3, "stop": 1})',
	'',
	'',
	'if __name__ == "__main__":',
	'    unittest.main()',
	'',
].join('\n');

type Reply = Record<string, unknown>;

function pythonReply(overrides: Reply = {}): Reply {
	return {
		slug: 'word-count',
		title: 'Word Count',
		concepts: ['dicts', 'strings'],
		prerequisites: ['loops'],
		difficulty: 'easy',
		instructions: '# Word Count\n\nWrite `count_words(text)` that returns how often each word occurs, ignoring case.\n',
		hints: ['What should an empty text give?', 'A dict can hold one count per word.', 'Lower-case the text before splitting it.'],
		starterFiles: [{ path: 'word_count.py', content: STARTER_PY }],
		testFiles: [{ path: 'test_word_count.py', content: TEST_PY }],
		referenceFiles: [{ path: 'word_count.py', content: REFERENCE_PY }],
		...overrides,
	};
}

function javascriptExercise(testContent: string): Exercise {
	return {
		id: 'generated/two-fer',
		sourceId: 'generated',
		slug: 'two-fer',
		title: 'Two Fer',
		language: 'javascript',
		concepts: ['strings'],
		prerequisites: [],
		difficulty: 'beginner',
		instructions: 'Write `twoFer(name)`.',
		starterFiles: [{ path: 'two-fer.js', content: "export const twoFer = () => {\n  throw new Error('Remove this line and implement the function');\n};\n" }],
		testFiles: [{ path: 'two-fer.spec.js', content: testContent }],
		supportFiles: [],
		hints: ['a', 'b', 'c'],
		referenceFiles: [{ path: 'two-fer.js', content: "export const twoFer = (name = 'you') => `One for ${name}, one for me.`;\n" }],
		timeLimitSeconds: 10,
	};
}

const request: GenerateRequest = { topic: 'counting words in a sentence', language: 'python', difficulty: 'medium', concepts: ['dicts'] };

// ---- a scripted model and a fake grader ---------------------------------------------------------

/** Replies with the next canned text on each chat() call and keeps every request it was sent. */
class ScriptedProvider implements LlmProvider {
	readonly id = 'openai' as const;
	readonly label = 'Scripted model';
	readonly defaultModel = 'scripted-1';
	readonly requests: ChatRequest[] = [];
	private readonly replies: Array<string | Error>;

	constructor(replies: ReadonlyArray<Reply | string | Error>) {
		this.replies = replies.map(r => (typeof r === 'string' || r instanceof Error ? r : JSON.stringify(r)));
	}

	async *chat(request: ChatRequest): AsyncIterable<ChatEvent> {
		this.requests.push(request);
		if (request.signal.aborted) {
			throw new CancelledError();
		}
		const next = this.replies.shift();
		if (next === undefined) {
			throw new Error('the script has no more replies');
		}
		if (next instanceof Error) {
			throw next;
		}
		yield { type: 'text', text: next };
		yield { type: 'done', result: { text: next, toolCalls: [], usage: { inputTokens: 1000, outputTokens: 400, cachedInputTokens: 200 }, stopReason: 'stop', model: 'scripted-1', costUsd: 0.01 } };
	}

	async listModels() {
		return [];
	}

	/** The user message of the n-th request (0-based). */
	prompt(n: number): string {
		const message = this.requests[n]?.messages[0];
		return message?.role === 'user' ? message.content : '';
	}
}

function testCase(name: string, status: TestCaseResult['status'], message?: string): TestCaseResult {
	return { id: `test_word_count.CountWordsTest.${name}`, name, status, ...(message ? { message } : {}) };
}

function result(tests: readonly TestCaseResult[], error?: GradeResult['error']): GradeResult {
	const passed = tests.filter(t => t.status === 'passed').length;
	return { passed, failed: tests.length - passed, tests, durationMs: 5, output: '', ...(error ? { error } : {}) };
}

interface GradeCall {
	readonly exercise: Exercise;
	readonly files: readonly ExerciseFile[];
}

/**
 * Grades by content, the way real tests would: unfinished code (NotImplementedError) errors
 * test_one_word, code with a "BUG" marker fails test_x, anything else passes.
 */
function fakeGrader() {
	const calls: GradeCall[] = [];
	const grade: GenerateDeps['grade'] = async (exercise, files) => {
		calls.push({ exercise, files });
		const code = files.map(f => f.content).join('\n');
		if (code.includes('raise NotImplementedError')) {
			return result([testCase('test_empty', 'passed'), testCase('test_one_word', 'errored', 'NotImplementedError')]);
		}
		if (code.includes('BUG')) {
			return result([testCase('test_empty', 'passed'), testCase('test_x', 'failed', 'AssertionError: 3 != 4')]);
		}
		return result([testCase('test_empty', 'passed'), testCase('test_one_word', 'passed'), testCase('test_x', 'passed')]);
	};
	return { grade, calls };
}

function deps(provider: LlmProvider, grade: GenerateDeps['grade'], extra: Partial<GenerateDeps> = {}): GenerateDeps {
	return { provider, grade, signal: new AbortController().signal, ...extra };
}

// What version 1 of the prompt (and the schema sent with it) hashes to; see the versioning test.
const PROMPT_V1_HASH = '5c0ab8ebeb7b64ab';

// ---- tests --------------------------------------------------------------------------------------

describe('Exercise generation: the prompt', () => {
	it('states the Python conventions, the topic, the difficulty and the concepts', () => {
		const { system, messages } = generationPrompt(request);
		const systemText = system.map(b => b.text).join('\n');
		assert.match(systemText, /import unittest/);
		assert.match(systemText, /from word_count import count_words/);
		assert.match(systemText, /pytest is not available/);
		assert.match(systemText, /no network, no randomness, no current date or time/);
		assert.doesNotMatch(systemText, /@jest\/globals/, 'a Python request gets no JavaScript conventions');
		assert.equal(messages.length, 1);
		const user = messages[0]!;
		assert.equal(user.role, 'user');
		assert.match(user.content, /medium Python exercise about: counting words in a sentence/);
		assert.match(user.content, /Difficulty "medium" means/);
		assert.match(user.content, /concepts: dicts/);
		assert.doesNotMatch(user.content, /rejected/, 'a first attempt has no failure to report');
		assert.equal(system.at(-1)?.cache, true, 'the stable system prompt ends in a cache breakpoint');
	});

	it('states the JavaScript conventions: @jest/globals, ESM exports, imports without extension', () => {
		const { system, messages } = generationPrompt({ topic: 'greetings', language: 'javascript', difficulty: 'beginner' });
		const systemText = system.map(b => b.text).join('\n');
		assert.match(systemText, /import \{ describe, test, expect \} from '@jest\/globals';/);
		assert.match(systemText, /import \{ twoFer \} from '\.\/two-fer';/);
		assert.match(systemText, /without extension/);
		assert.match(systemText, /export function twoFer/);
		assert.match(systemText, /never require\(\) or module\.exports/);
		assert.doesNotMatch(systemText, /import unittest/);
		assert.match(messages[0]!.content, /beginner JavaScript exercise about: greetings/);
		assert.doesNotMatch(messages[0]!.content, /concepts/, 'no concepts were asked for');
	});

	it('quotes the previous failure on a retry', () => {
		const failure = 'the reference solution must pass every test, but 1 of 3 did not: test_x failed: AssertionError: 3 != 4';
		const content = generationPrompt(request, failure).messages[0]!.content;
		assert.ok(content.includes(failure));
		assert.match(content, /previous attempt was rejected/);
		assert.deepEqual(generationPrompt(request, failure).system, generationPrompt(request).system, 'retries keep the cached system prompt');
	});

	it('keeps a long pasted topic to one bounded line', () => {
		const content = generationPrompt({ ...request, topic: `loops\n\n${'x'.repeat(5000)}` }).messages[0]!.content;
		assert.ok(content.split('\n')[0]!.length < 400);
		assert.match(content.split('\n')[0]!, /about: loops x/);
	});

	it('is versioned: changing the prompt or schema without bumping GENERATE_PROMPT_VERSION fails here', () => {
		const text = JSON.stringify([
			generationPrompt({ topic: 'topic', language: 'python', difficulty: 'easy', concepts: ['loops'] }, 'failure'),
			generationPrompt({ topic: 'topic', language: 'javascript', difficulty: 'hard' }),
			toJsonSchema(generatedExerciseSchema),
		]);
		const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
		assert.deepEqual({ version: GENERATE_PROMPT_VERSION, hash }, { version: 1, hash: PROMPT_V1_HASH }, 'the prompt changed: bump GENERATE_PROMPT_VERSION and update PROMPT_V1_HASH');
	});

	it('spells the language conventions out in the schema sent to the model', () => {
		const schema = JSON.stringify(toJsonSchema(generatedExerciseSchema));
		assert.match(schema, /unittest/);
		assert.match(schema, /@jest\/globals/);
		assert.match(schema, /without extension/);
		assert.match(schema, /ESM exports/);
		const parsed = generatedExerciseSchema.safeParse(pythonReply({ hints: ['only one'] }));
		assert.equal(parsed.success, false, 'fewer than 3 hints is rejected');
		assert.equal(generatedExerciseSchema.safeParse(pythonReply({ slug: 'Word Count' })).success, false, 'the slug is kebab-case');
		assert.equal(generatedExerciseSchema.safeParse(pythonReply()).success, true);
	});
});

describe('Exercise generation: generate, check, retry', () => {
	it('accepts a valid exercise on the first attempt, graded as reference then starter', async () => {
		const provider = new ScriptedProvider([pythonReply()]);
		const grader = fakeGrader();
		const progress: string[] = [];
		const out = await generateExercise(request, deps(provider, grader.grade, { onProgress: m => progress.push(m) }));
		assert.equal(out.attempts, 1);
		assert.equal(out.exercise.id, 'generated/word-count');
		assert.equal(out.exercise.sourceId, 'generated');
		assert.equal(out.exercise.language, 'python');
		assert.equal(out.exercise.difficulty, 'medium', 'the requested difficulty, not the one the model labelled');
		assert.deepEqual(out.exercise.concepts, ['dicts', 'strings']);
		assert.equal(out.exercise.referenceFiles[0]!.content, REFERENCE_PY);
		assert.deepEqual(grader.calls.map(c => c.files), [out.exercise.referenceFiles, out.exercise.starterFiles]);
		assert.deepEqual(out.usage, { inputTokens: 1000, outputTokens: 400, cachedInputTokens: 200 });
		assert.equal(out.costUsd, 0.01);
		const sent = provider.requests[0]!;
		assert.equal(sent.purpose, 'generate');
		assert.equal(sent.userInitiated, true);
		assert.equal(sent.jsonSchema?.name, 'exercise');
		assert.ok(progress.some(m => /attempt 1 of 3/.test(m)));
	});

	it('retries when the reference fails a test, quoting the failure to the model', async () => {
		const broken = pythonReply({ referenceFiles: [{ path: 'word_count.py', content: `${REFERENCE_PY}# BUG\n` }] });
		const provider = new ScriptedProvider([broken, pythonReply()]);
		const grader = fakeGrader();
		const out = await generateExercise(request, deps(provider, grader.grade));
		assert.equal(out.attempts, 2);
		assert.equal(provider.requests.length, 2);
		const retry = provider.prompt(1);
		assert.match(retry, /the reference solution must pass every test, but 1 of 2 did not: test_x failed: AssertionError: 3 != 4/);
		assert.doesNotMatch(provider.prompt(0), /test_x/);
		assert.equal(grader.calls.length, 3, 'the broken reference was not followed by a starter run');
		assert.doesNotMatch(out.exercise.referenceFiles[0]!.content, /BUG/);
		assert.deepEqual(out.usage, { inputTokens: 2000, outputTokens: 800, cachedInputTokens: 400 }, 'the rejected attempt is paid for too');
		assert.ok(Math.abs(out.costUsd! - 0.02) < 1e-9);
	});

	it('rejects a starter that already passes every test, then accepts the fix', async () => {
		const solved = pythonReply({ starterFiles: [{ path: 'word_count.py', content: REFERENCE_PY }] });
		const provider = new ScriptedProvider([solved, pythonReply()]);
		const out = await generateExercise(request, deps(provider, fakeGrader().grade));
		assert.equal(out.attempts, 2);
		assert.match(provider.prompt(1), /the starter files pass all 3 tests; the starter must leave the work undone/);
		assert.match(out.exercise.starterFiles[0]!.content, /NotImplementedError/);
	});

	it('rejects a path that leaves the exercise folder without running anything', async () => {
		const escaping = pythonReply({
			starterFiles: [{ path: '../word_count.py', content: STARTER_PY }],
			referenceFiles: [{ path: '../word_count.py', content: REFERENCE_PY }],
		});
		const provider = new ScriptedProvider([escaping, pythonReply()]);
		const grader = fakeGrader();
		const out = await generateExercise(request, deps(provider, grader.grade));
		assert.equal(out.attempts, 2);
		assert.match(provider.prompt(1), /the file path "\.\.\/word_count\.py" leaves the exercise folder/);
		assert.equal(grader.calls.length, 2, 'only the accepted attempt reached the sandbox');
		assert.ok(grader.calls.every(c => c.files.every(f => !f.path.includes('..'))));
	});

	it('retries a reply that is not a valid exercise object, and passes other model errors through', async () => {
		// generateObject repairs once itself, so a bad attempt costs two replies.
		const provider = new ScriptedProvider(['not json', JSON.stringify(pythonReply({ hints: [] })), pythonReply()]);
		const out = await generateExercise(request, deps(provider, fakeGrader().grade));
		assert.equal(out.attempts, 2);
		assert.match(provider.prompt(2), /the reply was not a valid exercise object/);

		const auth = new ScriptedProvider([new LlmError('auth', 'The API key was rejected.')]);
		await assert.rejects(generateExercise(request, deps(auth, fakeGrader().grade)), (error: unknown) => error instanceof LlmError && error.kind === 'auth');
		assert.equal(auth.requests.length, 1, 'a wrong key is not retried as a bad exercise');
	});

	it('gives up after maxAttempts with a UserFacingError naming the last problem and offering to try again', async () => {
		const solved = pythonReply({ starterFiles: [{ path: 'word_count.py', content: REFERENCE_PY }] });
		const broken = pythonReply({ referenceFiles: [{ path: 'word_count.py', content: `${REFERENCE_PY}# BUG\n` }] });
		const provider = new ScriptedProvider([solved, solved, broken, pythonReply()]);
		const error = await generateExercise(request, deps(provider, fakeGrader().grade)).then(
			() => assert.fail('expected the generation to fail'),
			(e: unknown) => e,
		);
		assert.ok(error instanceof UserFacingError);
		assert.ok(error instanceof GenerationFailedError);
		assert.equal(error.attempts, 3);
		assert.equal(provider.requests.length, 3, 'no fourth attempt');
		assert.match(error.message, /in 3 attempts: the last one was rejected because the reference solution must pass every test, but 1 of 2 did not: test_x failed/);
		assert.match(error.message, /Try again/);
		assert.deepEqual(error.actions, [{ title: 'Try Again', command: GENERATE_COMMAND, args: [request] }]);
		assert.equal(error.usage.inputTokens, 3000);

		const once = new ScriptedProvider([solved, pythonReply()]);
		await assert.rejects(generateExercise(request, deps(once, fakeGrader().grade, { maxAttempts: 1 })), GenerationFailedError);
		assert.equal(once.requests.length, 1);
	});

	it('stops when cancelled, without further attempts', async () => {
		const controller = new AbortController();
		const broken = pythonReply({ referenceFiles: [{ path: 'word_count.py', content: `${REFERENCE_PY}# BUG\n` }] });
		const provider = new ScriptedProvider([broken, pythonReply()]);
		const grader = fakeGrader();
		const grade: GenerateDeps['grade'] = async (exercise, files, signal) => {
			const graded = await grader.grade(exercise, files, signal);
			controller.abort(); // the learner pressed Cancel while the reference was being graded
			return graded;
		};
		await assert.rejects(generateExercise(request, deps(provider, grade, { signal: controller.signal })), CancelledError);
		assert.equal(provider.requests.length, 1, 'the rejected attempt was not retried after the cancel');
		assert.equal(grader.calls.length, 1, 'the starter was not graded after the cancel');

		const early = new ScriptedProvider([pythonReply()]);
		await assert.rejects(generateExercise(request, deps(early, fakeGrader().grade, { signal: AbortSignal.abort() })), CancelledError);
		assert.equal(early.requests.length, 0);

		const cancelledRun = new ScriptedProvider([pythonReply(), pythonReply()]);
		const stopped: GenerateDeps['grade'] = async () => result([], { kind: 'cancelled', message: 'Cancelled' });
		await assert.rejects(generateExercise(request, deps(cancelledRun, stopped)), CancelledError);
		assert.equal(cancelledRun.requests.length, 1);
	});

	it('does not retry when the runtime is missing: no exercise can fix that', async () => {
		const provider = new ScriptedProvider([pythonReply(), pythonReply()]);
		const missing: GenerateDeps['grade'] = async () => result([], { kind: 'missing_runtime', message: 'Python 3 was not found. Install it or set codementor.grading.pythonPath.' });
		await assert.rejects(generateExercise(request, deps(provider, missing)), (e: unknown) => e instanceof UserFacingError && !(e instanceof GenerationFailedError) && /Python 3 was not found/.test(e.message));
		assert.equal(provider.requests.length, 1);
	});
});

describe('Exercise generation: structural checks', () => {
	it('accepts only bare file names with the language extension', () => {
		assert.equal(pathProblem('word_count.py', 'python'), undefined);
		assert.equal(pathProblem('two-fer.spec.js', 'javascript'), undefined);
		assert.match(pathProblem('../x.py', 'python')!, /leaves the exercise folder/);
		assert.match(pathProblem('..\\x.py', 'python')!, /leaves the exercise folder/);
		assert.match(pathProblem('/etc/x.py', 'python')!, /absolute/);
		assert.match(pathProblem('C:x.py', 'python')!, /absolute/);
		assert.match(pathProblem('src/x.py', 'python')!, /folders/);
		assert.match(pathProblem('.hidden.py', 'python')!, /must not start with "\."/);
		assert.match(pathProblem('x.js', 'python')!, /must end in \.py/);
		assert.match(pathProblem('x.py', 'javascript')!, /must end in \.js/);
	});

	it('requires the same starter and reference files, and tests that import the starter module', async () => {
		const provider = new ScriptedProvider([
			pythonReply({ referenceFiles: [{ path: 'words.py', content: REFERENCE_PY }] }),
			pythonReply({ testFiles: [{ path: 'test_word_count.py', content: TEST_PY.replace('from word_count import', 'from counting import') }] }),
			pythonReply({ testFiles: [{ path: 'test_word_count.py', content: TEST_PY.replace('import unittest\n', '') }] }),
		]);
		const error = await generateExercise(request, deps(provider, fakeGrader().grade)).catch((e: unknown) => e);
		assert.ok(error instanceof GenerationFailedError);
		assert.match(provider.prompt(1), /starterFiles and referenceFiles must have the same file names, but starterFiles has "word_count\.py" that referenceFiles lacks/);
		assert.match(provider.prompt(2), /does not import the solution module \(expected e\.g\. `from word_count import …`\)/);
		assert.match(error.message, /does not use unittest/);
	});

	it('requires Python solution files to be importable module names', () => {
		const exercise = { ...javascriptExercise(''), language: 'python' as const, starterFiles: [{ path: 'word-count.py', content: STARTER_PY }], referenceFiles: [{ path: 'word-count.py', content: REFERENCE_PY }], testFiles: [{ path: 'test_word_count.py', content: TEST_PY }] };
		assert.match(checkStructure(exercise)!, /"word-count\.py" cannot be imported by that name; use a snake_case module name like "word_count\.py"/);
	});

	it('checks JavaScript specs for @jest/globals and a relative import of the starter file', () => {
		const globals = "import { describe, test, expect } from '@jest/globals';\n";
		assert.equal(checkStructure(javascriptExercise(`${globals}import { twoFer } from './two-fer';\n`)), undefined);
		assert.equal(checkStructure(javascriptExercise(`${globals}import { twoFer } from "./two-fer.js";\n`)), undefined);
		assert.match(checkStructure(javascriptExercise(`${globals}import { twoFer } from 'two-fer';\n`))!, /does not import the solution file/);
		assert.match(checkStructure(javascriptExercise("import { twoFer } from './two-fer';\n"))!, /@jest\/globals/);
	});
});

describe('Exercise generation: with the real grader', () => {
	it('accepts a canned valid Python exercise only after the real sandbox proves it', async function () {
		this.timeout(30_000);
		if (!(await findRuntime('python'))) {
			this.skip(); // no Python 3 on this machine
		}
		// The Python runner needs only reporter.py, which esbuild.js copies unchanged into dist/grading.
		const harnessDir = path.join(repoRoot, 'src', 'core', 'grading', 'python');
		const caseSensitive = pythonReply({ referenceFiles: [{ path: 'word_count.py', content: REFERENCE_PY.replace('text.lower()', 'text') }] });
		const solvedStarter = pythonReply({ starterFiles: [{ path: 'word_count.py', content: REFERENCE_PY }] });
		const provider = new ScriptedProvider([caseSensitive, solvedStarter, pythonReply()]);
		const results: GradeResult[] = [];
		const grade: GenerateDeps['grade'] = async (exercise, files, signal) => {
			const graded = await gradeExercise(exercise, files, { harnessDir, signal });
			results.push(graded);
			return graded;
		};
		const out = await generateExercise(request, deps(provider, grade));
		assert.equal(out.attempts, 3);
		assert.match(provider.prompt(1), /but 1 of 3 did not: CountWordsTest\.test_repeated_words_ignore_case failed \(test_word_count\.py line 14\): .*'go': 3/);
		assert.match(provider.prompt(2), /the starter files pass all 3 tests/);
		assert.deepEqual(
			results.map(r => [r.passed, r.failed, r.error?.kind]),
			[[2, 1, undefined], [3, 0, undefined], [3, 0, undefined], [3, 0, undefined], [0, 3, undefined]],
			'the broken reference; the reference and the solved starter; the reference and the real starter',
		);
		assert.equal(out.exercise.slug, 'word-count');
	});
});

describe('Exercise generation: the Generated pack', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'codementor-generated-'));
	});

	afterEach(async () => {
		await fs.rm(dir, { recursive: true, force: true });
	});

	async function generated(): Promise<Exercise> {
		// Two test files, listed out of order: the pack reader lists files sorted.
		const edgeCases = TEST_PY.replace('class CountWordsTest', 'class EdgeCasesTest');
		const reply = pythonReply({ testFiles: [{ path: 'test_word_count.py', content: TEST_PY }, { path: 'test_edge_cases.py', content: edgeCases }] });
		return (await generateExercise(request, deps(new ScriptedProvider([reply]), fakeGrader().grade))).exercise;
	}

	it('saves an exercise that loads back identical through loadSource', async () => {
		const exercise = await generated();
		const packDir = path.join(dir, 'generated');
		const folder = await saveGenerated(packDir, exercise);
		assert.equal(folder, path.join(packDir, 'word-count'));
		const manifest = JSON.parse(await fs.readFile(path.join(packDir, 'pack.json'), 'utf8')) as Record<string, unknown>;
		assert.equal(manifest.id, 'generated');
		assert.equal(manifest.title, 'Generated exercises');
		assert.equal(typeof manifest.description, 'string');

		const source = await loadSource(packDir, { id: 'generated' });
		assert.deepEqual(source.problems, []);
		assert.deepEqual(source.summaries.map(s => s.id), ['generated/word-count']);
		assert.deepEqual(await source.load('generated/word-count'), exercise);
		assert.deepEqual((await fs.readdir(packDir)).sort(), ['pack.json', 'word-count'], 'no staging folder is left behind');
	});

	it('gives a taken slug -2, -3… and keeps an existing pack.json', async () => {
		const exercise = await generated();
		await fs.mkdir(dir, { recursive: true });
		await fs.writeFile(path.join(dir, 'pack.json'), JSON.stringify({ id: 'generated', title: 'My generated exercises' }));
		assert.equal(await saveGenerated(dir, exercise), path.join(dir, 'word-count'));
		assert.equal(await saveGenerated(dir, exercise), path.join(dir, 'word-count-2'));
		assert.equal(await saveGenerated(dir, exercise), path.join(dir, 'word-count-3'));
		const source = await loadSource(dir, { id: 'generated' });
		assert.equal(source.title, 'My generated exercises');
		assert.deepEqual(source.summaries.map(s => s.id), ['generated/word-count', 'generated/word-count-2', 'generated/word-count-3']);
		assert.deepEqual(await source.load('word-count-2'), { ...exercise, id: 'generated/word-count-2', slug: 'word-count-2' });
	});

	it('refuses to write a file outside the exercise folder', async () => {
		const exercise = await generated();
		const escaping = { ...exercise, testFiles: [{ path: '../../evil.py', content: 'x = 1\n' }] };
		await assert.rejects(saveGenerated(dir, escaping), /leaves the exercise folder/);
		assert.equal(existsSync(path.join(dir, '..', 'evil.py')), false);
		assert.equal(existsSync(path.join(dir, 'word-count')), false);
	});
});
