// The hourly token budget of background reviews: a sliding window, and the time reviews resume.
import * as assert from 'node:assert/strict';
import { estimateRequestTokens, HOUR_MS, pausedMessage, TokenBudget } from '../../../src/core/review/budget';

const MINUTE = 60_000;

describe('Review budget', () => {
	it('slides: spending leaves the window an hour after it happened, not at the top of the hour', () => {
		let now = 0;
		const budget = new TokenBudget({ tokensPerHour: 1000, now: () => now });
		budget.record(600);
		now = 10 * MINUTE;
		budget.record(300);
		assert.equal(budget.remaining(), 100);
		assert.equal(budget.canSpend(100), true);
		assert.equal(budget.canSpend(200), false);
		now = HOUR_MS - 1;
		assert.equal(budget.canSpend(200), false, 'the first spend is still inside the window');
		now = HOUR_MS;
		assert.equal(budget.remaining(), 700);
		assert.equal(budget.canSpend(700), true);
		now = HOUR_MS + 10 * MINUTE;
		assert.equal(budget.remaining(), 1000);
	});

	it('says when enough has left the window for the next review', () => {
		let now = 0;
		const budget = new TokenBudget({ tokensPerHour: 1000, now: () => now });
		budget.record(500);
		now = 5 * MINUTE;
		budget.record(400);
		now = 20 * MINUTE;
		assert.equal(budget.resetsAt(50), now, 'fits now');
		assert.equal(budget.resetsAt(200), HOUR_MS, 'once the first spend expires');
		assert.equal(budget.resetsAt(700), 5 * MINUTE + HOUR_MS, 'only once both expire');
		assert.equal(budget.resetsAt(1500), undefined, 'never: bigger than the whole budget');
	});

	it('applies a lowered limit to what was already spent', () => {
		const budget = new TokenBudget({ tokensPerHour: 1000, now: () => 0 });
		budget.record(800);
		budget.setLimit(500);
		assert.equal(budget.remaining(), 0);
		assert.equal(budget.canSpend(1), false);
	});

	it('words the pause for the status bar, rounding the minute up', () => {
		const at = new Date(2026, 0, 5, 14, 4, 30).getTime();
		assert.equal(pausedMessage(at), 'Reviews paused until 14:05 — hourly budget spent');
		assert.equal(pausedMessage(new Date(2026, 0, 5, 9, 0, 0).getTime()), 'Reviews paused until 09:00 — hourly budget spent');
	});

	it('estimates a request at four characters a token', () => {
		assert.equal(estimateRequestTokens({ system: [{ text: 'x'.repeat(40) }], messages: [{ role: 'user', content: 'y'.repeat(41) }] }), 21);
	});
});
