import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadSource } from '../../../src/core/exercises/sources';
import { leakAnswerFilter, leakChecker, leakFilterFor, PROSE_LEAK_NOTE } from '../../../src/core/tutor/answerFilter';
import type { FilterSegment } from '../../../src/core/tutor/session';

const builtin = path.resolve(__dirname, '..', '..', '..', 'exercises', 'builtin');

async function wordCount() {
	const source = await loadSource(builtin, { id: 'builtin' });
	return source.load('builtin/word-count');
}

function run(filter: ReturnType<ReturnType<typeof leakAnswerFilter>>, answer: string): FilterSegment[] {
	const out: FilterSegment[] = [];
	for (const chunk of answer.match(/[\s\S]{1,7}/g) ?? []) {
		out.push(...filter.push(chunk));
	}
	return [...out, ...filter.end()];
}

describe('the leak guard as the tutor answer filter', () => {
	it('withholds a pasted reference solution and passes the prose around it', async () => {
		const exercise = await wordCount();
		const reference = exercise.referenceFiles[0]!.content;
		const segments = run(leakAnswerFilter(exercise, [])(), `Here it is:\n\n\`\`\`python\n${reference}\`\`\`\n\nTry it.`);
		const code = segments.filter(s => s.kind === 'code');
		assert.equal(code.length, 1);
		assert.equal(code[0]!.kind === 'code' && code[0].withhold, true);
		assert.match(code[0]!.kind === 'code' ? (code[0].notice ?? '') : '', /solution/);
		const text = segments.filter(s => s.kind === 'text').map(s => (s.kind === 'text' ? s.text : '')).join('');
		assert.match(text, /Here it is:/);
		assert.match(text, /Try it\./);
	});

	it('lets a small illustration on other data through', async () => {
		const exercise = await wordCount();
		const segments = run(leakAnswerFilter(exercise, [])(), 'A dict counts things:\n\n```python\nseen = {}\nseen["apple"] = seen.get("apple", 0) + 1\n```\n');
		assert.ok(segments.every(s => s.kind !== 'code' || !s.withhold));
	});

	it('adds a note when the solution came as unfenced prose', async () => {
		const exercise = await wordCount();
		const reasons: string[] = [];
		const segments = run(leakAnswerFilter(exercise, [], r => reasons.push(r))(), `Just write this:\n${exercise.referenceFiles[0]!.content}\n`);
		assert.ok(segments.some(s => s.kind === 'text' && s.text === PROSE_LEAK_NOTE));
		assert.equal(reasons.length, 1);
	});

	it('checks one code block for model hints', async () => {
		const exercise = await wordCount();
		const tooClose = leakChecker(exercise, []);
		assert.equal(tooClose(exercise.referenceFiles[0]!.content), true);
		assert.equal(tooClose('for word in words:\n    pass'), false);
	});

	it('is there for an unsolved open exercise only, and treats the learner\'s own code as shown', async () => {
		const exercise = await wordCount();
		const started = (passed: boolean, mine = '') => ({ exercise, folder: '/tmp/x', passed, learnerFiles: async () => [{ path: 'word_count.py', content: mine }] });
		assert.equal(await leakFilterFor(undefined), undefined);
		assert.equal(await leakFilterFor(started(true)), undefined, 'passed: the solution may be discussed');
		assert.equal(await leakFilterFor({ ...started(false), exercise: { ...exercise, referenceFiles: [] } }), undefined);
		const reference = exercise.referenceFiles[0]!.content;
		const answer = `\`\`\`python\n${reference}\`\`\`\n`;
		const guarded = await leakFilterFor(started(false));
		assert.ok(run(guarded!(), answer).some(s => s.kind === 'code' && s.withhold));
		const quoted = await leakFilterFor(started(false, reference));
		assert.ok(run(quoted!(), answer).every(s => s.kind !== 'code' || !s.withhold), 'quoting the learner back is not a leak');
	});
});
