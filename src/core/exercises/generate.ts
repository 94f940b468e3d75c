// "Generate Exercise…" in core: the versioned prompt and zod schema with which a model writes a
// whole exercise, the loop that accepts it only once the sandbox proves it sound (the reference
// passes every test, the starter fails at least one), feeding each rejection back to the model a
// bounded number of times, and saveGenerated(), which writes an accepted exercise into the local
// "Generated" pack in the format of docs/exercise-format.md. Grading itself is injected.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import { CancelledError, isCancellation, UserFacingError, type ErrorAction } from '../errors';
import { isLlmError } from '../llm/errors';
import { generateObject } from '../llm/structured';
import type { ChatMessage, ChatResult, LlmProvider, SystemBlock, Usage } from '../llm/types';
import { nullLogger, type Logger } from '../log';
import type { Difficulty, Exercise, ExerciseFile, ExerciseLanguage, GradeResult, TestCaseResult } from './model';
import { conceptIdSchema, difficulties } from './pack';
import { CommandIds } from '../../shared/ids';

export const GENERATED_SOURCE_ID = 'generated';
/** Not in CommandIds yet: the feature that registers "Generate Exercise…" owns the id. */
export const GENERATE_COMMAND = CommandIds.generateExercise;
/** Bump whenever generationPrompt()'s output changes, so logs and evaluations can tell prompts apart. */
export const GENERATE_PROMPT_VERSION = 1;

const DEFAULT_MAX_ATTEMPTS = 3;
const TIME_LIMIT_SECONDS = 10;
// A hard exercise (instructions, tests, starter and reference) overflows the providers' 4k default.
const MAX_OUTPUT_TOKENS = 8192;
const MAX_TOPIC_CHARS = 300;

export interface GenerateRequest {
	readonly topic: string;
	readonly language: ExerciseLanguage;
	readonly difficulty: Difficulty;
	/** Concept ids to practise; the model picks when omitted. */
	readonly concepts?: readonly string[];
}

// ---- the schema the model fills -----------------------------------------------------------------

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const catalogConcepts = ['strings', 'conditionals', 'loops', 'functions', 'lists', 'dicts', 'recursion', 'sorting', 'classes', 'exceptions', 'higher-order-functions', 'closures', 'sets', 'math', 'iterators'];

const fileSchema = z.object({
	path: z
		.string()
		.min(1)
		.describe('A bare file name in the exercise folder, no folders: "word_count.py" / "test_word_count.py" (Python), "two-fer.js" / "two-fer.spec.js" (JavaScript). Never "..", "/" or an absolute path.'),
	content: z.string().describe('The whole file, with real newlines.'),
});

export const generatedExerciseSchema = z.object({
	slug: z.string().regex(kebabCase, { error: 'must be kebab-case, like "word-count"' }).max(60).describe('Short kebab-case id from the title, e.g. "word-count".'),
	title: z.string().trim().min(1).max(80).describe('Shown in the exercise tree, e.g. "Word Count".'),
	concepts: z
		.array(conceptIdSchema)
		.min(1)
		.describe(`Kebab-case ids of the concepts this exercise practises (1-3). Prefer the catalog's: ${catalogConcepts.join(', ')}.`),
	prerequisites: z.array(conceptIdSchema).describe('Kebab-case concept ids the learner should know first; may be empty.'),
	difficulty: z.enum(difficulties).describe('The requested difficulty.'),
	instructions: z
		.string()
		.trim()
		.min(1)
		.describe('Markdown for the learner: the task, the exact function (or class) names and signatures the tests call, one or two examples, the edge cases. Never the solution.'),
	hints: z
		.array(z.string().trim().min(1))
		.min(3)
		.max(5)
		.describe('3 to 5 markdown hints, gentlest first; the last may name the approach, none contains solution code.'),
	starterFiles: z
		.array(fileSchema)
		.min(1)
		.describe('What the learner starts from: the same file names as referenceFiles, with the signatures and a docstring or comment, but the bodies left undone (Python: `raise NotImplementedError`; JavaScript: `throw new Error(\'Remove this line and implement the function\')`), so at least one test fails. JavaScript files use ESM exports (`export function name(…)` or `export const name = …`), never module.exports.'),
	testFiles: z
		.array(fileSchema)
		.min(1)
		.describe('The tests, fast and deterministic (no network, no randomness, no clock, no sleeping, no input()). Python: unittest, e.g. test_word_count.py with `import unittest`, `from word_count import count_words` (the starter module by its file name) and `class CountWordsTest(unittest.TestCase)`; pytest is not available. JavaScript: a Jest-style spec, e.g. two-fer.spec.js with `import { describe, test, expect } from \'@jest/globals\';` and `import { twoFer } from \'./two-fer\';` (the starter file without extension); only describe, test/it, xtest, beforeEach/afterEach, beforeAll/afterAll and expect exist.'),
	referenceFiles: z
		.array(fileSchema)
		.min(1)
		.describe('A complete, correct solution with the same file names as starterFiles; it must pass every test. JavaScript: ESM exports, as in the starter.'),
});

