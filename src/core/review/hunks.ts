// What part of a saved file a review sends: the lines changed since the last review, each grown to
// its enclosing function or class (Python by `def`/`class` and indentation, JavaScript/TypeScript
// by brace matching from a function, arrow, method or class header, anything else by a few lines
// of context), merged, capped by tokens, and rendered with their 1-based line numbers so the
// model can point at lines. Also the line diff and old→new line mapping findings are rebased with.
// Pure and linear in the file size apart from the diff, which is bounded.
import { diffLines } from 'diff';
import { estimateTokens } from './budget';

/** 1-based, inclusive. */
export interface LineRange {
	readonly startLine: number;
	readonly endLine: number;
}

export interface HunkSelection {
	readonly ranges: readonly LineRange[];
	/** The selected lines, each prefixed with its line number and " | ", ranges separated by "⋮". */
	readonly snippet: string;
	readonly tokens: number;
}

export interface HunkOptions {
	readonly languageId: string;
	/** Cap on the snippet (default 3,000 tokens). */
	readonly maxTokens?: number;
	/** Lines around a change that has no enclosing function (default 3). */
	readonly contextLines?: number;
	/** A function or class longer than this is not sent whole; the change and its context are (default 150). */
	readonly maxBlockLines?: number;
	/** Lines the learner edited, most recent first: chosen first when the cap forces a choice. */
	readonly recentLines?: readonly number[];
}

export const defaultMaxSnippetTokens = 3000;
const DEFAULT_CONTEXT_LINES = 3;
const DEFAULT_MAX_BLOCK_LINES = 150;
// Beyond this many changed lines Myers' diff gets slow (tens of ms) and the "hunks" would be most
// of the file anyway: the selection then treats the file as new.
const MAX_EDIT_LENGTH = 200;
const SEPARATOR = '⋮';

export function splitLines(text: string): string[] {
	return text.split(/\r?\n/);
}

// ---- line diff ------------------------------------------------------------------------------------

interface Segment {
	readonly kind: 'same' | 'added' | 'removed';
	readonly count: number;
}

/**
 * The line diff of two texts, or undefined when they differ in too many lines to diff cheaply.
 * The common head and tail are matched first: a save usually changes a few lines, and comparing
 * only what lies between keeps a 2,000-line file well under a millisecond.
 */
function lineDiff(oldLines: readonly string[], newLines: readonly string[]): Segment[] | undefined {
	let head = 0;
	const shorter = Math.min(oldLines.length, newLines.length);
	while (head < shorter && oldLines[head] === newLines[head]) {
		head++;
	}
	let tail = 0;
	while (tail < shorter - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) {
		tail++;
	}
	const oldMiddle = oldLines.slice(head, oldLines.length - tail);
	const newMiddle = newLines.slice(head, newLines.length - tail);
	const segments: Segment[] = [];
	const push = (kind: Segment['kind'], count: number) => {
		if (count > 0) {
			segments.push({ kind, count });
		}
	};
	push('same', head);
	if (oldMiddle.length === 0 || newMiddle.length === 0) {
		push('removed', oldMiddle.length);
		push('added', newMiddle.length);
	} else {
		const asText = (lines: readonly string[]) => `${lines.join('\n')}\n`;
		const changes = diffLines(asText(oldMiddle), asText(newMiddle), { maxEditLength: MAX_EDIT_LENGTH });
		if (!changes) {
			return undefined;
		}
		for (const change of changes) {
			push(change.added ? 'added' : change.removed ? 'removed' : 'same', change.count);
		}
	}
	push('same', tail);
	return segments;
}

/**
 * The lines of `newText` that differ from `oldText`, as ranges in new line numbers. A deletion is
 * marked by the lines on either side of it. Undefined when the texts are too different to diff.
 */
