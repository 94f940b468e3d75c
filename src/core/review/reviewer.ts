// Review on save, orchestrated: debounces saves per document, decides whether a file may be sent
// at all, skips content already reviewed, asks for consent before the first model call ever,
// keeps to the hourly token budget, sends only the changed functions, cancels a review that a
// newer save made stale, and hands back findings already validated and merged with the earlier
// ones that still hold. Pure orchestration: timers, clock, model, consent and output are injected.
import { CancelledError, errorMessage, isCancellation } from '../errors';
import { generateObject } from '../llm/structured';
import type { LlmProvider } from '../llm/types';
import { nullLogger, type Logger } from '../log';
import { defaultTokensPerHour, estimateRequestTokens, estimateTokens, pausedMessage, TokenBudget } from './budget';
import { contentHash, ReviewCache } from './cache';
import { defaultMaxBytes, shouldReview, type ReviewMode, type SkipReason } from './exclude';
import { rebaseFindings, reviewPrompt, reviewResultSchema, sortFindings, validateFindings, type ReviewFinding, type ReviewProfile } from './findings';
import { defaultMaxSnippetTokens, selectHunks, type LineRange } from './hunks';

export const defaultDebounceMs = 1500;
const MAX_OUTPUT_TOKENS = 1500;
// What a review's answer usually costs, added to the prompt when checking the budget.
const EXPECTED_OUTPUT_TOKENS = 400;

export interface ReviewDocument {
	/** Identity of the document (its URI as a string). */
	readonly uri: string;
	/** Workspace-relative, forward slashes. */
	readonly path: string;
	readonly languageId: string;
	readonly text: string;
	readonly isExerciseFile: boolean;
	readonly exercise?: { readonly title: string; readonly instructions: string };
	/** Lines edited since the last save, most recent first: what a capped first review sends. */
	readonly recentLines?: readonly number[];
}

export interface ReviewSettings {
	readonly mode: ReviewMode;
	/** Language ids to review; empty means all. */
	readonly languages: readonly string[];
	/** Globs added to the default excludes. */
	readonly exclude: readonly string[];
	readonly maxBytes?: number;
	readonly debounceMs?: number;
	/** The budget's limit; when unset, the budget keeps the one it was made with. */
	readonly tokensPerHour?: number;
	readonly maxSnippetTokens?: number;
}

export type ReviewStatus =
	| { readonly kind: 'idle' }
	| { readonly kind: 'reviewing'; readonly uri: string; readonly path: string }
	| { readonly kind: 'paused-budget'; readonly resetsAt: number | undefined; readonly message: string }
	| { readonly kind: 'error'; readonly uri: string; readonly message: string; readonly error: unknown }
	| { readonly kind: 'needs-consent' };

export type ReviewSkip = SkipReason | 'unchanged' | 'budget' | 'no-consent';

export interface ReviewStats {
	/** Model calls made (a repair turn counts as one more). */
	readonly calls: number;
	/** Estimated input tokens of every request sent (chars / 4). */
	readonly tokensSent: number;
	readonly reviews: number;
	readonly cancelled: number;
	readonly errors: number;
	readonly skipped: Readonly<Partial<Record<ReviewSkip, number>>>;
}

export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ReviewSchedulerOptions {
	/** The model to review with (background: the caller resolves with userInitiated false). */
	resolveModel(signal: AbortSignal): Promise<LlmProvider>;
	/** Whether the learner agreed to send code for review; asked before the first call, the caller persists the answer. */
	ensureConsent(): Promise<boolean>;
	/** The document's complete current findings (earlier ones still valid plus the new ones). */
	onFindings(uri: string, findings: readonly ReviewFinding[]): void;
	onStatus?(status: ReviewStatus): void;
	readonly timers?: Timers;
	readonly now?: () => number;
	readonly budget?: TokenBudget;
	readonly cache?: ReviewCache;
	readonly profile?: () => ReviewProfile | undefined;
	readonly logger?: Logger;
}

interface DocState {
	/** Bumped by every save: a review that finds it moved on was superseded. */
	generation: number;
	timer?: unknown;
	pending?: { readonly doc: ReviewDocument; readonly settings: ReviewSettings };
	inFlight?: { readonly controller: AbortController; readonly hash: string };
}

export class ReviewScheduler {
	private readonly docs = new Map<string, DocState>();
	private readonly running = new Set<Promise<void>>();
	private readonly timers: Timers;
	private readonly budget: TokenBudget;
	private readonly cache: ReviewCache;
	private readonly logger: Logger;
	private readonly counters = { calls: 0, tokensSent: 0, reviews: 0, cancelled: 0, errors: 0 };
	private readonly skips: Partial<Record<ReviewSkip, number>> = {};
	private consented = false;
	private consentAsk: Promise<boolean> | undefined;
	private resumeTimer: unknown;
	private disposed = false;

