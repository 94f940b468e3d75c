// The one interface every model backend implements (OpenAI and OpenAI-compatible servers,
// Anthropic, VS Code's language-model API, the CodeMentor platform), and the typed errors they
// raise. Consumers (tutor, hints, review, exercise generation) depend on this file only.
// Providers never touch `vscode`; what they need (fetch, API keys, logger) is injected.

export type ProviderId = 'openai' | 'anthropic' | 'openaiCompatible' | 'vscodeLm' | 'platform';

/** A block of the system prompt. Stable blocks (policy, exercise context) are marked cacheable. */
export interface SystemBlock {
	readonly text: string;
	/** Anthropic prompt caching: a cache breakpoint after this block. Ignored where unsupported. */
	readonly cache?: boolean;
}

export interface ToolCall {
	readonly id: string;
	readonly name: string;
	/** Parsed JSON arguments (the raw string when the model sent invalid JSON). */
	readonly input: unknown;
}

export type ChatMessage =
	| { readonly role: 'user'; readonly content: string }
	| { readonly role: 'assistant'; readonly content: string; readonly toolCalls?: readonly ToolCall[] }
	| { readonly role: 'tool'; readonly toolCallId: string; readonly name: string; readonly content: string; readonly isError?: boolean };

export interface ToolDefinition {
	readonly name: string;
	readonly description: string;
	/** JSON Schema (draft 2020-12 subset) of the tool's input object. */
	readonly inputSchema: Record<string, unknown>;
}

export interface ChatRequest {
	readonly system?: readonly SystemBlock[];
	readonly messages: readonly ChatMessage[];
	readonly tools?: readonly ToolDefinition[];
	readonly toolChoice?: 'auto' | 'none' | 'required' | { readonly name: string };
	/** Provider-specific model id; the provider's configured model when omitted. */
	readonly model?: string;
	readonly maxOutputTokens?: number;
	readonly temperature?: number;
	/** Ask for JSON matching this schema (structured output). Prefer generateObject() over setting this directly. */
	readonly jsonSchema?: { readonly name: string; readonly schema: Record<string, unknown> };
	/** Cancels the request; the HTTP connection is closed. */
	readonly signal: AbortSignal;
	/** True when a person's action caused this request (vscode.lm consent rules depend on it). */
	readonly userInitiated: boolean;
	/** What the call is for, for logs and budgets: 'chat', 'hint', 'review', 'generate', 'triage'… */
	readonly purpose: string;
}

export interface Usage {
	readonly inputTokens: number;
	readonly outputTokens: number;
	/** Input tokens served from a prompt cache, where the provider reports it. */
	readonly cachedInputTokens?: number;
}

export type StopReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'cancelled';

export interface ChatResult {
	readonly text: string;
	readonly toolCalls: readonly ToolCall[];
	readonly usage: Usage;
	readonly stopReason: StopReason;
	readonly model: string;
	/** Estimated cost in US dollars from the model's list price; undefined when unknown (local models: 0). */
	readonly costUsd?: number;
}

/** Streamed in order: any number of text/tool_call/usage events, then exactly one `done`. */
export type ChatEvent =
	| { readonly type: 'text'; readonly text: string }
	| { readonly type: 'tool_call'; readonly call: ToolCall }
	| { readonly type: 'usage'; readonly usage: Usage }
	| { readonly type: 'done'; readonly result: ChatResult };

export interface ModelInfo {
	readonly id: string;
	readonly label: string;
	readonly contextWindow?: number;
	readonly supportsTools?: boolean;
}

export interface LlmProvider {
	readonly id: ProviderId;
	/** Human-readable, e.g. "Ollama (http://127.0.0.1:11434/v1)". */
	readonly label: string;
	/** The model used when a request names none. */
	readonly defaultModel: string;
	/** Streams one chat turn. Errors are thrown as LlmError (see errors.ts), after retries where sensible. */
	chat(request: ChatRequest): AsyncIterable<ChatEvent>;
	/** The backend's real models. */
	listModels(signal: AbortSignal): Promise<readonly ModelInfo[]>;
}

/** How features get a model: resolves `codementor.provider` (auto picks) to a ready provider. */
export interface ModelAccess {
	/**
	 * The provider to use now. Throws LlmError kind 'not_configured' (with actions to connect a model)
	 * when none is available. Background callers pass userInitiated: false.
	 */
	resolve(options: { readonly userInitiated: boolean; readonly signal?: AbortSignal }): Promise<LlmProvider>;
}
