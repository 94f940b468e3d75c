// The tutor's solution-leak guard: in Guide mode the tutor must not hand the learner the exercise's
// solution, so every code block of an answer is compared with the reference solution before it is
// shown. Owns the code normaliser (a small tokenizer for Python and JavaScript), the MOSS-style
// k-gram fingerprints, the reference index, and the streaming filter that holds fenced code until
// it has been checked while prose streams through untouched.
//
// How a match is scored: the reference files are cut into normalised tokens (names replaced by
// placeholders, layout, comments and quote style dropped), every run of k tokens is hashed and
// winnowed into fingerprints, and fingerprints that also occur in the starter files or the tests are
// removed: quoting those back is not a leak. A candidate's score is the share of the remaining
// (solution-specific) fingerprints found among its own k-grams, over the whole reference and, for
// partial answers, over each reference function on its own; the higher one counts.
import type { ExerciseFile, ExerciseLanguage } from '../exercises/model';

/** What the guard compares against: one exercise's files. */
export interface LeakReference {
	readonly language: ExerciseLanguage;
	readonly referenceFiles: readonly ExerciseFile[];
	readonly starterFiles: readonly ExerciseFile[];
	readonly testFiles: readonly ExerciseFile[];
}

export interface LeakVerdict {
	/** True when the code should be withheld. */
	readonly leak: boolean;
	/** 0..1: the share of the solution-specific fingerprints the candidate contains (best of whole and per function). */
	readonly score: number;
	/** Set when `leak`: what matched, for logs and the notice. */
	readonly reason?: string;
}

export interface LeakGuardOptions {
	/** Score at or above which code is withheld. */
	readonly threshold?: number;
	/** Tokens per k-gram. */
	readonly k?: number;
	/** Winnowing window, in k-grams. */
	readonly window?: number;
	/** A reference function counts on its own only with at least this many solution-specific fingerprints. */
	readonly minFunctionFingerprints?: number;
}

/** Tuned on test/fixtures/leak/cases.json (see test/unit/tutor/leakGuard.test.ts). */
export const defaultLeakOptions: Required<LeakGuardOptions> = { threshold: 0.35, k: 6, window: 3, minFunctionFingerprints: 6 };

/** A checker for one reference, built once (about a millisecond) and reused for every answer. */
export interface LeakIndex {
	readonly language: ExerciseLanguage;
	/** Number of solution-specific fingerprints; 0 means nothing can leak (the solution is all starter code). */
	readonly size: number;
	check(code: string): LeakVerdict;
}

// ---- tokenizer ------------------------------------------------------------------------------------

/** `kw`: a language keyword; `builtin`: a kept name (`len`, `Math`, `.push`); `id`: any other name. */
type TokenKind = 'id' | 'kw' | 'builtin' | 'str' | 'num' | 'punct';

interface Token {
	text: string;
	kind: TokenKind;
	/** Python: first token of a logical line. */
	lineStart: boolean;
	/** Python: indentation (columns) of the logical line the token is on. */
	indent: number;
}

