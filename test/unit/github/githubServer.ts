// A local stand-in for GitHub's REST API: routes by method and path (the query string is kept for
// the test to check), JSON answers, GitHub's 404 body for anything unrouted. Built on the shared
// test server, so every request is recorded with its headers and body.
import type * as http from 'node:http';
import { startServer, type RecordedRequest, type TestServer } from '../support/httpServer';

export interface RouteAnswer {
	readonly status?: number;
	readonly body: unknown;
	readonly headers?: Record<string, string>;
}

export type Route = (req: RecordedRequest, params: readonly string[], query: URLSearchParams) => RouteAnswer | Promise<RouteAnswer>;

export interface GitHubStub {
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** `path` is matched against the path without its query; `:name` segments are captured in order. */
	route(method: string, path: string, handler: Route): void;
	close(): Promise<void>;
}

function pattern(path: string): RegExp {
	const escaped = path.split('/').map(segment => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	return new RegExp(`^${escaped.join('/')}$`);
}

export async function startGitHubServer(): Promise<GitHubStub> {
	const routes: { method: string; regex: RegExp; handler: Route }[] = [];
	const server: TestServer = await startServer(async (req: RecordedRequest, res: http.ServerResponse) => {
		const url = new URL(req.path, 'http://stub');
		const found = routes.find(r => r.method === req.method && r.regex.test(url.pathname));
		if (!found) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }));
			return;
		}
		const params = found.regex.exec(url.pathname)!.slice(1).map(decodeURIComponent);
		const answer = await found.handler(req, params, url.searchParams);
		if (res.destroyed) {
			return;
		}
		res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
		res.end(JSON.stringify(answer.body));
	});
	return {
		url: server.url,
		requests: server.requests,
		route(method, path, handler) {
			routes.push({ method, regex: pattern(path), handler });
		},
		close: () => server.close(),
	};
}

/** A pull request as GitHub's list endpoint returns it (the fields CodeMentor reads, plus some noise). */
export function pullFixture(number: number, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		url: `https://api.github.com/repos/ada/calc/pulls/${number}`,
		id: 1000 + number,
		number,
		state: 'open',
		title,
		body: `Description of #${number}`,
		html_url: `https://github.com/ada/calc/pull/${number}`,
		user: { login: 'ada', id: 1 },
		draft: false,
		updated_at: '2025-03-01T10:00:00Z',
		head: { ref: `feature-${number}`, sha: `sha${number}`, repo: { full_name: 'ada/calc' } },
		base: { ref: 'main', sha: 'base', repo: { full_name: 'ada/calc' } },
		labels: [],
		...extra,
	};
}

/** A changed file as GitHub's files endpoint returns it. */
export function fileFixture(filename: string, patch: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
	const lines = (patch ?? '').split('\n');
	const additions = lines.filter(l => l.startsWith('+')).length;
	const deletions = lines.filter(l => l.startsWith('-')).length;
	return {
		sha: 'abc',
		filename,
		status: 'modified',
		additions,
		deletions,
		changes: additions + deletions,
		blob_url: `https://github.com/ada/calc/blob/sha/${filename}`,
		raw_url: `https://github.com/ada/calc/raw/sha/${filename}`,
		contents_url: `https://api.github.com/repos/ada/calc/contents/${filename}`,
		...(patch === undefined ? {} : { patch }),
		...extra,
	};
}
