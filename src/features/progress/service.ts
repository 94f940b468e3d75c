// The learner's progress in VS Code: one durable store per user (the GitHub account when signed
// in, otherwise a local profile) in global storage, reopened when the account changes; the
// summary (mastery, streak, achievements, error patterns) the tree, dashboard and tutor read; the
// learner profile. Recording never throws at the caller.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { errorMessage, UserFacingError } from '../../core/errors';
import { Disposable } from '../../core/lifecycle';
import type { NewStudyTask, ProgressEventData, ProgressSink, StudyTask, StudyTaskStatus, StudyTaskStore } from '../../core/progress/events';
import type { PlatformOutbox } from '../../core/progress/outbox';
import type { LearnerProfile } from '../../core/progress/profile';
import type { ProgressNotice, ProgressStore, ProgressUser } from '../../core/progress/store';
import type { ProgressSummary } from '../../core/progress/summary';
import type { ErrorPatternCount } from '../../core/tutor/errorPatterns';

export interface LearnerSummary extends ProgressSummary {
	readonly errorPatterns: readonly (ErrorPatternCount & { readonly label: string })[];
	readonly tasks: readonly StudyTask[];
}

export class ProgressService extends Disposable implements ProgressSink {
	private opened: { readonly key: string; readonly store: Promise<ProgressStore> } | undefined;
	private readonly changed = this._register(new vscode.EventEmitter<void>());
	readonly onDidChange = this.changed.event;
	private storeSubscription: { dispose(): void } | undefined;
	private summaryCache: { readonly version: number; readonly day: string; readonly value: Promise<LearnerSummary> } | undefined;
	private outboxFor: { readonly dir: string; readonly outbox: PlatformOutbox } | undefined;
	private flushTimer: NodeJS.Timeout | undefined;
	private version = 0;

	/** The study task list, stable across user switches (the tutor's tools hold on to it). */
	readonly tasks: StudyTaskStore = {
		list: async (filter?: { readonly status?: StudyTaskStatus }) => (await this.store()).list(filter),
		add: async (task: NewStudyTask) => (await this.store()).add(task),
		update: async (id, patch) => (await this.store()).update(id, patch),
		complete: async id => (await this.store()).complete(id),
		delete: async id => (await this.store()).delete(id),
		onDidChange: listener => this.onDidChange(listener),
	};

	constructor(private readonly container: Container) {
		super();
		this._register(container.github.onDidChangeAccount(() => this.userChanged()));
		this._register({ dispose: () => this.closeStore() });
		this._register({ dispose: () => clearTimeout(this.flushTimer) });
		// Back online or signed in: whatever waited goes out.
		this._register(container.github.onDidChangeAccount(() => container.config.get('platform.url') && this.flushSoon(1000)));
	}

	get root(): string {
		return path.join(this.container.context.globalStorageUri.fsPath, 'progress');
	}

	user(): ProgressUser {
		const account = this.container.github.account;
		return account ? { kind: 'github', id: account.id, login: account.login, host: this.container.config.get('github.enterprise') ? vscode.workspace.getConfiguration('github-enterprise').get<string>('uri') : undefined } : { kind: 'local' };
	}

	/** "octocat" or "this computer", for headings. */
	userLabel(): string {
		return this.container.github.account?.login ?? 'you (on this computer)';
	}

	async dir(): Promise<string> {
		const { userDirectory } = await import('../../core/progress/store');
		return userDirectory(this.root, this.user());
	}

	/** The current user's store, opened (and recovered if needed) on first use. */
	async store(): Promise<ProgressStore> {
		const dir = await this.dir();
		if (this.opened?.key !== dir) {
			this.closeStore();
			const { ProgressStore } = await import('../../core/progress/store');
			const store = ProgressStore.open({ dir, logger: this.container.logger, onNotice: notice => this.showNotice(notice) });
			this.opened = { key: dir, store };
			void store.then(
				s => {
					this.storeSubscription = s.onDidChange(() => this.didChange());
				},
				() => {
					// Not remembered: the next call tries again.
					if (this.opened?.store === store) {
						this.opened = undefined;
					}
				},
			);
		}
		return this.opened.store;
	}

	async record(event: ProgressEventData): Promise<void> {
		try {
			const recorded = await (await this.store()).record(event);
			if (recorded && this.container.config.get('platform.url')) {
				await (await this.outbox()).enqueue([recorded.id]);
				this.flushSoon();
			}
		} catch (error) {
			this.container.logger.warn(`Progress: could not record ${event.type}: ${errorMessage(error)}`);
		}
	}