const pythonKeywords = new Set(
	('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
		'lambda nonlocal not or pass raise return try while with yield self cls').split(' '),
);
const pythonGlobals = new Set(
	('abs all any bool bytes callable chr dict dir divmod enumerate filter float format frozenset getattr hasattr hash hex id input int ' +
		'isinstance issubclass iter len list map max min next object open ord pow print property range repr reversed round set setattr ' +
		'slice sorted staticmethod classmethod str sum super tuple type vars zip Exception ValueError TypeError KeyError IndexError ' +
		'ZeroDivisionError StopIteration RuntimeError NotImplementedError NotImplemented AttributeError ArithmeticError ' +
		'math re collections functools itertools string Counter defaultdict deque namedtuple OrderedDict').split(' '),
);
const pythonMethods = new Set(
	('append extend insert pop remove clear copy count index sort reverse keys values items get setdefault update add discard union ' +
		'intersection difference issubset issuperset lower upper strip lstrip rstrip split rsplit join replace startswith endswith find rfind ' +
		'isdigit isalpha isalnum isspace isupper islower title capitalize casefold encode decode splitlines zfill ljust rjust center ' +
		'findall finditer compile match search sub fullmatch group groups gcd sqrt floor ceil isfinite isnan inf pi wraps reduce partial ' +
		'most_common popleft appendleft format').split(' '),
);
const jsKeywords = new Set(
	('break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof ' +
		'let new return super switch this throw try typeof var void while with yield async await of get set static null undefined true false ' +
		'NaN Infinity arguments').split(' '),
);
const jsGlobals = new Set(
	('Math Array Object JSON Number String Boolean Symbol Set Map WeakMap WeakSet Promise Date RegExp Error TypeError RangeError ' +
		'SyntaxError console parseInt parseFloat isNaN isFinite BigInt globalThis Reflect Proxy Intl structuredClone setTimeout ' +
		'clearTimeout require module exports').split(' '),
);
const jsMethods = new Set(
	('push pop shift unshift slice splice concat join reverse sort toSorted indexOf lastIndexOf includes find findIndex findLast filter ' +
		'map reduce reduceRight forEach some every flat flatMap fill keys values entries from of isArray length size has get set add ' +
		'delete clear toLowerCase toUpperCase trim trimStart trimEnd split replace replaceAll startsWith endsWith charAt charCodeAt ' +
		'codePointAt padStart padEnd repeat match matchAll test exec localeCompare toString toFixed floor ceil round abs max min sqrt pow ' +
		'random sign trunc hasOwn assign freeze log error then catch finally resolve reject call apply bind iterator prototype isInteger ' +
		'isFinite at next done value name message').split(' '),
);

const pythonPunct = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];
const jsPunct = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];
/** Multi-character punctuators by their first character, longest first. */
const byFirstChar = (list: readonly string[]) => {
	const map = new Map<string, string[]>();
	for (const p of [...list].sort((a, b) => b.length - a.length)) {
		map.set(p[0]!, [...(map.get(p[0]!) ?? []), p]);
	}
	return map;
};
const pythonPunctByChar = byFirstChar(pythonPunct);
const jsPunctByChar = byFirstChar(jsPunct);
// After these a `/` starts a regular expression, not a division.
const regexAfterKeyword = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

const identStartRe = /[\p{ID_Start}_$]/u;
const identPartRe = /[\p{ID_Continue}$\u200c\u200d]/u;
// ASCII first: the Unicode property classes are slow, and nearly all code is ASCII.
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$' || (c > '\x7f' && identStartRe.test(c));
const isIdentPart = (c: string) => isIdentStart(c) || (c >= '0' && c <= '9') || (c > '\x7f' && identPartRe.test(c));
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const numberAt = /(?:0[xXoObB][\da-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJn]?)/y;

/** A hand-written lexer for both languages; tolerant of prose and broken code (unknown characters become one-character tokens). */
class Lexer {
	private i = 0;
	private depth = 0; // Python: open brackets; newlines inside them are not line breaks
	private atLineStart = true;
	private indent = 0;
	readonly tokens: Token[] = [];

	constructor(
		private readonly src: string,
		private readonly python: boolean,
	) {}

	run(): Token[] {
		this.lex(false);
		return this.tokens;
	}

	private push(text: string, kind: TokenKind): void {
		this.tokens.push({ text, kind, lineStart: this.atLineStart, indent: this.indent });
		this.atLineStart = false;
	}

