// The ModelAccess every feature uses: resolves `codementor.provider` (auto picks, see select.ts) to
// a ready LlmProvider. SDK-backed providers are created on first use from lazily imported modules
// (each is its own bundle chunk), and cached until a setting or a key changes.
import { connectModelAction, selectModelAction, setKeyAction } from './classify';
import { LlmError } from './errors';
import { keyLabels, type KeyStore } from './keys';
import { isLoopbackUrl, pickProvider, probeServer } from './select';
import type { RetryPolicy } from './retry';
import type { StreamTimeouts } from './stream';
import type { Logger } from '../log';
import type { ProviderSetting } from '../settings';
import type { LlmProvider, ModelAccess, ProviderId } from './types';

export interface LlmSettings {
	readonly provider: ProviderSetting;
	readonly openai: { readonly model: string; readonly baseUrl: string };
	readonly anthropic: { readonly model: string };
	readonly openaiCompatible: { readonly model: string; readonly baseUrl: string };
	readonly vscodeLm: { readonly model: string };
	readonly platform: { readonly url: string };
}

/** The parts that live in VS Code (vscode.lm) or need the platform client; absent in tests and the CLI. */
export interface HostModels {
	readonly vscodeLm?: {
		available(): Promise<boolean>;
		create(model: string): Promise<LlmProvider>;
	};
	readonly platform?: {
		signedIn(): Promise<boolean>;
		/** A provider on the client for the configured `platform.url`; the platform picks the model. */
		create(): Promise<LlmProvider>;
	};
}

export interface ModelAccessDeps extends HostModels {
	readonly settings: () => LlmSettings;
	readonly keys: KeyStore;
	readonly logger: Logger;
	readonly fetch?: typeof fetch;
	readonly timeouts?: StreamTimeouts;
	readonly retryPolicy?: RetryPolicy;
	/** How long auto waits for a local server; ~300 ms. */
	readonly probeTimeoutMs?: number;
}

export const providerLabels: Record<ProviderId, string> = {
	openai: 'OpenAI',
	anthropic: 'Anthropic',
	openaiCompatible: 'OpenAI-compatible server',
	vscodeLm: 'VS Code language model',
	platform: 'CodeMentor platform',
};

/** The model configured for `id` ('' when the provider or the server chooses). */
export function configuredModel(s: LlmSettings, id: ProviderId): string {
	return id === 'platform' ? '' : s[id].model;
}


export class DefaultModelAccess implements ModelAccess {
	private cached: { readonly key: string; readonly provider: Promise<LlmProvider> } | undefined;

	constructor(private readonly deps: ModelAccessDeps) {}

	/** Forget the cached provider (a setting or a key changed). */
	invalidate(): void {
		this.cached = undefined;
	}

	/**
	 * Which provider would serve a request now, without loading any SDK. `ownBackendOnly` leaves
	 * VS Code's models out of `auto`: asked from inside VS Code's own model list, looking at that list
	 * again would ask us again.
	 */
	async pick(options: { readonly ownBackendOnly?: boolean } = {}): Promise<ProviderId | undefined> {
		const s = this.deps.settings();
		if (options.ownBackendOnly && s.provider === 'vscodeLm') {
			return undefined;
		}
		return pickProvider(s.provider, {
			platformConfigured: !!s.platform.url && !!this.deps.platform,
			platformSignedIn: () => this.deps.platform?.signedIn() ?? Promise.resolve(false),
			vscodeLmAvailable: () => (options.ownBackendOnly ? Promise.resolve(false) : (this.deps.vscodeLm?.available() ?? Promise.resolve(false))),
			// auto only knocks on this machine's door; a remote server must be chosen explicitly.
			localServerAnswers: () =>
				isLoopbackUrl(s.openaiCompatible.baseUrl)
					? probeServer(s.openaiCompatible.baseUrl, { timeoutMs: this.deps.probeTimeoutMs ?? 300, fetch: this.deps.fetch })
					: Promise.resolve(false),
			hasKey: async id => !!(await this.deps.keys.get(id)),
		});
	}

