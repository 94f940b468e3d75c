// The kinds of mistake CodeMentor recognises in errors, diagnostics and failing tests, how each is
// named in the Progress view, and the counts of them from the learner's 'error.seen' events. The
// classifier reads the message text people actually see (Python, Node, Pylance, TypeScript, the
// graders' test messages); it is a table of patterns, not a parser, and says undefined when unsure.
import type { ExerciseLanguage } from '../exercises/model';
import type { ProgressEvent } from '../progress/events';

export type ErrorKind =
	| 'none-attribute'
	| 'off-by-one'
	| 'indentation'
	| 'undefined-variable'
	| 'type-mismatch'
	| 'syntax'
	| 'key-error'
	| 'missing-return'
	| 'infinite-loop'
	| 'wrong-result';

export interface ErrorKindInfo {
	readonly label: string;
	/** One line for the Progress view. */
	readonly description: string;
}

export const errorKinds: Readonly<Record<ErrorKind, ErrorKindInfo>> = {
	'none-attribute': { label: 'Using a missing value', description: 'Reading a property of None, undefined or null, often a result that was never returned or set.' },
	'off-by-one': { label: 'Off by one', description: 'An index, range or count that is one too many or one too few.' },
	indentation: { label: 'Indentation', description: 'Lines indented in a way that does not match the block they belong to.' },
	'undefined-variable': { label: 'Undefined name', description: 'Using a variable or function before it is defined, or with a typo in its name.' },
	'type-mismatch': { label: 'Type mismatch', description: 'Combining values of types that do not fit together, or calling something that is not a function.' },
	syntax: { label: 'Syntax', description: 'Code the language cannot read: a missing colon, bracket, quote or operator.' },
	'key-error': { label: 'Missing key', description: 'Looking up a dictionary key that is not there.' },
	'missing-return': { label: 'Missing return', description: 'A function that computes a value but does not return it, so the caller gets None or undefined.' },
	'infinite-loop': { label: 'Loop that never ends', description: 'A loop or recursion without a reachable stopping condition, so the run times out.' },
	'wrong-result': { label: 'Wrong result', description: 'The code runs but returns something other than what the test expects.' },
};

export function isErrorKind(value: unknown): value is ErrorKind {
	return typeof value === 'string' && Object.hasOwn(errorKinds, value);
}

/** The Progress view's name for a kind; events recorded by other versions may carry kinds this one does not know. */
export function errorKindLabel(kind: string): string {
	return isErrorKind(kind) ? errorKinds[kind].label : kind.replace(/[-_]+/g, ' ').replace(/^./, c => c.toUpperCase());
}

export function errorKindDescription(kind: string): string | undefined {
	return isErrorKind(kind) ? errorKinds[kind].description : undefined;
}

export interface ErrorSample {
	readonly message: string;
	/** "IndexError", "TypeError"…; read from the start of `message` when omitted. */
	readonly errorType?: string;
	/** Decides which "nothing" counts as a missing return: None for Python, undefined for JavaScript (both when unknown). */
	readonly language?: ExerciseLanguage;
	/** A diagnostic's source ("Pylance", "ts", "eslint"), or "test" for a failing test's message. */
	readonly source?: string;
	/** A failing test's values, as the grader reports them (TestCaseResult.expected/actual). */
	readonly expected?: string;
	readonly actual?: string;
}

type Rule = readonly [ErrorKind, (s: Normalized) => boolean];

interface Normalized {
	readonly type: string;
	readonly text: string;
	readonly sample: ErrorSample;
}

