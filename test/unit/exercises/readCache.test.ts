import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writePackIndex } from '../../../src/core/exercises/packIndex';
import { cachingSourceFs as createCachingSourceFs } from '../../../src/core/exercises/readCache';
import { loadSource } from '../../../src/core/exercises/sources';

function writePack(dir: string, count: number): void {
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ id: 'cached', title: 'Cached pack' }));
	for (let i = 0; i < count; i++) {
		writeExercise(dir, `ex-${i}`, `Exercise ${i}`);
	}
}

function writeExercise(dir: string, slug: string, title: string): void {
	fs.mkdirSync(path.join(dir, slug), { recursive: true });
	fs.writeFileSync(path.join(dir, slug, 'exercise.json'), JSON.stringify({ title, language: 'python', concepts: ['loops'], difficulty: 'easy', hints: ['a', 'b', 'c'] }));
}

/** Waits for the cache write that readFiles() leaves in flight. */
async function settled(cacheDir: string): Promise<string[]> {
	for (let i = 0; i < 200; i++) {
		const files = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter(f => f.endsWith('.json')) : [];
		if (files.length > 0) {
			return files;
		}
		await new Promise(resolve => setTimeout(resolve, 5));
	}
	throw new Error('the cache was never written');
}

describe('exercise read cache', () => {
	let tmp: string;
	let pack: string;
	let cacheDir: string;

	// Every read cache a test made, so that its background work (check, cache write) ends before the folder goes.
	let made: ReturnType<typeof createCachingSourceFs>[] = [];
	const cachingSourceFs = (...args: Parameters<typeof createCachingSourceFs>) => {
		const readFs = createCachingSourceFs(...args);
		made.push(readFs);
		return readFs;
	};

	beforeEach(() => {
		made = [];
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-read-cache-'));
		pack = path.join(tmp, 'pack');
		cacheDir = path.join(tmp, 'cache');
		writePack(pack, 20);
	});
	afterEach(async () => {
		await Promise.all(made.map(readFs => readFs.stats.checked));
		fs.rmSync(tmp, { recursive: true, force: true });
	});

	it('reads every file the first time, then serves unchanged ones from the cache', async () => {
		const cached = cachingSourceFs(cacheDir);
		const first = await loadSource(pack, { fs: cached });
		assert.deepEqual({ hits: cached.stats.hits, misses: cached.stats.misses }, { hits: 0, misses: 20 });
		await settled(cacheDir);
		const second = await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		assert.deepEqual(second.summaries, first.summaries);
		const again = cachingSourceFs(cacheDir);
		await loadSource(pack, { fs: again });
		assert.deepEqual({ hits: again.stats.hits, misses: again.stats.misses }, { hits: 20, misses: 0 });
	});

	it('reads a changed file again, and sees added and removed exercises', async () => {
		await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		await settled(cacheDir);
		// Same size, new content: the stamp still changes (mtime/ctime).
		await new Promise(resolve => setTimeout(resolve, 20));
		writeExercise(pack, 'ex-3', 'Exercise X');
		writeExercise(pack, 'ex-new', 'Brand new');
		fs.rmSync(path.join(pack, 'ex-7'), { recursive: true });
		const cached = cachingSourceFs(cacheDir);
		const source = await loadSource(pack, { fs: cached });
		assert.equal(cached.stats.misses, 2);
		assert.equal(cached.stats.hits, 18);
		const titles = new Map(source.summaries.map(s => [s.slug, s.title]));
		assert.equal(titles.get('ex-3'), 'Exercise X');
		assert.equal(titles.get('ex-new'), 'Brand new');
		assert.equal(titles.has('ex-7'), false);
	});

	it('reports a file broken after caching as broken, not its cached text', async () => {
		await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		await settled(cacheDir);
		fs.writeFileSync(path.join(pack, 'ex-2', 'exercise.json'), '{ "title": ');
		const source = await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		assert.equal(source.summaries.some(s => s.slug === 'ex-2'), false);
		assert.match(source.problems[0]!.message, /ex-2/);
	});

	it('ignores a corrupt or foreign cache file and rebuilds it', async () => {
		await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		const [name] = await settled(cacheDir);
		const file = path.join(cacheDir, name!);
		for (const garbage of ['{ not json', JSON.stringify({ version: 1, root: '/elsewhere', files: {} }), JSON.stringify({ version: 1, root: pack, files: { 'ex-1/exercise.json': [42, null] } })]) {
			fs.writeFileSync(file, garbage);
			const cached = cachingSourceFs(cacheDir);
			const source = await loadSource(pack, { fs: cached });
			assert.equal(source.summaries.length, 20);
			assert.equal(source.problems.length, 0);
			assert.ok(cached.stats.misses >= 1);
		}
	});

	it('still loads the pack when the cache folder cannot be written', async () => {
		fs.writeFileSync(cacheDir, 'a file where the folder should be');
		const source = await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
		assert.equal(source.summaries.length, 20);
		await new Promise(resolve => setTimeout(resolve, 30));
	});

	describe('checked in the background (onStale)', () => {
		it('serves the cache at once, and reports nothing when nothing changed', async () => {
			await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
			await settled(cacheDir);
			const stale: string[] = [];
			const cached = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			const source = await loadSource(pack, { fs: cached });
			assert.equal(source.summaries.length, 20);
			assert.deepEqual({ hits: cached.stats.hits, misses: cached.stats.misses }, { hits: 20, misses: 0 });
			assert.equal(await cached.stats.checked, false);
			assert.deepEqual(stale, []);
		});

		it('calls onStale when a served file had changed, and the reload then sees the change', async () => {
			await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
			await settled(cacheDir);
			await new Promise(resolve => setTimeout(resolve, 20));
			writeExercise(pack, 'ex-5', 'Renamed five');
			const stale: string[] = [];
			const cached = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			const served = await loadSource(pack, { fs: cached });
			assert.equal(served.summaries.find(s => s.slug === 'ex-5')!.title, 'Exercise 5', 'served from the cache first');
			assert.equal(await cached.stats.checked, true);
			assert.deepEqual(stale, [path.resolve(pack)]);
			const reloaded = await loadSource(pack, { fs: cached });
			assert.equal(reloaded.summaries.find(s => s.slug === 'ex-5')!.title, 'Renamed five');
			assert.equal(await cached.stats.checked, false, 'the reload found the cache up to date');
		});

		it('reads an exercise new since the cache at once, without a reload', async () => {
			await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
			await settled(cacheDir);
			writeExercise(pack, 'ex-added', 'Added later');
			const stale: string[] = [];
			const cached = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			const source = await loadSource(pack, { fs: cached });
			assert.equal(cached.stats.misses, 1);
			assert.equal(source.summaries.find(s => s.slug === 'ex-added')!.title, 'Added later');
			assert.equal(await cached.stats.checked, false);
			assert.deepEqual(stale, []);
		});

		it('calls onStale when an exercise.json was deleted after caching', async () => {
			await loadSource(pack, { fs: cachingSourceFs(cacheDir) });
			await settled(cacheDir);
			fs.rmSync(path.join(pack, 'ex-9', 'exercise.json'));
			const stale: string[] = [];
			const cached = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			await loadSource(pack, { fs: cached });
			assert.equal(await cached.stats.checked, true);
			const reloaded = await loadSource(pack, { fs: cached });
			assert.equal(reloaded.summaries.some(s => s.slug === 'ex-9'), false);
			assert.match(reloaded.problems[0]!.message, /ex-9/);
		});
	});

	describe('seeded by the pack\'s own index.json', () => {
		it('serves the index the first time, reads every file behind it, and then has a real cache', async () => {
			await writePackIndex(await loadSource(pack));
			const stale: string[] = [];
			const first = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			const source = await loadSource(pack, { fs: first });
			assert.deepEqual({ hits: first.stats.hits, misses: first.stats.misses }, { hits: 20, misses: 0 }, 'all 20 from the index');
			assert.equal(source.summaries.length, 20);
			assert.equal(await first.stats.checked, false, 'the index matched every file');
			assert.deepEqual(stale, []);
			await settled(cacheDir);
			const later = cachingSourceFs(cacheDir, { onStale: () => assert.fail('the real cache was up to date') });
			await loadSource(pack, { fs: later });
			assert.equal(later.stats.hits, 20);
			assert.equal(await later.stats.checked, false);
		});

		it('reloads a pack whose index is out of date', async () => {
			await writePackIndex(await loadSource(pack));
			writeExercise(pack, 'ex-4', 'Changed after indexing');
			const stale: string[] = [];
			const cached = cachingSourceFs(cacheDir, { onStale: root => stale.push(root) });
			const served = await loadSource(pack, { fs: cached });
			assert.equal(served.summaries.find(s => s.slug === 'ex-4')!.title, 'Exercise 4');
			assert.equal(await cached.stats.checked, true);
			assert.deepEqual(stale, [path.resolve(pack)]);
			const reloaded = await loadSource(pack, { fs: cached });
			assert.equal(reloaded.summaries.find(s => s.slug === 'ex-4')!.title, 'Changed after indexing');
		});

		it('ignores an index that is not one', async () => {
			fs.writeFileSync(path.join(pack, 'index.json'), JSON.stringify({ files: { 'ex-1/exercise.json': '{}' } }));
			const cached = cachingSourceFs(cacheDir, { onStale: () => assert.fail('nothing was served from the index') });
			const source = await loadSource(pack, { fs: cached });
			assert.equal(cached.stats.misses, 20);
			assert.equal(source.summaries.length, 20);
			await settled(cacheDir);
		});
	});
});
