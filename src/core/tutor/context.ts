// What the learner shares with the tutor (selection, file, problems, exercise, terminal), the chip
// label each item gets, and the per-item caps: large files keep the lines around the selection and
// the errors, terminal output keeps its end (where errors are), and every cut says what was left out.

export interface ContextProblem {
	/** 1-based. */
	readonly line: number;
	readonly severity: 'error' | 'warning' | 'info';
	readonly message: string;
	readonly source?: string;
}

export interface ContextFailure {
	readonly name: string;
	readonly message?: string;
	readonly expected?: string;
	readonly actual?: string;
	readonly location?: { readonly path: string; readonly line: number };
}

export type ContextItem =
	| { readonly kind: 'selection'; readonly path: string; readonly language: string; readonly startLine: number; readonly endLine: number; readonly text: string }
	| { readonly kind: 'file'; readonly path: string; readonly language: string; readonly text: string }
	| { readonly kind: 'problems'; readonly path: string; readonly problems: readonly ContextProblem[] }
	| {
			readonly kind: 'exercise';
			readonly exerciseId: string;
			readonly title: string;
			readonly language: string;
			readonly instructions: string;
			readonly concepts: readonly string[];
			readonly hintsGiven: readonly string[];
			readonly lastResults?: { readonly passed: number; readonly failed: number; readonly failures: readonly ContextFailure[] };
	  }
	| { readonly kind: 'terminal'; readonly text: string };

export function baseName(path: string): string {
	const parts = path.split(/[\\/]/);
	return parts[parts.length - 1] || path;
}

/** The short label of an item's chip: "sum.py:3-9", "Problems (2)", "Exercise: Two Sum". */
export function contextLabel(item: ContextItem): string {
	switch (item.kind) {
		case 'selection':
			return item.startLine === item.endLine ? `${baseName(item.path)}:${item.startLine}` : `${baseName(item.path)}:${item.startLine}-${item.endLine}`;
		case 'file':
			return baseName(item.path);
		case 'problems':
			return `Problems (${item.problems.length})`;
		case 'exercise':
			return `Exercise: ${item.title}`;
		case 'terminal':
			return 'Terminal';
	}
}

/** Limits per item, in characters (≈ 4 per token) or counts. */
export interface ContextCaps {
	readonly selectionChars: number;
	readonly fileChars: number;
	readonly terminalChars: number;
	readonly problems: number;
	readonly instructionsChars: number;
	readonly failures: number;
	/** Per failure message, expected and actual value. */
	readonly failureChars: number;
	readonly hints: number;
}

export const defaultContextCaps: ContextCaps = {
	selectionChars: 8_000,
	fileChars: 16_000,
	terminalChars: 4_000,
	problems: 30,
	instructionsChars: 6_000,
	failures: 8,
	failureChars: 600,
	hints: 10,
};

export function scaleCaps(caps: ContextCaps, factor: number): ContextCaps {
	const s = (n: number, min: number) => Math.max(min, Math.floor(n * factor));
	return {
		selectionChars: s(caps.selectionChars, 400),
		fileChars: s(caps.fileChars, 400),
		terminalChars: s(caps.terminalChars, 300),
		problems: s(caps.problems, 3),
		instructionsChars: s(caps.instructionsChars, 400),
		failures: s(caps.failures, 1),
		failureChars: s(caps.failureChars, 120),
		hints: s(caps.hints, 2),
	};
}

/** A run of consecutive source lines, numbered from `startLine`. */
export interface LineSegment {
	readonly startLine: number;
	readonly lines: readonly string[];
}

/** An item ready to be framed: capped, with its label and, for code, its kept line ranges. */
export interface PreparedContext {
	readonly item: ContextItem;
	readonly label: string;
	/** Selections and files: the lines kept, in order; gaps between segments were left out. */
	readonly segments?: readonly LineSegment[];
	/** Selections and files: the first and last line of the whole text, to mark cuts at either end. */
	readonly lines?: { readonly first: number; readonly last: number };
	/** Set when something was left out, in one sentence. */
	readonly note?: string;
}

/**
 * Caps every item. A file is cut around the lines that matter (selections in it, problems and
 * failing-test locations in it); without any, its beginning is kept.
 */
export function prepareContext(items: readonly ContextItem[], caps: ContextCaps = defaultContextCaps): PreparedContext[] {
	return items.map(item => prepareItem(item, items, caps));
}

