// The review cache: a save of content already reviewed costs no model call.
import * as assert from 'node:assert/strict';
import type { ChatRequest, LlmProvider } from '../../../src/core/llm/types';
import { contentHash, ReviewCache } from '../../../src/core/review/cache';
import { ReviewScheduler } from '../../../src/core/review/reviewer';

describe('Review cache', () => {
	it('knows whether a text is exactly the one last reviewed', () => {
		const cache = new ReviewCache();
		assert.equal(cache.unchanged('a', 'x = 1\n'), false);
		cache.set('a', 'x = 1\n', []);
		assert.equal(cache.unchanged('a', 'x = 1\n'), true);
		assert.equal(cache.unchanged('a', 'x = 1 \n'), false);
		assert.equal(cache.unchanged('b', 'x = 1\n'), false, 'per document');
		assert.equal(cache.get('a')!.hash, contentHash('x = 1\n'));
	});

	it('forgets the least recently used document first', () => {
		const cache = new ReviewCache(2);
		cache.set('a', '1', []);
		cache.set('b', '2', []);
		cache.get('a');
		cache.set('c', '3', []);
		assert.deepEqual(['a', 'b', 'c'].map(uri => cache.get(uri) !== undefined), [true, false, true]);
	});

	it('makes one model call in total for two saves of the same content', async () => {
		const requests: ChatRequest[] = [];
		const provider: LlmProvider = {
			id: 'openai',
			label: 'Fake',
			defaultModel: 'fake',
			async *chat(request) {
				requests.push(request);
				yield { type: 'done', result: { text: '{"findings":[]}', toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 }, stopReason: 'stop', model: 'fake' } };
			},
			listModels: async () => [],
		};
		const timers: (() => void)[] = [];
		const scheduler = new ReviewScheduler({
			resolveModel: async () => provider,
			ensureConsent: async () => true,
			onFindings: () => undefined,
			timers: { setTimeout: run => timers.push(run), clearTimeout: () => undefined },
		});
		const doc = { uri: 'file:///w/app.py', path: 'app.py', languageId: 'python', text: 'def main():\n    return 1\n', isExerciseFile: false };
		const settings = { mode: 'workspace', languages: [], exclude: [] } as const;
		for (let save = 0; save < 2; save++) {
			scheduler.onSave(doc, settings);
			timers.shift()!();
			await scheduler.settled();
		}
		assert.equal(requests.length, 1);
		assert.equal(scheduler.stats.skipped.unchanged, 1);
	});
});