export type GeneratedExercise = z.output<typeof generatedExerciseSchema>;

// ---- the prompt ---------------------------------------------------------------------------------

const languageNames: Record<ExerciseLanguage, string> = { python: 'Python', javascript: 'JavaScript' };

const difficultyGuide: Record<Difficulty, string> = {
	beginner: 'one small function of a few lines using basic syntax; the tests check the obvious cases and one simple edge case',
	easy: 'one function with a couple of cases to handle; a handful of tests including edge cases such as empty input',
	medium: 'a function or two (or a small class) with several edge cases; a learner needs some thought but well under an hour',
	hard: 'a more involved algorithm or class with tricky edge cases, still solvable in under an hour without any library',
};

const rulesBlock = [
	'You write one programming exercise for CodeMentor, an AI coding tutor. A learner reads the instructions, edits the starter files until the tests pass, and climbs the hint ladder when stuck.',
	'Reply with one JSON object that matches the given schema, and nothing else.',
	'',
	'Rules:',
	'- Practise the requested topic at the requested difficulty; stay small and focused.',
	'- referenceFiles: a complete, correct solution. CodeMentor runs the tests against it and rejects the exercise unless every test passes.',
	'- starterFiles: the same file names as referenceFiles, with the signatures the tests call and a short docstring or comment, but the work left undone. CodeMentor rejects the exercise unless at least one test fails against the starter. Never put the solution in the starter.',
	`- testFiles: 4 to 10 focused test cases with clear names, covering the edge cases the instructions mention. Tests must be fast and deterministic: no network, no randomness, no current date or time, no sleeping, no reading or writing files, no input(). The whole run is stopped after ${TIME_LIMIT_SECONDS} seconds.`,
	'- File names are bare names in the exercise folder (no folders, no "..", no absolute paths); test file names differ from solution file names.',
	'- instructions: markdown that states the task, the exact names and signatures the tests call, one or two examples and the edge cases, without giving the solution away.',
	'- hints: 3 to 5, gentlest first; the last may name the approach, none contains solution code.',
	`- concepts and prerequisites: kebab-case concept ids; prefer ${catalogConcepts.join(', ')}.`,
	'- Use only the standard library; there is nothing to install.',
].join('\n');

const languageBlocks: Record<ExerciseLanguage, string> = {
	python: [
		'Language: Python 3, standard library only.',
		'- Solution files are snake_case modules, e.g. word_count.py in both starterFiles and referenceFiles.',
		'- Test files use unittest (pytest is not available), e.g. test_word_count.py:',
		'```python',
		'import unittest',
		'',
		'from word_count import count_words',
		'',
		'',
		'class CountWordsTest(unittest.TestCase):',
		'    def test_one_word(self):',
		'        self.assertEqual(count_words("hello"), {"hello": 1})',
		'',
		'',
		'if __name__ == "__main__":',
		'    unittest.main()',
		'```',
		'- Every test file imports the solution module by its file name (`from word_count import …`).',
		'- Starter bodies are `raise NotImplementedError` (keep the signature and docstring).',
	].join('\n'),
	javascript: [
		'Language: JavaScript on Node.js, ES modules, no npm packages.',
		'- Solution files are kebab-case .js files with ESM exports, e.g. two-fer.js with `export function twoFer(name) { … }` or `export const twoFer = …`; never require() or module.exports.',
		'- Test files are Jest-style specs as Exercism\'s JavaScript track writes them, e.g. two-fer.spec.js:',
		'```javascript',
		"import { describe, test, expect } from '@jest/globals';",
		"import { twoFer } from './two-fer';",
		'',
		"describe('twoFer', () => {",
		"  test('no name given', () => {",
		"    expect(twoFer()).toEqual('One for you, one for me.');",
		'  });',
		'});',
		'```',
		"- Every spec imports the solution file relatively and without extension (`from './two-fer'`).",
		'- Only describe, test/it, xtest, beforeEach/afterEach, beforeAll/afterAll and expect (Jest matchers) exist: no jest.fn, mocks or fake timers.',
		"- Starter bodies are `throw new Error('Remove this line and implement the function');` (keep the export and parameters).",
	].join('\n'),
};