	/** Lexes until the end, or (inside a template or f-string substitution) until the `}` that closes it. */
	private lex(untilBrace: boolean): void {
		const { src, python } = this;
		let braces = 0;
		while (this.i < src.length) {
			const c = src[this.i]!;
			if (c === '\n') {
				this.i++;
				if (!python || this.depth === 0) {
					this.startLine();
				}
				continue;
			}
			if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
				this.i++;
				continue;
			}
			if (c === '\\' && python && src[this.i + 1] === '\n') {
				this.i += 2; // explicit line continuation
				continue;
			}
			if (python ? c === '#' : c === '/' && src[this.i + 1] === '/') {
				this.skipLine();
				continue;
			}
			if (!python && c === '/' && src[this.i + 1] === '*') {
				const end = src.indexOf('*/', this.i + 2);
				this.i = end === -1 ? src.length : end + 2;
				continue;
			}
			if (!python && c === '#' && src[this.i + 1] === '!' && this.i === 0) {
				this.skipLine();
				continue;
			}
			if (untilBrace) {
				if (c === '{') {
					braces++;
				} else if (c === '}') {
					if (braces === 0) {
						this.i++;
						return;
					}
					braces--;
				}
			}
			if (c === '"' || c === "'" || (c === '`' && !python)) {
				this.string('', c);
				continue;
			}
			if (isIdentStart(c) || (!python && c === '#' && isIdentStart(src[this.i + 1] ?? ''))) {
				const start = this.i;
				this.i++;
				while (this.i < src.length && isIdentPart(src[this.i]!)) {
					this.i++;
				}
				const word = src.slice(start, this.i);
				const q = src[this.i];
				if (python && (q === '"' || q === "'") && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(word)) {
					this.string(word.toLowerCase(), q);
					continue;
				}
				this.word(word);
				continue;
			}
			if (isDigit(c) || (c === '.' && isDigit(src[this.i + 1]))) {
				numberAt.lastIndex = this.i;
				const m = numberAt.exec(src);
				const text = m ? m[0] : c;
				this.i += text.length;
				this.push(text.replace(/_/g, '').toLowerCase(), 'num');
				continue;
			}
			if (!python && c === '/' && this.regexAllowed() && this.regex()) {
				continue;
			}
			const punct = (python ? pythonPunctByChar : jsPunctByChar).get(c)?.find(p => src.startsWith(p, this.i)) ?? c;
			this.i += punct.length;
			if (python) {
				if ('([{'.includes(punct)) {
					this.depth++;
				} else if (')]}'.includes(punct) && this.depth > 0) {
					this.depth--;
				}
			}
			this.push(punct, 'punct');
		}
	}

	private startLine(): void {
		this.atLineStart = true;
		let j = this.i;
		let columns = 0;
		while (j < this.src.length && (this.src[j] === ' ' || this.src[j] === '\t')) {
			columns += this.src[j] === '\t' ? 8 - (columns % 8) : 1;
			j++;
		}
		this.indent = columns;
	}

	private skipLine(): void {
		const end = this.src.indexOf('\n', this.i);
		this.i = end === -1 ? this.src.length : end;
	}

	private word(word: string): void {
		const { python } = this;
		const last = this.tokens[this.tokens.length - 1];
		const afterDot = last?.text === '.' || last?.text === '?.';
		const keyword = python ? pythonKeywords.has(word) : jsKeywords.has(word);
		const known = afterDot ? (python ? pythonMethods : jsMethods).has(word) : (python ? pythonGlobals : jsGlobals).has(word);
		this.push(word, keyword ? 'kw' : known || (python && /^__\w+__$/.test(word)) ? 'builtin' : 'id');
	}

	private regexAllowed(): boolean {
		const last = this.tokens[this.tokens.length - 1];
		if (!last) {
			return true;
		}
		if (last.kind === 'punct') {
			return !(last.text === ')' || last.text === ']' || last.text === '}' || last.text === '++' || last.text === '--');
		}
		return last.kind === 'kw' && regexAfterKeyword.has(last.text);
	}

	/** A regular-expression literal; false (nothing consumed) when the line has no closing slash. */
	private regex(): boolean {
		const { src } = this;
		let j = this.i + 1;
		let inClass = false;
		while (j < src.length && src[j] !== '\n') {
			const c = src[j]!;
			if (c === '\\') {
				j += 2;
				continue;
			}
			if (c === '[') {
				inClass = true;
			} else if (c === ']') {
				inClass = false;
			} else if (c === '/' && !inClass) {
				j++;
				while (j < src.length && /[a-z]/i.test(src[j]!)) {
					j++;
				}
				this.push(src.slice(this.i, j), 'str');
				this.i = j;
				return true;
			}
			j++;
		}
		return false;
	}

	/**
	 * A string literal at `this.i` (the opening quote). Its text becomes one token in a canonical
	 * quote style; substitutions of f-strings and template literals are lexed as code between a head
	 * and a tail token, so renaming a variable inside them changes nothing.
	 */
	private string(prefix: string, quote: string): void {
		const { src } = this;
		const triple = this.python && src.startsWith(quote.repeat(3), this.i);
		const close = triple ? quote.repeat(3) : quote;
		const raw = prefix.includes('r');
		const interpolated = quote === '`' || prefix.includes('f');
		const marker = prefix.replace(/[ru]/g, ''); // 'f', 'b' or ''
		this.i += close.length;
		let text = '';
		let parts = 0;
		while (this.i < src.length) {
			const c = src[this.i]!;
			if (src.startsWith(close, this.i)) {
				this.i += close.length;
				break;
			}
			if (c === '\n' && !triple && quote !== '`') {
				break; // an unterminated string ends with its line (prose apostrophes, broken code)
			}
			if (c === '\\' && !raw) {
				const next = src[this.i + 1] ?? '';
				text += next === '"' || next === "'" || next === '`' ? next : c + next;
				this.i += 2;
				continue;
			}
			if (interpolated) {
				const opens = quote === '`' ? c === '$' && src[this.i + 1] === '{' : c === '{' && src[this.i + 1] !== '{';
				if (quote !== '`' && (c === '{' || c === '}') && src[this.i + 1] === c) {
					text += c;
					this.i += 2;
					continue;
				}
				if (opens) {
					this.push(`${parts === 0 ? marker + '"' : '}'}${text}\${`, 'str');
					parts++;
					text = '';
					this.i += quote === '`' ? 2 : 1;
					const depth = this.depth;
					this.lex(true);
					this.depth = depth;
					continue;
				}
			}
			text += c;
			this.i++;
		}
		this.push(`${parts === 0 ? marker + '"' : '}'}${text}"`, 'str');
	}
}

