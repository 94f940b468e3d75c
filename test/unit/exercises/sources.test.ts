import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserFacingError } from '../../../src/core/errors';
import { expandSlug, mapDifficulty, pairReference, parseHints } from '../../../src/core/exercises/exercism';
import type { Exercise } from '../../../src/core/exercises/model';
import { parseJson } from '../../../src/core/exercises/pack';
import { checkSource, loadSource, SourceError, type LoadedSource, type SourceFs } from '../../../src/core/exercises/sources';

const fixtures = path.resolve(__dirname, '../../fixtures');
const packs = path.join(fixtures, 'packs');
const tracks = path.join(fixtures, 'exercism');

/** Writes `files` (relative path → content; objects become JSON) under a fresh temp folder. */
async function tree(files: Record<string, string | object>): Promise<string> {
	const root = await mkdtemp(path.join(os.tmpdir(), 'codementor-sources-'));
	temps.push(root);
	const entries = Object.entries(files);
	for (let start = 0; start < entries.length; start += 200) {
		await Promise.all(
			entries.slice(start, start + 200).map(async ([file, content]) => {
				const target = path.join(root, file);
				await mkdir(path.dirname(target), { recursive: true });
				await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content, null, '\t'));
			}),
		);
	}
	return root;
}
const temps: string[] = [];
async function removeTemps(this: Mocha.Context) {
	this.timeout(60_000); // the 2,000-exercise pack
	await Promise.all(temps.splice(0).map(dir => rm(dir, { recursive: true, force: true })));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof Error);
		return error;
	}
	assert.fail('expected a rejection');
}

const paths = (files: Exercise['starterFiles']) => files.map(file => file.path);
const ids = (source: LoadedSource) => source.summaries.map(summary => summary.id);

const validMeta = {
	title: 'Sum',
	language: 'python',
	concepts: ['loops'],
	difficulty: 'easy',
	hints: ['Start from zero.'],
};