	constructor(private readonly options: ReviewSchedulerOptions) {
		this.timers = options.timers ?? realTimers;
		this.budget = options.budget ?? new TokenBudget({ tokensPerHour: defaultTokensPerHour, now: options.now });
		this.cache = options.cache ?? new ReviewCache();
		this.logger = options.logger ?? nullLogger;
	}

	get stats(): ReviewStats {
		return { ...this.counters, skipped: { ...this.skips } };
	}

	/** A save: (re)starts the document's debounce, and cancels its review in flight unless that one is of this very text. */
	onSave(doc: ReviewDocument, settings: ReviewSettings): void {
		if (this.disposed) {
			return;
		}
		const state = this.state(doc.uri);
		const inFlight = state.inFlight;
		if (inFlight && !inFlight.controller.signal.aborted && inFlight.hash === contentHash(doc.text)) {
			this.clearPending(state);
			this.skip('unchanged');
			return;
		}
		state.generation++;
		inFlight?.controller.abort(new CancelledError('superseded by a newer save'));
		this.clearPending(state);
		state.pending = { doc, settings };
		state.timer = this.timers.setTimeout(() => this.fire(doc.uri), settings.debounceMs ?? defaultDebounceMs);
	}

	/** The document closed: nothing more to review or remember for it. */
	forget(uri: string): void {
		const state = this.docs.get(uri);
		if (state) {
			state.generation++;
			this.clearPending(state);
			state.inFlight?.controller.abort(new CancelledError());
			this.docs.delete(uri);
		}
		this.cache.delete(uri);
	}

	/** The learner withdrew consent: ask again before the next call. */
	resetConsent(): void {
		this.consented = false;
	}

	/** Resolves once every review already started has finished (pending debounces are not waited for). */
	async settled(): Promise<void> {
		while (this.running.size > 0) {
			await Promise.allSettled([...this.running]);
		}
	}

	dispose(): void {
		this.disposed = true;
		for (const uri of [...this.docs.keys()]) {
			this.forget(uri);
		}
		if (this.resumeTimer !== undefined) {
			this.timers.clearTimeout(this.resumeTimer);
		}
	}

	private state(uri: string): DocState {
		let state = this.docs.get(uri);
		if (!state) {
			state = { generation: 0 };
			this.docs.set(uri, state);
		}
		return state;
	}

	private clearPending(state: DocState): void {
		if (state.timer !== undefined) {
			this.timers.clearTimeout(state.timer);
		}
		state.timer = undefined;
		state.pending = undefined;
	}

	private fire(uri: string): void {
		const state = this.docs.get(uri);
		const pending = state?.pending;
		if (!state || !pending) {
			return;
		}
		state.timer = undefined;
		state.pending = undefined;
		const run = this.review(state, state.generation, pending.doc, pending.settings).catch(error => this.logger.error(error instanceof Error ? error : String(error)));
		this.running.add(run);
		void run.finally(() => this.running.delete(run));
	}

	private skip(reason: ReviewSkip): void {
		this.skips[reason] = (this.skips[reason] ?? 0) + 1;
	}

	private status(status: ReviewStatus): void {
		this.options.onStatus?.(status);
	}

	private async consent(): Promise<boolean> {
		if (this.consented) {
			return true;
		}
		// Saves of several files at once share one question.
		this.consentAsk ??= this.options
			.ensureConsent()
			.catch(() => false)
			.finally(() => {
				this.consentAsk = undefined;
			});
		this.consented = await this.consentAsk;
		return this.consented;
	}