/** Tokens after the layout-independent rewrites; identifiers still carry their names. */
function tokenize(code: string, language: ExerciseLanguage): Token[] {
	const python = language === 'python';
	const raw = new Lexer(code, python).run();
	const out: Token[] = [];
	// Formatters add and remove redundant parentheses, so grouping parentheses (not after a name or
	// a closing bracket: not a call) are dropped with their partner; call parentheses stay.
	const dropped: boolean[] = [];
	for (let i = 0; i < raw.length; i++) {
		const t = raw[i]!;
		const next = raw[i + 1];
		// A string that is a whole logical line is a docstring (or a no-op): documentation, not code.
		if (python && t.kind === 'str' && t.lineStart && !t.text.startsWith('f') && (!next || next.lineStart)) {
			continue;
		}
		if (t.text === ';' || (t.text === ',' && next && (next.text === ')' || next.text === ']' || next.text === '}'))) {
			continue;
		}
		if (!python) {
			if (t.text === 'export') {
				continue;
			}
			if (t.text === 'const' || t.text === 'var') {
				t.text = 'let';
			}
		}
		if (t.text === '(') {
			const prev = out[out.length - 1];
			const grouping = !prev || prev.kind === 'kw' || (prev.kind === 'punct' && prev.text !== ')' && prev.text !== ']');
			dropped.push(grouping);
			if (grouping) {
				if (t.lineStart && next) {
					next.lineStart = true; // the line now starts at the next token
				}
				continue;
			}
		} else if (t.text === ')' && dropped.pop()) {
			continue;
		}
		out.push(t);
	}
	return out;
}

