// What both ends of every webview protocol share: messages are `{ type: '<area>/<verb>', ... }`
// objects validated with a zod schema on arrival; anything that fails validation is dropped and
// reported, never acted on.
import type * as z from 'zod';

export interface ParsedMessage<T> {
	readonly ok: true;
	readonly message: T;
}
export interface RejectedMessage {
	readonly ok: false;
	/** One line naming the offending field, for the log. */
	readonly reason: string;
}

/** Validates an incoming message against a protocol's schema. */
export function parseMessage<S extends z.ZodType>(schema: S, raw: unknown): ParsedMessage<z.infer<S>> | RejectedMessage {
	const result = schema.safeParse(raw);
	if (result.success) {
		return { ok: true, message: result.data };
	}
	const issue = result.error.issues[0];
	const where = issue?.path.length ? issue.path.join('.') : '(message)';
	const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : typeof raw;
	return { ok: false, reason: `invalid "${type}" message at ${where}: ${issue?.message ?? 'does not match the protocol'}` };
}
