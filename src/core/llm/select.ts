// Which backend serves the tutor. `codementor.provider` names one, or `auto` picks in this order:
// the CodeMentor platform if configured and signed in; a VS Code language model if any; a local
// Ollama if it answers within ~300 ms; OpenAI, then Anthropic, if a key is stored. The checks are
// injected so the order is unit-tested without VS Code or a network.
import type { ProviderSetting } from '../settings';
import type { ProviderId } from './types';

export interface AutoCandidates {
	readonly platformConfigured: boolean;
	platformSignedIn(): Promise<boolean>;
	vscodeLmAvailable(): Promise<boolean>;
	localServerAnswers(): Promise<boolean>;
	hasKey(id: 'openai' | 'anthropic'): Promise<boolean>;
}

export const autoOrder: readonly ProviderId[] = ['platform', 'vscodeLm', 'openaiCompatible', 'openai', 'anthropic'];

/** The provider `auto` stands for now, or undefined when nothing is connected. */
export async function pickProvider(setting: ProviderSetting, c: AutoCandidates): Promise<ProviderId | undefined> {
	if (setting !== 'auto') {
		return setting;
	}
	if (c.platformConfigured && (await c.platformSignedIn().catch(() => false))) {
		return 'platform';
	}
	if (await c.vscodeLmAvailable().catch(() => false)) {
		return 'vscodeLm';
	}
	// The cheap secret lookups run while the local probe waits on the network.
	const [local, openai, anthropic] = await Promise.all([
		c.localServerAnswers().catch(() => false),
		c.hasKey('openai').catch(() => false),
		c.hasKey('anthropic').catch(() => false),
	]);
	if (local) {
		return 'openaiCompatible';
	}
	if (openai) {
		return 'openai';
	}
	return anthropic ? 'anthropic' : undefined;
}

/**
 * True when an OpenAI-compatible server answers `GET <baseUrl>/models` within `timeoutMs`.
 * Any HTTP answer counts (an Ollama without models still answers); only silence or refusal does not.
 */
export async function probeServer(baseUrl: string, options: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {}): Promise<boolean> {
	const doFetch = options.fetch ?? fetch;
	try {
		const response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(options.timeoutMs ?? 300) });
		await response.body?.cancel();
		return response.status < 500;
	} catch {
		return false;
	}
}

/** True for base URLs on this machine: the only place `auto` probes without being asked. */
export function isLoopbackUrl(url: string): boolean {
	try {
		const host = new URL(url).hostname;
		return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
	} catch {
		return false;
	}
}
