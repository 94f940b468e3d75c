// Review on save as the learner experiences it: saves are debounced, a newer save cancels a stale
// review, nothing is sent without consent or for excluded files, the budget pauses reviews, and
// the findings shown are the ones that still hold.
import * as assert from 'node:assert/strict';
import type { ChatRequest, LlmProvider } from '../../../src/core/llm/types';
import { TokenBudget } from '../../../src/core/review/budget';
import type { ReviewFinding } from '../../../src/core/review/findings';
import { ReviewScheduler, type ReviewDocument, type ReviewSettings, type ReviewStatus } from '../../../src/core/review/reviewer';

const settings: ReviewSettings = { mode: 'workspace', languages: [], exclude: [] };

const code = ['def mean(xs):', '    total = 0', '    for x in xs:', '        total += x', '    return total / len(xs)', '', '', 'def shout(s):', '    return s.upper()', ''].join('\n');
const doc = (text: string, over: Partial<ReviewDocument> = {}): ReviewDocument => ({ uri: 'file:///w/stats.py', path: 'stats.py', languageId: 'python', text, isExerciseFile: false, ...over });

function fakeClock() {
	let now = 1_000_000;
	let seq = 0;
	const pending = new Map<number, { at: number; run: () => void }>();
	return {
		now: () => now,
		timers: {
			setTimeout: (run: () => void, ms: number) => {
				pending.set(++seq, { at: now + ms, run });
				return seq;
			},
			clearTimeout: (handle: unknown) => void pending.delete(handle as number),
		},
		advance(ms: number) {
			const until = now + ms;
			for (;;) {
				const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) {
					break;
				}
				pending.delete(due[0]);
				now = due[1].at;
				due[1].run();
			}
			now = until;
		},
	};
}

type Reply = (request: ChatRequest) => string | Promise<string>;

function fakeModel(reply: Reply = () => '{"findings":[]}') {
	const requests: ChatRequest[] = [];
	const provider: LlmProvider = {
		id: 'openai',
		label: 'Fake',
		defaultModel: 'fake',
		async *chat(request) {
			requests.push(request);
			const text = await reply(request);
			yield { type: 'done', result: { text, toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 }, stopReason: 'stop', model: 'fake' } };
		},
		listModels: async () => [],
	};
	return { provider, requests };
}

function setup(options: { reply?: Reply; consent?: () => Promise<boolean>; budget?: (now: () => number) => TokenBudget } = {}) {
	const clock = fakeClock();
	const model = fakeModel(options.reply);
	const shown: { uri: string; findings: readonly ReviewFinding[] }[] = [];
	const statuses: ReviewStatus[] = [];
	let consentAsked = 0;
	const scheduler = new ReviewScheduler({
		resolveModel: async () => model.provider,
		ensureConsent: async () => {
			consentAsked++;
			return options.consent ? options.consent() : true;
		},
		onFindings: (uri, findings) => shown.push({ uri, findings }),
		onStatus: status => statuses.push(status),
		timers: clock.timers,
		now: clock.now,
		budget: options.budget?.(clock.now),
	});
	/** Saves, lets the debounce pass, and waits for the review to finish. */
	const saveAndReview = async (d: ReviewDocument, s: ReviewSettings = settings) => {
		scheduler.onSave(d, s);
		clock.advance(1500);
		await scheduler.settled();
	};
	return { clock, model, shown, statuses, scheduler, saveAndReview, consentAsked: () => consentAsked };
}

async function until(condition: () => boolean): Promise<void> {
	for (let i = 0; i < 100 && !condition(); i++) {
		await new Promise(resolve => setImmediate(resolve));
	}
	assert.ok(condition(), 'condition never became true');
}

const reply = (findings: object[]) => JSON.stringify({ findings: findings.map(f => ({ severity: 'hint', category: 'bug', message: 'Check this.', ...f })) });

