// The one error the platform client throws, and the sentences it carries. Every failure (an HTTP
// error in the API's `{"error": {...}}` format, a body that does not match the contract, a socket
// error, an expired sign-in) becomes a PlatformError the UI can show as-is with its action.
import { CommandIds } from '../../shared/ids';
import { UserFacingError, type ErrorAction } from '../errors';
import { networkReason } from '../llm/classify';

/** How the platform is named in messages, so they all read the same. */
export const PLATFORM_LABEL = 'the CodeMentor platform';

export const signInAction: ErrorAction = { title: 'Sign In', command: CommandIds.signIn };

/**
 * Codes the client sets itself; every other code is the server's `error.code` (see
 * docs/platform-api.yaml, components/schemas/ErrorCode).
 */
export type ClientErrorCode =
	| 'network' // no HTTP answer, or the connection dropped mid-stream; `url` says where
	| 'timeout' // no answer within the client's deadline
	| 'bad_response' // the body does not match the contract
	| 'not_signed_in' // no GitHub session to exchange, or the platform rejected the new token too
	| 'http_error'; // a non-2xx whose body is not in the API's error format

export interface PlatformErrorOptions {
	readonly status?: number;
	readonly details?: Record<string, unknown>;
	readonly url?: string;
	readonly retryAfterMs?: number;
	/** The server's own `error.message`, kept apart from the sentence shown to the learner. */
	readonly serverMessage?: string;
	readonly actions?: readonly ErrorAction[];
	readonly cause?: unknown;
}

export class PlatformError extends UserFacingError {
	readonly status?: number;
	readonly details?: Record<string, unknown>;
	readonly url?: string;
	readonly retryAfterMs?: number;
	readonly serverMessage?: string;

	constructor(
		/** The server's `error.code` (e.g. "not_found", "rate_limited") or a ClientErrorCode. */
		readonly code: string,
		message: string,
		options: PlatformErrorOptions = {},
	) {
		super(message, options.actions ?? [], { cause: options.cause });
		this.name = 'PlatformError';
		this.status = options.status;
		this.details = options.details;
		this.url = options.url;
		this.retryAfterMs = options.retryAfterMs;
		this.serverMessage = options.serverMessage;
	}
}

export function isPlatformError(error: unknown, code?: string): error is PlatformError {
	return error instanceof PlatformError && (code === undefined || error.code === code);
}

/** "Could not reach the CodeMentor platform at <url>: the connection was refused (…)." */
export function networkFailure(url: string, cause: unknown): PlatformError {
	return new PlatformError('network', `Could not reach ${PLATFORM_LABEL} at ${url}: ${networkReason(cause)}.`, { url, cause });
}

/** A connection that broke after the response started (a stream cut off mid-answer). */
export function droppedConnection(endpoint: string, url: string, cause: unknown): PlatformError {
	return new PlatformError('network', `The connection to ${PLATFORM_LABEL} dropped during ${endpoint} (${url}).`, { url, cause });
}

export function unexpectedResponse(endpoint: string, problem: string, status?: number, cause?: unknown): PlatformError {
	return new PlatformError('bad_response', `The CodeMentor platform sent an unexpected response to ${endpoint}: ${problem}.`, { status, cause });
}

export function notSignedIn(): PlatformError {
	return new PlatformError('not_signed_in', 'You are not signed in to the CodeMentor platform; sign in with GitHub to continue.', { actions: [signInAction] });
}

export function sessionRejected(endpoint: string, status: number, serverMessage?: string): PlatformError {
	return new PlatformError('not_signed_in', `The CodeMentor platform did not accept your sign-in for ${endpoint} (HTTP ${status}); sign in again.`, {
		status,
		serverMessage,
		actions: [signInAction],
	});
}

/** Drops a trailing full stop so a server message can end our sentence without "..". */
export function clause(text: string, max = 200): string {
	const t = text.trim().replace(/[.!\s]+$/, '');
	return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
