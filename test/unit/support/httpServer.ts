// A real HTTP server on 127.0.0.1 for tests that exercise the real SDKs over the wire. Each test
// scripts the responses; the server records every request (method, path, headers, body) and
// whether the client closed the connection before the response ended (cancellation tests).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	readonly method: string;
	readonly path: string;
	readonly headers: http.IncomingHttpHeaders;
	readonly body: string;
	/** JSON-parsed body, when it was JSON. */
	readonly json: any;
	/** Resolves true when the client closed the connection before the response finished. */
	readonly clientClosed: Promise<boolean>;
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export interface TestServer {
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** Handlers are used in order, one per request; the last one repeats. */
	handle(...handlers: Handler[]): void;
	close(): Promise<void>;
}

export async function startServer(...initial: Handler[]): Promise<TestServer> {
	let handlers: Handler[] = initial;
	let next = 0;
	const requests: RecordedRequest[] = [];
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', c => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = body ? JSON.parse(body) : undefined;
			} catch {
				json = undefined;
			}
			const clientClosed = new Promise<boolean>(resolve => {
				res.on('close', () => resolve(!res.writableFinished));
			});
			const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, json, clientClosed };
			requests.push(recorded);
			const handler = handlers[Math.min(next++, handlers.length - 1)];
			if (!handler) {
				res.writeHead(500).end('no handler');
				return;
			}
			Promise.resolve(handler(recorded, res)).catch(e => {
				if (!res.headersSent) {
					res.writeHead(500);
				}
				res.end(String(e));
			});
		});
	});
	server.on('connection', s => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		handle(...h) {
			handlers = h;
			next = 0;
		},
		close: () =>
			new Promise<void>(resolve => {
				for (const s of sockets) {
					s.destroy();
				}
				server.close(() => resolve());
			}),
	};
}

export const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/** Writes `text` in pieces of `size` bytes with a flush between them (events split across chunks). */
export async function writeSplit(res: http.ServerResponse, text: string, size: number, delayMs = 1): Promise<void> {
	const buf = Buffer.from(text, 'utf8');
	for (let i = 0; i < buf.length; i += size) {
		if (res.destroyed) {
			return;
		}
		res.write(buf.subarray(i, i + size));
		await sleep(delayMs);
	}
}

/** Responds with JSON. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
	return (_req, res) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	};
}

/** Starts a server-sent-events response. */
export function sseHead(res: http.ServerResponse): void {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
	res.flushHeaders();
}
