// Where an error happened, in the exercise folder's terms: the innermost stack frame that is in a
// test or learner file (not in the harness, Node internals or node_modules), as a relative path.
// Runs inside the grading child process (bundled into the JavaScript harness).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportLocation } from '../types';

// "    at fn (file:///x/y.js:3:9)", "    at file:///x/y.js:3:9", "    at async C:\\x\\y.js:3:9"
const framePattern = /^\s*at (?:.*?\()?((?:file:\/\/|[A-Za-z]:\\|\/)[^()]*?):(\d+):(\d+)\)?\s*$/;
// Node's decoration of link-time errors: "file:///x/spec.js:1" as the stack's first line.
const headerPattern = /^((?:file:\/\/|[A-Za-z]:\\|\/)\S*?):(\d+)\s*$/;

export function toRelative(file: string, root: string): string | undefined {
	let full = file;
	if (full.startsWith('file://')) {
		try {
			full = fileURLToPath(full);
		} catch {
			return undefined;
		}
	}
	const rel = path.relative(root, full);
	if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('node_modules')) {
		return undefined;
	}
	return rel.split(path.sep).join('/');
}

export function locateInStack(stack: string | undefined, root: string): ReportLocation | undefined {
	if (!stack) {
		return undefined;
	}
	const lines = stack.split('\n');
	const header = headerPattern.exec(lines[0] ?? '');
	if (header) {
		const rel = toRelative(header[1], root);
		if (rel) {
			return { path: rel, line: Number(header[2]) };
		}
	}
	for (const line of lines) {
		const frame = framePattern.exec(line);
		if (frame) {
			const rel = toRelative(frame[1], root);
			if (rel) {
				return { path: rel, line: Number(frame[2]) };
			}
		}
	}
	return undefined;
}
