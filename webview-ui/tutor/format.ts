// Short labels for numbers the header shows: token counts and estimated cost.
import type { UsageSummary } from '../../src/shared/protocol/tutor';

/** 950 → "950", 1234 → "1.2k", 12345 → "12k", 1234567 → "1.2M". */
export function formatTokens(n: number): string {
	if (n < 1000) {
		return String(n);
	}
	const [value, unit] = n < 1_000_000 ? [n / 1000, 'k'] : [n / 1_000_000, 'M'];
	const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
	// 999.96k would round to "1000k": move up a unit instead.
	if (unit === 'k' && rounded >= 1000) {
		return '1M';
	}
	return `${rounded}${unit}`;
}

/** 0.0031 → "$0.003", 0.456 → "$0.46", 12.3 → "$12.30"; tiny amounts → "<$0.001". */
export function formatCost(usd: number): string {
	if (usd === 0) {
		return '$0';
	}
	if (usd < 0.001) {
		return '<$0.001';
	}
	if (usd < 0.01) {
		return `$${usd.toFixed(3)}`;
	}
	return `$${usd.toFixed(2)}`;
}

/** "1.2k tokens · $0.003", or undefined before anything was used. */
export function usageLabel(usage: UsageSummary): string | undefined {
	const total = usage.inputTokens + usage.outputTokens;
	if (total === 0) {
		return undefined;
	}
	const tokens = `${formatTokens(total)} ${total === 1 ? 'token' : 'tokens'}`;
	return usage.costUsd === undefined ? tokens : `${tokens} · ${formatCost(usage.costUsd)}`;
}

/** The tooltip with exact figures. */
export function usageDetail(usage: UsageSummary): string {
	const n = (x: number) => x.toLocaleString('en-US');
	const cost = usage.costUsd === undefined ? 'cost unknown' : `about $${usage.costUsd.toFixed(4)} at list prices`;
	return `This conversation: ${n(usage.inputTokens)} input and ${n(usage.outputTokens)} output tokens, ${cost}`;
}
