// Retries a model call that failed before anything was streamed: 429 (honouring retry-after) and
// 5xx, with capped exponential backoff and jitter. Connection failures are not retried: a refused
// or unreachable server answers the same way a moment later, and the learner should hear it now.
// A call that already streamed text to the learner is never silently replayed.
import { CancelledError } from '../errors';
import { LlmError } from './errors';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	readonly maxRetries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
	/** A retry-after longer than this is not waited for: the error is shown instead. */
	readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 20_000 };

export function isRetryable(error: unknown): error is LlmError {
	return error instanceof LlmError && (error.kind === 'rate_limit' || error.kind === 'server');
}

/** The delay before retry number `attempt` (1-based), or undefined when we should give up. */
export function retryDelay(error: LlmError, attempt: number, policy: RetryPolicy, random = Math.random): number | undefined {
	if (attempt > policy.maxRetries) {
		return undefined;
	}
	if (error.retryAfterMs !== undefined) {
		return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
	}
	const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exp / 2 + (random() * exp) / 2);
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(new CancelledError());
			return;
		}
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(new CancelledError());
		};
		signal.addEventListener('abort', onAbort, { once: true });
	});
}

/**
 * Streams from `attempt()`, retrying per `policy` while nothing has been yielded yet. `onRetry`
 * lets the caller log (and the UI show "retrying in 2 s").
 */
export async function* withRetries<T>(
	attempt: () => AsyncIterable<T>,
	signal: AbortSignal,
	policy: RetryPolicy = defaultRetryPolicy,
	onRetry?: (error: LlmError, delayMs: number, attempt: number) => void,
): AsyncGenerator<T> {
	for (let n = 1; ; n++) {
		let yielded = false;
		try {
			for await (const item of attempt()) {
				yielded = true;
				yield item;
			}
			return;
		} catch (error) {
			if (yielded || signal.aborted || !isRetryable(error)) {
				throw error;
			}
			const delay = retryDelay(error, n, policy);
			if (delay === undefined) {
				throw error;
			}
			onRetry?.(error, delay, n);
			await abortableSleep(delay, signal);
		}
	}
}
