// CodeMentor's GitHub commands: Sync Progress (both ways through the learner's private gist),
// Share Solution as Gist (a passed exercise only), and Review Pull Request (a tutor's review of an
// open pull request of the workspace's repository, shown in the Tutor chat and posted only when the
// learner confirms). Each asks for the GitHub permission it needs at the moment it needs it.
import type { Octokit } from 'octokit';
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { CancelledError, errorMessage, isCancellation, UserFacingError } from '../../core/errors';
import type { FileReview, PullRequestSummary, RepoRef, ReviewComment } from '../../core/github/pullRequest';
import { isLlmError } from '../../core/llm/errors';
import { BASE_SCOPES } from '../../platform/github';
import { CommandIds, ViewIds } from '../../shared/ids';
import type { ExercisesService } from '../exercises/service';
import type { TutorFeature } from '../tutor';
import type { ProgressService } from './service';

const GIST_SCOPES = [...BASE_SCOPES, 'gist'];
/** Posting a review (and reading a private repository) needs the `repo` scope. */
const REPO_SCOPES = [...BASE_SCOPES, 'repo'];
/** A review covers this many files; a bigger pull request is better reviewed in parts. */
const MAX_REVIEW_FILES = 15;
const SIGN_IN = { title: 'Sign In', command: CommandIds.signIn } as const;


// ---- shared helpers -----------------------------------------------------------------------------

/** An octokit client with `scopes`, signing in (or asking for the extra permission) if needed. */
async function signedIn(container: Container, scopes: readonly string[], purpose: string): Promise<Octokit> {
	let octokit: Octokit | undefined;
	try {
		octokit = await container.github.octokit({ interactive: true, scopes });
	} catch (error) {
		if (isCancellation(error)) {
			throw error;
		}
		throw new UserFacingError(`Sign in to GitHub to ${purpose}.`, [SIGN_IN], { cause: error });
	}
	if (!octokit) {
		throw new UserFacingError(`Sign in to GitHub to ${purpose}.`, [SIGN_IN]);
	}
	return octokit;
}

function abortSignal(token: vscode.CancellationToken): { readonly signal: AbortSignal; dispose(): void } {
	const controller = new AbortController();
	const sub = token.onCancellationRequested(() => controller.abort());
	return { signal: controller.signal, dispose: () => sub.dispose() };
}

function throwIfAborted(signal: AbortSignal): void {
	if (signal.aborted) {
		throw new CancelledError();
	}
}

/** Runs a GitHub call and turns its HTTP errors into one sentence (rate limits with their reset time). */
async function gitHub<T>(doing: string, call: () => Promise<T>, repo?: RepoRef): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (isCancellation(error)) {
			throw error;
		}
		const { describeGitHubError } = await import('../../core/github/pullRequest');
		throw describeGitHubError(error, doing, { repo }) ?? error;
	}
}

// ---- Sync Progress ------------------------------------------------------------------------------

interface FoundGist {
	readonly id: string;
	readonly url: string;
	/** The sync file's content; undefined when the gist lacks it. */
	readonly text: string | undefined;
}

type GistData = Awaited<ReturnType<Octokit['rest']['gists']['get']>>['data'];

async function gistText(octokit: Octokit, gist: GistData, signal: AbortSignal): Promise<string | undefined> {
	const { GIST_FILE } = await import('../../core/progress/gistSync');
	const file = gist.files?.[GIST_FILE];
	if (!file) {
		return undefined;
	}
	if (!file.truncated && typeof file.content === 'string') {
		return file.content;
	}
	// The API cuts a file's content at 1 MB; the raw URL has all of it.
	if (!file.raw_url) {
		throw new UserFacingError(`GitHub did not return the whole progress file of your gist ${gist.html_url ?? gist.id}; try again in a moment.`);
	}
	const { data } = await octokit.request(`GET ${file.raw_url}`, { request: { signal } });
	return typeof data === 'string' ? data : JSON.stringify(data);
}

