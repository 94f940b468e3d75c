// Incremental rendering of one markdown part while it streams. The text is split into top-level
// blocks, each shown in an element of its own. Blocks that can no longer change are settled: their
// elements are never touched again. Only the unsettled tail (usually one block) is parsed again per
// update, and even then the common case (text added to the last paragraph, heading, list item or
// cell) only replaces the inline pieces that changed; plain words typed at the end of such a line
// are added to its last text node without parsing at all; an open code fence only appends to a
// text node. Updates are batched into animation frames.
//
// A block settles once the next top-level block starts on a complete line: markdown decides block
// structure line by line, so text appended later can extend or split the last block but not reach
// back past a line that already started a new one. (A partial line can: "#" starts a heading,
// "#tag" continues the paragraph above.) The one known difference from rendering the whole text at
// once: a reference-style link defined after the block that uses it stays literal.
import type { Token } from 'markdown-it';
import type { InlineGroup, MarkdownEnv, MarkdownRenderer } from './markdown';
import { fenceLanguage } from './markdown';

export interface StreamRendererOptions {
	readonly markdown: MarkdownRenderer;
	/** Adjusts a rendered block (code toolbars, diagrams); final is false while it may still grow. May run again with final set. */
	readonly decorate?: (block: HTMLElement, final: boolean) => void;
	/** Runs `flush` before the next paint. Default: requestAnimationFrame. */
	readonly schedule?: (flush: () => void) => void;
	/** After each DOM update (the message list keeps itself scrolled to the end). */
	readonly onRender?: () => void;
}

/** One shown block of the tail, remembered so the next update can change only what differs. */
interface BlockView {
	readonly element: HTMLElement;
	/** Each token's HTML piece; empty for an open fence, which is not rendered from tokens. */
	pieces: readonly string[];
	/** The pieces with the patchable inline content left out. */
	readonly frame: readonly string[];
	/** Index of the inline token whose content is patched in place, -1 when there is none. */
	readonly inline: number;
	/** The element holding that content, and its groups with the nodes each became. */
	readonly host: Element | undefined;
	readonly groups: { html: string; readonly nodes: ChildNode[]; text?: string }[];
	final: boolean;
	/** Set for an open code fence shown by appending to a text node. */
	readonly fence?: OpenFence;
}

interface OpenFence {
	readonly bodyStart: number;
	readonly info: string;
	readonly text: Text;
	length: number;
}

export class StreamRenderer {
	readonly element: HTMLElement;
	private head = '';
	private tail = '';
	private readonly settled: HTMLElement[] = [];
	private views: BlockView[] = [];
	/** How much of the tail the views show. */
	private shown = 0;
	private env: MarkdownEnv = {};
	private final = false;
	private scheduled = false;
	private disposed = false;
	private readonly schedule: (flush: () => void) => void;

	constructor(
		private readonly doc: Document,
		private readonly options: StreamRendererOptions,
	) {
		this.element = doc.createElement('div');
		this.element.className = 'markdown';
		this.schedule = options.schedule ?? defaultSchedule(doc);
	}

	get text(): string {
		return this.head + this.tail;
	}

	/** Blocks that are rendered for good, in order. */
	get settledBlocks(): readonly HTMLElement[] {
		return this.settled;
	}

	append(chunk: string): void {
		if (!chunk) {
			return;
		}
		this.tail += chunk;
		this.final = false;
		this.request();
	}

	/** Shows `text`; when it extends what is shown, only the difference is rendered. */
	setText(text: string): void {
		const current = this.text;
		if (text === current) {
			return;
		}
		if (text.startsWith(current)) {
			this.append(text.slice(current.length));
			return;
		}
		this.head = '';
		this.tail = text;
		this.settled.length = 0;
		this.views = [];
		this.shown = 0;
		this.env = {};
		this.element.replaceChildren();
		this.final = false;
		this.request();
	}

	/** The text is complete: render what is pending now, with final decoration (diagrams, highlighting). */
	finish(): void {
		if (this.final && !this.scheduled) {
			return;
		}
		this.final = true;
		this.flush();
	}

	dispose(): void {
		this.disposed = true;
	}

	private request(): void {
		if (this.scheduled || this.disposed) {
			return;
		}
		this.scheduled = true;
		this.schedule(() => {
			if (this.scheduled && !this.disposed) {
				this.flush();
			}
		});
	}

