// Stream hygiene shared by every provider: a deadline for the first event and for each gap between
// events (a stalled stream becomes a timeout error, not a spinner forever), the caller's
// AbortSignal combined with our own so the HTTP request is really closed, and the text received
// so far kept on any failure.
import { CancelledError, isCancellation } from '../errors';
import { LlmError } from './errors';
import type { ChatEvent } from './types';

export interface StreamTimeouts {
	/** Until the first event (the model "thinking" counts). */
	readonly firstEventMs: number;
	/** Between two events once streaming. */
	readonly idleMs: number;
}

export const defaultStreamTimeouts: StreamTimeouts = { firstEventMs: 60_000, idleMs: 30_000 };

/**
 * Runs `open(signal)` with a signal that aborts when the caller's does or a deadline passes, and
 * re-throws a deadline as LlmError('timeout') carrying the partial text. Errors that are already
 * LlmErrors pass through with the partial text added.
 */
export async function* guardStream(
	/** `touch()` marks wire activity that yields no event (pings, tool-input deltas): it resets the idle clock. */
	open: (signal: AbortSignal, touch: () => void) => AsyncIterable<ChatEvent>,
	options: { readonly signal: AbortSignal; readonly timeouts: StreamTimeouts; readonly provider: string; readonly label: string },
): AsyncGenerator<ChatEvent> {
	const { signal, timeouts, provider, label } = options;
	if (signal.aborted) {
		throw new CancelledError();
	}
	const controller = new AbortController();
	const onAbort = () => controller.abort(signal.reason);
	signal.addEventListener('abort', onAbort, { once: true });
	let timedOut: 'first' | 'idle' | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = (ms: number, which: 'first' | 'idle') => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = which;
			controller.abort(new Error('timeout'));
		}, ms);
	};
	let partial = '';
	// Racing each next() against the abort makes deadlines hold even if a backend ignores its signal.
	const aborted = new Promise<never>((_resolve, reject) => {
		const fail = () => reject(controller.signal.reason ?? new CancelledError());
		if (controller.signal.aborted) {
			fail();
		}
		controller.signal.addEventListener('abort', fail, { once: true });
	});
	aborted.catch(() => undefined);
	arm(timeouts.firstEventMs, 'first');
	let waiting = true;
	const touch = () => {
		if (waiting) {
			arm(partial ? timeouts.idleMs : timeouts.firstEventMs, partial ? 'idle' : 'first');
		}
	};
	const iterator = open(controller.signal, touch)[Symbol.asyncIterator]();
	try {
		for (;;) {
			const next = await Promise.race([iterator.next(), aborted]);
			if (next.done) {
				break;
			}
			const event = next.value;
			if (event.type === 'text') {
				partial += event.text;
			}
			// The clock stops while the consumer handles the event: a slow UI is not a stalled stream.
			clearTimeout(timer);
			waiting = false;
			yield event;
			waiting = true;
			arm(timeouts.idleMs, 'idle');
		}
	} catch (error) {
		if (timedOut) {
			const message =
				timedOut === 'first'
					? `${label} did not start answering within ${Math.round(timeouts.firstEventMs / 1000)} s.`
					: `${label} stopped sending for ${Math.round(timeouts.idleMs / 1000)} s; the answer so far is kept.`;
			throw new LlmError('timeout', message, { provider, partialText: partial || undefined, cause: error });
		}
		if (signal.aborted || isCancellation(error)) {
			throw new CancelledError();
		}
		if (error instanceof LlmError && partial && error.partialText === undefined) {
			throw new LlmError(error.kind, error.message, { provider: error.provider, status: error.status, retryAfterMs: error.retryAfterMs, url: error.url, actions: error.actions, partialText: partial, cause: error.cause });
		}
		throw error;
	} finally {
		clearTimeout(timer);
		signal.removeEventListener('abort', onAbort);
		// Closes the HTTP request if the consumer stopped early (break / return).
		controller.abort();
		void iterator.return?.()?.catch(() => undefined);
	}
}

/** Consumes a stream and returns its final result (for callers that do not stream to a UI). */
export async function collect(stream: AsyncIterable<ChatEvent>, onText?: (text: string) => void) {
	for await (const event of stream) {
		if (event.type === 'text') {
			onText?.(event.text);
		} else if (event.type === 'done') {
			return event.result;
		}
	}
	throw new LlmError('bad_response', 'The model stream ended without a final result.');
}