/**
 * The code as a token stream that ignores names, layout, comments, docstrings, quote style and
 * trailing commas/semicolons: identifiers become `$1`, `$2`, … in order of first occurrence, while
 * keywords and common builtins (`len`, `range`, `Math`, `.push`, …) stay as they are.
 */
export function normalizeCode(code: string, language: ExerciseLanguage): string[] {
	const names = new Map<string, string>();
	return tokenize(code, language).map(t => {
		if (t.kind !== 'id') {
			return t.text;
		}
		let placeholder = names.get(t.text);
		if (placeholder === undefined) {
			placeholder = `$${names.size + 1}`;
			names.set(t.text, placeholder);
		}
		return placeholder;
	});
}

// ---- fingerprints ---------------------------------------------------------------------------------

interface Grams {
	/** 53-bit hash of each k-gram, by start token. */
	readonly hashes: Float64Array;
}

function fnv(text: string, seed: number): number {
	let h = seed;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	}
	return h;
}

/**
 * Hashes every k-gram. Identifiers are numbered by first occurrence *within the gram*, so a gram
 * matches whatever the names are and wherever in the code a partial quote starts.
 */
function kGrams(tokens: readonly Token[], k: number): Grams {
	const n = tokens.length;
	const ids = new Int32Array(n);
	const h1 = new Int32Array(n);
	const h2 = new Int32Array(n);
	const names = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		const t = tokens[i]!;
		if (t.kind === 'id') {
			let id = names.get(t.text);
			if (id === undefined) {
				id = names.size;
				names.set(t.text, id);
			}
			ids[i] = id;
		} else {
			ids[i] = -1;
			h1[i] = fnv(t.text, 0x811c9dc5);
			h2[i] = fnv(t.text, 0x01000193);
		}
	}
	const count = Math.max(0, n - k + 1);
	const hashes = new Float64Array(count);
	const local: number[] = [];
	for (let s = 0; s < count; s++) {
		let a = 0x811c9dc5;
		let b = 0x2545f491;
		local.length = 0;
		for (let j = s; j < s + k; j++) {
			let x1: number;
			let x2: number;
			if (ids[j]! >= 0) {
				let slot = local.indexOf(ids[j]!);
				if (slot === -1) {
					slot = local.length;
					local.push(ids[j]!);
				}
				x1 = 0x9e3779b1 + slot;
				x2 = 0x7f4a7c15 ^ slot;
			} else {
				x1 = h1[j]!;
				x2 = h2[j]!;
			}
			a = Math.imul(a ^ x1, 16777619);
			a ^= a >>> 13;
			b = Math.imul(b ^ x2, 0x5bd1e995);
			b ^= b >>> 15;
		}
		hashes[s] = (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
	}
	return { hashes };
}

/** MOSS winnowing: the minimum hash of every window of `w` grams (rightmost on ties), as start positions. */
function winnow(hashes: Float64Array, w: number): number[] {
	const picked: number[] = [];
	if (hashes.length === 0) {
		return picked;
	}
	const width = Math.min(w, hashes.length);
	let last = -1;
	for (let start = 0; start + width <= hashes.length; start++) {
		let min = start;
		for (let j = start + 1; j < start + width; j++) {
			if (hashes[j]! <= hashes[min]!) {
				min = j;
			}
		}
		if (min !== last) {
			picked.push(min);
			last = min;
		}
	}
	return picked;
}

interface Unit {
	readonly name: string;
	readonly fingerprints: readonly number[];
}