	/** Events for the platform, queued per user while offline (see core/progress/outbox.ts). */
	private async outbox(): Promise<PlatformOutbox> {
		const dir = await this.dir();
		if (this.outboxFor?.dir !== dir) {
			const [{ PlatformOutbox, OUTBOX_FILE }, path] = await Promise.all([import('../../core/progress/outbox'), import('node:path')]);
			this.outboxFor = { dir, outbox: new PlatformOutbox(path.join(dir, OUTBOX_FILE)) };
		}
		return this.outboxFor.outbox;
	}

	private flushSoon(delayMs = 3000): void {
		clearTimeout(this.flushTimer);
		this.flushTimer = setTimeout(() => void this.flushToPlatform(), delayMs);
	}

	/** Sends queued events to the platform when it is configured and signed in; what fails stays queued. */
	async flushToPlatform(): Promise<number> {
		const client = this.container.platform();
		if (!client) {
			return 0;
		}
		const platform = await client;
		if (!(await platform.isSignedIn())) {
			return 0;
		}
		const [store, outbox] = await Promise.all([this.store(), this.outbox()]);
		const result = await outbox.flush(
			ids => {
				const wanted = new Set(ids);
				return store.events().filter(e => wanted.has(e.id));
			},
			events => platform.recordProgressEvents(events, AbortSignal.timeout(30_000)),
		);
		if (result.error) {
			this.container.logger.info(`Progress: ${result.pending} events wait for the platform (${errorMessage(result.error)}); retrying later.`);
			this.flushSoon(5 * 60_000);
		}
		return result.sent;
	}

	/** Other windows may have written: read what they appended (cheap when nothing changed). */
	async reload(): Promise<void> {
		const store = await this.store();
		if ((await store.reload()) > 0) {
			this.didChange();
		}
	}

	async summary(): Promise<LearnerSummary> {
		const profile = await this.profile();
		const timeZone = profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
		const day = new Date().toDateString();
		if (this.summaryCache?.version !== this.version || this.summaryCache.day !== day) {
			const value = this.computeSummary(timeZone, profile?.dailyGoal ?? 1);
			this.summaryCache = { version: this.version, day, value };
			value.catch(() => (this.summaryCache = undefined));
		}
		return this.summaryCache.value;
	}

	private async computeSummary(timeZone: string, dailyGoal: number): Promise<LearnerSummary> {
		const [{ summarizeProgress }, { countErrorPatterns, errorKindLabel }, store] = await Promise.all([import('../../core/progress/summary'), import('../../core/tutor/errorPatterns'), this.store()]);
		const events = store.events();
		const summary = summarizeProgress(events, { now: new Date(), timeZone, dailyGoal });
		return {
			...summary,
			errorPatterns: countErrorPatterns(events).map(p => ({ ...p, label: errorKindLabel(p.kind) })),
			tasks: await store.list(),
		};
	}

	async profile(): Promise<LearnerProfile | undefined> {
		const { loadProfile } = await import('../../core/progress/profile');
		return loadProfile(await this.dir(), { logger: this.container.logger, onNotice: n => this.showNotice(n) });
	}

	async saveProfile(profile: Partial<LearnerProfile>): Promise<LearnerProfile> {
		const { saveProfile } = await import('../../core/progress/profile');
		const saved = await saveProfile(await this.dir(), profile, { logger: this.container.logger });
		this.didChange();
		return saved;
	}

	/** Sends one task-id problem as a sentence the learner can act on. */
	static unknownTask(id: string): UserFacingError {
		return new UserFacingError(`There is no study task "${id}"; it may have been deleted in another window.`);
	}

	private didChange(): void {
		this.version++;
		this.changed.fire();
	}

	/** Another account: another store. The same folder (e.g. signed out and back in) keeps its open store. */
	private userChanged(): void {
		void this.dir().then(dir => {
			if (this.opened?.key !== dir) {
				this.closeStore();
			}
			this.didChange();
		});
	}

	private closeStore(): void {
		this.storeSubscription?.dispose();
		this.storeSubscription = undefined;
		const previous = this.opened?.store;
		this.opened = undefined;
		void previous?.then(s => s.dispose(), () => undefined);
	}

	private showNotice(notice: ProgressNotice): void {
		this.container.logger.warn(`Progress: ${notice.message}`);
		void vscode.window.showWarningMessage(`CodeMentor: ${notice.message}`, ...(notice.path ? ['Reveal File'] : [])).then(pick => {
			if (pick && notice.path) {
				void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(notice.path));
			}
		});
	}
}