/** The learner's sync gist: the remembered id, else the gist whose description and file match. */
async function findProgressGist(octokit: Octokit, remembered: string | undefined, signal: AbortSignal): Promise<FoundGist | undefined> {
	const { GIST_DESCRIPTION, GIST_FILE } = await import('../../core/progress/gistSync');
	if (remembered) {
		try {
			const { data } = await octokit.rest.gists.get({ gist_id: remembered, request: { signal } });
			return { id: data.id!, url: data.html_url!, text: await gistText(octokit, data, signal) };
		} catch (error) {
			if ((error as { status?: unknown }).status !== 404) {
				throw error;
			}
			// Deleted on GitHub: look for another one, or create it again.
		}
	}
	for await (const page of octokit.paginate.iterator(octokit.rest.gists.list, { per_page: 100, request: { signal } })) {
		const match = page.data.find(g => g.description === GIST_DESCRIPTION && g.files && GIST_FILE in g.files);
		if (match) {
			const { data } = await octokit.rest.gists.get({ gist_id: match.id, request: { signal } });
			return { id: data.id!, url: data.html_url!, text: await gistText(octokit, data, signal) };
		}
	}
	return undefined;
}

export async function syncProgress(container: Container, progress: ProgressService): Promise<string | undefined> {
	const { GIST_DESCRIPTION, GIST_FILE, describeSync, encodeGist, planSync } = await import('../../core/progress/gistSync');
	const outcome = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: 'CodeMentor: Syncing progress with GitHub', cancellable: true },
		async (report, token) => {
			const abort = abortSignal(token);
			const { signal } = abort;
			try {
				const octokit = await signedIn(container, GIST_SCOPES, 'sync your progress');
				const account = container.github.account;
				const key = `codementor.progress.gist.${account?.providerId ?? 'github'}.${account?.id ?? 'unknown'}`;
				const state = container.context.globalState;
				report.report({ message: 'Reading your progress gist…' });
				const found = await gitHub('reading your progress gist', () => findProgressGist(octokit, state.get<string>(key), signal));
				throwIfAborted(signal);
				const store = await progress.store();
				// Throws (before anything is written anywhere) when the gist's file is damaged.
				const plan = planSync(store.events(), found?.text, { gist: found?.url });
				report.report({ message: 'Merging…' });
				const merged = await store.merge(plan.toMergeLocally);
				throwIfAborted(signal);
				let gist = found;
				if (!found) {
					const content = plan.toUpload ?? encodeGist(store.events());
					const { data } = await gitHub('creating your progress gist', () =>
						octokit.rest.gists.create({ description: GIST_DESCRIPTION, public: false, files: { [GIST_FILE]: { content } }, request: { signal } }),
					);
					gist = { id: data.id!, url: data.html_url!, text: content };
				} else if (plan.toUpload !== undefined) {
					const upload = plan.toUpload;
					await gitHub('updating your progress gist', () => octokit.rest.gists.update({ gist_id: found.id, files: { [GIST_FILE]: { content: upload } }, request: { signal } }));
				}
				await state.update(key, gist!.id);
				container.logger.info(`Progress sync: ${merged} events from gist ${gist!.id}, ${plan.stats.toRemote} sent${found ? '' : ' (gist created)'}; ${plan.stats.unreadable} unreadable entries kept`);
				return { message: describeSync(plan.stats, merged), url: gist!.url, newer: plan.stats.remoteIsNewer };
			} finally {
				abort.dispose();
			}
		},
	);
	const text = `CodeMentor: ${outcome.message}`;
	void (outcome.newer ? vscode.window.showWarningMessage(text, 'Open Gist') : vscode.window.showInformationMessage(text, 'Open Gist')).then(pick => pick && vscode.env.openExternal(vscode.Uri.parse(outcome.url)));
	return outcome.message;
}

// ---- Share Solution -----------------------------------------------------------------------------