	private async review(state: DocState, generation: number, doc: ReviewDocument, settings: ReviewSettings): Promise<void> {
		const decision = shouldReview({
			path: doc.path,
			languageId: doc.languageId,
			size: Buffer.byteLength(doc.text),
			text: doc.text,
			mode: settings.mode,
			isExerciseFile: doc.isExerciseFile,
			languages: settings.languages,
			exclude: settings.exclude,
			maxBytes: settings.maxBytes ?? defaultMaxBytes,
		});
		if (!decision.review) {
			this.skip(decision.reason);
			this.logger.debug(`review: skipped ${doc.path}: ${decision.detail}`);
			// Hints left from before the file became excluded would be about content we now refuse to look at.
			if (this.cache.get(doc.uri)?.findings.length) {
				this.options.onFindings(doc.uri, []);
			}
			this.cache.delete(doc.uri);
			return;
		}
		if (this.cache.unchanged(doc.uri, doc.text)) {
			this.skip('unchanged');
			return;
		}
		if (!(await this.consent())) {
			this.skip('no-consent');
			this.status({ kind: 'needs-consent' });
			return;
		}
		if (state.generation !== generation || this.disposed) {
			return;
		}

		const previous = this.cache.get(doc.uri);
		const selection = selectHunks(previous?.text, doc.text, {
			languageId: doc.languageId,
			maxTokens: settings.maxSnippetTokens ?? defaultMaxSnippetTokens,
			recentLines: doc.recentLines,
		});
		const carried = previous ? rebaseFindings(previous.findings, previous.text, doc.text) : [];
		if (selection.ranges.length === 0) {
			// Only line endings changed: nothing new to say, and the old findings still hold.
			this.cache.set(doc.uri, doc.text, carried);
			this.skip('unchanged');
			return;
		}
		const prompt = reviewPrompt({
			path: doc.path,
			language: doc.languageId,
			snippet: selection.snippet,
			ranges: selection.ranges,
			exercise: doc.exercise,
			profile: this.options.profile?.(),
		});
		const estimate = estimateRequestTokens(prompt) + EXPECTED_OUTPUT_TOKENS;
		if (settings.tokensPerHour !== undefined) {
			this.budget.setLimit(settings.tokensPerHour);
		}
		if (!this.budget.canSpend(estimate)) {
			this.skip('budget');
			this.pauseForBudget(estimate);
			return;
		}

		const controller = new AbortController();
		state.inFlight = { controller, hash: contentHash(doc.text) };
		this.status({ kind: 'reviewing', uri: doc.uri, path: doc.path });
		let sentTokens = 0;
		try {
			const provider = await this.options.resolveModel(controller.signal);
			if (controller.signal.aborted) {
				throw new CancelledError();
			}
			const counted: LlmProvider = {
				id: provider.id,
				label: provider.label,
				defaultModel: provider.defaultModel,
				listModels: signal => provider.listModels(signal),
				chat: request => {
					const tokens = estimateRequestTokens(request);
					this.counters.calls++;
					this.counters.tokensSent += tokens;
					sentTokens += tokens;
					return provider.chat(request);
				},
			};
			const result = await generateObject(
				counted,
				{ ...prompt, signal: controller.signal, userInitiated: false, purpose: 'review', schemaName: 'review', maxOutputTokens: MAX_OUTPUT_TOKENS, temperature: 0.2 },
				reviewResultSchema,
			);
			// A provider that ignores its signal must not overwrite the findings of a newer save.
			if (controller.signal.aborted) {
				throw new CancelledError();
			}
			const reported = result.calls.reduce((sum, c) => sum + c.usage.inputTokens + c.usage.outputTokens, 0);
			this.budget.record(reported > 0 ? reported : sentTokens + result.calls.reduce((sum, c) => sum + estimateTokens(c.text), 0));
			const fresh = validateFindings(result.value.findings, doc.text, selection.ranges);
			// The reviewed ranges were looked at again: their old findings give way to the new ones.
			const kept = carried.filter(f => !selection.ranges.some(r => overlaps(f, r)));
			const findings = sortFindings([...kept, ...fresh]);
			this.cache.set(doc.uri, doc.text, findings);
			this.counters.reviews++;
			this.options.onFindings(doc.uri, findings);
		} catch (error) {
			if (controller.signal.aborted || isCancellation(error)) {
				this.counters.cancelled++;
				// The prompt was sent and is billed whether or not the answer is read.
				this.budget.record(sentTokens);
			} else {
				this.counters.errors++;
				this.logger.warn(`review: ${doc.path} failed: ${errorMessage(error)}`);
				this.status({ kind: 'error', uri: doc.uri, message: errorMessage(error), error });
				return;
			}
		} finally {
			if (state.inFlight?.controller === controller) {
				state.inFlight = undefined;
			}
		}
		// An error stays on show until the next review; otherwise "reviewing" ends with the last review.
		if (!this.disposed && ![...this.docs.values()].some(s => s.inFlight)) {
			this.status({ kind: 'idle' });
		}
	}

	private pauseForBudget(estimate: number): void {
		const resetsAt = this.budget.resetsAt(estimate);
		const message = resetsAt === undefined ? 'Reviews paused — the hourly budget is too small for this file' : pausedMessage(resetsAt);
		this.status({ kind: 'paused-budget', resetsAt, message });
		if (resetsAt !== undefined) {
			if (this.resumeTimer !== undefined) {
				this.timers.clearTimeout(this.resumeTimer);
			}
			const now = this.options.now ?? Date.now;
			// The next save reviews again; until then the status bar should stop saying "paused".
			this.resumeTimer = this.timers.setTimeout(() => {
				this.resumeTimer = undefined;
				this.status({ kind: 'idle' });
			}, Math.max(0, resetsAt - now()));
		}
	}
}

function overlaps(finding: ReviewFinding, range: LineRange): boolean {
	return finding.startLine <= range.endLine && range.startLine <= finding.endLine;
}
