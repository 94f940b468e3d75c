// Estimated cost of a call from the model's list price (US dollars per million tokens). Prices
// change; this table is an estimate for the learner's own budget, matched by model-id prefix.
// Local servers (Ollama, LM Studio, vLLM) cost nothing; unknown models have no estimate.
import type { ProviderId, Usage } from './types';

interface Price {
	readonly input: number;
	readonly output: number;
	/** Price of input tokens read from a prompt cache, when different. */
	readonly cachedInput?: number;
}

// Longest prefix wins, so "gpt-4o-mini" is matched before "gpt-4o".
const prices: ReadonlyArray<readonly [string, Price]> = [
	['gpt-4o-mini', { input: 0.15, output: 0.6, cachedInput: 0.075 }],
	['gpt-4o', { input: 2.5, output: 10, cachedInput: 1.25 }],
	['gpt-4.1-nano', { input: 0.1, output: 0.4, cachedInput: 0.025 }],
	['gpt-4.1-mini', { input: 0.4, output: 1.6, cachedInput: 0.1 }],
	['gpt-4.1', { input: 2, output: 8, cachedInput: 0.5 }],
	['gpt-5-nano', { input: 0.05, output: 0.4, cachedInput: 0.005 }],
	['gpt-5-mini', { input: 0.25, output: 2, cachedInput: 0.025 }],
	['gpt-5', { input: 1.25, output: 10, cachedInput: 0.125 }],
	['o4-mini', { input: 1.1, output: 4.4, cachedInput: 0.275 }],
	['o3-mini', { input: 1.1, output: 4.4, cachedInput: 0.55 }],
	['o3', { input: 2, output: 8, cachedInput: 0.5 }],
	['claude-3-5-haiku', { input: 0.8, output: 4, cachedInput: 0.08 }],
	['claude-haiku-4', { input: 1, output: 5, cachedInput: 0.1 }],
	['claude-3-7-sonnet', { input: 3, output: 15, cachedInput: 0.3 }],
	['claude-sonnet-4', { input: 3, output: 15, cachedInput: 0.3 }],
	['claude-opus-4', { input: 15, output: 75, cachedInput: 1.5 }],
];

export function priceOf(model: string): Price | undefined {
	let best: readonly [string, Price] | undefined;
	for (const entry of prices) {
		if (model.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) {
			best = entry;
		}
	}
	return best?.[1];
}

/** Dollars for one call; 0 for local servers; undefined when the model's price is unknown. */
export function estimateCost(provider: ProviderId, model: string, usage: Usage): number | undefined {
	if (provider === 'openaiCompatible') {
		return 0;
	}
	const price = priceOf(model);
	if (!price) {
		return undefined;
	}
	const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
	const fresh = usage.inputTokens - cached;
	return (fresh * price.input + cached * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) / 1_000_000;
}