/** Token ranges [start, end) of function bodies: Python `def` blocks; JavaScript function, method and arrow bodies. */
function functionBodies(tokens: readonly Token[], python: boolean): { name: string; start: number; end: number }[] {
	const bodies: { name: string; start: number; end: number }[] = [];
	if (python) {
		for (let i = 0; i < tokens.length; i++) {
			if (tokens[i]!.text !== 'def') {
				continue;
			}
			const name = tokens[i + 1]?.text ?? '?';
			let depth = 0;
			let j = i + 1;
			for (; j < tokens.length; j++) {
				const t = tokens[j]!.text;
				if (t === '(' || t === '[' || t === '{') {
					depth++;
				} else if (t === ')' || t === ']' || t === '}') {
					depth--;
				} else if (t === ':' && depth === 0) {
					break;
				}
			}
			const start = j + 1;
			let end = start;
			while (end < tokens.length && !(end > start && tokens[end]!.lineStart && tokens[end]!.indent <= tokens[i]!.indent)) {
				end++;
			}
			bodies.push({ name, start, end });
		}
		return bodies;
	}
	const control = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
	const stack: number[] = [];
	const open = new Map<number, number>(); // '(' → its ')'
	const closeOf = new Map<number, number>(); // ')' → its '('
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!.text;
		if (t === '(' || t === '[' || t === '{') {
			stack.push(i);
		} else if ((t === ')' || t === ']' || t === '}') && stack.length > 0) {
			const o = stack.pop()!;
			open.set(o, i);
			closeOf.set(i, o);
		}
	}
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i]!.text !== '{' || !open.has(i)) {
			continue;
		}
		const prev = tokens[i - 1];
		let name: string | undefined;
		if (prev?.text === '=>') {
			name = 'arrow function';
		} else if (prev?.text === ')' && closeOf.has(i - 1)) {
			const before = tokens[closeOf.get(i - 1)! - 1];
			if (before && !control.has(before.text) && (before.kind !== 'punct' || before.text === ']')) {
				name = before.text === 'function' ? 'function' : before.text;
			}
		}
		if (name !== undefined) {
			bodies.push({ name, start: i + 1, end: open.get(i)! });
		}
	}
	return bodies;
}

function allGrams(code: string, language: ExerciseLanguage, k: number): Float64Array {
	return kGrams(tokenize(code, language), k).hashes;
}

class Index implements LeakIndex {
	readonly size: number;

	constructor(
		readonly language: ExerciseLanguage,
		private readonly all: readonly number[],
		private readonly units: readonly Unit[],
		private readonly options: Required<LeakGuardOptions>,
	) {
		this.size = all.length;
	}

	check(code: string): LeakVerdict {
		return this.score(new Set(allGrams(code, this.language, this.options.k)));
	}

	/** The verdict for a candidate given as its set of k-gram hashes. */
	score(candidate: ReadonlySet<number>): LeakVerdict {
		if (this.all.length === 0 || candidate.size === 0) {
			return { leak: false, score: 0 };
		}
		const share = (fingerprints: readonly number[]) => {
			let found = 0;
			for (const f of fingerprints) {
				if (candidate.has(f)) {
					found++;
				}
			}
			return found / fingerprints.length;
		};
		let best = share(this.all);
		let bestUnit: string | undefined;
		for (const unit of this.units) {
			const s = share(unit.fingerprints);
			if (s > best) {
				best = s;
				bestUnit = unit.name;
			}
		}
		const score = Math.round(best * 1000) / 1000;
		if (score < this.options.threshold) {
			return { leak: false, score };
		}
		const percent = `${Math.round(score * 100)}%`;
		return {
			leak: true,
			score,
			reason: bestUnit === undefined ? `matches ${percent} of the reference solution` : `matches ${percent} of the reference solution's ${bestUnit}`,
		};
	}

	withHashes(code: string): Float64Array {
		return allGrams(code, this.language, this.options.k);
	}
}

/** Builds the fingerprint index of one exercise's reference solution. */
export function createLeakIndex(reference: LeakReference, options: LeakGuardOptions = {}): LeakIndex {
	return buildIndex(reference, { ...defaultLeakOptions, ...options }, []);
}

