// The hint ladder with a scripted model: authored hints first, then model hints one level up each
// time, the hints given passed along so they are not repeated, level 5 as the ceiling, and the
// leak guard's retry when a partial change is too close to the solution.
import * as assert from 'node:assert/strict';
import { CancelledError, UserFacingError } from '../../../src/core/errors';
import { LlmError } from '../../../src/core/llm/errors';
import type { ChatEvent, ChatRequest, LlmProvider } from '../../../src/core/llm/types';
import {
	codeBlocks,
	hintLevelFor,
	hintLevels,
	nextHint,
	nextHintLevel,
	type GivenHint,
	type HintExercise,
} from '../../../src/core/tutor/hintLadder';

const exercise: HintExercise = {
	id: 'builtin/two-sum',
	title: 'Two Sum',
	language: 'python',
	instructions: 'Return the indices of the two numbers in `nums` that add up to `target`.',
	hints: ['Which pairs of indices does your inner loop visit?', 'A pair needs two different indices.'],
	concepts: ['loops'],
};

const code = 'def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n';
const failingOutput = 'FAILED test_two_sum.py::test_pair - assert [0, 0] == [0, 1]';

function fakeModel(...replies: string[]) {
	const requests: ChatRequest[] = [];
	const provider: LlmProvider = {
		id: 'openai',
		label: 'Fake model',
		defaultModel: 'fake-1',
		async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
			requests.push(request);
			const text = replies.shift();
			if (text === undefined) {
				throw new Error('the fake model has no more replies');
			}
			yield { type: 'text', text };
			yield { type: 'done', result: { text, toolCalls: [], usage: { inputTokens: 10, outputTokens: 5 }, stopReason: 'stop', model: 'fake-1' } };
		},
		async listModels() {
			return [];
		},
	};
	return { provider, requests };
}

const prompt = (r: ChatRequest) => r.messages.map(m => m.content).join('\n');
const signal = () => new AbortController().signal;
const authoredGiven: GivenHint[] = [
	{ level: 1, text: exercise.hints[0], source: 'authored' },
	{ level: 2, text: exercise.hints[1], source: 'authored' },
];

describe('Hint levels', () => {
	it('has five levels from a nudge to a partial change', () => {
		assert.deepEqual(hintLevels.map(l => l.level), [1, 2, 3, 4, 5]);
		assert.deepEqual(hintLevels.map(l => l.name), ['Nudge', 'Concept', 'Where to look', 'Pseudocode', 'Partial change']);
		assert.match(hintLevels[4].description, /never the whole solution/);
	});

	it('starts beginners and intermediates at the nudge and advanced learners at the concept', () => {
		assert.equal(hintLevelFor('beginner'), 1);
		assert.equal(hintLevelFor('intermediate'), 1);
		assert.equal(hintLevelFor('advanced'), 2);
		assert.equal(hintLevelFor(undefined), 1);
	});

	it('goes one level above the highest given, never past 5', () => {
		assert.equal(nextHintLevel([]), 1);
		assert.equal(nextHintLevel([], 2), 2);
		assert.equal(nextHintLevel([{ level: 1 }, { level: 3 }]), 4);
		assert.equal(nextHintLevel([{ level: 5 }]), 5);
		assert.equal(nextHintLevel([{ level: 1 }], 3), 3, 'a higher start level wins over an old gentle hint');
	});
});