	/** Renders everything pending. Called by the scheduler; call it directly to render synchronously. */
	flush(): void {
		this.scheduled = false;
		if (!this.final && (this.extendText() || this.showOpenFence())) {
			this.shown = this.tail.length;
			this.options.onRender?.();
			return;
		}
		const src = this.tail;
		this.env.streaming = !this.final;
		const tokens = this.options.markdown.parse(src, this.env);
		const starts = blockStarts(tokens);
		const completeLines = countLines(src);
		// Settle every block that is followed by a block starting on a complete line.
		let keep = 0;
		for (let i = starts.length - 1; i >= 1; i--) {
			if (starts[i].line < completeLines) {
				keep = i;
				break;
			}
		}
		const blocks = starts.map((start, i) => tokens.slice(start.index, starts[i + 1]?.index));
		if (keep > 0) {
			const settling = blocks.slice(0, keep).map((blockTokens, i) => this.update(this.views[i], blockTokens, true));
			this.place(settling, this.views.slice(0, keep));
			this.settled.push(...settling.map(view => view.element));
			this.views = this.views.slice(keep);
			const cut = lineOffset(src, starts[keep].line);
			this.head += src.slice(0, cut);
			this.tail = src.slice(cut);
		}
		// What is left may be a code fence that has only just opened.
		if (keep === 0 || this.final || !this.showOpenFence()) {
			const views = blocks.slice(keep).map((blockTokens, i) => this.update(this.views[i], blockTokens, this.final));
			this.place(views, this.views);
			this.views = views;
		}
		this.shown = this.tail.length;
		this.options.onRender?.();
	}

	/**
	 * Adds plain words typed at the end of the last line straight to its last text node, when they
	 * cannot change how anything before them parses: no markup characters, no new line, the line's
	 * kind (list item, heading…) decided, and the word they continue plain too.
	 */
	private extendText(): boolean {
		const view = this.views[this.views.length - 1];
		const last = view?.groups[view.groups.length - 1];
		if (!view?.host || !last?.text || last.text === '\n' || !last.nodes[0]?.isConnected || /^T[DH]$/.test(view.host.tagName)) {
			return false;
		}
		const shown = this.tail.slice(0, this.shown);
		const added = this.tail.slice(this.shown);
		const line = shown.slice(shown.lastIndexOf('\n') + 1);
		// Scanned from the end: an unanchored /\S*$/ would retry from every position of a long tail.
		let end = shown.length;
		while (end > 0 && (shown[end - 1] === ' ' || shown[end - 1] === '\t')) {
			end--;
		}
		let start = end;
		while (start > 0 && !/\s/.test(shown[start - 1])) {
			start--;
		}
		const trailing = shown.slice(end);
		const lastWord = shown.slice(start, end);
		if (!added || !/^[ \t]*\S+[ \t]/.test(line) || !plainText(lastWord + trailing + added)) {
			return false;
		}
		const text = (last.text + trailing + added).replace(/[ \t]+$/, '');
		(last.nodes[0] as Text).data = text;
		last.text = text;
		last.html = escapeHtml(text);
		view.pieces = view.pieces.map((piece, i) => (i === view.inline ? view.groups.map(g => g.html).join('') : piece));
		return true;
	}

	/** The view for a block: the one shown if it still matches, patched if only inline text changed, else new. */
	private update(view: BlockView | undefined, tokens: Token[], final: boolean): BlockView {
		const { markdown } = this.options;
		const pieces = markdown.pieces(tokens, this.env);
		const inline = patchableInline(tokens);
		const frame = framed(pieces, inline);
		const unchanged = view && sameStrings(view.pieces, pieces);
		if (view && (unchanged || (view.host && view.inline === inline && sameStrings(view.frame, frame)))) {
			if (!unchanged) {
				this.patch(view, markdown.inlineGroups(tokens[inline], this.env));
			}
			view.pieces = pieces;
			if (final && !view.final) {
				view.final = true;
				this.options.decorate?.(view.element, true);
			}
			return view;
		}
		// The patchable inline content is left out of the markup and filled in group by group, so
		// that the next update can replace just the groups that changed. One sanitizer pass for both.
		const groups = inline === -1 ? [] : markdown.inlineGroups(tokens[inline], this.env);
		const markupGroups = groups.filter(g => g.text === undefined).map(g => g.html);
		const element = this.blockElement();
		const markup = markdown.sanitizeEach([frame.join(''), ...markupGroups]);
		element.append(...markup.shift()!);
		this.options.decorate?.(element, final);
		const next: BlockView = { element, pieces, frame, inline, host: inline === -1 ? undefined : inlineHost(element), groups: [], final };
		if (next.host) {
			this.patch(next, groups, markup);
		} else if (inline !== -1) {
			// Nowhere to put the inline content (not expected): render the block as a whole.
			element.replaceChildren(markdown.sanitize(pieces.join('')));
			this.options.decorate?.(element, final);
			return { ...next, inline: -1 };
		}
		return next;
	}

	/**
	 * Replaces a view's inline groups from the first one that changed. `markup` holds the sanitized
	 * nodes of every markup (non-text) group, when the caller has them already.
	 */
	private patch(view: BlockView, groups: InlineGroup[], markup?: ChildNode[][]): void {
		let same = 0;
		if (!markup) {
			while (same < groups.length && same < view.groups.length && groups[same].html === view.groups[same].html) {
				same++;
			}
		}
		for (const old of view.groups.splice(same)) {
			old.nodes.forEach(node => node.remove());
		}
		const added = groups.slice(same);
		markup ??= this.options.markdown.sanitizeEach(added.filter(g => g.text === undefined).map(g => g.html));
		for (const group of added) {
			const nodes = group.text !== undefined ? [this.doc.createTextNode(group.text)] : markup.shift()!;
			view.host!.append(...nodes);
			view.groups.push({ html: group.html, nodes, text: group.text });
		}
	}