function buildIndex(reference: LeakReference, options: Required<LeakGuardOptions>, shown: readonly string[]): Index {
	const { language } = reference;
	const { k, window } = options;
	const quoted = new Set<number>();
	for (const text of [...reference.starterFiles.map(f => f.content), ...reference.testFiles.map(f => f.content), ...shown]) {
		for (const h of allGrams(text, language, k)) {
			quoted.add(h);
		}
	}
	const all = new Set<number>();
	const units: Unit[] = [];
	for (const file of reference.referenceFiles) {
		const tokens = tokenize(file.content, language);
		const { hashes } = kGrams(tokens, k);
		const picked = winnow(hashes, window).filter(p => !quoted.has(hashes[p]!));
		for (const p of picked) {
			all.add(hashes[p]!);
		}
		for (const body of functionBodies(tokens, language === 'python')) {
			const fingerprints = new Set(picked.filter(p => p >= body.start && p + k <= body.end).map(p => hashes[p]!));
			if (fingerprints.size >= options.minFunctionFingerprints) {
				units.push({ name: body.name === 'function' || body.name === 'arrow function' ? `${body.name} body` : `${body.name}()`, fingerprints: [...fingerprints] });
			}
		}
	}
	return new Index(language, [...all], units, options);
}

// ---- streaming filter -----------------------------------------------------------------------------

export type LeakSegment =
	| {
			readonly kind: 'text';
			readonly text: string;
			/**
			 * Only on the last segment of end(), with `text` empty, when the prose already shown
			 * contained the solution without fences: the UI should retract the answer.
			 */
			readonly verdict?: LeakVerdict;
	  }
	| {
			readonly kind: 'code';
			/** First word of the fence's info string ('' when none). */
			readonly language: string;
			readonly code: string;
			/** The opening fence marker, e.g. "```" or "~~~~", to render the block as it was written. */
			readonly fence: string;
			readonly verdict: LeakVerdict;
	  };

export interface LeakFilter {
	/** Feeds the next chunk of the answer; returns what can be shown now. */
	push(chunk: string): LeakSegment[];
	/** The answer is complete: flushes held text and an unterminated code block, then checks the prose. */
	end(): LeakSegment[];
}

export interface LeakFilterOptions extends LeakGuardOptions {
	readonly reference: LeakReference;
	/** Code the learner already has (their current files): quoting it back is not a leak. */
	readonly shown?: readonly string[];
}

