import * as assert from 'node:assert/strict';
import { ExerciseCatalog } from '../../../src/core/exercises/catalog';
import { UserFacingError } from '../../../src/core/errors';
import type { PlatformExercise, PlatformExerciseSummary, Verdict } from '../../../src/core/platform/schemas';
import { platformSource, PLATFORM_CATALOG_LIMIT, submitToPlatform, type PlatformExerciseApi } from '../../../src/core/platform/source';

function summary(i: number): PlatformExerciseSummary {
	return { id: `ex${i}`, slug: `exercise-${i}`, title: `Exercise ${i}`, language: i % 2 ? 'python' : 'javascript', concepts: ['loops'], prerequisites: [], difficulty: 'easy' };
}

function full(s: PlatformExerciseSummary): PlatformExercise {
	return { ...s, instructions: `# ${s.title}`, starterFiles: [{ path: 'a.py', content: '' }], testFiles: [{ path: 'test_a.py', content: '' }], supportFiles: [], hints: ['h'], timeLimitSeconds: 5 };
}

function fakeClient(options: { count: number; signedIn?: boolean; daily?: number | Error }): PlatformExerciseApi & { fetches: string[] } {
	const fetches: string[] = [];
	return {
		fetches,
		isSignedIn: async () => options.signedIn ?? true,
		getDailyExercise: async () => {
			if (options.daily instanceof Error) {
				throw options.daily;
			}
			return { date: '2026-12-01', exercise: full(summary(options.daily ?? 0)) };
		},
		async *allExercises() {
			for (let i = 0; i < options.count; i++) {
				yield summary(i);
			}
		},
		getExercise: async (id: string) => {
			fetches.push(id);
			return full(summary(Number(id.slice(2))));
		},
	} as PlatformExerciseApi & { fetches: string[] };
}

describe('platform exercise source', () => {
	it('lists the catalog with the daily exercise pinned, and fetches an exercise once when it is opened', async () => {
		const client = fakeClient({ count: 5, daily: 3 });
		const catalog = new ExerciseCatalog([platformSource(client, { baseUrl: 'https://cm.example' })]);
		const [state] = await catalog.sources();
		assert.equal(state?.status, 'loaded');
		const source = state.status === 'loaded' ? state.source : undefined;
		assert.equal(source?.kind, 'platform');
		assert.equal(source?.daily?.id, 'platform/ex3');
		assert.deepEqual(source?.summaries.map(s => s.id), ['platform/ex0', 'platform/ex1', 'platform/ex2', 'platform/ex3', 'platform/ex4']);
		const exercise = await catalog.get('platform/ex2');
		assert.equal(exercise.title, 'Exercise 2');
		assert.deepEqual(exercise.referenceFiles, [], 'the platform never sends solutions');
		await catalog.get('platform/ex2');
		assert.deepEqual(client.fetches, ['ex2']);
	});

	it('still lists the catalog when the daily exercise cannot be fetched', async () => {
		const catalog = new ExerciseCatalog([platformSource(fakeClient({ count: 2, daily: new Error('503') }), { baseUrl: 'https://cm.example' })]);
		const summaries = await catalog.summaries();
		assert.equal(summaries.length, 2);
		const [state] = await catalog.sources();
		assert.equal(state?.status === 'loaded' ? state.source.daily : 'failed', undefined);
	});

	it('asks to sign in, with the action, when there is no session', async () => {
		const catalog = new ExerciseCatalog([platformSource(fakeClient({ count: 2, signedIn: false }), { baseUrl: 'https://cm.example' })]);
		const [state] = await catalog.sources();
		assert.equal(state?.status, 'failed');
		const error = state?.status === 'failed' ? state.error : undefined;
		assert.ok(error instanceof UserFacingError);
		assert.match(error.message, /Sign in/);
		assert.equal(error.actions[0]?.command, 'codementor.signIn');
	});

	it(`stops at ${PLATFORM_CATALOG_LIMIT.toLocaleString('en-US')} exercises`, async () => {
		const catalog = new ExerciseCatalog([platformSource(fakeClient({ count: PLATFORM_CATALOG_LIMIT + 50, daily: 1 }), { baseUrl: 'https://cm.example' })]);
		assert.equal((await catalog.summaries()).length, PLATFORM_CATALOG_LIMIT);
	});

	it("returns the platform's verdict for a submission", async () => {
		const sent: unknown[] = [];
		const verdict: Verdict = { id: 's1', exerciseId: 'ex2', verdict: 'failed', passed: 3, failed: 1, tests: [{ id: 't', name: 't', status: 'failed', message: 'no' }], durationMs: 40, output: '', submittedAt: '2026-12-01T10:00:00Z' };
		const result = await submitToPlatform({ submitExercise: async (id, files) => (sent.push({ id, files }), verdict) }, 'platform/ex2', [{ path: 'a.py', content: 'x = 1' }], AbortSignal.timeout(1000));
		assert.deepEqual(sent, [{ id: 'ex2', files: [{ path: 'a.py', content: 'x = 1' }] }]);
		assert.equal(result.exerciseId, 'platform/ex2');
		assert.equal(result.passed, 3);
		assert.equal(result.failed, 1);
	});
});
