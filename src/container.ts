// Owns CodeMentor's services. Cheap ones are created in the constructor; rare or heavy ones are
// created (and their code loaded) on first use. Features receive the container, never globals.
import * as vscode from 'vscode';
import { DefaultModelAccess, type LlmSettings } from './core/llm/access';
import type { KeyStore } from './core/llm/keys';
import { Disposable, Lazy } from './core/lifecycle';
import { settingSpecs, type SettingKey } from './core/settings';
import type { PlatformClient } from './core/platform/client';
import { Config } from './platform/config';
import { GitHubAuth } from './platform/github';
import type { ChannelLogger } from './platform/logger';
import { createSecretKeyStore } from './platform/secrets';
import { createVscodeLmProvider, selectModels } from './platform/vscodeLm';

/** Which views have been resolved (rendered) so far; tests and the walkthrough observe it. */
export class ViewTracker extends Disposable {
	private readonly resolved = new Set<string>();
	private readonly emitter = this._register(new vscode.EventEmitter<string>());
	readonly onDidResolve = this.emitter.event;

	didResolve(viewId: string): void {
		this.resolved.add(viewId);
		this.emitter.fire(viewId);
	}

	has(viewId: string): boolean {
		return this.resolved.has(viewId);
	}
}

const llmKeys: readonly SettingKey[] = ['provider', 'openai.model', 'openai.baseUrl', 'anthropic.model', 'openaiCompatible.baseUrl', 'openaiCompatible.model', 'vscodeLm.model', 'platform.url'];

export const PLATFORM_TOKEN_SECRET = 'codementor.platform.token';

export class Container extends Disposable {
	readonly config: Config;
	readonly views = this._register(new ViewTracker());
	private readonly modelsChanged = this._register(new vscode.EventEmitter<void>());
	/** Fires when the model that would serve a request may have changed (settings, keys, sign-in, vscode.lm). */
	readonly onDidChangeModels = this.modelsChanged.event;

	private readonly _keys = new Lazy(() => this._register(createSecretKeyStore(this.context.secrets, () => this.modelsDidChange())));
	private readonly _github = new Lazy(() => {
		const auth = this._register(new GitHubAuth(() => this.config.get('github.enterprise'), this.logger));
		this._register(auth.onDidChangeAccount(() => this.modelsDidChange()));
		return auth;
	});
	private readonly _models = new Lazy(() => new DefaultModelAccess({ settings: () => this.llmSettings(), keys: this.keys, logger: this.logger, ...this.hostModels() }));
	private _platform: { readonly url: string; readonly client: Promise<PlatformClient> } | undefined;

	constructor(
		readonly context: vscode.ExtensionContext,
		readonly logger: ChannelLogger,
	) {
		super();
		this.config = this._register(new Config(logger, Object.keys(settingSpecs) as SettingKey[]));
		this._register(this.config.onDidChange(llmKeys, () => this.modelsDidChange()));
		this._register(vscode.lm.onDidChangeChatModels(() => this.modelsDidChange()));
	}

	get extensionUri(): vscode.Uri {
		return this.context.extensionUri;
	}

	/** API keys (SecretStorage, with the environment as fallback). */
	get keys(): KeyStore {
		return this._keys.value;
	}

	get github(): GitHubAuth {
		return this._github.value;
	}

	/** How features get a model. */
	get models(): DefaultModelAccess {
		return this._models.value;
	}

	/** The platform client for the configured URL; undefined when no URL is set. Loaded on first use. */
	platform(): Promise<PlatformClient> | undefined {
		const url = this.config.get('platform.url');
		if (!url) {
			return undefined;
		}
		if (this._platform?.url !== url) {
			const secrets = this.context.secrets;
			const tokens = {
				get: async () => (await secrets.get(PLATFORM_TOKEN_SECRET)) || undefined,
				set: async (token: string) => secrets.store(PLATFORM_TOKEN_SECRET, token),
				delete: async () => secrets.delete(PLATFORM_TOKEN_SECRET),
			};
			const client = import('./core/platform/client').then(
				({ PlatformClient }) => new PlatformClient({ baseUrl: url, tokens, githubToken: o => this.github.token(o), logger: this.logger }),
			);
			this._platform = { url, client };
		}
		return this._platform.client;
	}

	llmSettings(): LlmSettings {
		const c = this.config;
		return {
			provider: c.get('provider'),
			openai: { model: c.get('openai.model'), baseUrl: c.get('openai.baseUrl') },
			anthropic: { model: c.get('anthropic.model') },
			openaiCompatible: { model: c.get('openaiCompatible.model'), baseUrl: c.get('openaiCompatible.baseUrl') },
			vscodeLm: { model: c.get('vscodeLm.model') },
			platform: { url: c.get('platform.url') },
		};
	}

	private hostModels() {
		return {
			vscodeLm: {
				available: async () => (await selectModels()).length > 0,
				create: async (model: string) => createVscodeLmProvider(this.context.languageModelAccessInformation, model, this.logger),
			},
			platform: {
				signedIn: async () => (await this.platform()?.then(p => p.isSignedIn())) ?? false,
				create: async () => {
					const client = this.platform();
					if (!client) {
						throw new Error('platform URL not set');
					}
					const { createPlatformProvider } = await import('./core/platform/provider');
					return createPlatformProvider(await client);
				},
			},
		};
	}

	private modelsDidChange(): void {
		if (this._models.hasValue) {
			this._models.value.invalidate();
		}
		this.modelsChanged.fire();
	}
}