function prepareItem(item: ContextItem, all: readonly ContextItem[], caps: ContextCaps): PreparedContext {
	const label = contextLabel(item);
	switch (item.kind) {
		case 'selection': {
			const { segments, omitted } = excerptLines(item.text, { firstLine: item.startLine, focus: [], maxChars: caps.selectionChars });
			const total = splitLines(item.text).length;
			const lines = { first: item.startLine, last: item.startLine + total - 1 };
			return { item, label, segments, lines, note: omitted > 0 ? `${omitted} of the ${total} selected lines were left out to fit.` : undefined };
		}
		case 'file': {
			const focus = focusLines(item.path, all);
			const { segments, omitted } = excerptLines(item.text, { firstLine: 1, focus, maxChars: caps.fileChars });
			const total = splitLines(item.text).length;
			const around = focus.length > 0 ? 'kept the lines around the selection and the errors' : 'kept the beginning';
			return { item, label, segments, lines: { first: 1, last: total }, note: omitted > 0 ? `${omitted} of the file's ${total} lines were left out to fit (${around}).` : undefined };
		}
		case 'problems': {
			if (item.problems.length <= caps.problems) {
				return { item, label };
			}
			const rank = { error: 0, warning: 1, info: 2 } as const;
			const kept = [...item.problems].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line).slice(0, caps.problems);
			return { item: { ...item, problems: kept }, label, note: `${item.problems.length - kept.length} more problems were left out (errors are listed first).` };
		}
		case 'exercise': {
			const notes: string[] = [];
			const instructions = capHead(item.instructions, caps.instructionsChars);
			if (instructions !== item.instructions) {
				notes.push('the end of the instructions');
			}
			const hintsGiven = item.hintsGiven.slice(-caps.hints);
			if (hintsGiven.length < item.hintsGiven.length) {
				notes.push(`${item.hintsGiven.length - hintsGiven.length} earlier hints`);
			}
			let lastResults = item.lastResults;
			if (lastResults) {
				const failures = lastResults.failures.slice(0, caps.failures).map(f => capFailure(f, caps.failureChars));
				if (failures.length < lastResults.failures.length) {
					notes.push(`${lastResults.failures.length - failures.length} more failing tests`);
				}
				lastResults = { ...lastResults, failures };
			}
			const capped = { ...item, instructions, hintsGiven, lastResults };
			return { item: capped, label, note: notes.length > 0 ? `Left out to fit: ${notes.join(', ')}.` : undefined };
		}
		case 'terminal': {
			const text = capTail(item.text, caps.terminalChars);
			if (text === item.text) {
				return { item, label };
			}
			const omitted = splitLines(item.text).length - splitLines(text).length;
			return { item: { ...item, text }, label, note: `The first ${omitted} lines of the terminal output were left out (the end is kept).` };
		}
	}
}

/** Lines of `path` that other items point at: selections in it, its problems, failing tests in it. */
function focusLines(path: string, all: readonly ContextItem[]): number[] {
	const lines: number[] = [];
	const same = (p: string) => normalizePath(p) === normalizePath(path) || (!p.includes('/') && baseName(path) === p);
	for (const other of all) {
		if (other.kind === 'selection' && same(other.path)) {
			for (let l = other.startLine; l <= other.endLine; l++) {
				lines.push(l);
			}
		} else if (other.kind === 'problems' && same(other.path)) {
			lines.push(...other.problems.filter(p => p.severity !== 'info').map(p => p.line));
		} else if (other.kind === 'exercise') {
			for (const f of other.lastResults?.failures ?? []) {
				if (f.location && (same(f.location.path) || normalizePath(path).endsWith(`/${normalizePath(f.location.path)}`))) {
					lines.push(f.location.line);
				}
			}
		}
	}
	return lines;
}

function normalizePath(p: string): string {
	return p.replace(/\\/g, '/');
}

export function splitLines(text: string): string[] {
	const lines = text.split(/\r?\n/);
	// A final newline ends the last line; it does not start an empty one.
	if (lines.length > 1 && lines[lines.length - 1] === '') {
		lines.pop();
	}
	return lines;
}

/**
 * Keeps whole lines within `maxChars`: windows around the focus lines (closest to them first),
 * or the beginning when there is no focus. Lines are numbered from `firstLine`.
 */
export function excerptLines(
	text: string,
	options: { readonly firstLine: number; readonly focus: readonly number[]; readonly maxChars: number },
): { segments: LineSegment[]; omitted: number } {
	const lines = splitLines(text);
	const { firstLine, maxChars } = options;
	const cost = (i: number) => Math.min(lines[i]!.length, 500) + 1;
	let total = 0;
	for (let i = 0; i < lines.length; i++) {
		total += cost(i);
	}
	const keep = new Array<boolean>(lines.length).fill(false);
	if (total <= maxChars) {
		keep.fill(true);
	} else {
		const focus = [...new Set(options.focus.map(l => l - firstLine))].filter(i => i >= 0 && i < lines.length).sort((a, b) => a - b);
		// Rank every line by its distance to the nearest focus line, so each error gets context on both sides.
		const order = focus.length === 0
			? lines.map((_, i) => i)
			: lines.map((_, i) => i).sort((a, b) => distance(a, focus) - distance(b, focus) || a - b);
		let used = 0;
		for (const i of order) {
			if (used + cost(i) > maxChars) {
				break;
			}
			keep[i] = true;
			used += cost(i);
		}
	}
	const segments: LineSegment[] = [];
	let omitted = 0;
	let current: string[] | undefined;
	for (let i = 0; i < lines.length; i++) {
		if (!keep[i]) {
			omitted++;
			current = undefined;
			continue;
		}
		const line = lines[i]!.length > 500 ? `${lines[i]!.slice(0, 500)} …` : lines[i]!;
		if (!current) {
			current = [];
			segments.push({ startLine: firstLine + i, lines: current });
		}
		current.push(line);
	}
	return { segments, omitted };
}

function distance(i: number, sortedFocus: readonly number[]): number {
	let best = Infinity;
	for (const f of sortedFocus) {
		best = Math.min(best, Math.abs(i - f));
	}
	return best;
}

/** The beginning of `text` within `maxChars`, cut at a line end where possible. */
export function capHead(text: string, maxChars: number): string {
	if (text.length <= maxChars) {
		return text;
	}
	const cut = text.lastIndexOf('\n', maxChars);
	return text.slice(0, cut > maxChars / 2 ? cut : maxChars);
}

/** The end of `text` within `maxChars`, cut at a line start where possible. */
export function capTail(text: string, maxChars: number): string {
	if (text.length <= maxChars) {
		return text;
	}
	const start = text.length - maxChars;
	const nl = text.indexOf('\n', start);
	return text.slice(nl >= 0 && nl < start + maxChars / 2 ? nl + 1 : start);
}

function capFailure(f: ContextFailure, maxChars: number): ContextFailure {
	const cap = (s: string | undefined) => (s !== undefined && s.length > maxChars ? `${s.slice(0, maxChars)} …` : s);
	return { ...f, message: cap(f.message), expected: cap(f.expected), actual: cap(f.actual) };
}
