// API keys in VS Code's SecretStorage (see core/llm/keys.ts), with a change event so cached
// providers are dropped when a key is set or removed, in this window or another.
import type * as vscode from 'vscode';
import { createKeyStore, secretKeyName, type KeyId, type KeyStore } from '../core/llm/keys';

export function createSecretKeyStore(secrets: vscode.SecretStorage, onChange: (id: KeyId) => void): KeyStore & vscode.Disposable {
	const store = createKeyStore(secrets);
	const ids: KeyId[] = ['openai', 'anthropic', 'openaiCompatible'];
	const subscription = secrets.onDidChange(e => {
		const id = ids.find(k => secretKeyName(k) === e.key);
		if (id) {
			onChange(id);
		}
	});
	return Object.assign(store, { dispose: () => subscription.dispose() });
}