export function changedRanges(oldText: string, newText: string): LineRange[] | undefined {
	const newLines = splitLines(newText);
	const segments = lineDiff(splitLines(oldText), newLines);
	if (!segments) {
		return undefined;
	}
	const lastLine = newLines.length;
	const ranges: LineRange[] = [];
	let line = 1;
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if (segment.kind === 'added') {
			ranges.push({ startLine: line, endLine: line + segment.count - 1 });
			line += segment.count;
		} else if (segment.kind === 'removed') {
			if (segments[i + 1]?.kind !== 'added') {
				ranges.push({ startLine: Math.max(1, Math.min(line - 1, lastLine)), endLine: Math.min(line, lastLine) });
			}
		} else {
			line += segment.count;
		}
	}
	return ranges;
}

/**
 * For each old line (index = 1-based old line number), the new line holding the same unchanged
 * text, or 0 when the line was changed or deleted. Undefined when the texts are too different.
 */
export function lineMapping(oldText: string, newText: string): Int32Array | undefined {
	const oldLines = splitLines(oldText);
	const segments = lineDiff(oldLines, splitLines(newText));
	if (!segments) {
		return undefined;
	}
	const map = new Int32Array(oldLines.length + 1);
	let oldLine = 1;
	let newLine = 1;
	for (const segment of segments) {
		if (segment.kind === 'added') {
			newLine += segment.count;
		} else if (segment.kind === 'removed') {
			oldLine += segment.count;
		} else {
			for (let k = 0; k < segment.count; k++) {
				map[oldLine + k] = newLine + k;
			}
			oldLine += segment.count;
			newLine += segment.count;
		}
	}
	return map;
}

// ---- structure: the function or class around a line -----------------------------------------------

type Enclosing = (line: number) => LineRange | undefined;

interface Candidate {
	readonly range: LineRange;
	readonly kind: 'function' | 'class';
}

/**
 * Picks what to send for a line from its enclosing functions and classes, innermost first: the
 * outermost function below the nearest class (a method rather than its class, a function rather
 * than the callback inside it) that fits, else an inner one, else the class when there is no
 * function, else nothing (the caller falls back to context lines).
 */
function choose(chain: readonly Candidate[], maxLines: number): LineRange | undefined {
	const fits = (c: Candidate) => c.range.endLine - c.range.startLine + 1 <= maxLines;
	const firstClass = chain.findIndex(c => c.kind === 'class');
	const functions = firstClass < 0 ? chain : chain.slice(0, firstClass);
	for (let i = functions.length - 1; i >= 0; i--) {
		if (fits(functions[i])) {
			return functions[i].range;
		}
	}
	if (functions.length === 0 && firstClass >= 0 && fits(chain[firstClass])) {
		return chain[firstClass].range;
	}
	return undefined;
}

const pyHeader = /^\s*(?:async\s+def|def|class)\s+[A-Za-z_]/;
const pyDecorator = /^\s*@/;

function indentWidth(line: string): number {
	let width = 0;
	for (const ch of line) {
		if (ch === ' ') {
			width++;
		} else if (ch === '\t') {
			width = width + 8 - (width % 8);
		} else {
			break;
		}
	}
	return width;
}