// Checked in order: the first kind whose test passes wins, so the specific kinds come before the
// broad ones (IndentationError is a SyntaxError; "'NoneType' object is not subscriptable" is a TypeError).
const rules: readonly Rule[] = [
	['infinite-loop', s =>
		/^(?:RecursionError|TimeoutError)$/.test(s.type) ||
		/did not finish within the time limit|maximum recursion depth exceeded|Maximum call stack size exceeded|\btimed? ?out\b|Timeout of \d+ ?ms exceeded|Exceeded timeout of|exceeded the time limit/i.test(s.text)],
	['indentation', s =>
		/^(?:IndentationError|TabError)$/.test(s.type) ||
		/unexpected indent|unindent does not match|expected an indented block|inconsistent use of tabs|Unindent not expected|Expected indented block|Unexpected indentation/i.test(s.text)],
	['none-attribute', s =>
		/'NoneType' object (?:has no attribute|is not subscriptable|is not iterable|is not callable)|Cannot (?:read|set) propert(?:y|ies) of (?:undefined|null)|\b(?:undefined|null) is not (?:an object|iterable)|is not a known (?:attribute|member) of "None"|Object is possibly '(?:undefined|null)'|is possibly '(?:undefined|null)'|Object is possibly 'None'/.test(s.text)],
	['undefined-variable', s =>
		/^(?:NameError|UnboundLocalError|ReferenceError)$/.test(s.type) ||
		/\bis not defined\b|Cannot find name '|referenced before assignment|cannot access local variable|is possibly unbound/.test(s.text)],
	['syntax', s =>
		s.type === 'SyntaxError' ||
		/invalid syntax|Unexpected token|Unexpected identifier|Unexpected end of input|Unexpected string|Unexpected number|was never closed|unterminated string|unmatched '|expected ':'|Missing semicolon|'[;,)}\]]' expected|Expression expected|Declaration or statement expected|Unterminated string literal/.test(s.text)],
	['key-error', s => s.type === 'KeyError'],
	['missing-return', s => missingReturn(s)],
	['off-by-one', s =>
		(/^(?:IndexError|RangeError)$/.test(s.type) || /index out of range|out of bounds/i.test(s.text)) ||
		offByOne(s)],
	['type-mismatch', s =>
		/^(?:TypeError|AttributeError)$/.test(s.type) ||
		/unsupported operand type|can only concatenate|must be (?:str|int|real number), not|is not a function|is not iterable|not supported between instances|object is not callable|object is not subscriptable|is not assignable to (?:type|parameter)|Operator '.+' cannot be applied|invalid literal for int\(\)|could not convert string to float/.test(s.text)],
	['wrong-result', s =>
		s.type === 'AssertionError' ||
		s.sample.expected !== undefined ||
		s.sample.actual !== undefined ||
		/^assert\b|Expected values to be|expect\(.*\)\.|\bExpected: |\bexpected .+ to (?:equal|be|deep)|\bassert(?:ion)? failed|(?:^|\s)!==? /im.test(s.text)],
];

/** The kind of mistake an error message shows, or undefined when it is none of the known kinds. */
export function classifyError(sample: ErrorSample): ErrorKind | undefined {
	const text = sample.message.trim();
	const prefix = /^(?:Uncaught\s+)?([A-Za-z_][\w.]*(?:Error|Exception)|KeyError|StopIteration)(?: \[[\w-]+\])?(?::|$)/m.exec(text);
	const type = (sample.errorType ?? prefix?.[1] ?? '').split('.').pop()!;
	const normalized: Normalized = { type, text, sample };
	return rules.find(([, test]) => test(normalized))?.[0];
}

// ---- expected/actual ---------------------------------------------------------------------------

interface Comparison {
	readonly expected: string;
	readonly actual: string;
	/** False when the message does not say which side is which (unittest's `first != second`). */
	readonly ordered: boolean;
}

/** The two values a failing test compared, from the grader's fields or from the message's usual shapes. */
function comparison(sample: ErrorSample, text: string): Comparison | undefined {
	if (sample.expected !== undefined && sample.actual !== undefined) {
		return { expected: sample.expected, actual: sample.actual, ordered: true };
	}
	const jest = /Expected:\s*(.+)\n\s*Received:\s*(.+)/.exec(text);
	if (jest) {
		return { expected: jest[1].trim(), actual: jest[2].trim(), ordered: true };
	}
	const chai = /expected (.+?) to (?:equal|be|deeply equal|strictly equal) (.+?)$/m.exec(text);
	if (chai) {
		return { expected: chai[2].trim(), actual: chai[1].trim(), ordered: true };
	}
	const pytest = /^assert (.+?) == (.+?)$/m.exec(text);
	if (pytest) {
		return { expected: pytest[2].trim(), actual: pytest[1].trim(), ordered: true };
	}
	// unittest "5 != 6", "Lists differ: [0, 2] != [0, 1]"; node:assert "5 !== 6" (actual first).
	const node = /^(.+?) !== (.+?)$/m.exec(text);
	if (node) {
		return { expected: node[2].trim(), actual: node[1].trim(), ordered: true };
	}
	const unittest = /^(?:AssertionError: )?(?:\w+ differ: )?(.+?) != (.+?)$/m.exec(text);
	if (unittest) {
		return { expected: unittest[2].trim(), actual: unittest[1].trim(), ordered: false };
	}
	return undefined;
}

function nothings(language: ExerciseLanguage | undefined): readonly string[] {
	return language === 'python' ? ['None'] : language === 'javascript' ? ['undefined'] : ['None', 'undefined'];
}

function missingReturn(s: Normalized): boolean {
	const empty = nothings(s.sample.language);
	// Node's deep-equal diff: "+ actual - expected" then "+ undefined".
	if (empty.includes('undefined') && /\+ actual - expected[\s\S]*^\+ undefined$/m.test(s.text)) {
		return true;
	}
	if (empty.includes('None') && /\+\s+where None = /.test(s.text)) {
		return true;
	}
	const c = comparison(s.sample, s.text);
	if (!c) {
		return false;
	}
	const isNothing = (v: string) => empty.includes(v.trim());
	if (c.ordered) {
		return isNothing(c.actual) && !isNothing(c.expected);
	}
	// unittest's assertEqual(result, expected) puts the result first, but not everyone writes it that way.
	return isNothing(c.actual) !== isNothing(c.expected);
}

