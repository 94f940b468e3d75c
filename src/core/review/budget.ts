// The hourly token budget of review on save: reviews run in the background, unasked, so they must
// never spend more than the learner allowed. A sliding 60-minute window (not a clock-hour reset),
// so a burst just before the hour does not get a fresh allowance a minute later. Also the chars/4
// token estimate every review figure uses, so budgets, stats and benchmarks agree.
import type { ChatRequest } from '../llm/types';

export const HOUR_MS = 60 * 60 * 1000;
export const defaultTokensPerHour = 20_000;

/** Rough token count of text: 4 characters a token is close enough for code and English prose. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

/** Estimated input tokens of a request: its system blocks and messages as sent. */
export function estimateRequestTokens(request: Pick<ChatRequest, 'system' | 'messages'>): number {
	let chars = 0;
	for (const block of request.system ?? []) {
		chars += block.text.length;
	}
	for (const message of request.messages) {
		chars += message.content.length;
	}
	return Math.ceil(chars / 4);
}

export interface TokenBudgetOptions {
	/** Tokens allowed in any 60-minute window; 0 pauses reviews, Infinity never does. */
	readonly tokensPerHour: number;
	readonly now?: () => number;
	readonly windowMs?: number;
}

export class TokenBudget {
	private readonly spends: { at: number; tokens: number }[] = [];
	private limit: number;
	private readonly now: () => number;
	private readonly windowMs: number;

	constructor(options: TokenBudgetOptions) {
		this.limit = Math.max(0, options.tokensPerHour);
		this.now = options.now ?? Date.now;
		this.windowMs = options.windowMs ?? HOUR_MS;
	}

	get tokensPerHour(): number {
		return this.limit;
	}

	/** The learner changed the setting: the new limit applies to what was already spent this hour. */
	setLimit(tokensPerHour: number): void {
		this.limit = Math.max(0, tokensPerHour);
	}

	canSpend(estimate: number): boolean {
		return this.used() + estimate <= this.limit;
	}

	record(tokens: number): void {
		if (tokens > 0) {
			this.spends.push({ at: this.now(), tokens });
		}
	}

	/** Tokens spent within the window ending now. */
	used(): number {
		this.expire();
		return this.spends.reduce((sum, s) => sum + s.tokens, 0);
	}

	remaining(): number {
		return Math.max(0, this.limit - this.used());
	}

	/**
	 * When `estimate` more tokens fit again (epoch ms): now when they already do, otherwise when
	 * enough of the oldest spending has left the window. Undefined when they never will (the
	 * estimate alone exceeds the hourly limit).
	 */
	resetsAt(estimate = 1): number | undefined {
		const now = this.now();
		if (estimate > this.limit) {
			return undefined;
		}
		let used = this.used();
		if (used + estimate <= this.limit) {
			return now;
		}
		for (const spend of this.spends) {
			used -= spend.tokens;
			if (used + estimate <= this.limit) {
				return spend.at + this.windowMs;
			}
		}
		return now;
	}

	private expire(): void {
		const cutoff = this.now() - this.windowMs;
		let drop = 0;
		while (drop < this.spends.length && this.spends[drop].at <= cutoff) {
			drop++;
		}
		if (drop > 0) {
			this.spends.splice(0, drop);
		}
	}
}

/** The status-bar text while reviews wait for the budget: "Reviews paused until 14:05 — hourly budget spent". */
export function pausedMessage(resetsAt: number): string {
	// Rounded up: "until 14:05" must not show while reviews are still paused at 14:05.
	const at = new Date(Math.ceil(resetsAt / 60_000) * 60_000);
	const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
	return `Reviews paused until ${hhmm} — hourly budget spent`;
}
