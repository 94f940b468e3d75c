// Markdown for the Tutor view: markdown-it (raw HTML off) renders, DOMPurify (an allow-list) cleans,
// and the result arrives as DOM nodes. This is the only place in the view where a string becomes
// markup; everything else builds elements with h().
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import typescript from 'highlight.js/lib/languages/typescript';
import MarkdownIt, { type Env, type Token } from 'markdown-it';

/** Per-answer parse state: markdown-it keeps reference definitions here; `streaming` is ours. */
export interface MarkdownEnv extends Env {
	/** More text may follow: a code fence that is still open is shown without highlighting. */
	streaming?: boolean;
}

/** One top-level piece of a paragraph's (or heading's, list item's, cell's) inline content. */
export interface InlineGroup {
	readonly html: string;
	/** Set when the group is plain text (or a soft line break): it becomes a text node, no parsing needed. */
	readonly text?: string;
}

export interface MarkdownRenderer {
	parse(src: string, env: MarkdownEnv): Token[];
	/** Each token's share of the HTML markdown-it renders for `tokens` (an inline token: all its content). */
	pieces(tokens: Token[], env: MarkdownEnv): string[];
	/** An inline token's content split into top-level groups: text, `<strong>…</strong>`, a link… */
	inlineGroups(inline: Token, env: MarkdownEnv): InlineGroup[];
	/** Sanitizes rendered HTML into nodes owned by the renderer's document. */
	sanitize(html: string): DocumentFragment;
	/** Sanitizes several pieces of inline HTML in one go; the nodes of each, in order. */
	sanitizeEach(htmls: readonly string[]): ChildNode[][];
	/** pieces + sanitize. */
	renderTokens(tokens: Token[], env: MarkdownEnv): DocumentFragment;
	/** parse + renderTokens, for text that is complete. */
	render(src: string): DocumentFragment;
}

/**
 * Tags markdown-it can produce with html off, minus images (remote images could leak what the
 * learner reads); div is only the root the tree is sanitized in.
 */
const allowedTags = ['div', 'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'];
const purifyConfig: Config = {
	ALLOWED_TAGS: allowedTags,
	ALLOWED_ATTR: ['href', 'title', 'class', 'start'],
	// Web links and mail only: no javascript:, data:, command: or relative links (they mean nothing here).
	ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	// The tree is parsed once, in a document of its own, and cleaned where it is.
	IN_PLACE: true,
};

const languages = { bash, c, cpp, diff, go, java, javascript, json, markdown, python, rust, shell, typescript };
let languagesRegistered = false;

function registerLanguages(): void {
	if (languagesRegistered) {
		return;
	}
	languagesRegistered = true;
	for (const [name, language] of Object.entries(languages)) {
		hljs.registerLanguage(name, language);
	}
}

// A finished code block is rendered again while the block after it is still being typed.
const highlighted = new Map<string, string | undefined>();

/** Highlighted HTML for `code`, or undefined when the language is not one we ship. */
export function highlightCode(code: string, language: string): string | undefined {
	registerLanguages();
	if (!language || !hljs.getLanguage(language)) {
		return undefined;
	}
	const key = `${language}\n${code}`;
	if (highlighted.has(key)) {
		return highlighted.get(key);
	}
	let html: string | undefined;
	try {
		html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
	} catch {
		html = undefined;
	}
	if (highlighted.size >= 16) {
		highlighted.delete(highlighted.keys().next().value!);
	}
	highlighted.set(key, html);
	return html;
}