function pythonStructure(lines: readonly string[], maxLines: number): Enclosing {
	const n = lines.length;
	// Lines that do not start a statement: blank, comment-only, inside a triple-quoted string, or
	// continuing brackets or a backslash. Their indentation says nothing about blocks.
	const skip = new Uint8Array(n);
	const blankOrComment = new Uint8Array(n);
	const indent = new Int32Array(n);
	let triple: string | undefined;
	let depth = 0;
	let backslash = false;
	for (let i = 0; i < n; i++) {
		const line = lines[i];
		const trimmed = line.trim();
		indent[i] = indentWidth(line);
		const empty = trimmed === '' || trimmed.startsWith('#');
		blankOrComment[i] = empty && triple === undefined && depth === 0 ? 1 : 0;
		skip[i] = empty || triple !== undefined || depth > 0 || backslash ? 1 : 0;
		backslash = false;
		for (let j = 0; j < line.length; j++) {
			const ch = line[j];
			if (triple !== undefined) {
				if (ch === '\\') {
					j++;
				} else if (line.startsWith(triple, j)) {
					triple = undefined;
					j += 2;
				}
				continue;
			}
			if (ch === '#') {
				break;
			}
			if (ch === '"' || ch === "'") {
				if (line.startsWith(ch.repeat(3), j)) {
					triple = ch.repeat(3);
					j += 2;
					continue;
				}
				for (j++; j < line.length && line[j] !== ch; j++) {
					if (line[j] === '\\') {
						j++;
					}
				}
			} else if (ch === '(' || ch === '[' || ch === '{') {
				depth++;
			} else if (ch === ')' || ch === ']' || ch === '}') {
				depth = Math.max(0, depth - 1);
			} else if (ch === '\\' && j === line.length - 1) {
				backslash = true;
			}
		}
	}
	const isHeader = (i: number) => skip[i] === 0 && pyHeader.test(lines[i]);

	const blockOf = (h: number): LineRange => {
		let start = h;
		while (start > 0 && skip[start - 1] === 0 && pyDecorator.test(lines[start - 1]) && indent[start - 1] === indent[h]) {
			start--;
		}
		let j = h + 1;
		while (j < n && (skip[j] === 1 || indent[j] > indent[h])) {
			j++;
		}
		let end = j - 1;
		// Blank lines and comments at the header's level after the body belong to what follows.
		while (end > h && blankOrComment[end] === 1 && (lines[end].trim() === '' || indent[end] <= indent[h])) {
			end--;
		}
		return { startLine: start + 1, endLine: end + 1 };
	};

	return line => {
		let c = Math.min(Math.max(line - 1, 0), n - 1);
		while (c > 0 && skip[c] === 1) {
			c--;
		}
		if (skip[c] === 1) {
			return undefined;
		}
		if (pyDecorator.test(lines[c])) {
			let h = c + 1;
			while (h < n && (skip[h] === 1 || pyDecorator.test(lines[h]))) {
				h++;
			}
			if (h < n && isHeader(h) && indent[h] === indent[c]) {
				c = h;
			}
		}
		const chain: Candidate[] = [];
		if (isHeader(c)) {
			chain.push({ range: blockOf(c), kind: /^\s*class\b/.test(lines[c]) ? 'class' : 'function' });
		}
		let threshold = indent[c];
		for (let i = c - 1; i >= 0 && threshold > 0; i--) {
			if (skip[i] === 1 || indent[i] >= threshold) {
				continue;
			}
			if (isHeader(i)) {
				chain.push({ range: blockOf(i), kind: /^\s*class\b/.test(lines[i]) ? 'class' : 'function' });
			}
			threshold = indent[i];
		}
		return choose(chain, maxLines);
	};
}

interface JsBlock {
	readonly range: LineRange;
	readonly kind: 'function' | 'class';
}