	/** Puts views in the page after the settled blocks, in place of the old views they succeed. */
	private place(views: BlockView[], old: BlockView[]): void {
		let anchor: Element | undefined = this.settled[this.settled.length - 1];
		views.forEach((view, i) => {
			if (old[i] !== view) {
				old[i]?.element.remove();
				if (anchor) {
					anchor.after(view.element);
				} else {
					this.element.prepend(view.element);
				}
			}
			anchor = view.element;
		});
		old.slice(views.length).forEach(view => view.element.remove());
	}

	/**
	 * While the tail is an unclosed code fence (the whole rest of the text is code), appends the new
	 * code to the text node shown instead of parsing, sanitizing and highlighting it all again.
	 */
	private showOpenFence(): boolean {
		const open = openFence(this.tail);
		if (!open) {
			return false;
		}
		const code = this.tail.slice(open.bodyStart);
		const fence = this.views.length === 1 ? this.views[0].fence : undefined;
		if (fence && fence.bodyStart === open.bodyStart && fence.info === open.info && code.length >= fence.length) {
			fence.text.appendData(code.slice(fence.length));
			fence.length = code.length;
			return true;
		}
		const text = this.doc.createTextNode(code);
		const codeElement = this.doc.createElement('code');
		const language = fenceLanguage(open.info);
		codeElement.className = language ? `hljs language-${language}` : 'hljs';
		codeElement.append(text);
		const pre = this.doc.createElement('pre');
		pre.append(codeElement);
		const element = this.blockElement();
		// The newline markdown-it puts after </pre>, so the markup matches a full render.
		element.append(pre, '\n');
		this.options.decorate?.(element, false);
		const view: BlockView = { element, pieces: [], frame: [], inline: -1, host: undefined, groups: [], final: false, fence: { bodyStart: open.bodyStart, info: open.info, text, length: code.length } };
		this.place([view], this.views);
		this.views = [view];
		return true;
	}

	private blockElement(): HTMLElement {
		const element = this.doc.createElement('div');
		element.className = 'md-block';
		return element;
	}
}

interface BlockStart {
	/** Index of the block's first token. */
	readonly index: number;
	/** Its first source line. */
	readonly line: number;
}

function blockStarts(tokens: Token[]): BlockStart[] {
	const starts: BlockStart[] = [];
	tokens.forEach((token, index) => {
		if (token.level === 0 && token.nesting !== -1 && token.map) {
			starts.push({ index, line: token.map[0] });
		}
	});
	return starts;
}

/** The last inline token, when only closing tokens follow it (text typed next lands in it). */
function patchableInline(tokens: Token[]): number {
	for (let i = tokens.length - 1; i >= 0; i--) {
		if (tokens[i].type === 'inline') {
			return i;
		}
		if (tokens[i].nesting !== -1) {
			return -1;
		}
	}
	return -1;
}

/**
 * The element the last inline content goes in: with that content left out, it is the deepest last
 * element (only closing tags follow the content).
 */
function inlineHost(block: Element): Element | undefined {
	let last: Element | null = block;
	while (last.lastElementChild) {
		last = last.lastElementChild;
	}
	return /^(?:P|H[1-6]|LI|TD|TH)$/.test(last.tagName) ? last : undefined;
}

/**
 * Text that reads the same in markdown whatever follows: letters, digits, spaces and punctuation
 * that marks nothing up. A full stop or colon only before a space (else it may be part of a link
 * being typed), no markup characters, no entity, no escape, no line break.
 */
function plainText(text: string): boolean {
	return /^(?:[\p{L}\p{N} ,;'’"?!()-]|[.:](?= ))*$/u.test(text);
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function framed(pieces: readonly string[], inline: number): string[] {
	return inline === -1 ? [...pieces] : pieces.map((p, i) => (i === inline ? '' : p));
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((s, i) => s === b[i]);
}

function countLines(src: string): number {
	let n = 0;
	for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) {
		n++;
	}
	return n;
}

/** Where line `line` starts. */
function lineOffset(src: string, line: number): number {
	let offset = 0;
	for (let n = 0; n < line; n++) {
		offset = src.indexOf('\n', offset) + 1;
	}
	return offset;
}

/** A fence opened at the start of `src` (after blank lines) and not closed, with its opening line complete. */
function openFence(src: string): { bodyStart: number; info: string } | undefined {
	const m = /^(?:[ \t]*\n)*(`{3,}|~{3,})([^\n]*)\n/.exec(src);
	if (!m || (m[1][0] === '`' && m[2].includes('`'))) {
		return undefined;
	}
	const bodyStart = m[0].length;
	const marker = m[1];
	const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'm');
	return closing.test(src.slice(bodyStart)) ? undefined : { bodyStart, info: m[2] };
}

function defaultSchedule(doc: Document): (flush: () => void) => void {
	const view = doc.defaultView;
	if (view?.requestAnimationFrame) {
		return flush => view.requestAnimationFrame(() => flush());
	}
	return flush => setTimeout(flush, 16);
}
