// The module resolution the JavaScript harness adds to Node, shared by both ways of installing it
// (module.registerHooks in-thread where Node has it, module.register's hooks thread otherwise):
// '@jest/globals' is the harness's facade, and relative imports without an extension
// (`import { twoFer } from './two-fer'`, as Exercism's specs are written for Babel) find the file.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const globalsSpecifiers = new Set(['@jest/globals']);

export function isGlobalsSpecifier(specifier: string): boolean {
	return globalsSpecifiers.has(specifier);
}
const extensions = ['.js', '.mjs', '.cjs', '.json'];
const indexFiles = ['/index.js', '/index.mjs', '/index.cjs'];

function isFile(p: string): boolean {
	try {
		return fs.statSync(p).isFile();
	} catch {
		return false;
	}
}

/**
 * The URL a specifier should resolve to instead of Node's default, or undefined to leave it to Node.
 * Only specifiers Node would reject are rewritten, so anything that already works is untouched.
 */
export function rewriteSpecifier(specifier: string, parentURL: string | undefined, globalsUrl: string): string | undefined {
	if (isGlobalsSpecifier(specifier)) {
		return globalsUrl;
	}
	const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier.startsWith('file:');
	if (!relative || !parentURL?.startsWith('file:')) {
		return undefined;
	}
	let target: string;
	try {
		target = fileURLToPath(new URL(specifier, parentURL));
	} catch {
		return undefined;
	}
	if (isFile(target)) {
		return undefined;
	}
	for (const suffix of [...extensions, ...indexFiles]) {
		if (isFile(target + suffix)) {
			return pathToFileURL(target + suffix).href;
		}
	}
	return undefined;
}
