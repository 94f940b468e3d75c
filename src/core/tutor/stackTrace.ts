// Reading stack traces out of terminal and test-runner output: Python tracebacks (chained ones,
// SyntaxError's caret block, pytest and unittest failure reports) and Node/V8 stacks (CommonJS,
// ESM file URLs, Windows paths, the `file.js:12` + caret header Node prints for link-time errors),
// and which frame is the learner's own code. Pure text in, plain data out.
import type { ExerciseLanguage } from '../exercises/model';

export interface StackFrame {
	/** As printed, except that `file://` URLs become paths (Windows ones with backslashes). */
	readonly file: string;
	/** 1-based. */
	readonly line: number;
	/** 1-based; only where the output says it (V8 frames, Node's caret header). */
	readonly column?: number;
	readonly functionName?: string;
	/** Runtime, standard-library or third-party code: node:internal, node_modules, site-packages, <frozen …>. */
	readonly internal: boolean;
}

export interface ParsedTrace {
	readonly language: ExerciseLanguage;
	/** E.g. "IndexError", "json.decoder.JSONDecodeError", "TypeError", "AssertionError". */
	readonly errorType: string;
	/** The whole message, possibly several lines (unittest diffs, Node assertion diffs). */
	readonly message: string;
	/** Innermost first, for both languages (Python prints them outermost first). */
	readonly frames: readonly StackFrame[];
	/** The failing test, when the trace came from a unittest or pytest failure report. */
	readonly test?: string;
	/** Python's earlier exceptions in the chain ("During handling of…", "direct cause of…"), oldest first. */
	readonly chain?: readonly ParsedTrace[];
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Every trace in `text`, in the order they appear. Text between traces is ignored. */
export function findTraces(text: string): ParsedTrace[] {
	const lines = text.replace(ansi, '').split(/\r?\n/);
	const traces: ParsedTrace[] = [];
	let unittestTest: string | undefined;
	for (let i = 0; i < lines.length; ) {
		const line = lines[i];
		const header = /^(?:FAIL|ERROR): (.+)$/.exec(line);
		if (header && /^={20,}$/.test(lines[i - 1] ?? '')) {
			unittestTest = header[1].trim();
			i++;
			continue;
		}
		const found = pythonTraceback(lines, i, unittestTest) ?? pytestSection(lines, i) ?? v8Trace(lines, i);
		if (found) {
			traces.push(found.trace);
			unittestTest = undefined;
			i = Math.max(found.end, i + 1);
		} else {
			i++;
		}
	}
	return traces;
}

/** The first trace in `text`, if any. */
export function parseTrace(text: string): ParsedTrace | undefined {
	return findTraces(text)[0];
}

/**
 * The innermost frame in the learner's code: not internal, and inside one of `workspaceRoots` when
 * they are given (relative paths, as pytest prints them, count as inside). Undefined when every
 * frame is someone else's code.
 */
export function primaryFrame(trace: ParsedTrace, options: { readonly workspaceRoots?: readonly string[] } = {}): StackFrame | undefined {
	const roots = (options.workspaceRoots ?? []).map(r => comparable(r).replace(/\/+$/, ''));
	return trace.frames.find(frame => {
		if (frame.internal) {
			return false;
		}
		if (roots.length === 0 || !isAbsolute(frame.file)) {
			return true;
		}
		const file = comparable(frame.file);
		return roots.some(root => file === root || file.startsWith(root + '/'));
	});
}

/** Whether a frame's file is runtime, standard-library or installed-package code. */
export function isInternalFile(file: string): boolean {
	const f = file.replace(/\\/g, '/');
	return (
		/^node:/.test(f) ||
		/^internal\//.test(f) ||
		/\/node_modules\//.test(f) ||
		/^(?:<anonymous>|native|<frozen [^>]*>)$/.test(f) ||
		/\/(?:site|dist)-packages\//.test(f) ||
		/\/lib\/python\d+(?:\.\d+)?\//i.test(f) ||
		/\/Python\d*\/Lib\//i.test(f)
	);
}

// ---- Python ------------------------------------------------------------------------------------

const pyFrame = /^\s*File "(.+)", line (\d+)(?:, in (.+))?\s*$/;
const pyChainSeparator = /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
// The exception line: a (possibly dotted) class name, optionally ": message". Names without a
// message (KeyboardInterrupt, StopIteration) must still look like exception classes.
const pyException = /^([A-Za-z_][\w.]*)(?::(?: (.*))?)?$/;

interface Found {
	readonly trace: ParsedTrace;
	/** Index of the first line after the trace. */
	readonly end: number;
}

function pythonTraceback(lines: readonly string[], start: number, test: string | undefined): Found | undefined {
	const first = pythonSingle(lines, start, test);
	if (!first) {
		return undefined;
	}
	// Follow the chain: blank lines, a separator sentence, blank lines, the next traceback.
	const chain: ParsedTrace[] = [];
	let current = first;
	for (;;) {
		let j = skipBlank(lines, current.end);
		if (!pyChainSeparator.test(lines[j] ?? '')) {
			break;
		}
		j = skipBlank(lines, j + 1);
		const next = pythonSingle(lines, j, test);
		if (!next) {
			break;
		}
		chain.push(current.trace);
		current = next;
	}
	if (chain.length === 0) {
		return current;
	}
	return { trace: { ...current.trace, chain }, end: current.end };
}

/** One "Traceback (most recent call last):" block, or a bare SyntaxError block starting with `File "x", line N`. */
function pythonSingle(lines: readonly string[], start: number, test: string | undefined): Found | undefined {
	const head = lines[start] ?? '';
	let i: number;
	if (/^\s*Traceback \(most recent call last\):\s*$/.test(head)) {
		i = start + 1;
	} else {
		// SyntaxError/IndentationError printed without a traceback: the location has no ", in func".
		const m = pyFrame.exec(head);
		if (!m || m[3] !== undefined) {
			return undefined;
		}
		i = start;
	}
	const frames: StackFrame[] = [];
	for (; i < lines.length; i++) {
		const line = lines[i];
		const frame = pyFrame.exec(line);
		if (frame) {
			const file = frame[1];
			frames.push({ file, line: Number(frame[2]), ...(frame[3] !== undefined && { functionName: frame[3].trim() }), internal: isInternalFile(file) });
		} else if (!/^\s{2,}\S/.test(line) && line.trim() !== '') {
			// Not a frame and not indented source/caret/"[Previous line repeated…]": the exception line.
			break;
		}
	}
	const exceptionLine = lines[i];
	const exception = exceptionLine === undefined ? undefined : pyException.exec(exceptionLine.trim());
	if (!exception || frames.length === 0 || !/^[A-Z_]/.test(exception[1].split('.').pop() ?? '')) {
		return undefined;
	}
	let message = exception[2] ?? '';
	let end = i + 1;
	if (test !== undefined) {
		// unittest prints the rest of the message (a diff) up to the next separator line.
		const rest: string[] = [];
		for (; end < lines.length && !/^(?:={20,}|-{20,})$/.test(lines[end]) && !pyChainSeparator.test(lines[end]) && !/^\s*Traceback \(/.test(lines[end]); end++) {
			rest.push(lines[end]);
		}
		message = [message, ...rest].join('\n').trimEnd();
	}
	return {
		trace: { language: 'python', errorType: exception[1], message, frames: frames.reverse(), ...(test !== undefined && { test }) },
		end,
	};
}

function skipBlank(lines: readonly string[], from: number): number {
	let j = from;
	while (j < lines.length && lines[j].trim() === '') {
		j++;
	}
	return j;
}

// ---- pytest ------------------------------------------------------------------------------------

// "____ test_pair ____", "____ TwoSumTest.test_pair ____", "____ ERROR collecting test_leap.py ____"
const pytestHeader = /^_{3,} (.+?) _{3,}$/;
// "test_two_sum.py:4: AssertionError", "two_sum.py:8: ", "test_two_sum.py:4: in test_pair", "<frozen x>:1204: in f"
const pytestLocation = /^(\S.*?):(\d+): ?(?:in (\S+)|([A-Za-z_][\w.]*))?\s*$/;

function pytestSection(lines: readonly string[], start: number): Found | undefined {
	const header = pytestHeader.exec(lines[start] ?? '');
	if (!header) {
		return undefined;
	}
	const frames: StackFrame[] = [];
	const errorLines: string[] = [];
	let locationType: string | undefined;
	let lastDef: string | undefined;
	let end = start + 1;
	for (; end < lines.length; end++) {
		const line = lines[end];
		if (pytestHeader.test(line) || /^={3,}.*={3,}$/.test(line)) {
			break;
		}
		const def = /^\s{4}(?:async )?def (\w+)\(/.exec(line);
		if (def) {
			lastDef = def[1];
			continue;
		}
		if (line.startsWith('E ') || line === 'E') {
			errorLines.push(line.slice(1));
			continue;
		}
		const location = pytestLocation.exec(line);
		if (location && !line.startsWith(' ')) {
			const file = location[1];
			const functionName = location[3] ?? lastDef;
			frames.push({ file, line: Number(location[2]), ...(functionName !== undefined && { functionName }), internal: isInternalFile(file) });
			locationType = location[4] ?? locationType;
			lastDef = undefined;
		}
	}
	if (frames.length === 0 || errorLines.length === 0) {
		return undefined;
	}
	const text = dedent(errorLines);
	// A collection error quotes the SyntaxError's own location inside the E lines.
	for (const line of text) {
		const nested = pyFrame.exec(line);
		if (nested) {
			frames.push({ file: nested[1], line: Number(nested[2]), ...(nested[3] !== undefined && { functionName: nested[3].trim() }), internal: isInternalFile(nested[1]) });
		}
	}
	let errorType = locationType ?? 'AssertionError';
	let message = text.join('\n').trim();
	if (/^assert\b/.test(text[0] ?? '')) {
		errorType = 'AssertionError';
	} else {
		const named = text.findIndex(line => /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Failed|Warning|Iteration): /.test(line));
		// Custom exception classes need not end in "Error"; only trust such a name on the first E line.
		const index = named >= 0 ? named : /^[A-Z]\w*(?:\.\w+)*: /.test(text[0] ?? '') ? 0 : -1;
		if (index >= 0) {
			const m = /^([A-Za-z_][\w.]*): ?(.*)$/.exec(text[index])!;
			errorType = m[1];
			message = [m[2], ...text.slice(index + 1)].join('\n').trim();
		}
	}
	const name = header[1].trim();
	return {
		trace: { language: 'python', errorType, message, frames: frames.reverse(), ...(!/^ERROR collecting /.test(name) && { test: name }) },
		end,
	};
}

function dedent(lines: readonly string[]): string[] {
	const indents = lines.filter(l => l.trim() !== '').map(l => /^\s*/.exec(l)![0].length);
	const cut = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map(l => l.slice(cut).trimEnd());
}

// ---- Node / V8 ---------------------------------------------------------------------------------

// "TypeError: …", "AssertionError [ERR_ASSERTION]: …", "TypeError [Error]: …", "Uncaught ReferenceError: …"
const v8Header = /^\s*(?:Uncaught\s+)?([A-Za-z_$][\w$.]*(?:Error|Exception)|Error)(?: \[[\w-]+\])?: ?(.*)$/;
const v8FrameLine = /^\s*at\s+(.+?)\s*(?:\{\s*)?$/;
// "/x/y.js:12", "file:///x/y.mjs:3", "C:\\x\\y.js:12", "node:internal/modules/cjs/loader:1210"
const v8Location = /^\s*((?:file:\/\/\/?|node:|[A-Za-z]:[\\/]|\/|internal\/)\S*?):(\d+)\s*$/;

function v8Trace(lines: readonly string[], start: number): Found | undefined {
	let headerAt = start;
	let location: StackFrame | undefined;
	const loc = v8Location.exec(lines[start] ?? '');
	if (loc) {
		// Node's decoration: the source line, a caret under the column, a blank line, then the error.
		let column: number | undefined;
		let j = start + 1;
		for (; j < Math.min(lines.length, start + 5) && !v8Header.test(lines[j]); j++) {
			const caret = /^(\s*)\^/.exec(lines[j]);
			if (caret && column === undefined) {
				column = caret[1].length + 1;
			}
		}
		if (!v8Header.test(lines[j] ?? '')) {
			return undefined;
		}
		const file = fromFileUrl(loc[1]);
		location = { file, line: Number(loc[2]), ...(column !== undefined && { column }), internal: isInternalFile(file) };
		headerAt = j;
	}
	const header = v8Header.exec(lines[headerAt] ?? '');
	if (!header) {
		return undefined;
	}
	// The message runs until the first frame; a header not followed by frames is just text.
	const messageLines = [header[2]];
	let i = headerAt + 1;
	for (; i < lines.length && i < headerAt + 40 && !v8FrameLine.test(lines[i]); i++) {
		if (v8Header.test(lines[i]) && !/^\s/.test(lines[i])) {
			break;
		}
		messageLines.push(lines[i]);
	}
	if (!v8FrameLine.test(lines[i] ?? '')) {
		if (!location) {
			return undefined;
		}
		i = headerAt + 1;
		messageLines.length = 1;
	}
	const frames: StackFrame[] = location ? [location] : [];
	for (; i < lines.length; i++) {
		const m = v8FrameLine.exec(lines[i]);
		if (!m) {
			break;
		}
		const frame = v8Frame(m[1]);
		if (frame) {
			frames.push(frame);
		}
	}
	// Node repeats a runtime error's header location as the first frame; keep the frame (it has the name).
	if (location && frames.length > 1 && frames[1].file === location.file && frames[1].line === location.line) {
		frames.shift();
	}
	const indent = /^\s*/.exec(lines[headerAt])![0].length;
	const message = messageLines
		.map((l, n) => (n === 0 ? l : l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))))
		// Jest's code frame ("  3 | …", "> 4 | …", "    |   ^") quotes source, not the message.
		.filter(l => !/^\s*>?\s*\d*\s+\|/.test(l))
		.join('\n')
		.trim();
	return { trace: { language: 'javascript', errorType: header[1], message, frames }, end: i };
}

function v8Frame(body: string): StackFrame | undefined {
	let text = body.replace(/^async\s+/, '');
	let functionName: string | undefined;
	let where = text;
	const call = /^(.*?) \((.*)\)$/.exec(text);
	if (call) {
		functionName = call[1].replace(/^async\s+/, '');
		where = call[2];
	}
	// "eval at fn (file:1:2), <anonymous>:3:4": the eval site is the place in a real file.
	const evalSite = /^eval at .*?\(([^()]+)\)/.exec(where);
	if (evalSite) {
		where = evalSite[1];
	}
	const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(where);
	if (!m || m[1] === '' || m[1] === '<anonymous>') {
		return undefined;
	}
	text = fromFileUrl(m[1]);
	return { file: text, line: Number(m[2]), ...(m[3] !== undefined && { column: Number(m[3]) }), ...(functionName && { functionName }), internal: isInternalFile(text) };
}

// ---- paths -------------------------------------------------------------------------------------

/** `file:///home/a/x.mjs` → `/home/a/x.mjs`; `file:///C:/a/x.mjs` → `C:\a\x.mjs`; other text unchanged. */
export function fromFileUrl(text: string): string {
	if (!/^file:\/\//i.test(text)) {
		return text;
	}
	let path = text.replace(/^file:\/\/(?:localhost)?/i, '');
	try {
		path = decodeURIComponent(path);
	} catch {
		// Not percent-encoded after all: keep it as printed.
	}
	if (/^\/[A-Za-z]:\//.test(path)) {
		return path.slice(1).replace(/\//g, '\\');
	}
	return path;
}

function isAbsolute(file: string): boolean {
	return /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(file);
}

/** Slashes forward, and a Windows path lower-cased: drive letters and folders compare without case there. */
function comparable(path: string): string {
	const p = fromFileUrl(path).replace(/\\/g, '/');
	return /^[A-Za-z]:\//.test(p) ? p.toLowerCase() : p;
}
