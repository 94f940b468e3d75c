import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest, LlmProvider, ToolCall } from '../../../src/core/llm/types';
import type { StudyTask, StudyTaskStore } from '../../../src/core/progress/events';
import type { StoredPart } from '../../../src/core/tutor/conversations';
import { runTurn, type AnswerFilter, type FilterSegment } from '../../../src/core/tutor/session';
import { toolDefinitions, type ToolHost } from '../../../src/core/tutor/tools';

type Reply = { text?: string[]; calls?: ToolCall[] };

function scripted(replies: Reply[], seen: ChatRequest[] = []): LlmProvider {
	return {
		id: 'openai',
		label: 'fake',
		defaultModel: 'fake-1',
		async *chat(request): AsyncIterable<ChatEvent> {
			seen.push({ ...request, messages: [...request.messages] });
			const reply = replies.shift() ?? { text: ['(no more replies)'] };
			for (const t of reply.text ?? []) {
				if (request.signal.aborted) {
					throw Object.assign(new Error('aborted'), { name: 'AbortError' });
				}
				yield { type: 'text', text: t };
				await new Promise(r => setImmediate(r));
			}
			for (const call of reply.calls ?? []) {
				yield { type: 'tool_call', call };
			}
			yield { type: 'done', result: { text: (reply.text ?? []).join(''), toolCalls: reply.calls ?? [], usage: { inputTokens: 10, outputTokens: 5 }, stopReason: reply.calls?.length ? 'tool_calls' : 'stop', model: 'fake-1', costUsd: 0.001 } };
		},
		listModels: async () => [],
	};
}

function memoryTasks(): StudyTaskStore & { items: StudyTask[] } {
	const items: StudyTask[] = [];
	const store = {
		items,
		list: async () => items,
		add: async (t: { title: string; due?: string }) => {
			const task: StudyTask = { id: `t${items.length + 1}`, title: t.title, due: t.due, status: 'open', createdAt: 'now', updatedAt: 'now' };
			items.push(task);
			return task;
		},
		update: async () => { throw new Error('no'); },
		complete: async (id: string) => ({ ...items.find(t => t.id === id)!, status: 'done' as const }),
		delete: async (id: string) => { items.splice(items.findIndex(t => t.id === id), 1); },
		onDidChange: () => ({ dispose() {} }),
	};
	return store as StudyTaskStore & { items: StudyTask[] };
}

function host(tasks = memoryTasks()): ToolHost {
	return {
		listExercises: async () => [],
		startExercise: async id => ({ folder: `/tmp/${id}`, title: id }),
		runTests: async () => { throw new Error('should not run'); },
		getProgress: async () => ({ streak: 2 }),
		getHint: async () => ({ level: 1, text: 'What does the loop do on an empty list?' }),
		tasks,
	};
}

function recordingSink() {
	const events: string[] = [];
	const parts: StoredPart[] = [];
	return {
		events,
		parts,
		append(index: number, text: string) {
			events.push(`append ${index}`);
			const p = parts[index];
			parts[index] = { type: 'markdown', text: (p?.type === 'markdown' ? p.text : '') + text };
		},
		setPart(index: number, part: StoredPart) {
			events.push(`part ${index} ${part.type}${part.type === 'tool' ? `:${part.status}` : ''}`);
			parts[index] = part;
		},
	};
}

const baseRequest = { system: [{ text: 'be a tutor' }], messages: [{ role: 'user' as const, content: 'hi' }] };

