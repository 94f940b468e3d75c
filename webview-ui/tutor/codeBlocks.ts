// Code blocks in rendered answers: the toolbar around each <pre> (copy, insert at cursor, apply as
// diff) and the hand-off of complete ```mermaid blocks to the diagram renderer. Buttons carry a
// data-code-action and are handled by one listener on the message list, so re-rendered blocks
// leave no listeners behind.
import { h, icon } from '../common/host';

export type CodeAction = 'copy' | 'insert' | 'apply' | 'toggle-source';

export interface CodeBlockHooks {
	/** A complete ```mermaid block: draw it. */
	diagram?(block: HTMLElement, source: string): void;
}

/**
 * Wraps every bare `pre > code` under root in a code block with a toolbar; with final set, also
 * hands complete diagrams over (again for blocks wrapped while they were still growing).
 */
export function decorateCodeBlocks(root: Element, final: boolean, hooks: CodeBlockHooks = {}): void {
	const pres = (root as Element).getElementsByTagName('pre');
	for (const pre of Array.from(pres)) {
		const code = pre.firstElementChild;
		if (code?.tagName !== 'CODE') {
			continue;
		}
		let block = pre.parentElement?.classList.contains('code-body') ? pre.parentElement.parentElement! : undefined;
		const language = languageOf(code);
		if (!block) {
			const body = h('div', { class: 'code-body' });
			block = h('div', { class: 'code-block', 'data-language': language }, codeToolbar(language), body);
			pre.replaceWith(block);
			body.append(pre);
		}
		if (language === 'mermaid' && final && hooks.diagram && !block.hasAttribute('data-diagram')) {
			block.setAttribute('data-diagram', '');
			hooks.diagram(block, code.textContent ?? '');
		}
	}
}

export function languageOf(code: Element): string {
	return /(?:^|\s)language-(\S+)/.exec(code.className)?.[1] ?? '';
}

function codeToolbar(language: string): HTMLElement {
	return h(
		'div',
		{ class: 'code-toolbar' },
		h('span', { class: 'code-language' }, language || 'text'),
		h(
			'span',
			{ class: 'code-actions' },
			actionButton('copy', 'copy', 'Copy code'),
			actionButton('insert', 'insert', 'Insert at cursor'),
			actionButton('apply', 'diff', 'Apply as diff to the active editor'),
		),
	);
}

export function actionButton(action: CodeAction, codicon: string, label: string): HTMLButtonElement {
	return h('button', { type: 'button', class: 'icon-button', 'data-code-action': action, 'aria-label': label, title: label }, icon(codicon));
}

export interface CodeActionTarget {
	readonly action: CodeAction;
	readonly block: HTMLElement;
	/** The code as plain text, without the fence's final newline. */
	readonly code: string;
	readonly language: string;
}

/** The code block a toolbar button belongs to, or undefined when `target` is not such a button. */
export function codeActionTarget(target: EventTarget | null): CodeActionTarget | undefined {
	const button = (target as Element | null)?.closest?.('button[data-code-action]');
	const block = button?.closest<HTMLElement>('.code-block');
	const code = block?.querySelector('.code-body code');
	if (!button || !block || !code) {
		return undefined;
	}
	return {
		action: button.getAttribute('data-code-action') as CodeAction,
		block,
		code: (code.textContent ?? '').replace(/\n$/, ''),
		language: block.getAttribute('data-language') ?? '',
	};
}

/** Briefly swaps a button's icon for a check mark, so a click that sends nothing visible still shows. */
export function confirmClick(button: Element, label: string): void {
	const previous = button.querySelector('.codicon');
	const done = icon('check');
	previous?.replaceWith(done);
	const title = button.getAttribute('title');
	button.setAttribute('title', label);
	setTimeout(() => {
		if (previous) {
			done.replaceWith(previous);
		}
		if (title !== null) {
			button.setAttribute('title', title);
		}
	}, 1500);
}