const controlWords = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'typeof', 'await', 'yield', 'new', 'do', 'else', 'try', 'finally', 'case', 'default']);
const methodHeader =
	/^(?:(?:public|private|protected|static|async|get|set|override|readonly|abstract|export|default|declare)\s+)*\*?\s*([#\w$]+|\[[^\]]+\]|'[^']*'|"[^"]*")\s*(?:<[^]*>)?\s*\([^]*\)\s*(?::[^]*)?$/;

function classifyJsHeader(raw: string): 'function' | 'class' | undefined {
	const header = raw
		.replace(/\/\*[^]*?\*\//g, ' ')
		.replace(/\/\/[^\n]*/g, ' ')
		.trim();
	if (header === '') {
		return undefined;
	}
	const first = /^[\w$]+/.exec(header)?.[0];
	if (first && controlWords.has(first) && first !== 'default') {
		return undefined;
	}
	if (/=>\s*$/.test(header) || /(?:^|[^\w$.])function\b/.test(header)) {
		return 'function';
	}
	if (/(?:^|[\s=(,:])class\b/.test(header) || /^class\b/.test(header)) {
		return 'class';
	}
	const method = methodHeader.exec(header);
	return method && !controlWords.has(method[1]) ? 'function' : undefined;
}

/** Every function-like and class block of JavaScript/TypeScript source, by one pass of brace matching. */
function scanJs(text: string): JsBlock[] {
	interface Frame {
		readonly ch: string;
		readonly line: number;
		/** Where the current statement or list item in this frame began. */
		seg: number;
		readonly kind?: 'function' | 'class';
		readonly headerLine?: number;
	}
	const blocks: JsBlock[] = [];
	const stack: Frame[] = [{ ch: '', line: 0, seg: 0 }];
	let line = 1;
	let inTemplate = false;
	let lastSignificant = '';
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const ch = text[i];
		if (ch === '\n') {
			line++;
			continue;
		}
		if (inTemplate) {
			if (ch === '\\') {
				i++;
			} else if (ch === '`') {
				inTemplate = false;
				lastSignificant = '`';
			} else if (ch === '$' && text[i + 1] === '{') {
				stack.push({ ch: '${', line, seg: i + 2 });
				inTemplate = false;
				i++;
				lastSignificant = '{';
			}
			continue;
		}
		if (ch === ' ' || ch === '\t' || ch === '\r') {
			continue;
		}
		const top = stack[stack.length - 1];
		if (ch === '/' && text[i + 1] === '/') {
			while (i + 1 < n && text[i + 1] !== '\n') {
				i++;
			}
			continue;
		}
		if (ch === '/' && text[i + 1] === '*') {
			const close = text.indexOf('*/', i + 2);
			const end = close < 0 ? n : close + 2;
			for (let k = i; k < end; k++) {
				if (text[k] === '\n') {
					line++;
				}
			}
			i = end - 1;
			continue;
		}
		if (ch === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
			// A regex literal: skip it so its brackets and quotes are not counted.
			let inClass = false;
			for (i++; i < n && text[i] !== '\n'; i++) {
				if (text[i] === '\\') {
					i++;
				} else if (text[i] === '[') {
					inClass = true;
				} else if (text[i] === ']') {
					inClass = false;
				} else if (text[i] === '/' && !inClass) {
					break;
				}
			}
			if (text[i] === '\n') {
				i--;
			}
			lastSignificant = '/';
			continue;
		}
		if (ch === '"' || ch === "'") {
			for (i++; i < n && text[i] !== ch && text[i] !== '\n'; i++) {
				if (text[i] === '\\') {
					i++;
				}
			}
			if (text[i] === '\n') {
				i--;
			}
			lastSignificant = ch;
			continue;
		}
		lastSignificant = ch;
		if (ch === '`') {
			inTemplate = true;
		} else if (ch === '{') {
			const header = localHeader(text.slice(Math.max(top.seg, i - MAX_HEADER_CHARS), i));
			const kind = classifyJsHeader(header.text);
			stack.push({ ch, line, seg: i + 1, kind, headerLine: line - header.extraLines });
		} else if (ch === '(' || ch === '[') {
			stack.push({ ch, line, seg: i + 1 });
		} else if (ch === '}' || ch === ')' || ch === ']') {
			if (stack.length > 1) {
				const frame = stack.pop()!;
				if (frame.kind && frame.headerLine !== undefined) {
					blocks.push({ range: { startLine: frame.headerLine, endLine: line }, kind: frame.kind });
				}
				if (frame.ch === '${') {
					inTemplate = true;
					continue;
				}
			}
			if (ch === '}') {
				stack[stack.length - 1].seg = i + 1;
			}
		} else if (ch === ';' || ch === ',') {
			top.seg = i + 1;
		}
	}
	return blocks;
}

const MAX_HEADER_CHARS = 2000;
const MAX_HEADER_LINES = 30;
const continuesBelow = /[,([{=+\-*/&|?:.<>!]$/;
const continuesAbove = /^(?:[.?:)\]]|=>|&&|\|\||extends\b|implements\b)/;

/**
 * The header of a block: the statement text before its `{`, from the line where that statement
 * starts. Code without semicolons gives no boundary between statements but newlines, so a line
 * above joins only while the header continues it: unclosed parentheses (a parameter list over
 * several lines), an operator at the end of that line or the start of this one, or a decorator.
 */
function localHeader(segment: string): { text: string; extraLines: number } {
	const lines = segment.split('\n').map(l => l.replace(/\/\/.*$/, '').trim());
	let k = lines.length - 1;
	let text = lines[k];
	let depth = balance(text);
	while (k > 0 && lines.length - k < MAX_HEADER_LINES) {
		const above = lines[k - 1];
		const joins = depth > 0 || (above !== '' && (continuesBelow.test(above) || continuesAbove.test(lines[k]) || above.startsWith('@')));
		if (!joins) {
			break;
		}
		k--;
		text = `${above}\n${text}`;
		depth = balance(text);
	}
	// A header of blank lines belongs to the line of the brace.
	const lead = lines.slice(k).findIndex(l => l !== '');
	return { text, extraLines: lead < 0 ? 0 : lines.length - 1 - (k + lead) };
}

/** Closing minus opening brackets: above zero, the header started on an earlier line. */
function balance(text: string): number {
	let depth = 0;
	for (const ch of text) {
		if (ch === ')' || ch === ']') {
			depth++;
		} else if (ch === '(' || ch === '[') {
			depth--;
		}
	}
	return depth;
}

function jsStructure(text: string, maxLines: number): Enclosing {
	const blocks = scanJs(text);
	return line => {
		const chain = blocks
			.filter(b => b.range.startLine <= line && line <= b.range.endLine)
			.sort((a, b) => a.range.endLine - a.range.startLine - (b.range.endLine - b.range.startLine));
		return choose(chain, maxLines);
	};
}

const jsLanguages = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

function structureFor(languageId: string, text: string, lines: readonly string[], maxLines: number): Enclosing {
	if (languageId === 'python') {
		return pythonStructure(lines, maxLines);
	}
	if (jsLanguages.has(languageId)) {
		return jsStructure(text, maxLines);
	}
	return () => undefined;
}

// ---- selection ---------------------------------------------------------------------------------------

interface Region {
	start: number;
	end: number;
	/** The changed lines inside the region: what survives when the cap forces a trim. */
	anchorStart: number;
	anchorEnd: number;
	priority: number;
}

/**
 * The part of `text` to review, given the text reviewed last time (undefined on a first review:
 * the whole file when it fits the cap, else the regions around `recentLines`, else its start).
 */
export function selectHunks(previous: string | undefined, text: string, options: HunkOptions): HunkSelection {
	const lines = splitLines(text);
	const n = lines.length;
	const maxChars = (options.maxTokens ?? defaultMaxSnippetTokens) * 4;
	const context = options.contextLines ?? DEFAULT_CONTEXT_LINES;
	const maxBlockLines = options.maxBlockLines ?? DEFAULT_MAX_BLOCK_LINES;
	const recent = (options.recentLines ?? []).filter(l => l >= 1 && l <= n);
	const width = String(n).length;
	// cum[k] = characters of lines 1..k as rendered ("  12 | code\n").
	const cum = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) {
		cum[i + 1] = cum[i] + lines[i].length + width + 4;
	}
	const cost = (start: number, end: number) => cum[end] - cum[start - 1];

	let changes: LineRange[] | undefined;
	if (previous !== undefined) {
		changes = changedRanges(previous, text);
		if (changes?.length === 0) {
			return { ranges: [], snippet: '', tokens: 0 };
		}
	}
	if (changes === undefined && cost(1, n) <= maxChars) {
		return render(lines, [{ startLine: 1, endLine: n }], width);
	}

	let enclosing: Enclosing | undefined;
	const expand = (range: LineRange, priority: number): Region => {
		enclosing ??= structureFor(options.languageId, text, lines, maxBlockLines);
		let start = range.startLine;
		let end = range.endLine;
		for (const edge of [range.startLine, range.endLine]) {
			const block = enclosing(edge) ?? { startLine: Math.max(1, edge - context), endLine: Math.min(n, edge + context) };
			start = Math.min(start, block.startLine);
			end = Math.max(end, block.endLine);
		}
		return { start, end, anchorStart: range.startLine, anchorEnd: range.endLine, priority };
	};
	const recency = (range: LineRange) => {
		const index = recent.findIndex(l => l >= range.startLine && l <= range.endLine);
		return index < 0 ? recent.length : index;
	};

	let regions: Region[];
	if (changes) {
		regions = changes.map(c => expand(c, recency(c)));
	} else if (recent.length > 0) {
		regions = recent.map((l, i) => expand({ startLine: l, endLine: l }, i));
	} else {
		regions = [{ start: 1, end: n, anchorStart: 1, anchorEnd: 1, priority: 0 }];
	}
	return render(lines, fit(merge(regions), maxChars, cost), width);
}

function merge(regions: Region[]): Region[] {
	const sorted = [...regions].sort((a, b) => a.start - b.start);
	const out: Region[] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		// A gap of a line or two costs about what the separator does; joining reads better.
		if (last && r.start <= last.end + 3) {
			last.end = Math.max(last.end, r.end);
			last.anchorStart = Math.min(last.anchorStart, r.anchorStart);
			last.anchorEnd = Math.max(last.anchorEnd, r.anchorEnd);
			last.priority = Math.min(last.priority, r.priority);
		} else {
			out.push({ ...r });
		}
	}
	return out;
}

/** Keeps regions by priority while they fit; one that does not is trimmed around its changed lines. */
function fit(regions: readonly Region[], maxChars: number, cost: (start: number, end: number) => number): LineRange[] {
	let left = maxChars;
	const chosen: LineRange[] = [];
	const byPriority = [...regions].sort((a, b) => a.priority - b.priority || a.start - b.start);
	for (const r of byPriority) {
		const whole = cost(r.start, r.end);
		if (whole <= left) {
			chosen.push({ startLine: r.start, endLine: r.end });
			left -= whole;
			continue;
		}
		const anchor = Math.min(Math.max(r.anchorStart, r.start), r.end);
		if (cost(anchor, anchor) > left) {
			continue;
		}
		let start = anchor;
		let end = anchor;
		let used = cost(anchor, anchor);
		// Grow through the changed lines first, then alternately up (towards the header) and down.
		while (end < Math.min(r.anchorEnd, r.end) && used + cost(end + 1, end + 1) <= left) {
			end++;
			used += cost(end, end);
		}
		for (let grew = true; grew; ) {
			grew = false;
			if (start > r.start && used + cost(start - 1, start - 1) <= left) {
				start--;
				used += cost(start, start);
				grew = true;
			}
			if (end < r.end && used + cost(end + 1, end + 1) <= left) {
				end++;
				used += cost(end, end);
				grew = true;
			}
		}
		chosen.push({ startLine: start, endLine: end });
		left -= used;
	}
	return chosen.sort((a, b) => a.startLine - b.startLine);
}

function render(lines: readonly string[], ranges: readonly LineRange[], width: number): HunkSelection {
	const out: string[] = [];
	for (const [k, r] of ranges.entries()) {
		if (k > 0) {
			out.push(SEPARATOR);
		}
		for (let line = r.startLine; line <= r.endLine; line++) {
			out.push(`${String(line).padStart(width)} | ${lines[line - 1]}`);
		}
	}
	const snippet = out.join('\n');
	return { ranges, snippet, tokens: estimateTokens(snippet) };
}
