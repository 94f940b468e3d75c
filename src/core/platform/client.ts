// The CodeMentor platform REST client: every route of docs/platform-api.yaml (listed once, in
// `platformRoutes`), the platform sign-in (a GitHub session exchanged for a platform token, kept in
// an injected store backed by SecretStorage), and the one way failures come out: PlatformError.
// No `vscode` here; fetch, the token store, the GitHub session and the logger are passed in.
import type * as z from 'zod';
import { CancelledError } from '../errors';
import type { ExerciseFile } from '../exercises/model';
import type { ProgressEvent } from '../progress/events';
import { describeWait, parseRetryAfter } from '../llm/classify';
import { nullLogger, type Logger } from '../log';
import {
	clause,
	droppedConnection,
	networkFailure,
	notSignedIn,
	PLATFORM_LABEL,
	PlatformError,
	sessionRejected,
	signInAction,
	unexpectedResponse,
} from './errors';
import {
	achievementsSchema,
	authSessionSchema,
	conversationDoneEventSchema,
	conversationMessageSchema,
	conversationSchema,
	dailyExerciseSchema,
	deltaEventSchema,
	describeMismatch,
	errorBodySchema,
	errorEventSchema,
	exerciseSchema,
	exerciseSummarySchema,
	healthSchema,
	hintSchema,
	messageExchangeSchema,
	modelsSchema,
	pageSchema,
	progressSchema,
	progressEventsAcceptedSchema,
	repositoriesSchema,
	repositorySchema,
	reviewSchema,
	submissionSummarySchema,
	usageEventSchema,
	userSchema,
	verdictSchema,
	type Achievement,
	type AuthSession,
	type CompletionRequest,
	type Conversation,
	type ConversationMessage,
	type ConversationStreamEvent,
	type DailyExercise,
	type ExerciseQuery,
	type Health,
	type Hint,
	type HintRequest,
	type MessageExchange,
	type NewConversation,
	type NewReview,
	type Page,
	type PageQuery,
	type PlatformExercise,
	type PlatformExerciseSummary,
	type PlatformModels,
	type PlatformProgress,
	type ProgressEventsAccepted,
	type PlatformUser,
	type Repository,
	type Review,
	type SubmissionSummary,
	type Verdict,
} from './schemas';
import { readSse, type SseEvent } from './sse';

export const API_PREFIX = '/api/v1';

type Method = 'GET' | 'POST' | 'DELETE';

interface Route {
	readonly method: Method;
	/** Relative to `<platform url>/api/v1`; `{name}` is a path parameter. */
	readonly path: string;
	/** Sends the platform token (and recovers from a 401 by signing in again). */
	readonly auth: boolean;
}

