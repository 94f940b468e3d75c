// API keys: where they live (VS Code's SecretStorage, behind this interface) and the environment
// fallback (OPENAI_API_KEY / ANTHROPIC_API_KEY). Keys never go to settings, logs, webviews or
// error messages; `looksLikeKey` lets the Set API Key box catch a paste of the wrong thing.

export type KeyId = 'openai' | 'anthropic' | 'openaiCompatible';

export const keyLabels: Record<KeyId, string> = {
	openai: 'OpenAI',
	anthropic: 'Anthropic',
	openaiCompatible: 'OpenAI-compatible server',
};

export const keyEnvVars: Partial<Record<KeyId, string>> = {
	openai: 'OPENAI_API_KEY',
	anthropic: 'ANTHROPIC_API_KEY',
};

export interface SecretStore {
	get(key: string): PromiseLike<string | undefined>;
	store(key: string, value: string): PromiseLike<void>;
	delete(key: string): PromiseLike<void>;
}

export interface KeyStore {
	/** The stored key, else the environment variable's value, else undefined. */
	get(id: KeyId): Promise<string | undefined>;
	/** Where get() would find the key. */
	source(id: KeyId): Promise<'secretStorage' | 'environment' | undefined>;
	set(id: KeyId, value: string): Promise<void>;
	delete(id: KeyId): Promise<void>;
}

export const secretKeyName = (id: KeyId) => `codementor.apiKey.${id}`;

export function createKeyStore(secrets: SecretStore, env: Readonly<Record<string, string | undefined>> = process.env): KeyStore {
	const fromEnv = (id: KeyId) => {
		const name = keyEnvVars[id];
		const value = name ? env[name]?.trim() : undefined;
		return value || undefined;
	};
	return {
		async get(id) {
			return (await secrets.get(secretKeyName(id))) || fromEnv(id);
		},
		async source(id) {
			if (await secrets.get(secretKeyName(id))) {
				return 'secretStorage';
			}
			return fromEnv(id) ? 'environment' : undefined;
		},
		async set(id, value) {
			await secrets.store(secretKeyName(id), value.trim());
		},
		async delete(id) {
			await secrets.delete(secretKeyName(id));
		},
	};
}

/** Why `value` is probably not a key for `id`, or undefined when it looks fine. */
export function keyProblem(id: KeyId, value: string): string | undefined {
	const v = value.trim();
	if (!v) {
		return 'Paste a key, or press Escape to cancel.';
	}
	if (/\s/.test(v)) {
		return 'A key has no spaces: check that you copied only the key.';
	}
	if (id === 'anthropic' && !v.startsWith('sk-ant-')) {
		return 'Anthropic keys start with "sk-ant-".';
	}
	if (id === 'openai' && !v.startsWith('sk-')) {
		return 'OpenAI keys start with "sk-".';
	}
	if (id === 'openai' && v.startsWith('sk-ant-')) {
		return 'This is an Anthropic key; choose Anthropic instead.';
	}
	return undefined;
}
