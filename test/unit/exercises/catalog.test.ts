import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { UserFacingError } from '../../../src/core/errors';
import { ExerciseCatalog, findSummaries, folderSource, groupSummaries, type SourceLoader } from '../../../src/core/exercises/catalog';
import type { Difficulty, ExerciseSummary } from '../../../src/core/exercises/model';
import type { LoadedSource } from '../../../src/core/exercises/sources';

const fixtures = path.resolve(__dirname, '../../fixtures');
const good = path.join(fixtures, 'packs', 'good');
const python = path.join(fixtures, 'exercism', 'python');
const javascript = path.join(fixtures, 'exercism', 'javascript');
const notAPack = path.join(fixtures, 'packs', 'not-a-pack');

function fixtureCatalog(): ExerciseCatalog {
	return new ExerciseCatalog([folderSource(good), folderSource(python), folderSource(javascript), folderSource(notAPack)]);
}

const ids = (summaries: readonly ExerciseSummary[]) => summaries.map(summary => summary.id);

function summary(sourceId: string, slug: string, extra: Partial<ExerciseSummary> = {}): ExerciseSummary {
	return {
		id: `${sourceId}/${slug}`,
		sourceId,
		slug,
		title: slug,
		language: 'python',
		concepts: ['loops'],
		prerequisites: [],
		difficulty: 'easy',
		...extra,
	};
}

/** A loader that counts its loads and can be changed between them, like a folder being edited. */
function fakeLoader(key: string, id: string, slugs: () => readonly string[]): SourceLoader & { loads: number } {
	const loader = {
		key,
		loads: 0,
		async load(): Promise<LoadedSource> {
			loader.loads++;
			const summaries = slugs().map(slug => summary(id, slug));
			return {
				id,
				title: `Source ${id}`,
				kind: 'pack',
				root: key,
				summaries,
				problems: [],
				load: async idOrSlug => {
					throw new UserFacingError(`no ${idOrSlug}`);
				},
			};
		},
	};
	return loader;
}