/** Every route the client calls. The contract test checks this against docs/platform-api.yaml. */
export const platformRoutes = {
	health: { method: 'GET', path: '/health', auth: false },
	exchangeGithubToken: { method: 'POST', path: '/auth/github', auth: false },
	refresh: { method: 'POST', path: '/auth/refresh', auth: true },
	logout: { method: 'POST', path: '/auth/logout', auth: true },
	getProfile: { method: 'GET', path: '/users/me', auth: true },
	getProgress: { method: 'GET', path: '/users/me/progress', auth: true },
	recordProgressEvents: { method: 'POST', path: '/users/me/progress/events', auth: true },
	getAchievements: { method: 'GET', path: '/users/me/achievements', auth: true },
	getDailyExercise: { method: 'GET', path: '/exercises/daily', auth: true },
	listExercises: { method: 'GET', path: '/exercises', auth: true },
	getExercise: { method: 'GET', path: '/exercises/{id}', auth: true },
	submitExercise: { method: 'POST', path: '/exercises/{id}/submit', auth: true },
	requestHint: { method: 'POST', path: '/exercises/{id}/hint', auth: true },
	getExerciseHistory: { method: 'GET', path: '/exercises/{id}/history', auth: true },
	listConversations: { method: 'GET', path: '/chat/conversations', auth: true },
	createConversation: { method: 'POST', path: '/chat/conversations', auth: true },
	getConversation: { method: 'GET', path: '/chat/conversations/{id}', auth: true },
	deleteConversation: { method: 'DELETE', path: '/chat/conversations/{id}', auth: true },
	listMessages: { method: 'GET', path: '/chat/conversations/{id}/messages', auth: true },
	sendMessage: { method: 'POST', path: '/chat/conversations/{id}/messages', auth: true },
	chatCompletions: { method: 'POST', path: '/chat/completions', auth: true },
	listModels: { method: 'GET', path: '/chat/models', auth: true },
	listRepositories: { method: 'GET', path: '/github/repositories', auth: true },
	connectRepository: { method: 'POST', path: '/github/repositories', auth: true },
	disconnectRepository: { method: 'DELETE', path: '/github/repositories/{id}', auth: true },
	requestReview: { method: 'POST', path: '/github/reviews', auth: true },
	getReview: { method: 'GET', path: '/github/reviews/{id}', auth: true },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof platformRoutes;

/** Where the platform token lives (SecretStorage in the extension). */
export interface TokenStore {
	get(): Promise<string | undefined>;
	set(token: string): Promise<void>;
	delete(): Promise<void>;
}

export interface PlatformClientOptions {
	/** The platform's URL (the `codementor.platform.url` setting); the client adds `/api/v1`. */
	readonly baseUrl: string;
	readonly fetch?: typeof fetch;
	readonly tokens: TokenStore;
	/**
	 * The user's GitHub session access token. Background calls ask with interactive: false (no
	 * prompt); only signIn(true) may show the GitHub sign-in. Undefined when there is no session.
	 */
	readonly githubToken: (options: { interactive: boolean }) => Promise<string | undefined>;
	readonly logger?: Logger;
	/** How long to wait for an answer; for streams, for the response to start. Default 30 s. */
	readonly timeoutMs?: number;
}

interface CallOptions {
	readonly params?: Readonly<Record<string, string>>;
	readonly query?: Readonly<Record<string, string | number | undefined>>;
	readonly body?: unknown;
	readonly accept?: 'json' | 'sse';
}

const neverAborts = new AbortController().signal;

/**
 * One request's signal: aborts when the caller's does, or when the deadline passes, and tells the
 * two apart so a timeout is reported as such and a cancellation stays quiet.
 */
class RequestScope {
	private readonly controller = new AbortController();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private timedOut = false;
	private readonly onAbort = () => this.controller.abort(this.caller.reason);

	constructor(
		private readonly caller: AbortSignal,
		private readonly timeoutMs: number,
	) {
		if (caller.aborted) {
			throw new CancelledError();
		}
		caller.addEventListener('abort', this.onAbort, { once: true });
		this.timer = setTimeout(() => {
			this.timedOut = true;
			this.controller.abort(new Error('timeout'));
		}, timeoutMs);
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	/** A stream's pace is watched by its consumer (guardStream), not by this deadline. */
	stopTimer(): void {
		clearTimeout(this.timer);
	}

	/** When a request failed because of this scope (deadline or caller's cancel), the error to throw instead. */
	failure(endpoint: string, url: string): Error | undefined {
		if (this.timedOut) {
			return new PlatformError('timeout', `${capitalize(PLATFORM_LABEL)} did not answer ${endpoint} within ${Math.round(this.timeoutMs / 1000)} s.`, { url });
		}
		return this.caller.aborted ? new CancelledError() : undefined;
	}

	/** Closes whatever is still open (an unread body, a stream the consumer left). */
	dispose(): void {
		clearTimeout(this.timer);
		this.caller.removeEventListener('abort', this.onAbort);
		this.controller.abort();
	}
}

export class PlatformClient {
	private readonly apiUrl: string;
	private readonly fetchImpl: typeof fetch;
	/** Shared with the LLM provider built on this client. */
	readonly logger: Logger;
	private readonly timeoutMs: number;
	/** Background calls that find no token share one exchange instead of racing each other. */
	private silentExchange: Promise<string> | undefined;

	constructor(private readonly options: PlatformClientOptions) {
		this.apiUrl = `${options.baseUrl.replace(/\/+$/, '')}${API_PREFIX}`;
		this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
		this.logger = options.logger ?? nullLogger;
		this.timeoutMs = options.timeoutMs ?? 30_000;
	}

	/** `<platform url>/api/v1`, for messages and logs. */
	get url(): string {
		return this.apiUrl;
	}

	// ---- sign-in ------------------------------------------------------------------------------

	/** True when a platform token is stored; it may still have expired (the next call finds out). */
	async isSignedIn(): Promise<boolean> {
		return (await this.options.tokens.get()) !== undefined;
	}

	/**
	 * Exchanges the GitHub session for a platform token and stores it. `interactive` lets the
	 * GitHub sign-in prompt appear; without it a missing session is a not_signed_in PlatformError.
	 */
	async signIn(interactive: boolean, signal: AbortSignal): Promise<AuthSession> {
		return this.exchange(interactive, signal);
	}

	/** Forgets the token here first (so signing out works offline), then revokes it on the platform. */
	async signOut(signal: AbortSignal): Promise<void> {
		const token = await this.options.tokens.get();
		await this.options.tokens.delete();
		if (token === undefined) {
			return;
		}
		try {
			await this.call('logout', {}, undefined, signal, token);
		} catch (error) {
			if (error instanceof CancelledError) {
				throw error;
			}
			this.logger.warn(`Signed out locally; the platform did not revoke the token: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	/** Trades the stored token for a fresh one (POST /auth/refresh) and stores it. */
	async refresh(signal: AbortSignal): Promise<AuthSession> {
		const session = await this.call('refresh', {}, authSessionSchema, signal);
		await this.options.tokens.set(session.token);
		return session;
	}

	// ---- typed endpoints ----------------------------------------------------------------------

	health(signal: AbortSignal): Promise<Health> {
		return this.call('health', {}, healthSchema, signal);
	}

	getProfile(signal: AbortSignal): Promise<PlatformUser> {
		return this.call('getProfile', {}, userSchema, signal);
	}

	getProgress(signal: AbortSignal): Promise<PlatformProgress> {
		return this.call('getProgress', {}, progressSchema, signal);
	}

	/** Sends progress events recorded in the editor; the platform ignores ids it already has. */
	recordProgressEvents(events: readonly ProgressEvent[], signal: AbortSignal): Promise<ProgressEventsAccepted> {
		return this.call('recordProgressEvents', { body: { events } }, progressEventsAcceptedSchema, signal);
	}

	async getAchievements(signal: AbortSignal): Promise<Achievement[]> {
		return (await this.call('getAchievements', {}, achievementsSchema, signal)).items;
	}

	getDailyExercise(signal: AbortSignal): Promise<DailyExercise> {
		return this.call('getDailyExercise', {}, dailyExerciseSchema, signal);
	}

	/** One page of the catalog; pass the previous page's nextCursor as `cursor`. */
	listExercises(query: ExerciseQuery, signal: AbortSignal): Promise<Page<PlatformExerciseSummary>> {
		return this.call('listExercises', { query: { ...query } }, pageSchema(exerciseSummarySchema), signal);
	}

	/** Every exercise matching `query`, fetching pages as the consumer reads. */
	async *allExercises(query: Omit<ExerciseQuery, 'cursor'>, signal: AbortSignal): AsyncGenerator<PlatformExerciseSummary> {
		let cursor: string | undefined;
		do {
			const page = await this.listExercises({ ...query, cursor }, signal);
			yield* page.items;
			if (page.nextCursor !== null && page.nextCursor === cursor) {
				// A server that hands back the cursor it was given would make this loop forever.
				throw unexpectedResponse(endpointOf('listExercises'), `field "nextCursor": repeats the cursor "${cursor}"`);
			}
			cursor = page.nextCursor ?? undefined;
		} while (cursor !== undefined);
	}

	getExercise(id: string, signal: AbortSignal): Promise<PlatformExercise> {
		return this.call('getExercise', { params: { id } }, exerciseSchema, signal);
	}

	/** Grades `files` (the learner's solution files) on the platform. */
	submitExercise(id: string, files: readonly ExerciseFile[], signal: AbortSignal): Promise<Verdict> {
		return this.call('submitExercise', { params: { id }, body: { files } }, verdictSchema, signal);
	}

	requestHint(id: string, request: HintRequest, signal: AbortSignal): Promise<Hint> {
		return this.call('requestHint', { params: { id }, body: request }, hintSchema, signal);
	}

	getExerciseHistory(id: string, query: PageQuery, signal: AbortSignal): Promise<Page<SubmissionSummary>> {
		return this.call('getExerciseHistory', { params: { id }, query: { ...query } }, pageSchema(submissionSummarySchema), signal);
	}

	listConversations(query: PageQuery, signal: AbortSignal): Promise<Page<Conversation>> {
		return this.call('listConversations', { query: { ...query } }, pageSchema(conversationSchema), signal);
	}

	createConversation(conversation: NewConversation, signal: AbortSignal): Promise<Conversation> {
		return this.call('createConversation', { body: conversation }, conversationSchema, signal);
	}

	getConversation(id: string, signal: AbortSignal): Promise<Conversation> {
		return this.call('getConversation', { params: { id } }, conversationSchema, signal);
	}

	deleteConversation(id: string, signal: AbortSignal): Promise<void> {
		return this.call('deleteConversation', { params: { id } }, undefined, signal);
	}

	listMessages(conversationId: string, query: PageQuery, signal: AbortSignal): Promise<Page<ConversationMessage>> {
		return this.call('listMessages', { params: { id: conversationId }, query: { ...query } }, pageSchema(conversationMessageSchema), signal);
	}

	/** Sends a message and waits for the whole reply. */
	sendMessage(conversationId: string, content: string, signal: AbortSignal): Promise<MessageExchange> {
		return this.call('sendMessage', { params: { id: conversationId }, body: { content } }, messageExchangeSchema, signal);
	}

	/** Sends a message and streams the reply; ends with exactly one `done`. */
	async *streamMessage(conversationId: string, content: string, signal: AbortSignal): AsyncGenerator<ConversationStreamEvent> {
		const endpoint = endpointOf('sendMessage');
		for await (const event of this.events('sendMessage', { params: { id: conversationId }, body: { content } }, signal)) {
			switch (event.event) {
				case 'delta':
					yield { type: 'delta', text: parseEvent(endpoint, event, deltaEventSchema).text };
					break;
				case 'usage':
					yield { type: 'usage', usage: parseEvent(endpoint, event, usageEventSchema) };
					break;
				case 'done':
					yield { type: 'done', done: parseEvent(endpoint, event, conversationDoneEventSchema) };
					return;
				case 'error':
					throw streamErrorEvent(endpoint, parseEvent(endpoint, event, errorEventSchema));
				default:
					// Unknown events (keep-alives, later additions) are skipped, as the contract says.
					break;
			}
		}
		throw unexpectedResponse(endpoint, 'the stream ended before the "done" event');
	}

	listModels(signal: AbortSignal): Promise<PlatformModels> {
		return this.call('listModels', {}, modelsSchema, signal);
	}

	async listRepositories(signal: AbortSignal): Promise<Repository[]> {
		return (await this.call('listRepositories', {}, repositoriesSchema, signal)).items;
	}

	/** Connects a GitHub repository ("owner/name") the user has access to. */
	connectRepository(fullName: string, signal: AbortSignal): Promise<Repository> {
		return this.call('connectRepository', { body: { fullName } }, repositorySchema, signal);
	}

	disconnectRepository(id: string, signal: AbortSignal): Promise<void> {
		return this.call('disconnectRepository', { params: { id } }, undefined, signal);
	}

	/** Queues a review; poll getReview() until its status is completed or failed. */
	requestReview(review: NewReview, signal: AbortSignal): Promise<Review> {
		return this.call('requestReview', { body: review }, reviewSchema, signal);
	}

	getReview(id: string, signal: AbortSignal): Promise<Review> {
		return this.call('getReview', { params: { id } }, reviewSchema, signal);
	}

	/**
	 * POST /chat/completions as raw SSE events, for the LLM provider (provider.ts), which maps them
	 * to ChatEvents. HTTP failures are thrown before the first event.
	 */
	completionEvents(body: CompletionRequest, signal: AbortSignal): AsyncGenerator<SseEvent> {
		return this.events('chatCompletions', { body }, signal);
	}

	// ---- plumbing -----------------------------------------------------------------------------

	/** A JSON call: sends, signs in again once on a 401, checks the status and validates the body. */
	private async call<T>(name: RouteName, options: CallOptions, schema: z.ZodType<T>, signal: AbortSignal, token?: string): Promise<T>;
	private async call(name: RouteName, options: CallOptions, schema: undefined, signal: AbortSignal, token?: string): Promise<void>;
	private async call<T>(name: RouteName, options: CallOptions, schema: z.ZodType<T> | undefined, signal: AbortSignal, token?: string): Promise<T | void> {
		const scope = new RequestScope(signal, this.timeoutMs);
		try {
			const response = token === undefined ? await this.fetchAuthed(name, options, scope) : await this.fetchOnce(name, options, scope, token);
			return schema === undefined ? await this.readJson(name, options, response, undefined, scope) : await this.readJson(name, options, response, schema, scope);
		} finally {
			scope.dispose();
		}
	}

	/** An SSE call: the same sign-in and status handling, then the events as they arrive. */
	private async *events(name: RouteName, options: CallOptions, signal: AbortSignal): AsyncGenerator<SseEvent> {
		const endpoint = endpointOf(name);
		const url = this.urlOf(name, options);
		const scope = new RequestScope(signal, this.timeoutMs);
		try {
			const response = await this.fetchAuthed(name, { ...options, accept: 'sse' }, scope);
			if (!response.ok) {
				throw await this.httpFailure(name, response, url);
			}
			const type = response.headers.get('content-type') ?? '';
			if (!type.includes('text/event-stream') || !response.body) {
				await discard(response);
				throw unexpectedResponse(endpoint, `expected an event stream, received ${type ? `"${type}"` : 'no content type'}`, response.status);
			}
			scope.stopTimer();
			try {
				yield* readSse(response.body);
			} catch (error) {
				throw scope.failure(endpoint, url) ?? droppedConnection(endpoint, url, error);
			}
		} finally {
			// Also what closes the connection when the consumer stops reading early.
			scope.dispose();
		}
	}

	/** Sends with the platform token; on a 401 forgets it, exchanges the GitHub session once more and retries once. */
	private async fetchAuthed(name: RouteName, options: CallOptions, scope: RequestScope): Promise<Response> {
		if (!platformRoutes[name].auth) {
			return this.fetchOnce(name, options, scope);
		}
		const stored = await this.options.tokens.get();
		const first = stored ?? (await this.exchangeSilently(scope.signal));
		const response = await this.fetchOnce(name, options, scope, first);
		if (response.status !== 401) {
			return response;
		}
		await discard(response);
		this.logger.info(`${endpointOf(name)}: the platform token was rejected; signing in again with the GitHub session.`);
		await this.forget(first);
		// Another call may already have exchanged again; its token is as good as a new exchange.
		const second = (await this.options.tokens.get()) ?? (await this.exchangeSilently(scope.signal));
		const retried = await this.fetchOnce(name, options, scope, second);
		if (retried.status !== 401) {
			return retried;
		}
		const failure = await this.httpFailure(name, retried, this.urlOf(name, options));
		await this.forget(second);
		throw sessionRejected(endpointOf(name), 401, failure.serverMessage);
	}

	/** Deletes the stored token only if it is still the one that failed (another call may have replaced it). */
	private async forget(token: string): Promise<void> {
		if ((await this.options.tokens.get()) === token) {
			await this.options.tokens.delete();
		}
	}

	/** The token from a background exchange (no GitHub prompt). */
	private exchangeSilently(signal: AbortSignal): Promise<string> {
		// Shared by concurrent callers, so it runs under its own deadline, not under one caller's signal.
		this.silentExchange ??= this.exchange(false, neverAborts)
			.then(session => session.token)
			.finally(() => (this.silentExchange = undefined));
		return abortable(this.silentExchange, signal);
	}

	private async exchange(interactive: boolean, signal: AbortSignal): Promise<AuthSession> {
		const accessToken = await this.options.githubToken({ interactive });
		if (!accessToken) {
			throw notSignedIn();
		}
		const name = 'exchangeGithubToken';
		const scope = new RequestScope(signal, this.timeoutMs);
		try {
			const response = await this.fetchOnce(name, { body: { accessToken } }, scope);
			if (response.status === 401 || response.status === 403) {
				const failure = await this.httpFailure(name, response, this.urlOf(name, {}));
				throw new PlatformError('not_signed_in', `The CodeMentor platform did not accept your GitHub sign-in (HTTP ${response.status}); sign in again.`, {
					status: response.status,
					serverMessage: failure.serverMessage,
					details: failure.details,
					actions: [signInAction],
				});
			}
			const session = await this.readJson(name, {}, response, authSessionSchema, scope);
			await this.options.tokens.set(session.token);
			this.logger.info(`Signed in to the CodeMentor platform as ${session.user.login}.`);
			return session;
		} finally {
			scope.dispose();
		}
	}

	private urlOf(name: RouteName, options: CallOptions): string {
		const path = platformRoutes[name].path.replace(/\{(\w+)\}/g, (_m, key: string) => {
			const value = options.params?.[key];
			if (value === undefined) {
				throw new Error(`Missing path parameter "${key}" for ${endpointOf(name)}`);
			}
			return encodeURIComponent(value);
		});
		const search = new URLSearchParams();
		for (const [key, value] of Object.entries(options.query ?? {})) {
			if (value !== undefined) {
				search.set(key, String(value));
			}
		}
		const qs = search.toString();
		return `${this.apiUrl}${path}${qs ? `?${qs}` : ''}`;
	}

	/** One HTTP request. Socket failures become PlatformErrors that name the URL. */
	private async fetchOnce(name: RouteName, options: CallOptions, scope: RequestScope, token?: string): Promise<Response> {
		const route = platformRoutes[name];
		const url = this.urlOf(name, options);
		const headers: Record<string, string> = { accept: options.accept === 'sse' ? 'text/event-stream' : 'application/json' };
		if (options.body !== undefined) {
			headers['content-type'] = 'application/json';
		}
		if (token !== undefined) {
			headers.authorization = `Bearer ${token}`;
		}
		const started = Date.now();
		try {
			const response = await this.fetchImpl(url, {
				method: route.method,
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal: scope.signal,
			});
			this.logger.debug(`${endpointOf(name)} → HTTP ${response.status} in ${Date.now() - started} ms`);
			return response;
		} catch (error) {
			throw scope.failure(endpointOf(name), url) ?? networkFailure(url, error);
		}
	}

	private async readJson<T>(name: RouteName, options: CallOptions, response: Response, schema: z.ZodType<T>, scope: RequestScope): Promise<T>;
	private async readJson(name: RouteName, options: CallOptions, response: Response, schema: undefined, scope: RequestScope): Promise<void>;
	private async readJson<T>(name: RouteName, options: CallOptions, response: Response, schema: z.ZodType<T> | undefined, scope: RequestScope): Promise<T | void> {
		const endpoint = endpointOf(name);
		const url = this.urlOf(name, options);
		if (!response.ok) {
			throw await this.httpFailure(name, response, url);
		}
		let text: string;
		try {
			text = await response.text();
		} catch (error) {
			throw scope.failure(endpoint, url) ?? droppedConnection(endpoint, url, error);
		}
		if (schema === undefined) {
			return;
		}
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch (error) {
			throw unexpectedResponse(endpoint, text.trim() ? 'the body is not JSON' : 'the body is empty', response.status, error);
		}
		const parsed = schema.safeParse(body);
		if (!parsed.success) {
			throw unexpectedResponse(endpoint, describeMismatch(parsed.error), response.status, parsed.error);
		}
		return parsed.data;
	}

	/** A non-2xx answer as a PlatformError, from the `{"error": {...}}` body when there is one. */
	private async httpFailure(name: RouteName, response: Response, url: string): Promise<PlatformError> {
		const endpoint = endpointOf(name);
		const status = response.status;
		const retryAfterMs = parseRetryAfter(response.headers);
		const text = await response.text().catch(() => '');
		let body: z.infer<typeof errorBodySchema> | undefined;
		try {
			const parsed = errorBodySchema.safeParse(JSON.parse(text));
			body = parsed.success ? parsed.data : undefined;
		} catch {
			body = undefined;
		}
		const wait = status === 429 ? `; try again in ${retryAfterMs !== undefined ? describeWait(retryAfterMs) : 'a minute'}` : '';
		const what = body ? `: ${clause(body.error.message)}` : '';
		return new PlatformError(body?.error.code ?? 'http_error', `${capitalize(PLATFORM_LABEL)} answered ${endpoint} with HTTP ${status}${what}${wait}.`, {
			status,
			url,
			retryAfterMs,
			serverMessage: body?.error.message,
			details: body?.error.details ?? undefined,
		});
	}
}

/** "GET /users/me": how messages name a route. */
export function endpointOf(name: RouteName): string {
	const route = platformRoutes[name];
	return `${route.method} ${route.path}`;
}

/** Validates one stream event's JSON data; a mismatch names the event and the field. */
export function parseEvent<T>(endpoint: string, event: SseEvent, schema: z.ZodType<T>): T {
	let data: unknown;
	try {
		data = JSON.parse(event.data);
	} catch (error) {
		throw unexpectedResponse(endpoint, `the "${event.event}" event is not JSON`, undefined, error);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		throw unexpectedResponse(endpoint, `the "${event.event}" event's ${describeMismatch(parsed.error)}`, undefined, parsed.error);
	}
	return parsed.data;
}

/** An `error` event: the platform gave up mid-answer. */
export function streamErrorEvent(endpoint: string, event: { readonly error: { readonly code: string; readonly message: string } }): PlatformError {
	return new PlatformError(event.error.code, `${capitalize(PLATFORM_LABEL)} stopped answering ${endpoint}: ${clause(event.error.message)}.`, {
		serverMessage: event.error.message,
	});
}

async function discard(response: Response): Promise<void> {
	await response.body?.cancel().catch(() => undefined);
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) {
		return Promise.reject(new CancelledError());
	}
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(new CancelledError());
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