export async function shareSolution(container: Container, exercises: ExercisesService): Promise<string | undefined> {
	const active = await exercises.active();
	if (!active) {
		throw new UserFacingError('Open a file of the exercise you want to share first: CodeMentor shares the exercise of the active editor.');
	}
	const { exercise } = active;
	if (exercises.status.status(exercise.id) !== 'passed') {
		throw new UserFacingError(`Pass all the tests of “${exercise.title}” first: CodeMentor shares only solutions that pass.`, [
			{ title: 'Submit Exercise', command: CommandIds.submit, args: [exercise.id] },
		]);
	}
	const { solutionGist } = await import('../../core/progress/gistSync');
	const gist = solutionGist({ exercise, files: await active.learnerFiles() });
	const names = Object.keys(gist.files).filter(n => n !== 'README.md');
	if (names.length === 0) {
		throw new UserFacingError(`The solution files of “${exercise.title}” are empty, so there is nothing to share.`);
	}
	const share = 'Create Secret Gist';
	const confirmed = await vscode.window.showInformationMessage(
		`Share your solution to “${exercise.title}” as a secret gist?`,
		{ modal: true, detail: `Files: ${names.join(', ')} and a README. A secret gist is not listed publicly, but anyone with its link can read it.` },
		share,
	);
	if (confirmed !== share) {
		return undefined;
	}
	const octokit = await signedIn(container, GIST_SCOPES, 'share your solution');
	const { data } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'CodeMentor: Creating the gist…', cancellable: true }, async (_p, token) => {
		const abort = abortSignal(token);
		try {
			return await gitHub('creating the gist', () => octokit.rest.gists.create({ description: gist.description, public: false, files: gist.files, request: { signal: abort.signal } }));
		} finally {
			abort.dispose();
		}
	});
	const url = data.html_url!;
	container.logger.info(`Shared ${exercise.id} as gist ${data.id}`);
	void vscode.env.openExternal(vscode.Uri.parse(url));
	const skipped = gist.empty.length > 0 ? ` (left out, empty: ${gist.empty.join(', ')})` : '';
	void vscode.window.showInformationMessage(`CodeMentor: Shared your solution to “${exercise.title}” as a secret gist${skipped}.`, 'Copy Link').then(async pick => {
		if (pick) {
			await vscode.env.clipboard.writeText(url);
		}
	});
	return url;
}

// ---- Review Pull Request ------------------------------------------------------------------------

interface GitRemote {
	readonly name: string;
	readonly fetchUrl?: string;
	readonly pushUrl?: string;
}

interface GitRepository {
	readonly rootUri: vscode.Uri;
	readonly state: { readonly remotes: readonly GitRemote[] };
}

