// CodeMentor's configured backend (OpenAI, Anthropic, an OpenAI-compatible server, the platform)
// as a language-model provider inside VS Code's chat (vendor "codementor"): @mentor works without
// Copilot, and learners can pick CodeMentor's model in VS Code's model picker. When the configured
// backend is itself a VS Code model, nothing is offered (it would route back to VS Code).
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { isCancellation } from '../../core/errors';
import { providerLabels } from '../../core/llm/access';
import type { ChatMessage, ProviderId, ToolCall } from '../../core/llm/types';

export const CODEMENTOR_VENDOR = 'codementor';

interface CodeMentorModel extends vscode.LanguageModelChatInformation {
	readonly provider: ProviderId;
}

export function registerChatModelProvider(container: Container): vscode.Disposable {
	const changed = new vscode.EventEmitter<void>();
	const provider: vscode.LanguageModelChatProvider<CodeMentorModel> = {
		onDidChangeLanguageModelChatInformation: changed.event,
		async provideLanguageModelChatInformation() {
			const id = await container.models.pick({ ownBackendOnly: true }).catch(() => undefined);
			if (!id || id === 'vscodeLm') {
				return [];
			}
			const s = container.llmSettings();
			const model = id === 'openai' ? s.openai.model : id === 'anthropic' ? s.anthropic.model : id === 'openaiCompatible' ? s.openaiCompatible.model || 'local model' : 'platform';
			return [
				{
					id: `codementor-${id}`,
					name: `CodeMentor (${providerLabels[id]})`,
					family: 'codementor',
					version: model,
					detail: model,
					tooltip: `The tutor's own model: ${providerLabels[id]} · ${model}`,
					maxInputTokens: 100_000,
					maxOutputTokens: 4_096,
					capabilities: { toolCalling: true },
					provider: id,
				},
			];
		},
		async provideLanguageModelChatResponse(_model, messages, options, progress, token) {
			const backend = await container.models.resolve({ userInitiated: true, ownBackendOnly: true });
			const controller = new AbortController();
			const sub = token.onCancellationRequested(() => controller.abort());
			try {
				const stream = backend.chat({
					messages: fromLmMessages(messages),
					tools: options.tools?.map(t => ({ name: t.name, description: t.description, inputSchema: (t.inputSchema ?? { type: 'object', properties: {} }) as Record<string, unknown> })),
					toolChoice: options.tools?.length ? (options.toolMode === vscode.LanguageModelChatToolMode.Required ? 'required' : 'auto') : undefined,
					signal: controller.signal,
					userInitiated: true,
					purpose: 'vscode-chat',
				});
				for await (const event of stream) {
					if (event.type === 'text') {
						progress.report(new vscode.LanguageModelTextPart(event.text));
					} else if (event.type === 'tool_call') {
						progress.report(new vscode.LanguageModelToolCallPart(event.call.id, event.call.name, (typeof event.call.input === 'object' && event.call.input !== null ? event.call.input : {}) as object));
					}
				}
			} catch (error) {
				if (!isCancellation(error)) {
					throw error;
				}
			} finally {
				sub.dispose();
			}
		},
		async provideTokenCount(_model, text) {
			const { estimateTokens } = await import('../../core/tutor/history');
			if (typeof text === 'string') {
				return estimateTokens(text);
			}
			return estimateTokens(fromLmMessages([text]).map(m => ('content' in m ? m.content : '')).join('\n'));
		},
	};
	const registration = vscode.lm.registerLanguageModelChatProvider(CODEMENTOR_VENDOR, provider);
	const sub = container.onDidChangeModels(() => changed.fire());
	// Until something asks for the vendor's models, VS Code's picker does not list them.
	void Promise.resolve(vscode.lm.selectChatModels({ vendor: CODEMENTOR_VENDOR })).catch(e => container.logger.debug(`chat models: ${String(e)}`));
	return vscode.Disposable.from(registration, sub, changed);
}

/** VS Code's chat messages as ours (tool results get the name of the call they answer). */
export function fromLmMessages(messages: readonly vscode.LanguageModelChatRequestMessage[]): ChatMessage[] {
	const names = new Map<string, string>();
	const out: ChatMessage[] = [];
	for (const m of messages) {
		let text = '';
		const calls: ToolCall[] = [];
		const results: ChatMessage[] = [];
		for (const part of m.content) {
			if (part instanceof vscode.LanguageModelTextPart) {
				text += part.value;
			} else if (part instanceof vscode.LanguageModelToolCallPart) {
				names.set(part.callId, part.name);
				calls.push({ id: part.callId, name: part.name, input: part.input });
			} else if (part instanceof vscode.LanguageModelToolResultPart) {
				const content = part.content.map(c => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');
				results.push({ role: 'tool', toolCallId: part.callId, name: names.get(part.callId) ?? 'tool', content });
			}
		}
		out.push(...results);
		if (m.role === vscode.LanguageModelChatMessageRole.Assistant) {
			out.push({ role: 'assistant', content: text, ...(calls.length ? { toolCalls: calls } : {}) });
		} else if (text || results.length === 0) {
			out.push({ role: 'user', content: text });
		}
	}
	return out;
}