describe('exercise catalog', () => {
	it('lists every source in order, a folder that cannot be read as a failed source, without hiding the others', async () => {
		const catalog = fixtureCatalog();
		assert.deepEqual(catalog.keys, [good, python, javascript, notAPack]);
		const sources = await catalog.sources();
		assert.deepEqual(
			sources.map(state => (state.status === 'loaded' ? state.source.id : state.status)),
			['good', 'exercism-python', 'exercism-javascript', 'failed'],
		);
		const failed = sources[3]!;
		assert.ok(failed.status === 'failed');
		assert.match(failed.error.message, /neither an exercise pack nor an Exercism track/);

		assert.deepEqual(ids(await catalog.summaries()), [
			'good/two-fer',
			'good/word-count',
			'exercism-python/guidos-gorgeous-lasagna',
			'exercism-python/leap',
			'exercism-python/isogram',
			'exercism-javascript/lasagna',
			'exercism-javascript/two-fer',
			'exercism-javascript/list-ops',
		]);
		const problems = await catalog.problems();
		assert.equal(problems.length, 1);
		assert.equal(problems[0]!.file, notAPack);
	});

	it('gets a full exercise by id from the right source, and names the id it cannot find', async () => {
		const catalog = fixtureCatalog();
		const leap = await catalog.get('exercism-python/leap');
		assert.equal(leap.title, 'Leap');
		assert.deepEqual(
			leap.referenceFiles.map(file => file.path),
			['leap.py'],
		);
		assert.equal((await catalog.get('good/two-fer')).language, 'javascript');
		assert.equal((await catalog.summary('exercism-javascript/two-fer'))?.title, 'Two Fer');

		for (const id of ['nope/leap', 'good/nope', 'leap']) {
			await assert.rejects(catalog.get(id), (error: unknown) => error instanceof UserFacingError && error.message.includes(`"${id}"`));
		}
	});

	it('finds exercises by language, concept and text, best matches first', async () => {
		const catalog = fixtureCatalog();
		assert.deepEqual(ids(await catalog.find({ language: 'javascript' })), [
			'good/two-fer',
			'exercism-javascript/lasagna',
			'exercism-javascript/two-fer',
			'exercism-javascript/list-ops',
		]);
		assert.deepEqual(ids(await catalog.find({ concept: 'bools' })), ['exercism-python/leap']);
		assert.deepEqual(ids(await catalog.find({ text: 'LASAGNA' })), ['exercism-javascript/lasagna', 'exercism-python/guidos-gorgeous-lasagna'], 'the exact slug first');
		assert.deepEqual(ids(await catalog.find({ text: 'two fer', language: 'javascript' })), ['good/two-fer', 'exercism-javascript/two-fer']);
		assert.deepEqual(ids(await catalog.find({ text: 'recursion' })), ['exercism-javascript/list-ops'], 'matches a concept');
		assert.deepEqual(ids(await catalog.find({ text: 'dicts', language: 'python' })), ['good/word-count']);
		assert.equal((await catalog.find({ limit: 3 })).length, 3);
		assert.deepEqual(await catalog.find({ text: 'no such thing' }), []);
	});

	it('ranks an exact title above a prefix, a prefix above a substring, and a substring above a concept', () => {
		const summaries = [
			summary('s', 'strings-concept', { title: 'Reverse', concepts: ['sum-types'] }),
			summary('s', 'checksum', { title: 'Checksum' }),
			summary('s', 'sum-of-multiples', { title: 'Sum of Multiples' }),
			summary('s', 'sum', { title: 'Sum' }),
		];
		assert.deepEqual(
			findSummaries(summaries, { text: 'sum' }).map(s => s.slug),
			['sum', 'sum-of-multiples', 'checksum', 'strings-concept'],
		);
	});

	it('groups by concept, language, difficulty and source, in reading order', async () => {
		const catalog = fixtureCatalog();
		const all = await catalog.summaries();

		const byConcept = catalog.group(all, 'concept');
		const labels = byConcept.map(group => group.label);
		assert.deepEqual(labels, ['Basics', 'Bools', 'Dicts', 'Functions', 'Recursion', 'Sets', 'Strings', 'Other']);
		const strings = byConcept.find(group => group.key === 'strings')!;
		assert.deepEqual(ids(strings.summaries), ['good/two-fer', 'good/word-count', 'exercism-python/isogram'], 'easier first');
		assert.ok(ids(byConcept.find(group => group.key === 'dicts')!.summaries).includes('good/word-count'), 'an exercise is under each of its concepts');
		assert.deepEqual(ids(byConcept.at(-1)!.summaries), ['exercism-javascript/two-fer'], 'exercises naming no concept come last');

		assert.deepEqual(
			catalog.group(all, 'language').map(group => [group.label, group.summaries.length]),
			[
				['Python', 4],
				['JavaScript', 4],
			],
		);

		const byDifficulty = catalog.group(all, 'difficulty');
		assert.deepEqual(
			byDifficulty.map(group => group.key),
			['beginner', 'easy', 'medium'] satisfies Difficulty[],
			'no empty "hard" group',
		);
		assert.deepEqual(ids(byDifficulty[2]!.summaries), ['exercism-javascript/list-ops']);

		const bySource = catalog.group(all, 'source');
		assert.deepEqual(
			bySource.map(group => group.label),
			['Good pack', 'Exercism: Python', 'Exercism: JavaScript'],
		);
		assert.deepEqual(ids(bySource[1]!.summaries), ['exercism-python/guidos-gorgeous-lasagna', 'exercism-python/leap', 'exercism-python/isogram'], "the track's own order");
	});

	it('groups one source at a time for a tree (source → group → exercise)', async () => {
		const catalog = fixtureCatalog();
		const python_ = await catalog.source(python);
		assert.ok(python_?.status === 'loaded');
		const groups = groupSummaries(python_.source.summaries, 'difficulty');
		assert.deepEqual(
			groups.map(group => [group.key, ids(group.summaries)]),
			[
				['beginner', ['exercism-python/guidos-gorgeous-lasagna', 'exercism-python/leap']],
				['easy', ['exercism-python/isogram']],
			],
		);
		assert.equal(await catalog.source('/not/configured'), undefined);
	});

	it('loads each source once, and reloads only the one whose folder changed', async () => {
		let slugsA = ['one'];
		const a = fakeLoader('/packs/a', 'a', () => slugsA);
		const b = fakeLoader('/packs/b', 'b', () => ['two']);
		const catalog = new ExerciseCatalog([a, b]);
		await catalog.summaries();
		await catalog.find({ text: 'one' });
		await catalog.sources();
		assert.deepEqual([a.loads, b.loads], [1, 1]);

		const changed: string[] = [];
		const subscription = catalog.onDidChange(key => changed.push(key));
		slugsA = ['one', 'three'];
		await catalog.reload('/packs/a');
		assert.deepEqual([a.loads, b.loads], [2, 1]);
		assert.deepEqual(ids(await catalog.summaries()), ['a/one', 'a/three', 'b/two']);
		assert.deepEqual(changed, ['/packs/a']);

		subscription.dispose();
		await catalog.reload('/packs/b');
		assert.deepEqual(changed, ['/packs/a'], 'a disposed listener is not called');
		assert.equal(await catalog.reload('/packs/unknown'), undefined);
	});

	it('keeps loaded sources when the list of sources changes, and drops removed ones', async () => {
		const a = fakeLoader('/packs/a', 'a', () => ['one']);
		const b = fakeLoader('/packs/b', 'b', () => ['two']);
		const c = fakeLoader('/packs/c', 'c', () => ['three']);
		const catalog = new ExerciseCatalog([a, b]);
		await catalog.summaries();
		catalog.setLoaders([b, c, c]);
		assert.deepEqual(catalog.keys, ['/packs/b', '/packs/c'], 'the same folder twice is one source');
		assert.deepEqual(ids(await catalog.summaries()), ['b/two', 'c/three']);
		assert.deepEqual([a.loads, b.loads, c.loads], [1, 1, 1]);
	});

	it('refuses a second source with an id already taken, naming both folders', async () => {
		const first = fakeLoader('/packs/first', 'same', () => ['one']);
		const second = fakeLoader('/packs/second', 'same', () => ['two']);
		const catalog = new ExerciseCatalog([first, second]);
		const [kept, refused] = await catalog.sources();
		assert.equal(kept!.status, 'loaded');
		assert.ok(refused!.status === 'failed');
		assert.match(refused.error.message, /\/packs\/second has the id "same", which \/packs\/first already uses/);
		assert.deepEqual(ids(await catalog.summaries()), ['same/one']);
	});

	it('keeps serving the other sources when one loader throws', async () => {
		const broken: SourceLoader = {
			key: '/packs/broken',
			load: () => Promise.reject(new Error('disk on fire')),
		};
		const catalog = new ExerciseCatalog([broken, fakeLoader('/packs/ok', 'ok', () => ['fine'])]);
		assert.deepEqual(ids(await catalog.summaries()), ['ok/fine']);
		assert.deepEqual(await catalog.problems(), [{ file: '/packs/broken', message: 'disk on fire' }]);
	});

	it('tells a file watcher which source a changed file belongs to', () => {
		const catalog = new ExerciseCatalog([folderSource('/packs/a'), folderSource('/packs/a/nested'), folderSource('/packs/ab')]);
		assert.equal(catalog.keyFor('/packs/a/two-sum/exercise.json'), path.resolve('/packs/a'));
		assert.equal(catalog.keyFor('/packs/a/nested/x/exercise.json'), path.resolve('/packs/a/nested'));
		assert.equal(catalog.keyFor('/packs/ab/x/exercise.json'), path.resolve('/packs/ab'));
		assert.equal(catalog.keyFor('/elsewhere/file'), undefined);
	});
});
