// An OpenAI-compatible model server on 127.0.0.1 for in-host and end-to-end tests: it answers each chat request
// with the next scripted reply (streamed text, tool calls, or JSON), and records every request so
// tests can assert on what CodeMentor actually sent.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
	readonly text?: readonly string[];
	readonly toolCalls?: readonly { readonly id: string; readonly name: string; readonly arguments: object }[];
	/** Milliseconds between text chunks. */
	readonly delayMs?: number;
}

export interface RecordedRequest {
	readonly body: { readonly messages: { role: string; content: unknown; tool_calls?: unknown }[]; readonly tools?: { function: { name: string } }[]; readonly [k: string]: unknown };
	/** Every message's text joined, for "was X sent?" checks. */
	readonly text: string;
}

export interface FakeModel {
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** Replies are taken in order; `reply` decides per request when set. */
	readonly replies: ScriptedReply[];
	reply?: (request: RecordedRequest) => ScriptedReply;
	close(): Promise<void>;
}

export async function startFakeModel(): Promise<FakeModel> {
	const requests: RecordedRequest[] = [];
	const replies: ScriptedReply[] = [];
	const fake: FakeModel = { url: '', requests, replies, close: async () => undefined };
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', d => (raw += d));
		req.on('end', () => {
			if (req.url?.endsWith('/models')) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-tutor', object: 'model', created: 0, owned_by: 'test' }] }));
				return;
			}
			const body = JSON.parse(raw || '{}');
			const text = (body.messages ?? []).map((m: { content: unknown }) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
			const recorded: RecordedRequest = { body, text };
			requests.push(recorded);
			const reply = fake.reply?.(recorded) ?? replies.shift() ?? { text: ['(no scripted reply)'] };
			void stream(res, reply, body.stream !== false);
		});
	});
	await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
	Object.assign(fake, {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		close: async () => {
			server.closeAllConnections();
			await new Promise(r => server.close(r));
		},
	});
	return fake;
}

async function stream(res: http.ServerResponse, reply: ScriptedReply, streaming: boolean): Promise<void> {
	const base = { id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'fake-tutor' };
	if (!streaming) {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 0, model: 'fake-tutor', choices: [{ index: 0, message: { role: 'assistant', content: (reply.text ?? []).join('') }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
		return;
	}
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	const send = (delta: object, finish: string | null = null) => res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
	send({ role: 'assistant', content: '' });
	for (const t of reply.text ?? []) {
		if (res.destroyed) {
			return;
		}
		send({ content: t });
		if (reply.delayMs) {
			await new Promise(r => setTimeout(r, reply.delayMs));
		}
	}
	(reply.toolCalls ?? []).forEach((call, index) => send({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] }));
	send({}, reply.toolCalls?.length ? 'tool_calls' : 'stop');
	res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 } })}\n\n`);
	res.end('data: [DONE]\n\n');
}