/** The part of the built-in Git extension's API (version 1) used here. */
interface GitApi {
	readonly state: 'uninitialized' | 'initialized';
	readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
	readonly repositories: readonly GitRepository[];
	getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi> {
	const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
	if (!extension) {
		throw new UserFacingError('VS Code\'s Git extension is disabled, and CodeMentor needs it to find the repository: enable the built-in "Git" extension.');
	}
	const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
	if (api.state !== 'initialized') {
		// Right after start-up Git is still opening the workspace's repositories.
		await new Promise<void>(resolve => {
			const timer = setTimeout(done, 5000);
			const sub = api.onDidChangeState(s => s === 'initialized' && done());
			function done() {
				clearTimeout(timer);
				sub.dispose();
				resolve();
			}
		});
	}
	return api;
}

function gitHubHost(container: Container): string {
	if (!container.config.get('github.enterprise')) {
		return 'github.com';
	}
	const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
	try {
		return new URL(uri ?? '').hostname.toLowerCase();
	} catch {
		throw new UserFacingError('CodeMentor is set to use GitHub Enterprise Server, but "github-enterprise.uri" is not set: set it to your server\'s address.', [
			{ title: 'Open Settings', command: 'workbench.action.openSettings', args: ['github-enterprise.uri'] },
		]);
	}
}

/** The GitHub repository to review: from the active editor's Git repository, asking when there are several. */
async function pickRepository(container: Container): Promise<RepoRef | undefined> {
	const { parseRemote } = await import('../../core/github/pullRequest');
	const api = await gitApi();
	const editor = vscode.window.activeTextEditor?.document.uri;
	const repository = (editor && api.getRepository(editor)) || api.repositories[0];
	if (!repository) {
		throw new UserFacingError('There is no Git repository open: open the folder of a repository that is on GitHub to review its pull requests.');
	}
	const host = gitHubHost(container);
	const remotes = repository.state.remotes;
	if (remotes.length === 0) {
		throw new UserFacingError('This Git repository has no remote: push it to GitHub first, then review its pull requests.');
	}
	const candidates = new Map<string, { remote: string; ref: RepoRef }>();
	const elsewhere: string[] = [];
	for (const remote of remotes) {
		for (const url of [remote.fetchUrl, remote.pushUrl]) {
			const ref = url ? parseRemote(url) : undefined;
			if (ref?.host === host) {
				const key = `${ref.owner}/${ref.repo}`.toLowerCase();
				if (!candidates.has(key)) {
					candidates.set(key, { remote: remote.name, ref });
				}
			} else if (ref) {
				elsewhere.push(`${remote.name} (${ref.host})`);
			}
		}
	}
	if (candidates.size === 0) {
		const found = elsewhere.length > 0 ? ` (its remotes are on: ${[...new Set(elsewhere)].join(', ')})` : '';
		throw new UserFacingError(`None of this repository's remotes is on ${host}${found}, so there are no pull requests CodeMentor can review.`);
	}
	if (candidates.size === 1) {
		return [...candidates.values()][0]!.ref;
	}
	const pick = await vscode.window.showQuickPick(
		[...candidates.values()].map(c => ({ label: `${c.ref.owner}/${c.ref.repo}`, description: c.remote, ref: c.ref })),
		{ title: 'Review Pull Request', placeHolder: 'Which repository\'s pull requests?' },
	);
	return pick?.ref;
}

/** The open pull requests; on a 404 (a private repository with a public-only token) offers to widen access. */
async function openPullRequests(container: Container, repo: RepoRef): Promise<{ octokit: Octokit; pulls: PullRequestSummary[] }> {
	const { listOpenPullRequests } = await import('../../core/github/pullRequest');
	const octokit = await signedIn(container, BASE_SCOPES, 'review pull requests');
	const list = (client: Octokit) =>
		vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Listing pull requests of ${repo.owner}/${repo.repo}…` }, () =>
			gitHub('listing pull requests', () => listOpenPullRequests(client, repo), repo),
		);
	try {
		return { octokit, pulls: await list(octokit) };
	} catch (error) {
		if ((error as { cause?: { status?: unknown } }).cause?.status !== 404) {
			throw error;
		}
		const allow = 'Allow Access';
		const pick = await vscode.window.showWarningMessage(
			`CodeMentor cannot see ${repo.owner}/${repo.repo} with its current GitHub permission.`,
			{ modal: true, detail: 'If it is a private repository, CodeMentor needs permission to read your repositories (GitHub\'s "repo" scope). You can revoke it on GitHub at any time.' },
			allow,
		);
		if (pick !== allow) {
			throw new CancelledError();
		}
		const wider = await signedIn(container, REPO_SCOPES, 'review pull requests of private repositories');
		return { octokit: wider, pulls: await list(wider) };
	}
}

export async function reviewPullRequest(container: Container, tutor: TutorFeature): Promise<string | undefined> {
	const core = await import('../../core/github/pullRequest');
	const repo = await pickRepository(container);
	if (!repo) {
		return undefined;
	}
	const { octokit, pulls } = await openPullRequests(container, repo);
	if (pulls.length === 0) {
		void vscode.window.showInformationMessage(`CodeMentor: ${repo.owner}/${repo.repo} has no open pull requests to review.`);
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(
		pulls.map(pr => ({
			label: `#${pr.number} ${pr.title}`,
			description: `${pr.author} · ${pr.headRef} → ${pr.baseRef}${pr.draft ? ' · draft' : ''}`,
			pr,
		})),
		{ title: `Review Pull Request — ${repo.owner}/${repo.repo}`, placeHolder: 'Which pull request should the tutor review?', matchOnDescription: true },
	);
	if (!picked) {
		return undefined;
	}
	const { pr } = picked;

	const review = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: `CodeMentor: Reviewing #${pr.number}`, cancellable: true },
		async (report, token) => {
			const abort = abortSignal(token);
			const { signal } = abort;
			try {
				report.report({ message: 'Reading the changed files…' });
				const files = await gitHub('reading the pull request\'s files', () => core.fetchPullRequestFiles(octokit, repo, pr.number, { signal }), repo);
				const toReview = files.reviewable.slice(0, MAX_REVIEW_FILES);
				const results: FileReview[] = [
					...files.reviewable.slice(MAX_REVIEW_FILES).map(f => ({ path: f.path, skipped: `over the limit of ${MAX_REVIEW_FILES} files one review covers` })),
					...files.skipped.map(s => ({ path: s.path, skipped: s.reason })),
				];
				if (toReview.length === 0) {
					return { results, comments: [], model: undefined, reviewed: 0, truncated: files.truncated };
				}
				const provider = await container.models.resolve({ userInitiated: true, signal });
				const { collect } = await import('../../core/llm/stream');
				const { mapLimit } = await import('../../core/async');
				let done = 0;
				let model: string | undefined;
				const comments: ReviewComment[] = [];
				const reviewed = await mapLimit(toReview, 2, async (file): Promise<FileReview> => {
					throwIfAborted(signal);
					try {
						const result = await collect(
							provider.chat({ ...core.reviewPrompt(file, pr), signal, userInitiated: true, purpose: 'review', maxOutputTokens: 1500, temperature: 0.2 }),
						);
						model ??= result.model;
						comments.push(...core.reviewComments(file, result.text));
						return { path: file.path, review: result.text };
					} catch (error) {
						// A missing model, key or quota fails every file alike: stop. Anything else costs one file.
						if (isCancellation(error) || isLlmError(error, 'not_configured') || isLlmError(error, 'auth') || isLlmError(error, 'quota') || isLlmError(error, 'consent') || isLlmError(error, 'rate_limit')) {
							throw error;
						}
						container.logger.warn(`Review of ${file.path} in #${pr.number} failed: ${errorMessage(error)}`);
						return { path: file.path, error: errorMessage(error) };
					} finally {
						report.report({ message: `${++done} of ${toReview.length} files`, increment: 100 / toReview.length });
					}
				});
				return { results: [...reviewed, ...results], comments, model: model ?? provider.defaultModel, reviewed: reviewed.filter(r => r.review).length, truncated: files.truncated };
			} finally {
				abort.dispose();
			}
		},
	);

	if (review.reviewed === 0) {
		const why = review.results.length > 0 ? `none of its ${review.results.length} changed files could be reviewed (${[...new Set(review.results.map(r => r.skipped ?? r.error))].join('; ')})` : 'it changes no files';
		void vscode.window.showInformationMessage(`CodeMentor: Nothing to review in #${pr.number}: ${why}.`);
		return undefined;
	}
	let body = core.buildReviewBody(review.results, pr, { model: review.model });
	if (review.truncated) {
		body += `\n_This pull request has more files than GitHub lists (${core.reviewLimits.files}); only those were considered._\n`;
	}
	await (await tutor.controller()).appendExchange(`Review pull request #${pr.number}: ${pr.title}`, body);
	await vscode.commands.executeCommand(`${ViewIds.tutor}.focus`);

	const post = 'Post Review';
	const inline = review.comments.length > 0 ? `, with ${review.comments.length} inline ${review.comments.length === 1 ? 'comment' : 'comments'} on the lines it names` : '';
	const account = container.github.account?.login;
	const confirmed = await vscode.window.showInformationMessage(
		'Post this review to GitHub?',
		{ modal: true, detail: `It appears on #${pr.number} in ${repo.owner}/${repo.repo} as a comment review from your account${account ? ` (${account})` : ''}${inline}. Everyone who can see the pull request can read it.` },
		post,
	);
	if (confirmed !== post) {
		return body;
	}
	const writer = await signedIn(container, REPO_SCOPES, 'post the review');
	const posted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `CodeMentor: Posting the review on #${pr.number}…` }, () =>
		gitHub('posting the review', () => core.postReview(writer, repo, pr.number, body, review.comments, { commitId: pr.headSha }), repo),
	);
	container.logger.info(`Posted review ${posted.id} on ${repo.owner}/${repo.repo}#${pr.number} (${posted.comments} inline comments)`);
	const dropped = review.comments.length > 0 && posted.comments === 0 ? ' GitHub did not accept the inline comments (the branch has moved on), so they are only in the review text.' : '';
	void vscode.window.showInformationMessage(`CodeMentor: Posted the review on #${pr.number}.${dropped}`, 'Open on GitHub').then(pick => pick && vscode.env.openExternal(vscode.Uri.parse(posted.url)));
	return body;
}
