// Stands in for `jest-message-util` inside the harness bundle (esbuild alias, see esbuild.js).
// `expect` only uses it to print the stack of an unexpected error in toThrow's messages; the real
// package loads Babel's code-frame, picomatch and stack-utils for that. Here the stack is kept to
// frames in the exercise folder (the harness and Node internals say nothing to a learner).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const frame = /^\s*at .*?((?:file:\/\/)?(?:[A-Za-z]:\\|\/)[^():]+):\d+:\d+\)?$/;

function inExerciseFolder(file: string): boolean {
	const full = file.startsWith('file://') ? fileURLToPath(file) : file;
	const rel = path.relative(process.cwd(), full);
	return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.includes('node_modules');
}

export function separateMessageFromStack(content: string): { message: string; stack: string } {
	if (!content) {
		return { message: '', stack: '' };
	}
	const match = /^(?:Error: )?([\S\s]*?(?=\n\s*at\s.*:\d*:\d*)|\s*.*)([\S\s]*)$/.exec(content);
	return { message: match?.[1]?.trim() ?? content, stack: match?.[2]?.trim() ?? '' };
}

export function formatStackTrace(stack: string, _config?: unknown, options?: { noStackTrace?: boolean }): string {
	if (options?.noStackTrace) {
		return '';
	}
	const lines = stack
		.split('\n')
		.filter(line => {
			const m = frame.exec(line);
			return m !== null && inExerciseFolder(m[1]);
		})
		.map(line => `      ${line.trim().replace(pathToFileURL(process.cwd()).href + '/', '').replace(process.cwd() + path.sep, '')}`);
	return lines.length ? `\n${lines.join('\n')}` : '';
}

export function formatExecError(error: unknown, config?: unknown, options?: { noStackTrace?: boolean }): string {
	if (!(error instanceof Error)) {
		return `  ● Test suite failed to run\n\n    ${String(error)}`;
	}
	const { message, stack } = separateMessageFromStack(error.stack ?? error.message);
	return `  ● Test suite failed to run\n\n    ${message}${formatStackTrace(stack, config, options)}`;
}