describe('tutor turn', () => {
	it('streams text into one markdown part and adds the answer to the history', async () => {
		const sink = recordingSink();
		const result = await runTurn({ provider: scripted([{ text: ['Think ', 'about ', 'the base case.'] }]), request: baseRequest, signal: new AbortController().signal, sink });
		assert.equal(result.status, 'complete');
		assert.deepEqual(result.parts, [{ type: 'markdown', text: 'Think about the base case.' }]);
		assert.deepEqual(sink.events, ['append 0', 'append 0', 'append 0']);
		assert.deepEqual(result.messages, [{ role: 'assistant', content: 'Think about the base case.' }]);
		assert.deepEqual(result.usage, { inputTokens: 10, outputTokens: 5 });
	});

	it('runs a tool the model calls, shows it as a step, and gives the result back to the model', async () => {
		const seen: ChatRequest[] = [];
		const tasks = memoryTasks();
		const provider = scripted([{ text: ['Sure.'], calls: [{ id: 'c1', name: 'add_task', input: { title: 'Practise recursion', due: '2026-12-04' } }] }, { text: ['Added it for Friday.'] }], seen);
		const sink = recordingSink();
		const result = await runTurn({ provider, request: { ...baseRequest, tools: toolDefinitions({ trusted: true }) }, signal: new AbortController().signal, sink, tools: { host: host(tasks), trusted: true } });
		assert.equal(tasks.items[0]?.title, 'Practise recursion');
		assert.equal(tasks.items[0]?.due, '2026-12-04');
		const step = result.parts.find(p => p.type === 'tool');
		assert.equal(step?.type === 'tool' && step.status, 'done');
		assert.ok(sink.events.includes('part 1 tool:running'));
		const secondCall = seen[1]!.messages;
		const toolResult = secondCall.at(-1)!;
		assert.equal(toolResult.role, 'tool');
		assert.match(toolResult.role === 'tool' ? toolResult.content : '', /Practise recursion/);
		assert.equal(result.parts.at(-1)?.type === 'markdown' && (result.parts.at(-1) as { text: string }).text, 'Added it for Friday.');
		assert.deepEqual(result.usage, { inputTokens: 20, outputTokens: 10 });
	});

	it('asks before a destructive tool, and tells the model when the learner declines', async () => {
		const tasks = memoryTasks();
		await tasks.add({ title: 'Old task' });
		const asked: string[] = [];
		const provider = scripted([{ calls: [{ id: 'c1', name: 'delete_task', input: { id: 't1' } }] }, { text: ['Kept it.'] }]);
		const result = await runTurn({ provider, request: baseRequest, signal: new AbortController().signal, sink: recordingSink(), tools: { host: host(tasks), trusted: true }, confirm: async (_c, title) => (asked.push(title), false) });
		assert.deepEqual(asked, ['Deleting a study task']);
		assert.equal(tasks.items.length, 1, 'nothing deleted');
		const step = result.parts.find(p => p.type === 'tool');
		assert.equal(step?.type === 'tool' && step.status, 'declined');
		assert.match(JSON.stringify(result.messages), /declined/);
	});

	it('does not run tests in Restricted Mode and says why to the model', async () => {
		const provider = scripted([{ calls: [{ id: 'c1', name: 'run_tests', input: {} }] }, { text: ['ok'] }]);
		const result = await runTurn({ provider, request: baseRequest, signal: new AbortController().signal, sink: recordingSink(), tools: { host: host(), trusted: false } });
		const tool = result.messages.find(m => m.role === 'tool');
		assert.match(tool?.role === 'tool' ? tool.content : '', /Restricted Mode/);
		assert.equal(tool?.role === 'tool' && tool.isError, true);
	});

	it('answers the model with the reason when a tool input is invalid', async () => {
		const provider = scripted([{ calls: [{ id: 'c1', name: 'add_task', input: { title: '', due: 'Friday' } }] }, { text: ['ok'] }]);
		const result = await runTurn({ provider, request: baseRequest, signal: new AbortController().signal, sink: recordingSink(), tools: { host: host(), trusted: true } });
		const tool = result.messages.find(m => m.role === 'tool');
		assert.match(tool?.role === 'tool' ? tool.content : '', /Invalid input for add_task: field "title"/);
	});

	it('stops when the signal aborts and keeps what streamed', async () => {
		const controller = new AbortController();
		const sink = recordingSink();
		const provider = scripted([{ text: ['one ', 'two ', 'three ', 'four'] }]);
		const wrapped: LlmProvider = { ...provider, chat: r => ({ async *[Symbol.asyncIterator]() { let n = 0; for await (const e of provider.chat(r)) { yield e; if (++n === 2) { controller.abort(); } } } }) };
		const result = await runTurn({ provider: wrapped, request: baseRequest, signal: controller.signal, sink });
		assert.equal(result.status, 'stopped');
		assert.deepEqual(result.parts, [{ type: 'markdown', text: 'one two ' }]);
	});

	it('puts a withheld code block in its own part, keeping text around it', async () => {
		// Holds everything until the end, then hands over text, a withheld block and text.
		const filter = (): AnswerFilter => {
			return {
				push: () => [],
				end(): FilterSegment[] { return [{ kind: 'text', text: 'Here:\n' }, { kind: 'code', language: 'python', code: 'def solve(): ...', fence: '```', withhold: true, notice: 'Held back.' }, { kind: 'text', text: 'Try it.' }]; },
			};
		};
		const result = await runTurn({ provider: scripted([{ text: ['x'] }]), request: baseRequest, signal: new AbortController().signal, sink: recordingSink(), filter, newBlockId: () => 'blk' });
		assert.deepEqual(result.parts.map(p => p.type), ['markdown', 'withheld', 'markdown']);
		assert.deepEqual(result.parts[1], { type: 'withheld', blockId: 'blk', language: 'python', notice: 'Held back.', code: 'def solve(): ...', revealed: false });
	});

	it('gives up calling tools after the round limit', async () => {
		const loop = Array.from({ length: 10 }, (_, i) => ({ calls: [{ id: `c${i}`, name: 'get_progress', input: {} }] }));
		const seen: ChatRequest[] = [];
		await runTurn({ provider: scripted(loop, seen), request: { ...baseRequest, tools: toolDefinitions({ trusted: true }) }, signal: new AbortController().signal, sink: recordingSink(), tools: { host: host(), trusted: true }, maxRounds: 3 });
		assert.equal(seen.length, 3);
		assert.equal(seen[2]!.tools, undefined, 'the last round offers no tools');
	});
});