describe('Review scheduler', () => {
	it('collapses three quick saves into one review of the last text', async () => {
		const { clock, model, scheduler, shown } = setup();
		scheduler.onSave(doc(code.replace('total = 0', 'total = 1')), settings);
		clock.advance(500);
		scheduler.onSave(doc(code.replace('total = 0', 'total = 2')), settings);
		clock.advance(500);
		scheduler.onSave(doc(code.replace('total = 0', 'total = 3')), settings);
		clock.advance(1499);
		await scheduler.settled();
		assert.equal(model.requests.length, 0, 'still inside the debounce');
		clock.advance(1);
		await scheduler.settled();
		assert.equal(model.requests.length, 1);
		assert.match(model.requests[0].messages[0].content, /total = 3/);
		assert.doesNotMatch(model.requests[0].messages[0].content, /total = [12]/);
		assert.equal(model.requests[0].purpose, 'review');
		assert.equal(model.requests[0].userInitiated, false);
		assert.equal(shown.length, 1);
	});

	it('aborts the review in flight when the document is saved again', async () => {
		let release: (() => void) | undefined;
		const { clock, model, scheduler, shown, statuses } = setup({
			reply: request =>
				request.messages[0].content.includes('total = 1')
					? new Promise<string>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))))
					: new Promise<string>(resolve => (release = () => resolve(reply([{ startLine: 2, endLine: 2 }])))),
		});
		scheduler.onSave(doc(code.replace('total = 0', 'total = 1')), settings);
		clock.advance(1500);
		await until(() => model.requests.length === 1);
		const first = model.requests[0].signal;
		assert.equal(first.aborted, false);
		scheduler.onSave(doc(code.replace('total = 0', 'total = 2')), settings);
		assert.equal(first.aborted, true, 'the stale review is cancelled at once, not after the debounce');
		clock.advance(1500);
		await until(() => model.requests.length === 2);
		release!();
		await scheduler.settled();
		assert.equal(shown.length, 1, 'only the newer review shows findings');
		assert.equal(scheduler.stats.cancelled, 1);
		assert.deepEqual(statuses.at(-1), { kind: 'idle' });
	});

	it('stops saying "reviewing" when the document closes mid-review', async () => {
		const { clock, model, scheduler, statuses } = setup({ reply: request => new Promise<string>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(new Error('aborted')))) });
		scheduler.onSave(doc(code), settings);
		clock.advance(1500);
		await until(() => model.requests.length === 1);
		assert.equal(statuses.at(-1)?.kind, 'reviewing');
		scheduler.forget(doc(code).uri);
		await scheduler.settled();
		assert.equal(model.requests[0].signal.aborted, true);
		assert.deepEqual(statuses.at(-1), { kind: 'idle' });
	});

	it('keeps the review in flight when the same text is saved again', async () => {
		let release: (() => void) | undefined;
		const { clock, model, scheduler } = setup({ reply: () => new Promise<string>(resolve => (release = () => resolve('{"findings":[]}'))) });
		scheduler.onSave(doc(code), settings);
		clock.advance(1500);
		await until(() => model.requests.length === 1);
		scheduler.onSave(doc(code), settings);
		clock.advance(1500);
		assert.equal(model.requests[0].signal.aborted, false);
		release!();
		await scheduler.settled();
		assert.equal(model.requests.length, 1);
		assert.equal(scheduler.stats.reviews, 1);
	});

	it('sends nothing without consent, and asks only until the learner agrees', async () => {
		let answer = false;
		const { model, saveAndReview, statuses, consentAsked, scheduler } = setup({ consent: async () => answer });
		await saveAndReview(doc(code));
		assert.equal(model.requests.length, 0);
		assert.deepEqual(statuses.at(-1), { kind: 'needs-consent' });
		assert.equal(scheduler.stats.skipped['no-consent'], 1);
		answer = true;
		await saveAndReview(doc(code.replace('total = 0', 'total = 1')));
		await saveAndReview(doc(code.replace('total = 0', 'total = 2')));
		assert.equal(model.requests.length, 2);
		assert.equal(consentAsked(), 2, 'not asked again once given');
	});

	it('never sends an excluded file, and does not even ask for consent for it', async () => {
		const { model, saveAndReview, consentAsked, scheduler } = setup();
		await saveAndReview(doc('API_KEY=123\n', { uri: 'file:///w/.env', path: '.env', languageId: 'dotenv' }));
		await saveAndReview(doc('x = 1\n', { uri: 'file:///w/other.py', path: 'other.py' }), { ...settings, mode: 'exercises' });
		assert.equal(model.requests.length, 0);
		assert.equal(consentAsked(), 0);
		assert.deepEqual(scheduler.stats.skipped, { excluded: 1, 'not-exercise': 1 });
	});

	it('pauses when the hourly budget is spent and says until when', async () => {
		const { clock, model, saveAndReview, statuses } = setup({ budget: now => new TokenBudget({ tokensPerHour: 1200, now }) });
		await saveAndReview(doc(code));
		assert.equal(model.requests.length, 1);
		await saveAndReview(doc(code.replace('total = 0', 'total = 1')));
		assert.equal(model.requests.length, 1, 'paused');
		const paused = statuses.at(-1)!;
		assert.equal(paused.kind, 'paused-budget');
		assert.match(paused.kind === 'paused-budget' ? paused.message : '', /^Reviews paused until \d\d:\d\d — hourly budget spent$/);
		clock.advance(60 * 60_000);
		assert.deepEqual(statuses.at(-1), { kind: 'idle' }, 'the status clears when the budget is back');
		await saveAndReview(doc(code.replace('total = 0', 'total = 2')));
		assert.equal(model.requests.length, 2);
	});

	it('shows new findings inside what was sent, next to earlier ones that still hold', async () => {
		const replies = [
			reply([{ startLine: 9, endLine: 9, message: 'What about empty strings?' }]),
			// The second review saw only mean(); line 9 is outside it and must be ignored.
			reply([{ startLine: 6, endLine: 6, message: 'Division by zero when xs is empty.' }, { startLine: 9, endLine: 9, message: 'Out of range.' }]),
		];
		const { shown, saveAndReview, model } = setup({ reply: () => replies.shift()! });
		await saveAndReview(doc(code));
		assert.deepEqual(shown.at(-1)!.findings.map(f => [f.startLine, f.message]), [[9, 'What about empty strings?']]);
		const edited = code.replace('def mean(xs):\n', 'def mean(xs):\n    """Average."""\n');
		await saveAndReview(doc(edited));
		assert.doesNotMatch(model.requests[1].messages[0].content, /shout/, 'the untouched function is not sent again');
		assert.deepEqual(shown.at(-1)!.findings.map(f => [f.startLine, f.message]), [
			[6, 'Division by zero when xs is empty.'],
			[10, 'What about empty strings?'],
		]);
	});

	it('reports a failing model as an error status and shows no findings', async () => {
		const { shown, saveAndReview, statuses, scheduler } = setup({ reply: () => Promise.reject(new Error('The model is unreachable.')) });
		await saveAndReview(doc(code));
		assert.equal(shown.length, 0);
		const last = statuses.at(-1)!;
		assert.equal(last.kind, 'error');
		assert.equal(last.kind === 'error' && last.message, 'The model is unreachable.');
		assert.equal(scheduler.stats.errors, 1);
	});
});
