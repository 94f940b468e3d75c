// The module.register() hooks module of the JavaScript harness (dist/grading/jest-hooks.mjs), used
// on Node versions without the in-thread module.registerHooks (Node 20, 22 before 22.15). It runs on
// Node's hooks thread; the harness passes the '@jest/globals' facade's URL in `data`.
import { isGlobalsSpecifier, rewriteSpecifier } from './resolve';

interface ResolveContext {
	readonly parentURL?: string;
	readonly conditions?: readonly string[];
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string; format?: string | null; shortCircuit?: boolean }>;

let globalsUrl = '';

export async function initialize(data: { globalsUrl: string }): Promise<void> {
	globalsUrl = data.globalsUrl;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
	if (isGlobalsSpecifier(specifier)) {
		return { url: globalsUrl, format: 'module', shortCircuit: true };
	}
	return nextResolve(rewriteSpecifier(specifier, context.parentURL, globalsUrl) ?? specifier, context);
}
