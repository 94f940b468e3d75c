// Reads a server-sent-events body into events. The network delivers bytes in arbitrary pieces: an
// event, a line or a UTF-8 character may be split across chunks, so bytes are decoded in streaming
// mode and lines are reassembled by eventsource-parser before anything is yielded.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type SseEvent = EventSourceMessage;

/**
 * Yields each complete event of `body`. An event the server did not finish (no blank line before
 * the end) is dropped, as the SSE spec says. Stopping early cancels the body, which closes the
 * HTTP connection; read errors (a dropped connection, an abort) are thrown unchanged.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
	const pending: SseEvent[] = [];
	const parser = createParser({ onEvent: event => pending.push(event) });
	const decoder = new TextDecoder();
	const reader = body.getReader();
	let finished = false;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
			while (pending.length > 0) {
				yield pending.shift()!;
			}
			if (done) {
				finished = true;
				return;
			}
		}
	} finally {
		if (!finished) {
			// The consumer stopped or the read failed: let go of the connection instead of draining it.
			reader.cancel().catch(() => undefined);
		}
	}
}
