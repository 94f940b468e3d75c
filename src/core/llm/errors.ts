// Typed model errors. Providers translate every failure (HTTP status, SDK error, socket error,
// stalled stream) into one LlmError; the UI turns its kind into one sentence and an action.
import { UserFacingError, type ErrorAction } from '../errors';

export type LlmErrorKind =
	| 'not_configured' // no provider available / no key stored
	| 'auth' // 401/403: key missing, wrong or revoked
	| 'rate_limit' // 429 after retries; retryAfterMs says how long to wait
	| 'quota' // insufficient quota / billing
	| 'model_not_found' // unknown model id
	| 'server' // 5xx after retries
	| 'network' // connection refused, DNS, offline; `url` names what could not be reached
	| 'timeout' // no first token in time, or the stream stalled
	| 'bad_response' // malformed stream or reply; `partialText` keeps what arrived
	| 'content_filter' // the provider refused the content
	| 'consent' // vscode.lm: the user has not allowed CodeMentor to use the model
	| 'invalid_request'; // 400 other than the above (context too long, bad parameter)

export interface LlmErrorOptions {
	readonly provider?: string;
	readonly status?: number;
	readonly retryAfterMs?: number;
	readonly url?: string;
	readonly partialText?: string;
	readonly actions?: readonly ErrorAction[];
	readonly cause?: unknown;
}

export class LlmError extends UserFacingError {
	readonly provider?: string;
	readonly status?: number;
	readonly retryAfterMs?: number;
	readonly url?: string;
	readonly partialText?: string;

	constructor(
		readonly kind: LlmErrorKind,
		message: string,
		options: LlmErrorOptions = {},
	) {
		super(message, options.actions ?? [], { cause: options.cause });
		this.name = 'LlmError';
		this.provider = options.provider;
		this.status = options.status;
		this.retryAfterMs = options.retryAfterMs;
		this.url = options.url;
		this.partialText = options.partialText;
	}
}

export function isLlmError(error: unknown, kind?: LlmErrorKind): error is LlmError {
	return error instanceof LlmError && (kind === undefined || error.kind === kind);
}