/** The prompt for one attempt; `previousFailure` says why the previous attempt was rejected. Pure. */
export function generationPrompt(req: GenerateRequest, previousFailure?: string): { system: SystemBlock[]; messages: ChatMessage[] } {
	const language = languageNames[req.language];
	// The topic is whatever the learner typed; it is data for the request, not more instructions.
	const topic = req.topic.trim().replace(/\s+/g, ' ').slice(0, MAX_TOPIC_CHARS);
	const lines = [
		`Write a ${req.difficulty} ${language} exercise about: ${topic}`,
		`Difficulty "${req.difficulty}" means ${difficultyGuide[req.difficulty]}.`,
	];
	if (req.concepts?.length) {
		lines.push(`It practises these concepts: ${req.concepts.join(', ')}.`);
	}
	if (previousFailure) {
		lines.push(
			'',
			`Your previous attempt was rejected by CodeMentor's check: ${previousFailure}`,
			'Write the whole exercise again with that problem fixed.',
		);
	}
	return {
		// Both blocks depend only on the language: one breakpoint after them lets retries and later
		// requests reuse the cached prefix.
		system: [{ text: rulesBlock }, { text: languageBlocks[req.language], cache: true }],
		messages: [{ role: 'user', content: lines.join('\n') }],
	};
}

// ---- generating ---------------------------------------------------------------------------------

export interface GenerateDeps {
	readonly provider: LlmProvider;
	/** Grades `files` as the learner's solution of `exercise` in the sandbox. */
	readonly grade: (exercise: Exercise, files: readonly ExerciseFile[], signal: AbortSignal) => Promise<GradeResult>;
	readonly signal: AbortSignal;
	/** Model attempts before giving up (default 3); each may include one structured-output repair turn. */
	readonly maxAttempts?: number;
	readonly onProgress?: (message: string) => void;
	readonly logger?: Logger;
}

export interface GenerationCost {
	/** Model attempts made. */
	readonly attempts: number;
	/** Summed over every call, rejected attempts included. */
	readonly usage: Usage;
	/** Undefined when the price of any call is unknown. */
	readonly costUsd: number | undefined;
}

export interface GenerateResult extends GenerationCost {
	/** sourceId 'generated', id 'generated/<slug>'; not saved yet (see saveGenerated). */
	readonly exercise: Exercise;
}

/** Every attempt was rejected; `problem` is why the last one was. The tokens spent are still reported. */
export class GenerationFailedError extends UserFacingError implements GenerationCost {
	constructor(
		readonly problem: string,
		readonly attempts: number,
		readonly usage: Usage,
		readonly costUsd: number | undefined,
		actions: readonly ErrorAction[],
	) {
		super(`CodeMentor could not generate a working exercise in ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}: the last one was rejected because ${problem}. Try again, perhaps with a narrower topic.`, actions);
		this.name = 'GenerationFailedError';
	}
}

/** A rejection the model can fix: quoted back to it in the next attempt's prompt. */
class Rejected extends Error {}

