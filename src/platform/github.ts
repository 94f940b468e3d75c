// GitHub sign-in through the editor's own authentication provider. Silent at startup (never a
// prompt the user did not ask for); interactive only from "CodeMentor: Sign in with GitHub";
// follows `onDidChangeSessions`. GitHub Enterprise Server goes through `github-enterprise`.
// The octokit client is created (and its code loaded) on first use.
import * as vscode from 'vscode';
import { Disposable } from '../core/lifecycle';
import type { Logger } from '../core/log';

/** What sign-in needs: reading the user and their gists (progress sync asks for `gist` itself, when turned on). */
export const BASE_SCOPES: readonly string[] = ['read:user'];

export interface GitHubAccount {
	readonly login: string;
	readonly id: string;
	readonly providerId: string;
}

type OctokitInstance = import('octokit').Octokit;

export class GitHubAuth extends Disposable {
	private session: vscode.AuthenticationSession | undefined;
	private octokitFor: { readonly token: string; readonly client: Promise<OctokitInstance> } | undefined;
	private readonly emitter = this._register(new vscode.EventEmitter<GitHubAccount | undefined>());
	/** Fires when the signed-in account changes (including sign-out). */
	readonly onDidChangeAccount = this.emitter.event;

	constructor(
		private readonly enterprise: () => boolean,
		private readonly logger: Logger,
	) {
		super();
		this._register(
			vscode.authentication.onDidChangeSessions(e => {
				if (e.provider.id === this.providerId) {
					void this.refresh();
				}
			}),
		);
	}

	get providerId(): string {
		return this.enterprise() ? 'github-enterprise' : 'github';
	}

	get account(): GitHubAccount | undefined {
		return this.session && { login: this.session.account.label, id: this.session.account.id, providerId: this.providerId };
	}

	/** Re-reads the session silently: no UI. Called after activation, and when sessions change. */
	async refresh(): Promise<GitHubAccount | undefined> {
		try {
			this.setSession(await vscode.authentication.getSession(this.providerId, [...BASE_SCOPES], { silent: true }));
		} catch (error) {
			// No such provider (e.g. github-enterprise without a URI) is not an error worth a toast.
			this.logger.debug(`GitHub: no silent session from ${this.providerId}: ${String(error)}`);
			this.setSession(undefined);
		}
		return this.account;
	}

	/** Asks the user to sign in (only call from a user action). Resolves undefined if they declined. */
	async signIn(scopes: readonly string[] = BASE_SCOPES): Promise<GitHubAccount | undefined> {
		const session = await vscode.authentication.getSession(this.providerId, [...new Set([...BASE_SCOPES, ...scopes])], { createIfNone: true });
		this.setSession(session);
		return this.account;
	}

	/** The session's access token: silently, or with a prompt when `interactive` (user action only). */
	async token(options: { readonly interactive: boolean; readonly scopes?: readonly string[] }): Promise<string | undefined> {
		const scopes = [...new Set([...BASE_SCOPES, ...(options.scopes ?? [])])];
		const session = options.interactive
			? await vscode.authentication.getSession(this.providerId, scopes, { createIfNone: true })
			: await vscode.authentication.getSession(this.providerId, scopes, { silent: true });
		if (session) {
			this.setSession(session);
		}
		return session?.accessToken;
	}

	/** An octokit client for the current session (created lazily, re-created when the token changes). */
	async octokit(options: { readonly interactive: boolean; readonly scopes?: readonly string[] } = { interactive: false }): Promise<OctokitInstance | undefined> {
		const token = await this.token(options);
		if (!token) {
			return undefined;
		}
		if (this.octokitFor?.token !== token) {
			const baseUrl = this.enterprise() ? enterpriseApiUrl() : undefined;
			this.octokitFor = { token, client: import('octokit').then(({ Octokit }) => new Octokit({
					auth: token,
					baseUrl,
					userAgent: 'CodeMentor-VSCode',
					// Octokit's default waits out a rate limit (up to an hour) before retrying; a command should fail fast and say when to retry.
					throttle: {
						onRateLimit: (after: number, o: { request: { retryCount: number } }) => after <= 10 && o.request.retryCount === 0,
						onSecondaryRateLimit: (after: number, o: { request: { retryCount: number } }) => after <= 10 && o.request.retryCount === 0,
					},
				})) };
		}
		return this.octokitFor.client;
	}

	private setSession(session: vscode.AuthenticationSession | undefined): void {
		const before = this.session?.account.id;
		this.session = session;
		if (session?.accessToken !== this.octokitFor?.token) {
			this.octokitFor = undefined;
		}
		if (before !== session?.account.id) {
			this.logger.info(session ? `GitHub: signed in as ${session.account.label}` : 'GitHub: not signed in');
			this.emitter.fire(this.account);
		}
	}
}

/** The REST API of the GitHub Enterprise Server named in VS Code's own setting. */
function enterpriseApiUrl(): string | undefined {
	const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
	return uri ? `${uri.replace(/\/+$/, '')}/api/v3` : undefined;
}