const fenceOpen = /^[ \t]*(`{3,}(?=[^`]*$)|~{3,})[ \t]*(.*)$/;
// While a line is being typed: could it still turn into a fence opener?
const mayBecomeFence = /^[ \t]*(?:`{0,2}|~{0,2}|`{3,}[^`]*|~{3,}.*)$/;

const indexCache = new WeakMap<LeakReference, Map<string, Index>>();

function cachedIndex(reference: LeakReference, options: Required<LeakGuardOptions>, shown: readonly string[]): Index {
	if (shown.length > 0) {
		return buildIndex(reference, options, shown);
	}
	const key = `${options.k}/${options.window}/${options.minFunctionFingerprints}/${options.threshold}`;
	let byOptions = indexCache.get(reference);
	if (!byOptions) {
		byOptions = new Map();
		indexCache.set(reference, byOptions);
	}
	let index = byOptions.get(key);
	if (!index) {
		index = buildIndex(reference, options, shown);
		byOptions.set(key, index);
	}
	return index;
}

/**
 * The Guide-mode filter over a streamed answer. Prose outside code fences is released as soon as it
 * arrives (only a line that may still become a fence marker waits for its end); a fenced code block
 * (``` or ~~~, three or more, any info string, indented or not) is held until its closing fence and
 * then released with its verdict. Code blocks are also checked together with the earlier blocks
 * that were shown, so a solution split over several blocks is caught at the block that completes it.
 * Prose cannot be held back once shown; end() checks it as code and reports a leak after the fact.
 */
export function createLeakFilter(options: LeakFilterOptions): LeakFilter {
	const settings = { ...defaultLeakOptions, ...options };
	const index = cachedIndex(options.reference, settings, options.shown ?? []);
	let buffer = '';
	let midLine = false; // part of the current line was released already, so it cannot be a fence
	let block: { fence: string; language: string; lines: string[] } | undefined;
	const shownCode = new Set<number>();
	const prose: string[] = [];

	const emitText = (out: LeakSegment[], text: string) => {
		if (text === '') {
			return;
		}
		prose.push(text);
		const last = out[out.length - 1];
		if (last?.kind === 'text' && last.verdict === undefined) {
			out[out.length - 1] = { kind: 'text', text: last.text + text };
		} else {
			out.push({ kind: 'text', text });
		}
	};

	const emitCode = (out: LeakSegment[], open: NonNullable<typeof block>, trailing: string) => {
		const code = (open.lines.join('') + trailing).replace(/\r?\n$/, '');
		const hashes = index.withHashes(code);
		let verdict = index.score(new Set(hashes));
		if (!verdict.leak && shownCode.size > 0) {
			const together = index.score(new Set([...shownCode, ...hashes]));
			if (together.leak) {
				verdict = { ...together, reason: `${together.reason} together with the code shown before it` };
			}
		}
		if (!verdict.leak) {
			for (const h of hashes) {
				shownCode.add(h);
			}
		}
		out.push({ kind: 'code', language: open.language, code, fence: open.fence, verdict });
	};

	const line = (out: LeakSegment[], text: string) => {
		const bare = text.replace(/\r?\n$/, '');
		if (block) {
			const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(bare);
			if (close && close[1]![0] === block.fence[0] && close[1]!.length >= block.fence.length) {
				emitCode(out, block, '');
				block = undefined;
			} else {
				block.lines.push(text);
			}
			return;
		}
		const open = midLine ? null : fenceOpen.exec(bare);
		midLine = false;
		if (open) {
			block = { fence: open[1]!, language: open[2]!.trim().split(/\s+/)[0]!.replace(/^\{?\.?/, '').replace(/\}$/, ''), lines: [] };
		} else {
			emitText(out, text);
		}
	};

	return {
		push(chunk) {
			const out: LeakSegment[] = [];
			buffer += chunk;
			let nl: number;
			while ((nl = buffer.indexOf('\n')) !== -1) {
				line(out, buffer.slice(0, nl + 1));
				buffer = buffer.slice(nl + 1);
			}
			if (!block && buffer !== '' && (midLine || !mayBecomeFence.test(buffer))) {
				emitText(out, buffer);
				buffer = '';
				midLine = true;
			}
			return out;
		},
		end() {
			const out: LeakSegment[] = [];
			if (buffer !== '') {
				const rest = buffer;
				buffer = '';
				if (block) {
					block.lines.push(rest);
				} else {
					line(out, rest);
				}
			}
			if (block) {
				emitCode(out, block, ''); // unterminated: the answer ended inside the block
				block = undefined;
			}
			const text = prose
				.join('')
				.replace(/`/g, ' ')
				.replace(/(\p{L})['’](\p{L})/gu, '$1$2');
			const hashes = index.withHashes(text);
			if (hashes.length > 0) {
				const verdict = index.score(new Set([...shownCode, ...hashes]));
				if (verdict.leak) {
					out.push({ kind: 'text', text: '', verdict: { ...verdict, reason: `the answer's text ${verdict.reason} (code written without a fence)` } });
				}
			}
			return out;
		},
	};
}

/**
 * One sentence for the learner in place of what was withheld: a code block, or (for the verdict
 * end() puts on prose) the answer.
 */
export function withheldNotice(verdict: LeakVerdict, what: 'code block' | 'answer' = 'code block'): string {
	const closeness = verdict.score >= 0.9 ? "almost exactly the exercise's solution" : "very close to the exercise's solution";
	return `I held back this ${what} because it is ${closeness}, and working it out yourself is the point of the exercise: ask me for the next hint if you are stuck.`;
}
