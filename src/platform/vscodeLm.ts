// VS Code's language-model API (`vscode.lm`, e.g. GitHub Copilot's models) as one more LlmProvider.
// Its consent rules: a request the user did not cause may only go out when
// `languageModelAccessInformation.canSendRequest` already says yes; otherwise the user is asked
// (by VS Code) only on a request they caused. It has no system role and no JSON mode, so system
// blocks lead the first user message and a JSON schema becomes an instruction.
import * as vscode from 'vscode';
import { CancelledError } from '../core/errors';
import { connectModelAction, selectModelAction } from '../core/llm/classify';
import { LlmError } from '../core/llm/errors';
import { guardStream, defaultStreamTimeouts } from '../core/llm/stream';
import type { Logger } from '../core/log';
import type { ChatEvent, ChatMessage, ChatRequest, LlmProvider, ModelInfo, ToolCall } from '../core/llm/types';

export async function selectModels(): Promise<vscode.LanguageModelChat[]> {
	// Our own models (registered for the @mentor participant) would route back to us.
	return (await vscode.lm.selectChatModels()).filter(m => m.vendor !== 'codementor');
}

export async function findModel(wanted: string): Promise<vscode.LanguageModelChat | undefined> {
	const models = await selectModels();
	return wanted ? (models.find(m => m.id === wanted) ?? models.find(m => m.family === wanted)) : models[0];
}

export function createVscodeLmProvider(access: vscode.LanguageModelAccessInformation, wanted: string, logger: Logger): LlmProvider {
	return {
		id: 'vscodeLm',
		label: 'VS Code language model',
		defaultModel: wanted,
		chat: request => guardStream(signal => stream(access, wanted, request, signal, logger), { signal: request.signal, timeouts: defaultStreamTimeouts, provider: 'vscodeLm', label: 'The VS Code language model' }),
		async listModels(): Promise<readonly ModelInfo[]> {
			return (await selectModels()).map(m => ({ id: m.id, label: `${m.name} (${m.vendor})`, contextWindow: m.maxInputTokens }));
		},
	};
}

async function* stream(access: vscode.LanguageModelAccessInformation, wanted: string, request: ChatRequest, signal: AbortSignal, logger: Logger): AsyncGenerator<ChatEvent> {
	const model = await findModel(request.model || wanted);
	if (!model) {
		throw new LlmError('model_not_found', wanted ? `VS Code has no language model "${wanted}"; select another model.` : 'VS Code offers no language model; connect another model.', {
			provider: 'vscodeLm',
			actions: [wanted ? selectModelAction : connectModelAction],
		});
	}
	if (!request.userInitiated && access.canSendRequest(model) !== true) {
		throw new LlmError('consent', `CodeMentor may not use ${model.name} in the background yet: ask the tutor something once to allow it.`, { provider: 'vscodeLm' });
	}
	const cts = new vscode.CancellationTokenSource();
	const onAbort = () => cts.cancel();
	signal.addEventListener('abort', onAbort, { once: true });
	logger.debug(`vscode.lm: ${model.id} for ${request.purpose} (${request.messages.length} messages)`);
	let text = '';
	const toolCalls: ToolCall[] = [];
	try {
		const response = await model.sendRequest(
			toLmMessages(request),
			{
				justification: 'CodeMentor tutors you with this model when you ask it for help.',
				tools: request.tools?.map(t => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
				toolMode: request.toolChoice === 'required' ? vscode.LanguageModelChatToolMode.Required : undefined,
			},
			cts.token,
		);
		for await (const part of response.stream) {
			if (part instanceof vscode.LanguageModelTextPart) {
				text += part.value;
				yield { type: 'text', text: part.value };
			} else if (part instanceof vscode.LanguageModelToolCallPart) {
				const call: ToolCall = { id: part.callId, name: part.name, input: part.input };
				toolCalls.push(call);
				yield { type: 'tool_call', call };
			}
		}
	} catch (error) {
		if (signal.aborted || error instanceof vscode.CancellationError) {
			throw new CancelledError();
		}
		throw fromLmError(error, model.name);
	} finally {
		signal.removeEventListener('abort', onAbort);
		cts.dispose();
	}
	// vscode.lm reports no usage; count the input with the model's tokenizer only when cheap.
	const usage = { inputTokens: 0, outputTokens: Math.ceil(text.length / 4) };
	yield { type: 'usage', usage };
	yield { type: 'done', result: { text, toolCalls, usage, stopReason: toolCalls.length ? 'tool_calls' : 'stop', model: model.id, costUsd: undefined } };
}

function fromLmError(error: unknown, name: string): LlmError {
	if (error instanceof vscode.LanguageModelError) {
		switch (error.code) {
			case vscode.LanguageModelError.NoPermissions.name:
				return new LlmError('consent', `CodeMentor is not allowed to use ${name}: allow it when VS Code asks, or connect another model.`, { provider: 'vscodeLm', cause: error, actions: [connectModelAction] });
			case vscode.LanguageModelError.Blocked.name:
				return new LlmError('rate_limit', `${name} is not accepting requests from CodeMentor right now (blocked or rate-limited); try again later.`, { provider: 'vscodeLm', cause: error });
			case vscode.LanguageModelError.NotFound.name:
				return new LlmError('model_not_found', `${name} is no longer available; select another model.`, { provider: 'vscodeLm', cause: error, actions: [selectModelAction] });
		}
	}
	const message = error instanceof Error ? error.message : String(error);
	return new LlmError('server', `${name} failed: ${message}`, { provider: 'vscodeLm', cause: error });
}

/** Maps our messages onto vscode.lm's two roles. */
export function toLmMessages(request: ChatRequest): vscode.LanguageModelChatMessage[] {
	const preamble = [
		...(request.system ?? []).map(b => b.text),
		...(request.jsonSchema ? [`Reply with only a JSON value matching this JSON schema (no prose, no code fence):\n${JSON.stringify(request.jsonSchema.schema)}`] : []),
	].join('\n\n');
	const out: vscode.LanguageModelChatMessage[] = [];
	let pendingPreamble = preamble;
	const take = () => {
		const p = pendingPreamble;
		pendingPreamble = '';
		return p ? `${p}\n\n` : '';
	};
	for (const m of request.messages as readonly ChatMessage[]) {
		if (m.role === 'user') {
			out.push(vscode.LanguageModelChatMessage.User(take() + m.content));
		} else if (m.role === 'assistant') {
			const parts: Array<vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart> = [];
			if (m.content) {
				parts.push(new vscode.LanguageModelTextPart(m.content));
			}
			for (const c of m.toolCalls ?? []) {
				parts.push(new vscode.LanguageModelToolCallPart(c.id, c.name, (typeof c.input === 'object' && c.input !== null ? c.input : {}) as object));
			}
			out.push(vscode.LanguageModelChatMessage.Assistant(parts));
		} else {
			out.push(vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(m.toolCallId, [new vscode.LanguageModelTextPart(m.content)])]));
		}
	}
	if (pendingPreamble) {
		out.unshift(vscode.LanguageModelChatMessage.User(pendingPreamble));
	}
	return out;
}
