// Turns what a backend answered (an HTTP status with its body and headers, or a socket error) into
// the one LlmError kind the UI knows how to explain. Every provider uses this, so a 429 from
// OpenAI, Anthropic, Ollama or the platform reads the same to the learner.
import { CommandIds } from '../../shared/ids';
import type { ErrorAction } from '../errors';
import { LlmError, type LlmErrorKind } from './errors';

export const setKeyAction = (provider: string): ErrorAction => ({ title: 'Set API Key', command: CommandIds.setApiKey, args: [provider] });
export const selectModelAction: ErrorAction = { title: 'Select Model', command: CommandIds.selectModel };
export const connectModelAction: ErrorAction = { title: 'Connect a Model', command: CommandIds.connectModel };

/** Parses a Retry-After header (seconds or an HTTP date) or the `retry-after-ms` some servers send. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
	if (!headers) {
		return undefined;
	}
	const ms = headers.get('retry-after-ms');
	if (ms && Number.isFinite(Number(ms))) {
		return Math.max(0, Number(ms));
	}
	const value = headers.get('retry-after');
	if (!value) {
		return undefined;
	}
	const seconds = Number(value);
	if (Number.isFinite(seconds)) {
		return Math.max(0, seconds * 1000);
	}
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export interface HttpFailure {
	readonly status: number;
	/** The error body's message and code as the server sent them, when readable. */
	readonly message?: string;
	readonly code?: string;
	readonly type?: string;
	readonly retryAfterMs?: number;
}

/** Human label of a wait, e.g. "about 30 seconds", "about 2 minutes". */
export function describeWait(ms: number): string {
	const s = Math.max(1, Math.round(ms / 1000));
	if (s < 90) {
		return `about ${s} second${s === 1 ? '' : 's'}`;
	}
	const m = Math.round(s / 60);
	return m < 90 ? `about ${m} minute${m === 1 ? '' : 's'}` : `about ${Math.round(m / 60)} hours`;
}

/** The error for an HTTP failure from `provider` (a label such as "OpenAI"), with one action. */
export function httpError(provider: string, providerKey: string, f: HttpFailure, cause?: unknown): LlmError {
	const detail = `${f.code ?? ''} ${f.type ?? ''} ${f.message ?? ''}`.toLowerCase();
	const base = { provider: providerKey, status: f.status, retryAfterMs: f.retryAfterMs, cause };
	const make = (kind: LlmErrorKind, message: string, actions: readonly ErrorAction[] = []) => new LlmError(kind, message, { ...base, actions });
	if (/insufficient_quota|quota|billing|credit balance/.test(detail) && (f.status === 429 || f.status === 402 || f.status === 400 || f.status === 403)) {
		return make('quota', `${provider} says this account has no quota left; add credit or use another model.`, [selectModelAction]);
	}
	if (f.status === 401 || f.status === 403) {
		return make('auth', `${provider} rejected the API key (HTTP ${f.status}); set a valid key.`, [setKeyAction(providerKey)]);
	}
	if (f.status === 429) {
		const wait = f.retryAfterMs !== undefined ? ` Try again in ${describeWait(f.retryAfterMs)}.` : ' Try again in a minute.';
		return make('rate_limit', `${provider} is rate-limiting requests.${wait}`);
	}
	if (f.status === 404 || /model_not_found|model .*not found|does not exist|unknown model|not_found_error/.test(detail)) {
		return make('model_not_found', `${provider} does not know this model${f.message ? ` (${truncate(f.message)})` : ''}; select another model.`, [selectModelAction]);
	}
	if (f.status >= 500) {
		return make('server', `${provider} had a server error (HTTP ${f.status}); try again shortly.`);
	}
	if (/content.?filter|safety|policy/.test(detail)) {
		return make('content_filter', `${provider} declined to answer this request (content policy).`);
	}
	return make('invalid_request', `${provider} rejected the request (HTTP ${f.status})${f.message ? `: ${truncate(f.message)}` : ''}.`);
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** Finds a Node/undici socket error code anywhere in a cause chain. */
export function networkCode(error: unknown): string | undefined {
	let e: unknown = error;
	for (let depth = 0; e && depth < 6; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && networkCodes.has(code)) {
			return code;
		}
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The error for a request that never got an HTTP answer; names the URL that could not be reached. */
export function networkError(provider: string, providerKey: string, url: string, cause?: unknown): LlmError {
	return new LlmError('network', `Could not reach ${provider} at ${url}: ${networkReason(cause)}.`, { provider: providerKey, url, cause, actions: [connectModelAction] });
}

/** Why a request got no HTTP answer, in words: "the connection was refused (is the server running?)". */
export function networkReason(cause: unknown): string {
	const code = networkCode(cause);
	return code === 'ECONNREFUSED' ? 'the connection was refused (is the server running?)'
		: code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'the host name could not be resolved (are you offline?)'
		: code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 'the connection was dropped'
		: 'the network request failed';
}

export function truncate(s: string, max = 160): string {
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
