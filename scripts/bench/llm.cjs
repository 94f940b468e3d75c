// Streaming overhead of each provider (the real SDKs) against a raw socket read of the same
// stream, from a server on 127.0.0.1 in this process:
//   latency    a chunk written by the server → the consumer receiving its text (p50/p95),
//              200 chunks 4 ms apart; baseline = the same chunk arriving on a raw http 'data' event
//   10k tokens time to stream a 10,000-token answer written as fast as the socket takes it;
//              baseline = a raw read of the same bytes to the end. The ratio is the figure.
'use strict';
const http = require('node:http');

const LATENCY_CHUNKS = 200;
const TOKENS = 10_000;
const RUNS = Number(process.env.CODEMENTOR_BENCH_RUNS || 5);

const formats = {
	openai: {
		path: '/v1/chat/completions',
		head: () => '',
		chunk: text => `data: ${JSON.stringify({ id: 'b', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`,
		tail: () => `data: ${JSON.stringify({ id: 'b', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: TOKENS, total_tokens: TOKENS + 1 } })}\n\ndata: [DONE]\n\n`,
	},
	anthropic: {
		path: '/v1/messages',
		head: () => `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'bench', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 0 } } })}\n\nevent: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\n`,
		chunk: text => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })}\n\n`,
		tail: () => `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\nevent: message_delta\ndata: ${JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: TOKENS } })}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n`,
	},
	platform: {
		path: '/api/v1/chat/completions',
		head: () => '',
		chunk: text => `event: delta\ndata: ${JSON.stringify({ text })}\n\n`,
		tail: () => `event: usage\ndata: ${JSON.stringify({ input_tokens: 1, output_tokens: TOKENS })}\n\nevent: done\ndata: ${JSON.stringify({ stop_reason: 'stop', model: 'bench' })}\n\n`,
	},
};

function startServer(format, mode, writes) {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', async () => {
			if (req.url.endsWith('/auth/github')) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ token: 'bench-token', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: '1', login: 'bench', createdAt: new Date().toISOString() } }));
				return;
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			res.write(format.head());
			if (mode === 'latency') {
				for (let i = 0; i < LATENCY_CHUNKS; i++) {
					await new Promise(r => setTimeout(r, 4));
					writes[i] = performance.now();
					res.write(format.chunk(`t${i} `));
				}
			} else {
				const parts = [];
				for (let i = 0; i < TOKENS; i++) { parts.push(format.chunk('tok ')); }
				res.write(parts.join(''));
			}
			res.end(format.tail());
		});
	});
	return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

function percentile(xs, p) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const median = xs => percentile(xs, 50);

/** Raw read: counts chunk boundaries ("\n\n" after each chunk's marker) as they arrive. */
function rawRead(url, format, mode, writes) {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const recv = [];
		const req = http.request(`${url}${format.path}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, res => {
			let buffer = '';
			res.setEncoding('utf8');
			res.on('data', d => {
				if (mode === 'latency') {
					buffer += d;
					let m;
					const re = /t(\d+) /g;
					while ((m = re.exec(buffer))) { recv[Number(m[1])] ??= performance.now(); }
					buffer = buffer.slice(-32);
				}
			});
			res.on('end', () => resolve({ ms: performance.now() - t0, latencies: recv.map((t, i) => t - writes[i]) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end('{}');
	});
}

async function providerRead(make, mode, writes) {
	const provider = await make();
	const t0 = performance.now();
	const latencies = [];
	let i = 0;
	let text = '';
	for await (const e of provider.chat({ messages: [{ role: 'user', content: 'go' }], signal: AbortSignal.timeout(60_000), userInitiated: true, purpose: 'bench' })) {
		if (e.type === 'text' && mode === 'latency') {
			text += e.text;
			const now = performance.now();
			let m;
			const re = /t(\d+) /g;
			while ((m = re.exec(text))) { if (Number(m[1]) >= i) { latencies.push(now - writes[Number(m[1])]); i = Number(m[1]) + 1; } }
			text = text.slice(-16);
		}
	}
	return { ms: performance.now() - t0, latencies };
}

function makers(url) {
	const { createOpenAiProvider } = require('../../src/core/llm/openai.ts');
	const { createAnthropicProvider } = require('../../src/core/llm/anthropic.ts');
	const { PlatformClient } = require('../../src/core/platform/client.ts');
	const { createPlatformProvider } = require('../../src/core/platform/provider.ts');
	let token;
	const client = () => new PlatformClient({ baseUrl: url, tokens: { get: async () => token, set: async t => { token = t; }, delete: async () => { token = undefined; } }, githubToken: async () => 'gho_bench' });
	return {
		openai: async () => createOpenAiProvider({ id: 'openaiCompatible', label: 'bench', baseUrl: `${url}/v1`, defaultModel: 'bench' }),
		anthropic: async () => createAnthropicProvider({ apiKey: 'sk-ant-bench-0000000000', baseUrl: url, defaultModel: 'bench' }),
		platform: async () => createPlatformProvider(client(), { defaultModel: 'bench' }),
	};
}

module.exports = {
	title: 'LLM streaming (real SDKs vs a raw socket read, 127.0.0.1)',
	async run() {
		const rows = [];
		for (const [name, format] of Object.entries(formats)) {
			const lat = { provider: [], raw: [] };
			const big = { provider: [], raw: [] };
			for (let r = 0; r < RUNS; r++) {
				for (const kind of ['raw', 'provider']) {
					const writes = [];
					const { server, url } = await startServer(format, 'latency', writes);
					const result = kind === 'raw' ? await rawRead(url, format, 'latency', writes) : await providerRead(makers(url)[name], 'latency', writes);
					lat[kind].push(...result.latencies);
					server.close();
					const s2 = await startServer(format, 'bulk', []);
					const bulk = kind === 'raw' ? await rawRead(s2.url, format, 'bulk', []) : await providerRead(makers(s2.url)[name], 'bulk', []);
					big[kind].push(bulk.ms);
					s2.server.close();
				}
			}
			const p50 = percentile(lat.provider, 50);
			const p95 = percentile(lat.provider, 95);
			const rawP50 = percentile(lat.raw, 50);
			const rawP95 = percentile(lat.raw, 95);
			rows.push({ metric: `${name}: chunk → consumer p50`, value: p50, unit: 'ms', baseline: rawP50 });
			rows.push({ metric: `${name}: chunk → consumer p95`, value: p95, unit: 'ms', baseline: rawP95 });
			const bigMs = median(big.provider);
			const rawMs = median(big.raw);
			rows.push({ metric: `${name}: 10,000-token answer (median of ${RUNS})`, value: bigMs, unit: 'ms', baseline: rawMs, ratio: bigMs / rawMs });
		}
		return rows;
	},
};
