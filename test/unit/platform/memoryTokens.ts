// A platform token store in memory (SecretStorage stands behind it in the extension), shared by
// the platform tests; `value` lets a test see what the client stored.
import type { TokenStore } from '../../../src/core/platform/client';

export function memoryTokens(initial?: string): TokenStore & { value: string | undefined } {
	const store = {
		value: initial,
		get: async () => store.value,
		set: async (token: string) => {
			store.value = token;
		},
		delete: async () => {
			store.value = undefined;
		},
	};
	return store;
}