/** The language named in a fence's info string, reduced to characters that are safe in a class name. */
export function fenceLanguage(info: string): string {
	return (info.trim().split(/\s+/)[0] ?? '').replace(/[^\w#+.-]/g, '').slice(0, 40).toLowerCase();
}

export function createMarkdownRenderer(win: Window): MarkdownRenderer {
	registerLanguages();
	const purify: DOMPurify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
	purify.setConfig(purifyConfig);
	purify.addHook('afterSanitizeAttributes', node => {
		if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
			const link = node as Element;
			link.setAttribute('rel', 'noopener noreferrer');
			// Say where a link goes before the learner follows it.
			if (!link.hasAttribute('title')) {
				link.setAttribute('title', link.getAttribute('href') ?? '');
			}
		}
	});

	const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
	md.disable('image');
	md.core.ruler.after('block', 'codementor_fence_closed', state => {
		let lines: string[] | undefined;
		for (const token of state.tokens) {
			if (token.type === 'fence' && token.map) {
				lines ??= state.src.split('\n');
				token.meta = { closed: isClosingFence(lines[token.map[1] - 1], token.markup, token.map[1] - token.map[0]) };
			}
		}
	});
	md.renderer.rules.fence = (tokens, idx, _options, env?: MarkdownEnv) => {
		const token = tokens[idx];
		const language = fenceLanguage(token.info ? md.utils.unescapeAll(token.info) : '');
		const closed = (token.meta as { closed?: boolean } | null)?.closed ?? true;
		const highlighted = closed || !env?.streaming ? highlightCode(token.content, language) : undefined;
		const body = highlighted ?? md.utils.escapeHtml(token.content);
		const cls = language ? ` class="hljs language-${language}"` : ' class="hljs"';
		return `<pre><code${cls}>${body}</code></pre>\n`;
	};
	// Table alignment arrives as style="text-align:…", which the CSP forbids: use a class instead.
	const alignCell: NonNullable<typeof md.renderer.rules.td_open> = (tokens, idx, options, _env, self) => {
		const token = tokens[idx];
		const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
		token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
		if (align) {
			token.attrJoin('class', `align-${align}`);
		}
		return self.renderToken(tokens, idx, options);
	};
	md.renderer.rules.td_open = alignCell;
	md.renderer.rules.th_open = alignCell;

	const doc = win.document;
	let scratch: Document | undefined;
	let scratchUses = 0;
	/** The sanitized tree for `html`, adopted into the view's document. */
	const clean = (html: string): HTMLElement => {
		// Parsed and cleaned in a document of its own: it has no browsing context, so nothing in it
		// loads or runs. Replaced now and then, because a document remembers every NodeIterator
		// DOMPurify created in it (jsdom walks them all on each node removal).
		if (!scratch || ++scratchUses > 32) {
			scratch = doc.implementation.createHTMLDocument('');
			scratchUses = 0;
		}
		// Code is the bulk of an answer's markup and has one known shape (highlight.js spans around
		// escaped text): it is built separately, below, instead of being parsed and sanitized.
		const codes: string[] = [];
		const root = scratch.createElement('div');
		root.innerHTML = html.replace(/(<pre><code[^>]*>)([\s\S]*?)(<\/code><\/pre>)/g, (_m, open: string, code: string, close: string) => {
			codes.push(code);
			return open + close;
		});
		purify.sanitize(root);
		const adopted = doc.adoptNode(root);
		if (codes.length) {
			Array.from(adopted.getElementsByTagName('pre')).forEach((pre, i) => {
				const code = pre.firstElementChild;
				if (code?.tagName === 'CODE' && codes[i]) {
					code.append(highlightedNodes(doc, codes[i]) ?? sanitize(codes[i]));
				}
			});
		}
		return adopted;
	};
	const sanitize = (html: string): DocumentFragment => {
		const fragment = doc.createDocumentFragment();
		fragment.append(...Array.from(clean(html).childNodes));
		return fragment;
	};
	// Short markup repeats ("<p></p>" around a paragraph being typed, `n`): kept, sanitized, to clone.
	const known = new Map<string, DocumentFragment>();
	const sanitizeEach = (htmls: readonly string[]): ChildNode[][] => {
		const results: (ChildNode[] | undefined)[] = htmls.map(html => {
			const template = known.get(html);
			return template && Array.from((template.cloneNode(true) as DocumentFragment).childNodes);
		});
		const missing = htmls.filter((_, i) => !results[i]);
		if (!missing.length) {
			return results as ChildNode[][];
		}
		// Each piece in a <div> of its own: inline content parses the same there as in a paragraph.
		const cleaned = Array.from(clean(missing.map(html => `<div>${html}</div>`).join('')).children, wrapper => Array.from(wrapper.childNodes));
		for (let i = 0, j = 0; i < htmls.length; i++) {
			if (results[i]) {
				continue;
			}
			const nodes = cleaned[j++] ?? [];
			results[i] = nodes;
			if (htmls[i].length <= 80) {
				if (known.size >= 200) {
					known.clear();
				}
				const template = doc.createDocumentFragment();
				template.append(...nodes.map(node => node.cloneNode(true)));
				known.set(htmls[i], template);
			}
		}
		return results as ChildNode[][];
	};
	const { renderer } = md;
	/** What Renderer.render does for one token, so that the pieces join to exactly its output. */
	const piece = (tokens: Token[], i: number, env: MarkdownEnv): string => {
		const token = tokens[i];
		if (token.type === 'inline') {
			return renderer.renderInline(token.children ?? [], md.options, env);
		}
		const rule = renderer.rules[token.type];
		return rule ? rule(tokens, i, md.options, env, renderer) : renderer.renderToken(tokens, i, md.options);
	};
	const pieces = (tokens: Token[], env: MarkdownEnv) => tokens.map((_, i) => piece(tokens, i, env));
	const inlineGroups = (inline: Token, env: MarkdownEnv): InlineGroup[] => {
		const children = inline.children ?? [];
		const groups: InlineGroup[] = [];
		let depth = 0;
		let html = '';
		children.forEach((child, i) => {
			const part = piece(children, i, env);
			if (depth === 0 && child.nesting === 0) {
				const text = child.type === 'text' ? child.content : child.type === 'softbreak' && part === '\n' ? '\n' : undefined;
				groups.push({ html: part, text });
				return;
			}
			html += part;
			depth += child.nesting;
			if (depth === 0) {
				groups.push({ html });
				html = '';
			}
		});
		if (html) {
			groups.push({ html });
		}
		return groups;
	};
	const renderTokens = (tokens: Token[], env: MarkdownEnv) => sanitize(pieces(tokens, env).join(''));
	return {
		parse: (src, env) => md.parse(src, env),
		pieces,
		inlineGroups,
		sanitize,
		sanitizeEach,
		renderTokens,
		render: src => {
			const env: MarkdownEnv = {};
			return renderTokens(md.parse(src, env), env);
		},
	};
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };

/**
 * Builds the nodes for highlighted code (what highlight.js and markdown-it's escaping produce:
 * `<span class="hljs-…">`, `</span>` and escaped text) without an HTML parser. Only spans with
 * plain class names and text can come out; anything else makes it give up (undefined).
 */
export function highlightedNodes(doc: Document, html: string): DocumentFragment | undefined {
	const root = doc.createDocumentFragment();
	const open: ParentNode[] = [root];
	const token = /<span class="([\w -]+)">|<\/span>|([^<&]+)|&(amp|lt|gt|quot|#x27|#39);/y;
	let text = '';
	const flush = () => {
		if (text) {
			open[open.length - 1].append(text);
			text = '';
		}
	};
	while (token.lastIndex < html.length) {
		const at = token.lastIndex;
		const m = token.exec(html);
		if (!m) {
			return undefined;
		}
		if (m[2] !== undefined || m[3] !== undefined) {
			text += m[2] ?? entities[m[3]];
			continue;
		}
		flush();
		if (m[1] !== undefined) {
			const span = doc.createElement('span');
			span.className = m[1];
			open[open.length - 1].append(span);
			open.push(span);
		} else if (open.length > 1) {
			open.pop();
		} else {
			return undefined;
		}
		if (token.lastIndex === at) {
			return undefined;
		}
	}
	flush();
	return open.length === 1 ? root : undefined;
}

function isClosingFence(line: string | undefined, markup: string, lineCount: number): boolean {
	if (line === undefined || lineCount < 2) {
		return false;
	}
	// Inside a list or quote the closing fence carries the container's prefix.
	const m = /^[\s>]*([`~]{3,})[ \t]*$/.exec(line);
	return !!m && m[1][0] === markup[0] && m[1].length >= markup.length && /^(.)\1*$/.test(m[1]);
}