describe('nextHint', () => {
	it('serves the authored hints first, in order, each one level up, without calling the model', async () => {
		const { provider, requests } = fakeModel();
		const first = await nextHint({ exercise, given: [], code, model: provider, signal: signal() });
		assert.deepEqual(first, { level: 1, text: exercise.hints[0], source: 'authored' });
		const second = await nextHint({ exercise, given: [first], code, model: provider, signal: signal() });
		assert.deepEqual(second, { level: 2, text: exercise.hints[1], source: 'authored' });
		assert.equal(requests.length, 0);
	});

	it('starts an advanced learner\'s authored hints at level 2', async () => {
		const hint = await nextHint({ exercise, given: [], startLevel: hintLevelFor('advanced'), signal: signal() });
		assert.deepEqual(hint, { level: 2, text: exercise.hints[0], source: 'authored' });
	});

	it('then asks the model at the next level, grounded in the exercise, code, output and the hints given', async () => {
		const { provider, requests } = fakeModel('Look at line 3: which value does `j` take first?');
		const hint = await nextHint({ exercise, given: authoredGiven, code, failingOutput, model: provider, signal: signal() });
		assert.deepEqual(hint, { level: 3, text: 'Look at line 3: which value does `j` take first?', source: 'model' });
		assert.equal(requests.length, 1);
		const request = requests[0];
		assert.equal(request.purpose, 'hint');
		assert.equal(request.userInitiated, true);
		assert.match(request.system!.map(b => b.text).join('\n'), /add up to `target`/);
		const text = prompt(request);
		assert.match(text, /Level 3/);
		assert.match(text, /for j in range\(i, len\(nums\)\)/);
		assert.match(text, /assert \[0, 0\] == \[0, 1\]/);
		assert.match(text, /do not repeat/);
		for (const h of exercise.hints) {
			assert.ok(text.includes(h), `the prompt lists the given hint "${h}"`);
		}
	});

	it('passes every earlier model hint too, and climbs to 5 and stays there', async () => {
		const { provider, requests } = fakeModel('Pseudocode: start the inner loop after i.', 'Change the inner loop to:\n```python\nfor j in range(i + 1, len(nums)):\n```', 'Now check what you return:\n```python\nreturn [i, j]\n```');
		const given: GivenHint[] = [...authoredGiven, { level: 3, text: 'Look at line 3.', source: 'model' }];
		for (const expected of [4, 5, 5] as const) {
			const hint = await nextHint({ exercise, given, code, model: provider, signal: signal() });
			assert.equal(hint.level, expected);
			given.push(hint);
		}
		assert.deepEqual(requests.map(r => /Level (\d)/.exec(prompt(r))?.[1]), ['4', '5', '5']);
		const last = prompt(requests[2]);
		assert.ok(last.includes('Look at line 3.') && last.includes('start the inner loop after i'), 'earlier model hints are listed');
		assert.match(last, /already shown 1 partial change/);
	});

	it('retries once for a pseudocode hint when the partial change is too close to the solution', async () => {
		const full = '```python\ndef two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n```';
		const { provider, requests } = fakeModel(`Here you go:\n${full}`, '1. For each number, work out the partner it needs.\n2. Remember numbers you have seen.');
		const checked: string[] = [];
		const isTooClose = (block: string) => {
			checked.push(block);
			return block.includes('seen[n] = i');
		};
		const given: GivenHint[] = [...authoredGiven, { level: 3, text: 'a', source: 'model' }, { level: 4, text: 'b', source: 'model' }];
		const hint = await nextHint({ exercise, given, code, model: provider, signal: signal(), isTooClose });
		assert.equal(requests.length, 2);
		assert.match(prompt(requests[1]), /no code block/);
		assert.deepEqual(hint, { level: 4, text: '1. For each number, work out the partner it needs.\n2. Remember numbers you have seen.', source: 'model' });
		assert.ok(checked[0].startsWith('def two_sum'), 'the guard sees the code without its fence');
	});

	it('withholds a flagged block if the retry still contains one, and keeps a partial change that is fine', async () => {
		const bad = '```python\nseen[n] = i\n```';
		const guard = (block: string) => block.includes('seen[n] = i');
		const stubborn = fakeModel(`Try:\n${bad}`, `Still:\n${bad}\nThen think about the order.`);
		const given: GivenHint[] = [{ level: 5, text: 'x', source: 'model' }];
		const withheld = await nextHint({ exercise: { ...exercise, hints: [] }, given, model: stubborn.provider, signal: signal(), isTooClose: guard });
		assert.equal(withheld.level, 4);
		assert.doesNotMatch(withheld.text, /seen\[n\] = i/);
		assert.match(withheld.text, /left out/);
		assert.match(withheld.text, /Then think about the order\./);

		const fine = fakeModel('Change line 3:\n```python\nfor j in range(i + 1, len(nums)):\n```');
		const partial = await nextHint({ exercise: { ...exercise, hints: [] }, given, model: fine.provider, signal: signal(), isTooClose: guard });
		assert.equal(partial.level, 5);
		assert.match(partial.text, /range\(i \+ 1/);
		assert.equal(fine.requests.length, 1);
	});

	it('without a model, says so with a Connect a Model action once the written hints run out', async () => {
		const error = await nextHint({ exercise, given: authoredGiven, signal: signal() }).then(
			() => assert.fail('expected an error'),
			(e: unknown) => e,
		);
		assert.ok(error instanceof UserFacingError);
		assert.match(error.message, /seen all the written hints for "Two Sum"/);
		assert.deepEqual(error.actions, [{ title: 'Connect a Model', command: 'codementor.connectModel' }]);
		await assert.rejects(nextHint({ given: [], signal: signal() }), (e: unknown) => e instanceof UserFacingError && /connect one/.test(e.message));
	});

	it('stops before calling the model when cancelled', async () => {
		const { provider, requests } = fakeModel('never');
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(nextHint({ exercise, given: authoredGiven, model: provider, signal: controller.signal }), CancelledError);
		assert.equal(requests.length, 0);
	});

	it('treats an empty reply as a bad response rather than an empty hint', async () => {
		const { provider } = fakeModel('   ');
		await assert.rejects(nextHint({ exercise, given: authoredGiven, model: provider, signal: signal() }), (e: unknown) => e instanceof LlmError && e.kind === 'bad_response');
	});
});

describe('codeBlocks', () => {
	it('finds fenced blocks of any length, and an unfinished one at the end', () => {
		assert.deepEqual(codeBlocks('a\n```py\nx = 1\n```\nb\n~~~\ny\n~~~\n````\nz = "```"\n````\n```js\nunfinished()'), ['x = 1', 'y', 'z = "```"', 'unfinished()']);
		assert.deepEqual(codeBlocks('Use `x + 1` inline.'), []);
	});
});