describe('exercise sources: packs', () => {
	after(removeTemps);

	it('loads every exercise of a good pack, summaries first and the full exercise on demand', async () => {
		const source = await loadSource(path.join(packs, 'good'));
		assert.equal(source.id, 'good');
		assert.equal(source.title, 'Good pack');
		assert.equal(source.kind, 'pack');
		assert.equal(source.root, path.join(packs, 'good'));
		assert.deepEqual(source.problems, []);
		assert.deepEqual(ids(source), ['good/two-fer', 'good/word-count'], 'the "_drafts" folder is not an exercise');
		assert.deepEqual(source.summaries[1], {
			id: 'good/word-count',
			sourceId: 'good',
			slug: 'word-count',
			title: 'Word Count',
			language: 'python',
			concepts: ['strings', 'dicts'],
			prerequisites: ['loops'],
			difficulty: 'easy',
		});

		const wordCount = await source.load('good/word-count');
		assert.match(wordCount.instructions, /^# Word Count\n/);
		assert.deepEqual(paths(wordCount.starterFiles), ['word_count.py']);
		assert.match(wordCount.starterFiles[0]!.content, /^def count_words\(text\):\n {4}pass\n$/);
		assert.deepEqual(paths(wordCount.testFiles), ['test_word_count.py']);
		assert.match(wordCount.testFiles[0]!.content, /from word_count import count_words/);
		assert.deepEqual(paths(wordCount.referenceFiles), ['word_count.py']);
		assert.match(wordCount.referenceFiles[0]!.content, /counts\[word\] = counts\.get\(word, 0\) \+ 1/);
		assert.deepEqual(wordCount.supportFiles, [{ path: 'sample.txt', content: 'The cat sat on the mat\n' }]);
		assert.equal(wordCount.hints.length, 2);
		assert.match(wordCount.hints[0]!, /^Split the text/);
		assert.equal(wordCount.timeLimitSeconds, 5);

		// A bare slug works too; optional fields take their defaults.
		const twoFer = await source.load('two-fer');
		assert.equal(twoFer.id, 'good/two-fer');
		assert.equal(twoFer.language, 'javascript');
		assert.deepEqual(twoFer.prerequisites, []);
		assert.equal(twoFer.timeLimitSeconds, 10);
		assert.deepEqual(twoFer.supportFiles, []);
		assert.match(twoFer.testFiles[0]!.content, /import \{ twoFer \} from '\.\/two-fer';/);

		assert.deepEqual(await checkSource(source), []);
	});

	it('reports each broken exercise by file and field, and loads the rest', async () => {
		const root = path.join(packs, 'broken');
		const source = await loadSource(root);
		assert.deepEqual(ids(source), ['broken/fizz-buzz', 'broken/mismatched-reference', 'broken/no-instructions']);
		const byFile = (folder: string) => source.problems.filter(problem => problem.file === path.join(root, folder, 'exercise.json'));

		const [json] = byFile('bad-json');
		assert.match(json!.message, /^bad-json\/exercise\.json: invalid JSON at line 4, column \d+: /);
		assert.equal(json!.field, undefined);

		assert.deepEqual(byFile('bad-difficulty'), [
			{
				file: path.join(root, 'bad-difficulty', 'exercise.json'),
				field: 'difficulty',
				message: 'bad-difficulty/exercise.json: field "difficulty": expected one of beginner|easy|medium|hard, got "expert"',
			},
		]);

		const concepts = byFile('bad-concepts');
		assert.deepEqual(
			concepts.map(problem => problem.field),
			['concepts[1]', 'hints'],
		);
		assert.match(concepts[0]!.message, /^bad-concepts\/exercise\.json: field "concepts\[1\]": must be a kebab-case concept id .*, got "Higher Order"$/);
		assert.match(concepts[1]!.message, /field "hints": needs at least 1 item/);

		assert.match(byFile('notes')[0]!.message, /^notes\/exercise\.json: is missing/);
		assert.equal(source.problems.length, 5);

		const fizzBuzz = await source.load('broken/fizz-buzz');
		assert.deepEqual(paths(fizzBuzz.starterFiles), ['fizz_buzz.py']);

		// Opening a broken one says why, with the same file and field.
		const error = await rejection(source.load('broken/bad-difficulty'));
		assert.ok(error instanceof SourceError && error instanceof UserFacingError);
		assert.equal(error.problem.field, 'difficulty');
		assert.match(error.message, /bad-difficulty\/exercise\.json: field "difficulty"/);
	});

	it('names the missing instructions.md, and the starter file without a reference, when the exercise is opened', async () => {
		const root = path.join(packs, 'broken');
		const source = await loadSource(root);

		const missing = await rejection(source.load('no-instructions'));
		assert.ok(missing instanceof SourceError);
		assert.equal(missing.problem.file, path.join(root, 'no-instructions', 'instructions.md'));
		assert.match(missing.message, /^no-instructions\/instructions\.md: is missing/);

		const mismatch = await rejection(source.load('mismatched-reference'));
		assert.ok(mismatch instanceof SourceError);
		assert.equal(mismatch.problem.file, path.join(root, 'mismatched-reference', 'starter', 'grid.py'));
		assert.match(mismatch.message, /^mismatched-reference\/starter\/grid\.py: has no reference\/grid\.py/);

		// The author's check collects those too.
		const all = await checkSource(source);
		assert.equal(all.length, 7);
		assert.ok(all.some(problem => problem.file.endsWith(path.join('no-instructions', 'instructions.md'))));
	});

	it('names the reference file that has no starter counterpart and files that would collide when flattened', async () => {
		const root = await tree({
			'pack.json': { title: 'Temp' },
			'extra/exercise.json': validMeta,
			'extra/instructions.md': '# Sum\n',
			'extra/starter/sum.py': 'def total(xs):\n    pass\n',
			'extra/reference/sum.py': 'def total(xs):\n    return sum(xs)\n',
			'extra/reference/helper.py': '',
			'extra/tests/test_sum.py': 'import unittest\n',
			'clash/exercise.json': validMeta,
			'clash/instructions.md': '# Sum\n',
			'clash/starter/sum.py': '',
			'clash/reference/sum.py': '',
			'clash/tests/sum.py': '',
			'no-tests/exercise.json': validMeta,
			'no-tests/instructions.md': '# Sum\n',
			'no-tests/starter/sum.py': '',
			'no-tests/reference/sum.py': '',
		});
		const source = await loadSource(root);
		assert.equal(source.id, path.basename(root).toLowerCase().replace(/[^a-z0-9]+/g, '-'), 'the id defaults to the folder name');

		const extra = await rejection(source.load('extra'));
		assert.ok(extra instanceof SourceError);
		assert.equal(extra.problem.file, path.join(root, 'extra', 'reference', 'helper.py'));
		assert.match(extra.message, /has no starter\/helper\.py/);

		const clash = await rejection(source.load('clash'));
		assert.ok(clash instanceof SourceError);
		assert.equal(clash.problem.file, path.join(root, 'clash', 'tests', 'sum.py'));
		assert.match(clash.message, /same name as starter\/sum\.py/);

		const noTests = await rejection(source.load('no-tests'));
		assert.ok(noTests instanceof SourceError);
		assert.equal(noTests.problem.file, path.join(root, 'no-tests', 'tests'));
	});

	it('throws a UserFacingError naming the id of an unknown exercise', async () => {
		const source = await loadSource(path.join(packs, 'good'));
		for (const id of ['good/nope', 'nope', 'other-pack/word-count']) {
			const error = await rejection(source.load(id));
			assert.ok(error instanceof UserFacingError);
			assert.ok(!(error instanceof SourceError));
			assert.ok(error.message.includes(`"${id}"`), error.message);
		}
	});

	it('takes the id it is given (the built-in pack is "builtin" whatever its pack.json says)', async () => {
		const source = await loadSource(path.join(packs, 'good'), { id: 'builtin' });
		assert.deepEqual(ids(source), ['builtin/two-fer', 'builtin/word-count']);
		assert.equal((await source.load('builtin/word-count')).id, 'builtin/word-count');
		await assert.rejects(loadSource(path.join(packs, 'good'), { id: 'a/b' }), UserFacingError);
	});

	it('fails as a whole, with file and line or field, when pack.json is broken', async () => {
		const syntax = await tree({ 'pack.json': '{\n\t"title": "x",\n\t"id": \n}\n' });
		const error = await rejection(loadSource(syntax));
		assert.ok(error instanceof SourceError);
		assert.equal(error.problem.file, path.join(syntax, 'pack.json'));
		assert.match(error.message, /^pack\.json: invalid JSON at line 4, column 1: /);

		const schema = await tree({ 'pack.json': { id: 'Bad Id', title: 'x' } });
		const invalid = await rejection(loadSource(schema));
		assert.ok(invalid instanceof SourceError);
		assert.equal(invalid.problem.field, 'id');
		assert.match(invalid.message, /^pack\.json: field "id": must be kebab-case/);
	});

	it('reads through an injected file system', async () => {
		const files = new Map([
			['/mem/pack.json', JSON.stringify({ id: 'mem', title: 'In memory' })],
			['/mem/sum/exercise.json', JSON.stringify(validMeta)],
			['/mem/sum/instructions.md', '# Sum\n'],
			['/mem/sum/starter/sum.py', 'stub\n'],
			['/mem/sum/reference/sum.py', 'solution\n'],
			['/mem/sum/tests/test_sum.py', 'tests\n'],
		]);
		const missing = () => Object.assign(new Error('not found'), { code: 'ENOENT' });
		const fs: SourceFs = {
			readFile: async file => files.get(file.replaceAll(path.sep, '/')) ?? Promise.reject(missing()),
			readDirectory: async dir => {
				const prefix = `${dir.replaceAll(path.sep, '/')}/`;
				const names = new Map<string, boolean>();
				for (const file of files.keys()) {
					if (file.startsWith(prefix)) {
						const [name, ...rest] = file.slice(prefix.length).split('/');
						names.set(name!, rest.length > 0);
					}
				}
				return names.size ? [...names].map(([name, isDirectory]) => ({ name, isDirectory })) : Promise.reject(missing());
			},
		};
		const source = await loadSource('/mem', { fs });
		assert.deepEqual(ids(source), ['mem/sum']);
		const exercise = await source.load('sum');
		assert.equal(exercise.referenceFiles[0]!.content, 'solution\n');
	});

	it('loads the summaries of 2,000 exercises in well under a second', async function () {
		this.timeout(60_000); // writing the files is not what is measured
		const files: Record<string, string | object> = { 'pack.json': { id: 'big', title: 'Big pack' } };
		for (let i = 0; i < 2000; i++) {
			const slug = `exercise-${String(i).padStart(4, '0')}`;
			files[`${slug}/exercise.json`] = { ...validMeta, title: `Exercise ${i}`, difficulty: ['beginner', 'easy', 'medium', 'hard'][i % 4] };
			files[`${slug}/instructions.md`] = `# Exercise ${i}\n`;
			files[`${slug}/starter/sum.py`] = 'def total(xs):\n    pass\n';
		}
		const root = await tree(files);

		const started = performance.now();
		const source = await loadSource(root);
		const elapsed = performance.now() - started;
		assert.equal(source.summaries.length, 2000);
		assert.deepEqual(source.problems, []);
		assert.equal(source.summaries[1999]!.id, 'big/exercise-1999');
		assert.ok(elapsed < 1000, `took ${Math.round(elapsed)} ms`);
	});
});

describe('exercise sources: detection', () => {
	after(removeTemps);

	it('rejects a folder that is neither a pack nor a track, saying what it expected', async () => {
		const error = await rejection(loadSource(path.join(packs, 'not-a-pack')));
		assert.ok(error instanceof UserFacingError);
		assert.match(error.message, /not-a-pack is neither an exercise pack nor an Exercism track: expected a pack\.json .* or an Exercism track's config\.json\.$/);

		const otherConfig = await tree({ 'config.json': { compilerOptions: {} } });
		assert.match((await rejection(loadSource(otherConfig))).message, /its config\.json is not an Exercism track config/);

		const cliDownload = await tree({ '.exercism/config.json': { files: {} }, 'leap.py': '' });
		assert.match((await rejection(loadSource(cliDownload))).message, /downloaded by the Exercism CLI/);

		const missing = path.join(packs, 'does-not-exist');
		assert.match((await rejection(loadSource(missing))).message, /does-not-exist does not exist\.$/);

		const file = path.join(packs, 'not-a-pack', 'README.md');
		assert.match((await rejection(loadSource(file))).message, /is a file/);
	});

	it('reads a folder with pack.json as a pack and one with a track config.json as a track', async () => {
		assert.equal((await loadSource(path.join(packs, 'good'))).kind, 'pack');
		assert.equal((await loadSource(path.join(tracks, 'python'))).kind, 'exercism');
	});
});

describe('exercise sources: Exercism tracks', () => {
	it('maps the python track: summaries from config.json, deprecated exercises skipped', async () => {
		const source = await loadSource(path.join(tracks, 'python'));
		assert.equal(source.id, 'exercism-python');
		assert.equal(source.title, 'Exercism: Python');
		assert.equal(source.kind, 'exercism');
		assert.deepEqual(source.problems, []);
		// Track order; electric-bill (concept) and accumulate (practice, folder present) are deprecated.
		assert.deepEqual(ids(source), ['exercism-python/guidos-gorgeous-lasagna', 'exercism-python/leap', 'exercism-python/isogram']);
		const [lasagna, leap, isogram] = source.summaries;
		assert.deepEqual(leap, {
			id: 'exercism-python/leap',
			sourceId: 'exercism-python',
			slug: 'leap',
			title: 'Leap',
			language: 'python',
			concepts: ['bools'],
			prerequisites: ['basics', 'bools', 'numbers'],
			difficulty: 'beginner',
		});
		assert.equal(isogram!.difficulty, 'easy');
		assert.deepEqual(isogram!.concepts, ['strings', 'sets']);
		assert.equal(lasagna!.title, "Guido's Gorgeous Lasagna");
		assert.deepEqual(lasagna!.concepts, ['basics']);
		assert.equal(lasagna!.difficulty, 'beginner');

		const deprecated = await rejection(source.load('accumulate'));
		assert.ok(deprecated instanceof UserFacingError && deprecated.message.includes('"accumulate"'));
	});

	it('maps a python practice exercise: stubs, tests, example renamed onto the solution, introduction before instructions', async () => {
		const source = await loadSource(path.join(tracks, 'python'));
		const leap = await source.load('exercism-python/leap');
		assert.deepEqual(leap.starterFiles, [{ path: 'leap.py', content: 'def leap_year(year):\n    pass\n' }]);
		assert.deepEqual(paths(leap.testFiles), ['leap_test.py']);
		assert.match(leap.testFiles[0]!.content, /from leap import \(\n {4}leap_year,\n\)/);
		assert.deepEqual(paths(leap.referenceFiles), ['leap.py'], '.meta/example.py becomes leap.py');
		assert.match(leap.referenceFiles[0]!.content, /year % 400 == 0/);
		assert.deepEqual(leap.supportFiles, []);
		assert.deepEqual(leap.hints, []);
		assert.match(leap.instructions, /^# Introduction\n[\s\S]*evenly divisible by 4\.[\s\S]*\n\n# Instructions\n\nYour task is to determine/);
		assert.equal(leap.timeLimitSeconds, 10);

		// Empty lists in .meta/config.json fall back to the track's %{snake_slug} patterns.
		const isogram = await source.load('isogram');
		assert.deepEqual(paths(isogram.starterFiles), ['isogram.py']);
		assert.deepEqual(paths(isogram.testFiles), ['isogram_test.py']);
		assert.deepEqual(paths(isogram.referenceFiles), ['isogram.py']);
		assert.match(isogram.referenceFiles[0]!.content, /set\(letters\)/);
		assert.match(isogram.instructions, /without a repeating letter\.\n\n# Instructions append\n\nSpaces and hyphens/);
	});

	it('maps a python concept exercise: exemplar as reference, hints.md bullets as hints with inline links', async () => {
		const source = await loadSource(path.join(tracks, 'python'));
		const lasagna = await source.load('guidos-gorgeous-lasagna');
		assert.deepEqual(paths(lasagna.starterFiles), ['lasagna.py']);
		assert.deepEqual(paths(lasagna.referenceFiles), ['lasagna.py'], '.meta/exemplar.py becomes lasagna.py');
		assert.match(lasagna.referenceFiles[0]!.content, /EXPECTED_BAKE_TIME = 40/);
		assert.match(lasagna.instructions, /^# Introduction\n[\s\S]*# Instructions\n/);
		assert.deepEqual(lasagna.hints, [
			'[The Python Tutorial](https://docs.python.org/3/tutorial/introduction.html) can be a great introduction.',
			'[PEP 8](https://www.python.org/dev/peps/pep-0008/) is the Python code style guide.',
			'You need to [name](https://realpython.com/python-variables/) a constant, and [assign](https://docs.python.org/3/reference/simple_stmts.html#grammar-token-assignment-stmt) it an [integer](https://docs.python.org/3/library/stdtypes.html#typesnumeric) value.',
			'You need to define a [function](https://docs.python.org/3/tutorial/controlflow.html#defining-functions) with a single parameter.\nUse a [return statement](https://docs.python.org/3/reference/simple_stmts.html#return) to hand back the result.',
			'Each layer takes 2 minutes: multiply.',
		]);
	});

	it('maps the javascript track: concepts, difficulty, proof.ci.js as reference, no package.json in the files', async () => {
		const source = await loadSource(path.join(tracks, 'javascript'));
		assert.equal(source.id, 'exercism-javascript');
		assert.equal(source.title, 'Exercism: JavaScript');
		assert.deepEqual(source.problems, []);
		assert.deepEqual(ids(source), ['exercism-javascript/lasagna', 'exercism-javascript/two-fer', 'exercism-javascript/list-ops']);
		const [lasagnaSummary, twoFerSummary, listOpsSummary] = source.summaries;
		assert.equal(lasagnaSummary!.language, 'javascript');
		assert.equal(lasagnaSummary!.title, "Lucian's Luscious Lasagna");
		assert.deepEqual(twoFerSummary!.concepts, []);
		assert.equal(twoFerSummary!.difficulty, 'beginner');
		assert.equal(listOpsSummary!.difficulty, 'medium');
		assert.deepEqual(listOpsSummary!.concepts, ['recursion']);
		assert.deepEqual(listOpsSummary!.prerequisites, ['arrays', 'classes']);

		const twoFer = await source.load('two-fer');
		assert.deepEqual(paths(twoFer.starterFiles), ['two-fer.js']);
		assert.match(twoFer.starterFiles[0]!.content, /throw new Error\('Remove this line/);
		assert.deepEqual(paths(twoFer.testFiles), ['two-fer.spec.js']);
		assert.match(twoFer.testFiles[0]!.content, /from '@jest\/globals';\nimport \{ twoFer \} from '\.\/two-fer';/);
		assert.deepEqual(twoFer.referenceFiles, [{ path: 'two-fer.js', content: "export const twoFer = (name = 'you') => `One for ${name}, one for me.`;\n" }]);
		assert.deepEqual(twoFer.supportFiles, []);
		assert.match(twoFer.instructions, /^# Introduction\n[\s\S]*# Instructions\n[\s\S]*```text\nOne for Do-yun, one for me\.\n```\n$/);

		const lasagna = await source.load('lasagna');
		assert.deepEqual(paths(lasagna.referenceFiles), ['lasagna.js']);
		assert.match(lasagna.referenceFiles[0]!.content, /EXPECTED_MINUTES_IN_OVEN = 40/);
		assert.equal(lasagna.hints.length, 5);
		assert.equal(lasagna.hints[1], '[`export`](https://developer.mozilla.org/en-US/docs/web/javascript/reference/statements/export) the constant.');
		assert.match(lasagna.hints[4]!, /^Use the \[mathematical operator for multiplication\]\(https:/, 'a "*" bullet is a hint too');

		const listOps = await source.load('list-ops');
		assert.match(listOps.instructions, /very common\.\n\n# Instructions append\n/);
		assert.deepEqual(listOps.hints, ['Try it without `Array.prototype` methods first: a `for` loop and the spread syntax `[...a, ...b]` are enough.']);
	});
});

describe('exercise sources: broken Exercism tracks', () => {
	after(removeTemps);

	const entry = (slug: string, extra: object = {}) => ({ slug, name: slug, uuid: '0', practices: ['loops'], prerequisites: [], difficulty: 2, ...extra });
	const exercise = (slug: string, meta: object = { files: { solution: [`${slug}.py`], test: [`${slug}_test.py`], example: ['.meta/example.py'] } }) => ({
		[`exercises/practice/${slug}/.meta/config.json`]: meta,
		[`exercises/practice/${slug}/.meta/example.py`]: 'solution\n',
		[`exercises/practice/${slug}/.docs/instructions.md`]: '# Instructions\n',
		[`exercises/practice/${slug}/${slug}.py`]: 'stub\n',
		[`exercises/practice/${slug}/${slug}_test.py`]: 'tests\n',
	});
	const track = (practice: object[], slug = 'python') => ({ language: slug, slug, exercises: { concept: [], practice } });

	it('reports a bad track entry by config.json field path and still loads the others', async () => {
		const root = await tree({
			'config.json': track([entry('good'), entry('bad', { difficulty: 'hard' }), entry('ghost')]),
			...exercise('good'),
			...exercise('bad'),
		});
		const source = await loadSource(root);
		assert.deepEqual(ids(source), ['exercism-python/good']);
		const [bad, ghost] = source.problems;
		assert.equal(bad!.file, path.join(root, 'config.json'));
		assert.equal(bad!.field, 'exercises.practice[1].difficulty');
		assert.equal(bad!.message, 'config.json: field "exercises.practice[1].difficulty": expected number, got "hard"');
		assert.equal(ghost!.file, path.join(root, 'exercises', 'practice', 'ghost'));
		assert.match(ghost!.message, /^exercises\/practice\/ghost: does not exist/);

		const error = await rejection(source.load('bad'));
		assert.ok(error instanceof SourceError);
		assert.equal(error.problem.field, 'exercises.practice[1].difficulty');
	});

	it('names the missing instructions.md, a listed file that is missing, and a reference it cannot pair', async () => {
		const missingDocs = exercise('no-docs');
		delete missingDocs['exercises/practice/no-docs/.docs/instructions.md'];
		const missingStub = exercise('no-stub');
		delete missingStub['exercises/practice/no-stub/no-stub.py'];
		const root = await tree({
			'config.json': track([entry('no-docs'), entry('no-stub'), entry('two-refs')]),
			...missingDocs,
			...missingStub,
			...exercise('two-refs', { files: { solution: ['two-refs.py'], test: ['two-refs_test.py'], example: ['.meta/example.py', '.meta/extra.py'] } }),
		});
		const source = await loadSource(root);
		assert.deepEqual(source.problems, [], 'only config.json is read for summaries');

		const docs = await rejection(source.load('no-docs'));
		assert.ok(docs instanceof SourceError);
		assert.equal(docs.problem.file, path.join(root, 'exercises', 'practice', 'no-docs', '.docs', 'instructions.md'));
		assert.match(docs.message, /^exercises\/practice\/no-docs\/\.docs\/instructions\.md: is missing/);

		const stub = await rejection(source.load('no-stub'));
		assert.ok(stub instanceof SourceError);
		assert.equal(stub.problem.file, path.join(root, 'exercises', 'practice', 'no-stub', 'no-stub.py'));
		assert.match(stub.message, /lists it in "files\.solution"/);

		const refs = await rejection(source.load('two-refs'));
		assert.ok(refs instanceof SourceError);
		assert.equal(refs.problem.file, path.join(root, 'exercises', 'practice', 'two-refs', '.meta', 'config.json'));
		assert.equal(refs.problem.field, 'files.example');
	});

	it('reports broken JSON in an exercise .meta/config.json with its line', async () => {
		const root = await tree({
			'config.json': track([entry('broken')]),
			...exercise('broken'),
			'exercises/practice/broken/.meta/config.json': '{\n  "files": {\n    "solution": ["broken.py"]\n    "test": []\n  }\n}\n',
		});
		const error = await rejection((await loadSource(root)).load('broken'));
		assert.ok(error instanceof SourceError);
		assert.match(error.message, /^exercises\/practice\/broken\/\.meta\/config\.json: invalid JSON at line 4, column 5: /);
	});

	it('maps files.editor to support files', async () => {
		const root = await tree({
			'config.json': track([entry('with-editor')]),
			...exercise('with-editor', {
				files: { solution: ['with-editor.py'], test: ['with-editor_test.py'], example: ['.meta/example.py'], editor: ['data/words.txt'] },
			}),
			'exercises/practice/with-editor/data/words.txt': 'apple\n',
		});
		const exercise_ = await (await loadSource(root)).load('with-editor');
		assert.deepEqual(exercise_.supportFiles, [{ path: 'data/words.txt', content: 'apple\n' }]);
	});

	it('refuses listed paths that leave the exercise folder', async () => {
		const root = await tree({
			'config.json': track([entry('escape')]),
			...exercise('escape', { files: { solution: ['../../../config.json'], test: ['escape_test.py'] } }),
		});
		const error = await rejection((await loadSource(root)).load('escape'));
		assert.ok(error instanceof SourceError);
		assert.equal(error.problem.field, 'files.solution[0]');
	});

	it('reports a track in another language as not supported yet', async () => {
		const root = await tree({ 'config.json': track([entry('leap')], 'ruby') });
		const source = await loadSource(root);
		assert.equal(source.id, 'exercism-ruby');
		assert.deepEqual(source.summaries, []);
		assert.equal(source.problems.length, 1);
		assert.equal(source.problems[0]!.field, 'slug');
		assert.match(source.problems[0]!.message, /^config\.json: field "slug": the Exercism ruby track is not supported yet/);
	});
});

describe('exercise sources: helpers', () => {
	it('maps Exercism difficulty 1–10 onto four levels', () => {
		assert.deepEqual(
			[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(mapDifficulty),
			['beginner', 'beginner', 'easy', 'easy', 'medium', 'medium', 'medium', 'hard', 'hard', 'hard'],
		);
	});

	it('gives the line and column of a JSON syntax error', () => {
		assert.deepEqual(parseJson('{"a": [1, 2]}'), { value: { a: [1, 2] } });
		assert.deepEqual(parseJson('\uFEFF{"a": 1}'), { value: { a: 1 } });
		const trailingComma = parseJson('{\n\t"title": "x",\n\t"concepts": ["a",]\n}');
		assert.ok('error' in trailingComma);
		assert.match(trailingComma.error, /^invalid JSON at line 3, column 19: /);
		const truncated = parseJson('{\n\t"title": "x",\n');
		assert.ok('error' in truncated);
		assert.match(truncated.error, /^invalid JSON at line 3, column 1: unexpected end of file$/);
		assert.deepEqual(parseJson('  \n'), { error: 'is empty (expected JSON)' });
	});

	it('pairs reference files with solution files by path, then name, then position', () => {
		assert.deepEqual(pairReference(['.meta/example.py'], ['leap.py']), ['leap.py']);
		assert.deepEqual(pairReference(['.meta/b.py', '.meta/a.py'], ['a.py', 'b.py']), ['b.py', 'a.py']);
		assert.deepEqual(pairReference(['.meta/lib/util.js', '.meta/proof.ci.js'], ['main.js', 'lib/util.js']), ['lib/util.js', 'main.js']);
		assert.equal(pairReference(['.meta/a.py', '.meta/b.py'], ['a.py']), undefined);
		assert.deepEqual(pairReference([], ['a.py']), []);
	});

	it('fills the slug placeholders of track file patterns', () => {
		assert.equal(expandSlug('%{snake_slug}_test.py', 'two-fer'), 'two_fer_test.py');
		assert.equal(expandSlug('%{kebab_slug}.spec.js', 'two-fer'), 'two-fer.spec.js');
		assert.equal(expandSlug('src/%{pascal_slug}.java', 'two-fer'), 'src/TwoFer.java');
		assert.equal(expandSlug('%{camel_slug}.js', 'two-fer'), 'twoFer.js');
	});

	it('takes hint bullets only, keeping wrapped lines and code with their item', () => {
		const hints = parseHints(
			[
				'# Hints',
				'',
				'Some prose that is not a hint.',
				'',
				'## 1. First task',
				'',
				'- one',
				'  continued',
				'- two:',
				'',
				'  ```python',
				'  - not a bullet',
				'  ```',
				'',
				'Trailing prose.',
				'* three [docs][]',
				'',
				'[docs]: https://example.com/docs',
			].join('\n'),
		);
		assert.deepEqual(hints, ['one\ncontinued', 'two:\n\n```python\n- not a bullet\n```', 'three [docs](https://example.com/docs)']);
	});
});