function offByOne(s: Normalized): boolean {
	const c = comparison(s.sample, s.text);
	if (!c) {
		return false;
	}
	const a = literal(c.actual);
	const b = literal(c.expected);
	if (typeof a === 'number' && typeof b === 'number') {
		return Math.abs(a - b) === 1;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		return listsOffByOne(a, b);
	}
	if (typeof a === 'string' && typeof b === 'string' && c.actual.trim() !== c.expected.trim()) {
		// A slice one character short or long: "hell" for "hello", "ello" for "hello".
		const [short, long] = a.length < b.length ? [a, b] : [b, a];
		return long.length === short.length + 1 && (long.startsWith(short) || long.endsWith(short));
	}
	return false;
}

function listsOffByOne(a: readonly Literal[], b: readonly Literal[]): boolean {
	if (Math.abs(a.length - b.length) === 1) {
		// One element too many or too few at either end: a loop that starts or stops one step off.
		const [short, long] = a.length < b.length ? [a, b] : [b, a];
		return sameList(short, long.slice(1)) || sameList(short, long.slice(0, -1));
	}
	if (a.length === b.length && a.length > 0) {
		// Same shape, shifted by one in one direction where they differ ([0, 2] for [0, 1], [2, 3, 4]
		// for [1, 2, 3]); [2, 1] for [1, 2] is an ordering mistake, not a shift.
		let shift: number | undefined;
		for (let i = 0; i < a.length; i++) {
			const x = a[i];
			const y = b[i];
			if (x === y) {
				continue;
			}
			if (typeof x !== 'number' || typeof y !== 'number' || Math.abs(x - y) !== 1 || (shift !== undefined && x - y !== shift)) {
				return false;
			}
			shift = x - y;
		}
		return shift !== undefined;
	}
	return false;
}

function sameList(a: readonly Literal[], b: readonly Literal[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

type Literal = number | string | readonly Literal[];

/**
 * A number, a quoted string, or a flat list of them, as Python's repr and Node's inspect print them.
 * Anything else (dicts, objects, nested lists) comes back as its raw text, which compares as a string
 * only when quoted, so it never looks off by one.
 */
function literal(text: string): Literal | undefined {
	const t = text.trim();
	if (/^-?\d+(?:\.\d+)?$/.test(t)) {
		return Number(t);
	}
	const quoted = /^(['"`])(.*)\1$/s.exec(t);
	if (quoted) {
		return quoted[2];
	}
	const list = /^\[(.*)\]$/s.exec(t);
	if (list) {
		const inner = list[1].trim();
		if (inner === '') {
			return [];
		}
		if (/[[\]{}()]/.test(inner)) {
			return undefined;
		}
		// Unquoted non-numbers (None, True, names) keep their text behind a marker, so they compare
		// equal to themselves but never to the quoted string of the same text.
		return splitItems(inner).map(item => literal(item) ?? `\u0000${item.trim()}`);
	}
	return undefined;
}

function splitItems(inner: string): string[] {
	const items: string[] = [];
	let current = '';
	let quote: string | undefined;
	for (const ch of inner) {
		if (quote) {
			current += ch;
			if (ch === quote) {
				quote = undefined;
			}
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			current += ch;
		} else if (ch === ',') {
			items.push(current);
			current = '';
		} else {
			current += ch;
		}
	}
	items.push(current);
	return items;
}

// ---- counts for the Progress view --------------------------------------------------------------

export interface ErrorPatternCount {
	readonly kind: string;
	readonly count: number;
	/** ISO timestamp of the most recent occurrence. */
	readonly lastAt: string;
}

/** How often each kind was seen, most frequent first (ties: most recent first). */
export function countErrorPatterns(events: readonly ProgressEvent[]): ErrorPatternCount[] {
	const byKind = new Map<string, { count: number; lastAt: string; lastMs: number }>();
	for (const event of events) {
		if (event.type !== 'error.seen') {
			continue;
		}
		const ms = Date.parse(event.at);
		const entry = byKind.get(event.kind);
		if (!entry) {
			byKind.set(event.kind, { count: 1, lastAt: event.at, lastMs: ms });
			continue;
		}
		entry.count++;
		// Timestamps carry offsets, so compare instants rather than strings.
		if (ms > entry.lastMs || Number.isNaN(entry.lastMs)) {
			entry.lastAt = event.at;
			entry.lastMs = ms;
		}
	}
	return [...byKind]
		.sort(([ka, a], [kb, b]) => b.count - a.count || (b.lastMs || 0) - (a.lastMs || 0) || ka.localeCompare(kb))
		.map(([kind, { count, lastAt }]) => ({ kind, count, lastAt }));
}

/** The kinds seen at least `min` times: the habits worth a study suggestion. */
export function recurringPatterns(counts: readonly ErrorPatternCount[], min = 3): ErrorPatternCount[] {
	return counts.filter(c => c.count >= min);
}