export async function generateExercise(req: GenerateRequest, deps: GenerateDeps): Promise<GenerateResult> {
	const { provider, signal } = deps;
	const logger = deps.logger ?? nullLogger;
	const progress = deps.onProgress ?? (() => undefined);
	const maxAttempts = Math.max(1, Math.floor(deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
	const calls: ChatResult[] = [];
	let problem: string | undefined;
	let attempt = 0;
	while (attempt < maxAttempts) {
		throwIfAborted(signal);
		attempt++;
		progress(`Writing the exercise (attempt ${attempt} of ${maxAttempts})…`);
		const prompt = generationPrompt(req, problem);
		logger.debug(`Generate: attempt ${attempt}/${maxAttempts}, prompt v${GENERATE_PROMPT_VERSION}, ${provider.label}`);
		logger.trace('Generate: prompt', prompt);
		try {
			const generated = await writeExercise(provider, prompt, signal, calls);
			logger.trace('Generate: reply', generated);
			throwIfAborted(signal);
			const exercise = toExercise(generated, req);
			const structural = checkStructure(exercise);
			if (structural) {
				throw new Rejected(structural);
			}
			progress('Checking that the reference solution passes the tests…');
			const reference = await deps.grade(exercise, exercise.referenceFiles, signal);
			throwIfAborted(signal);
			checkReference(reference);
			progress('Checking that the starter files fail the tests…');
			const starter = await deps.grade(exercise, exercise.starterFiles, signal);
			throwIfAborted(signal);
			checkStarter(starter);
			logger.info(`Generate: "${exercise.title}" (${exercise.id}) accepted after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}`);
			return { exercise, attempts: attempt, ...totals(calls) };
		} catch (error) {
			if (signal.aborted || isCancellation(error)) {
				throw new CancelledError();
			}
			if (!(error instanceof Rejected)) {
				throw error;
			}
			problem = error.message;
			logger.info(`Generate: attempt ${attempt} rejected: ${problem}`);
			if (attempt < maxAttempts) {
				progress(`Attempt ${attempt} was rejected (${problem}); trying again…`);
			}
		}
	}
	const { usage, costUsd } = totals(calls);
	const again: ErrorAction = { title: 'Try Again', command: GENERATE_COMMAND, args: [req] };
	throw new GenerationFailedError(problem ?? 'no attempt was made', attempt, usage, costUsd, [again]);
}

async function writeExercise(provider: LlmProvider, prompt: { system: SystemBlock[]; messages: ChatMessage[] }, signal: AbortSignal, calls: ChatResult[]): Promise<GeneratedExercise> {
	try {
		const result = await generateObject(
			provider,
			{ ...prompt, signal, userInitiated: true, purpose: 'generate', maxOutputTokens: MAX_OUTPUT_TOKENS, schemaName: 'exercise' },
			generatedExerciseSchema,
		);
		calls.push(...result.calls);
		return result.value;
	} catch (error) {
		// Output that misses the schema even after generateObject's repair turn is one more thing the
		// model can fix next attempt; auth, network, quota and the like are not, and go to the UI.
		if (isLlmError(error, 'bad_response')) {
			throw new Rejected(`the reply was not a valid exercise object (${error.message})`);
		}
		throw error;
	}
}

function toExercise(generated: GeneratedExercise, req: GenerateRequest): Exercise {
	// The loader lists files sorted; sorting here makes the saved pack load back identical.
	const sorted = (files: readonly ExerciseFile[]) => files.map(f => ({ path: f.path, content: f.content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return {
		id: `${GENERATED_SOURCE_ID}/${generated.slug}`,
		sourceId: GENERATED_SOURCE_ID,
		slug: generated.slug,
		title: generated.title,
		language: req.language,
		concepts: generated.concepts,
		prerequisites: generated.prerequisites,
		// The learner chose the level; a model that labels it otherwise does not get to change it.
		difficulty: req.difficulty,
		instructions: generated.instructions,
		starterFiles: sorted(generated.starterFiles),
		testFiles: sorted(generated.testFiles),
		supportFiles: [],
		hints: generated.hints,
		referenceFiles: sorted(generated.referenceFiles),
		timeLimitSeconds: TIME_LIMIT_SECONDS,
	};
}

function totals(calls: readonly ChatResult[]): { usage: Usage; costUsd: number | undefined } {
	let inputTokens = 0;
	let outputTokens = 0;
	let cachedInputTokens = 0;
	let costUsd: number | undefined = 0;
	for (const call of calls) {
		inputTokens += call.usage.inputTokens;
		outputTokens += call.usage.outputTokens;
		cachedInputTokens += call.usage.cachedInputTokens ?? 0;
		costUsd = costUsd === undefined || call.costUsd === undefined ? undefined : costUsd + call.costUsd;
	}
	return { usage: { inputTokens, outputTokens, cachedInputTokens }, costUsd };
}

function throwIfAborted(signal: AbortSignal): void {
	if (signal.aborted) {
		throw new CancelledError();
	}
}

// ---- the checks ---------------------------------------------------------------------------------

const extensions: Record<ExerciseLanguage, string> = { python: '.py', javascript: '.js' };
// Names the pack reader skips (dot files, __pycache__, node_modules) would vanish on the way to disk.
const fileName = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const ignoredNames = new Set(['__pycache__', 'node_modules']);

/** Why a file path cannot be part of a generated exercise, or undefined when it can. */
export function pathProblem(filePath: string, language: ExerciseLanguage): string | undefined {
	const quoted = JSON.stringify(filePath);
	if (filePath.split(/[\\/]/).includes('..')) {
		return `the file path ${quoted} leaves the exercise folder ("..")`;
	}
	if (/^([\\/]|[A-Za-z]:)/.test(filePath)) {
		return `the file path ${quoted} is absolute; use a bare file name`;
	}
	if (/[\\/]/.test(filePath)) {
		return `the file path ${quoted} has folders; use a bare file name in the exercise folder`;
	}
	if (!fileName.test(filePath) || ignoredNames.has(filePath)) {
		return `the file name ${quoted} may hold only letters, digits, "_", "-" and "." and must not start with "."`;
	}
	const extension = extensions[language];
	if (!filePath.endsWith(extension) || filePath === extension) {
		return `the file name ${quoted} must end in ${extension} for a ${languageNames[language]} exercise`;
	}
	return undefined;
}

/** The first structural problem of an exercise (paths, starter/reference match, test imports), or undefined. */
export function checkStructure(exercise: Exercise): string | undefined {
	const { language } = exercise;
	const groups = [
		['starterFiles', exercise.starterFiles],
		['testFiles', exercise.testFiles],
		['referenceFiles', exercise.referenceFiles],
	] as const;
	for (const [name, files] of groups) {
		const seen = new Set<string>();
		for (const file of files) {
			const bad = pathProblem(file.path, language);
			if (bad) {
				return `${bad} (in ${name})`;
			}
			if (seen.has(file.path)) {
				return `${name} lists ${JSON.stringify(file.path)} twice`;
			}
			seen.add(file.path);
		}
	}
	const starter = new Set(exercise.starterFiles.map(f => f.path));
	const reference = new Set(exercise.referenceFiles.map(f => f.path));
	const onlyStarter = [...starter].filter(p => !reference.has(p));
	const onlyReference = [...reference].filter(p => !starter.has(p));
	if (onlyStarter.length || onlyReference.length) {
		const list = (paths: string[]) => paths.map(p => JSON.stringify(p)).join(', ');
		const parts = [onlyStarter.length ? `starterFiles has ${list(onlyStarter)} that referenceFiles lacks` : '', onlyReference.length ? `referenceFiles has ${list(onlyReference)} that starterFiles lacks` : ''];
		return `starterFiles and referenceFiles must have the same file names, but ${parts.filter(Boolean).join(' and ')}`;
	}
	for (const test of exercise.testFiles) {
		if (starter.has(test.path)) {
			return `the test file ${JSON.stringify(test.path)} has the same name as a starter file, and they are copied into one folder`;
		}
	}
	const modules = exercise.starterFiles.map(f => f.path.slice(0, -extensions[language].length));
	const unimportable = language === 'python' ? modules.find(m => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(m)) : undefined;
	if (unimportable !== undefined) {
		return `the solution file "${unimportable}.py" cannot be imported by that name; use a snake_case module name like "${unimportable.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=\d)/, '_')}.py"`;
	}
	for (const test of exercise.testFiles) {
		const missing = language === 'python' ? pythonTestProblem(test, modules) : javascriptTestProblem(test, modules);
		if (missing) {
			return missing;
		}
	}
	return undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pythonTestProblem(test: ExerciseFile, modules: readonly string[]): string | undefined {
	// pytest is not installed everywhere; unittest is the one runner every Python has.
	if (!/^\s*(?:import\s+unittest\b|from\s+unittest\b)/m.test(test.content)) {
		return `the test file ${JSON.stringify(test.path)} does not use unittest (\`import unittest\` and a unittest.TestCase class)`;
	}
	const imports = modules.some(m => new RegExp(`^\\s*(?:from\\s+${escapeRegExp(m)}\\s+import\\b|import\\s+${escapeRegExp(m)}\\b)`, 'm').test(test.content));
	return imports ? undefined : `the test file ${JSON.stringify(test.path)} does not import the solution module (expected e.g. \`from ${modules[0]} import …\`)`;
}

function javascriptTestProblem(test: ExerciseFile, modules: readonly string[]): string | undefined {
	if (!/from\s+['"]@jest\/globals['"]/.test(test.content)) {
		return `the spec ${JSON.stringify(test.path)} does not import its test functions with \`import { describe, test, expect } from '@jest/globals';\``;
	}
	const imports = modules.some(m => new RegExp(`from\\s+['"]\\./${escapeRegExp(m)}(?:\\.js)?['"]`).test(test.content));
	return imports ? undefined : `the spec ${JSON.stringify(test.path)} does not import the solution file (expected e.g. \`import { … } from './${modules[0]}';\`)`;
}

const MAX_LISTED_TESTS = 5;
const MAX_MESSAGE_CHARS = 300;
const MAX_OUTPUT_CHARS = 800;

function clip(text: string, max: number): string {
	const flat = text.trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function describeTest(test: TestCaseResult): string {
	if (test.status === 'skipped') {
		return `${test.name} was skipped`;
	}
	// Where the assertion is lets the model find the test it got wrong (or the one it must fix the code for).
	const where = test.location ? ` (${test.location.path} line ${test.location.line})` : '';
	let detail = test.message ? clip(test.message, MAX_MESSAGE_CHARS) : '';
	if (test.expected !== undefined && test.actual !== undefined && !detail.includes(test.expected)) {
		detail += `${detail ? ' ' : ''}(expected ${clip(test.expected, 100)}, got ${clip(test.actual, 100)})`;
	}
	return `${test.name} ${test.status === 'errored' ? 'raised an error' : 'failed'}${where}${detail ? `: ${detail}` : ''}`;
}

/** A grading run that did not get as far as the tests, in words the model can act on. */
function runProblem(result: GradeResult, whose: string): string | undefined {
	const error = result.error;
	if (error?.kind === 'cancelled') {
		throw new CancelledError();
	}
	if (error?.kind === 'missing_runtime') {
		// The learner's machine, not the exercise: no retry can fix it.
		throw new UserFacingError(error.message);
	}
	if (error?.kind === 'timeout') {
		return `the tests ran out of time (${TIME_LIMIT_SECONDS} s) against the ${whose}: tests and solution must be fast, with no waiting and no endless loops`;
	}
	if (error && result.tests.length === 0) {
		const output = result.output.trim() ? `; output: ${clip(result.output.slice(-MAX_OUTPUT_CHARS), MAX_OUTPUT_CHARS)}` : '';
		return `the tests did not run against the ${whose} (${error.kind}: ${clip(error.message, MAX_MESSAGE_CHARS)})${output}`;
	}
	if (result.tests.length === 0) {
		return `no test ran against the ${whose}: the test files define no test cases`;
	}
	return undefined;
}

function checkReference(result: GradeResult): void {
	const problem = runProblem(result, 'reference solution');
	if (problem) {
		throw new Rejected(problem);
	}
	const failing = result.tests.filter(t => t.status !== 'passed');
	if (failing.length > 0) {
		const listed = failing.slice(0, MAX_LISTED_TESTS).map(describeTest).join('; ');
		const more = failing.length > MAX_LISTED_TESTS ? `; and ${failing.length - MAX_LISTED_TESTS} more` : '';
		throw new Rejected(`the reference solution must pass every test, but ${failing.length} of ${result.tests.length} did not: ${listed}${more}`);
	}
	if (result.error) {
		throw new Rejected(`the run against the reference solution ended with an error (${result.error.kind}: ${clip(result.error.message, MAX_MESSAGE_CHARS)})`);
	}
}

function checkStarter(result: GradeResult): void {
	const problem = runProblem(result, 'starter files');
	if (problem) {
		throw new Rejected(`${problem}; the starter must load and fail at least one test`);
	}
	if (!result.tests.some(t => t.status === 'failed' || t.status === 'errored')) {
		throw new Rejected(`the starter files pass all ${result.tests.length} tests; the starter must leave the work undone so that at least one test fails`);
	}
}

// ---- saving -------------------------------------------------------------------------------------

const PACK_MANIFEST = {
	id: GENERATED_SOURCE_ID,
	title: 'Generated exercises',
	description: 'Exercises CodeMentor generated for you. Each one was checked before it was saved: its reference solution passes every test and its starter fails at least one.',
};

const MAX_SLUG_SUFFIX = 1000;

function isCode(error: unknown, ...codes: string[]): boolean {
	return codes.includes(String((error as { code?: unknown } | undefined)?.code));
}

/**
 * Writes `exercise` into the pack at `packDir` (created with its pack.json if missing) as
 * `<slug>/`, or `<slug>-2/`, `<slug>-3/`… when the slug is taken. Returns the exercise's folder.
 */
export async function saveGenerated(packDir: string, exercise: Exercise): Promise<string> {
	// Checked again here: this writes to disk, and its caller may not have come through generateExercise.
	if (!kebabCase.test(exercise.slug)) {
		throw new UserFacingError(`The exercise slug ${JSON.stringify(exercise.slug)} is not kebab-case, so it cannot be saved.`);
	}
	for (const file of [...exercise.starterFiles, ...exercise.testFiles, ...exercise.referenceFiles, ...exercise.supportFiles]) {
		const bad = pathProblem(file.path, exercise.language);
		if (bad) {
			throw new UserFacingError(`The exercise "${exercise.title}" cannot be saved: ${bad}.`);
		}
	}
	const root = path.resolve(packDir);
	await fs.mkdir(root, { recursive: true });
	try {
		await fs.writeFile(path.join(root, 'pack.json'), `${JSON.stringify(PACK_MANIFEST, null, '\t')}\n`, { flag: 'wx' });
	} catch (error) {
		if (!isCode(error, 'EEXIST')) {
			throw error;
		}
	}
	// Written under a "_" name, which the pack reader skips, and renamed when complete: a crash or a
	// concurrent catalog refresh never sees a half-written exercise.
	const staging = await fs.mkdtemp(path.join(root, '_saving-'));
	try {
		await writeExerciseFolder(staging, exercise);
		for (let n = 1; n <= MAX_SLUG_SUFFIX; n++) {
			const folder = path.join(root, n === 1 ? exercise.slug : `${exercise.slug}-${n}`);
			if (await exists(folder)) {
				continue;
			}
			try {
				await fs.rename(staging, folder);
				return folder;
			} catch (error) {
				// Someone took the name between the check and the rename (EPERM is Windows' way of saying so).
				if (!isCode(error, 'EEXIST', 'ENOTEMPTY', 'EPERM')) {
					throw error;
				}
			}
		}
		throw new UserFacingError(`The Generated pack already has ${MAX_SLUG_SUFFIX} exercises named "${exercise.slug}"; delete some in ${root}.`);
	} finally {
		await fs.rm(staging, { recursive: true, force: true });
	}
}

async function writeExerciseFolder(folder: string, exercise: Exercise): Promise<void> {
	const meta = {
		title: exercise.title,
		language: exercise.language,
		concepts: exercise.concepts,
		prerequisites: exercise.prerequisites,
		difficulty: exercise.difficulty,
		hints: exercise.hints,
		timeLimitSeconds: exercise.timeLimitSeconds,
	};
	await fs.writeFile(path.join(folder, 'exercise.json'), `${JSON.stringify(meta, null, '\t')}\n`);
	await fs.writeFile(path.join(folder, 'instructions.md'), exercise.instructions);
	const groups = [
		['starter', exercise.starterFiles],
		['tests', exercise.testFiles],
		['reference', exercise.referenceFiles],
		['support', exercise.supportFiles],
	] as const;
	for (const [dir, files] of groups) {
		if (files.length === 0 && dir === 'support') {
			continue;
		}
		await fs.mkdir(path.join(folder, dir));
		for (const file of files) {
			await fs.writeFile(path.join(folder, dir, file.path), file.content);
		}
	}
}

async function exists(target: string): Promise<boolean> {
	try {
		await fs.lstat(target);
		return true;
	} catch (error) {
		if (isCode(error, 'ENOENT')) {
			return false;
		}
		throw error;
	}
}