	async resolve(options: { readonly userInitiated: boolean; readonly signal?: AbortSignal; readonly ownBackendOnly?: boolean }): Promise<LlmProvider> {
		const id = await this.pick(options);
		if (!id) {
			throw new LlmError('not_configured', 'No model is connected yet: connect one to start tutoring.', { actions: [connectModelAction] });
		}
		const s = this.deps.settings();
		// Keys are part of the cache key only as a presence bit plus length: the value never leaves the store.
		const key = JSON.stringify([id, s, await this.keyFingerprint(id)]);
		if (this.cached?.key !== key) {
			const provider = this.create(id, s, options.signal);
			this.cached = { key, provider };
			provider.catch(() => {
				if (this.cached?.provider === provider) {
					this.cached = undefined;
				}
			});
		}
		return this.cached.provider;
	}

	private async keyFingerprint(id: ProviderId): Promise<string> {
		if (id !== 'openai' && id !== 'anthropic' && id !== 'openaiCompatible') {
			return '';
		}
		const k = await this.deps.keys.get(id);
		return k ? `${k.length}:${simpleHash(k)}` : '';
	}

	private async create(id: ProviderId, s: LlmSettings, signal: AbortSignal | undefined): Promise<LlmProvider> {
		const { logger, fetch: f, timeouts, retryPolicy } = this.deps;
		switch (id) {
			case 'openai': {
				const apiKey = await this.deps.keys.get('openai');
				if (!apiKey) {
					throw missingKey('openai');
				}
				const { createOpenAiProvider } = await import('./openai');
				return createOpenAiProvider({ id: 'openai', label: 'OpenAI', baseUrl: s.openai.baseUrl || undefined, apiKey, defaultModel: s.openai.model, fetch: f, timeouts, retryPolicy, logger });
			}
			case 'openaiCompatible': {
				const apiKey = await this.deps.keys.get('openaiCompatible');
				const { createOpenAiProvider } = await import('./openai');
				const baseUrl = s.openaiCompatible.baseUrl;
				const label = serverLabel(baseUrl);
				const probe = createOpenAiProvider({ id: 'openaiCompatible', label, baseUrl, apiKey, defaultModel: s.openaiCompatible.model || 'default', fetch: f, timeouts, retryPolicy, logger });
				if (s.openaiCompatible.model) {
					return probe;
				}
				// No model chosen: use the server's first one, as `ollama run` would.
				const models = await probe.listModels(signal ?? AbortSignal.timeout(10_000));
				const first = models[0];
				if (!first) {
					throw new LlmError('model_not_found', `${label} has no models yet; pull one first (for example \`ollama pull llama3.2\`).`, { provider: id, actions: [selectModelAction] });
				}
				return createOpenAiProvider({ id: 'openaiCompatible', label, baseUrl, apiKey, defaultModel: first.id, fetch: f, timeouts, retryPolicy, logger });
			}
			case 'anthropic': {
				const apiKey = await this.deps.keys.get('anthropic');
				if (!apiKey) {
					throw missingKey('anthropic');
				}
				const { createAnthropicProvider } = await import('./anthropic');
				return createAnthropicProvider({ apiKey, defaultModel: s.anthropic.model, fetch: f, timeouts, retryPolicy, logger });
			}
			case 'vscodeLm': {
				if (!this.deps.vscodeLm || !(await this.deps.vscodeLm.available())) {
					throw new LlmError('not_configured', 'No VS Code language model is available: install or sign in to a model provider (for example GitHub Copilot), or connect another model.', { provider: id, actions: [connectModelAction] });
				}
				return this.deps.vscodeLm.create(s.vscodeLm.model);
			}
			case 'platform': {
				if (!s.platform.url || !this.deps.platform) {
					throw new LlmError('not_configured', 'The CodeMentor platform is not configured: set codementor.platform.url.', { provider: id, actions: [connectModelAction] });
				}
				return this.deps.platform.create();
			}
		}
	}
}

function missingKey(id: 'openai' | 'anthropic'): LlmError {
	return new LlmError('auth', `No ${keyLabels[id]} API key is stored: set one to use ${keyLabels[id]}.`, { provider: id, actions: [setKeyAction(id)] });
}

export function serverLabel(baseUrl: string): string {
	try {
		const url = new URL(baseUrl);
		return url.port === '11434' ? `Ollama (${baseUrl})` : `OpenAI-compatible server (${baseUrl})`;
	} catch {
		return `OpenAI-compatible server (${baseUrl})`;
	}
}

function simpleHash(s: string): number {
	let h = 0;
	for (let i = 0; i < s.length; i++) {
		h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
	}
	return h;
}
