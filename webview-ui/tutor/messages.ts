// The conversation: one view per message, kept by id so that upserts, streamed text and part
// updates change only what they name. Assistant answers render their parts in order (markdown
// through a StreamRenderer, withheld blocks, tool steps) with a footer for how the answer ended.
import { h, icon } from '../common/host';
import type { MessagePart, MessageStatus, UiMessage, TutorToHost } from '../../src/shared/protocol/tutor';
import { codeActionTarget, confirmClick, decorateCodeBlocks } from './codeBlocks';
import type { MarkdownRenderer } from './markdown';
import type { DiagramRenderer } from './mermaid';
import { toolView, withheldView } from './parts';
import { StreamRenderer } from './streamRenderer';

type Post = (message: TutorToHost) => void;

export interface MessageListOptions {
	readonly post: Post;
	readonly markdown: MarkdownRenderer;
	readonly diagrams: DiagramRenderer;
	/** Passed on to each StreamRenderer (tests run frames by hand). */
	readonly schedule?: (flush: () => void) => void;
	/** The pencil on the last user message. */
	readonly onEdit: (messageId: string, text: string) => void;
	/** Speaks a short status through the view's live region. */
	readonly announce: (text: string) => void;
}

type PartView =
	| { readonly kind: 'markdown'; readonly element: HTMLElement; readonly renderer: StreamRenderer }
	| { readonly kind: 'withheld' | 'tool'; readonly element: HTMLElement; readonly key: string };

export class MessageList {
	readonly element: HTMLElement;
	private readonly views = new Map<string, MessageView>();
	private order: MessageView[] = [];
	private busy = false;
	/** Follow new content while the learner is at the end of the list. */
	private stick = true;

	constructor(private readonly options: MessageListOptions) {
		this.element = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0', 'data-testid': 'messages' });
		this.element.addEventListener('scroll', () => {
			const el = this.element;
			this.stick = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
		});
		this.element.addEventListener('click', event => this.onClick(event));
		// A diagram that finished drawing makes the answer taller: keep following it.
		this.element.addEventListener('load', () => this.follow(), true);
	}

	get count(): number {
		return this.order.length;
	}

	get atEnd(): boolean {
		return this.stick;
	}

	/** Replaces every message (conversation switched or restored); announces nothing. */
	setAll(messages: readonly UiMessage[]): void {
		this.order.forEach(view => view.dispose());
		this.views.clear();
		this.order = messages.map(message => this.create(message));
		this.element.replaceChildren(...this.order.map(view => view.element));
		this.refresh();
		this.stick = true;
		this.scrollToEnd();
	}

	upsert(message: UiMessage): void {
		const view = this.views.get(message.id);
		const previous = view?.status;
		if (view) {
			view.update(message);
		} else {
			const created = this.create(message);
			this.order.push(created);
			this.element.append(created.element);
		}
		this.announceStatus(message.role, previous, message.status, message.error?.message);
		this.refresh();
		this.follow();
	}

	/** Streamed text for a markdown part; an answer not seen yet is started. */
	append(messageId: string, part: number, text: string): void {
		let view = this.views.get(messageId);
		if (!view) {
			this.upsert({ id: messageId, role: 'assistant', parts: [], status: 'streaming', createdAt: new Date().toISOString() });
			view = this.views.get(messageId)!;
		}
		view.append(part, text);
	}

	setPart(messageId: string, part: number, value: MessagePart): void {
		this.views.get(messageId)?.setPart(part, value);
		this.follow();
	}

	setBusy(busy: boolean): void {
		this.busy = busy;
		this.refresh();
	}

	/** The last user message, for editing it from the composer. */
	lastUser(): { id: string; text: string } | undefined {
		const view = [...this.order].reverse().find(v => v.role === 'user');
		return view && { id: view.id, text: view.text() };
	}

	scrollToEnd(): void {
		this.element.scrollTop = this.element.scrollHeight;
	}

	private follow(): void {
		if (this.stick) {
			this.scrollToEnd();
		}
	}

	private create(message: UiMessage): MessageView {
		const view = new MessageView(message, {
			...this.options,
			onRender: () => this.follow(),
			onRetry: () => this.options.post({ type: 'chat/retry' }),
		});
		this.views.set(message.id, view);
		return view;
	}

	/** Retry only on the answer that ends the conversation, edit only on the last question, neither while busy. */
	private refresh(): void {
		const last = this.order[this.order.length - 1];
		const lastUser = [...this.order].reverse().find(v => v.role === 'user');
		const streaming = this.order.some(v => v.status === 'streaming');
		for (const view of this.order) {
			view.setAffordances({
				retry: !this.busy && !streaming && view === last && view.role === 'assistant',
				edit: !this.busy && !streaming && view === lastUser,
			});
		}
		this.element.setAttribute('aria-busy', String(streaming));
	}

	private announceStatus(role: UiMessage['role'], previous: MessageStatus | undefined, next: MessageStatus, error?: string): void {
		if (role !== 'assistant' || previous === next) {
			return;
		}
		const said: Record<MessageStatus, string> = {
			streaming: 'Tutor is answering…',
			complete: 'Answer complete',
			stopped: 'Answer stopped',
			interrupted: 'The answer was interrupted',
			error: `The tutor could not answer: ${error ?? 'something went wrong'}`,
		};
		// A finished answer that arrives whole is read by the log itself; say how a live one ended.
		if (next === 'streaming' || previous === 'streaming' || next === 'error') {
			this.options.announce(said[next]);
		}
	}

	private onClick(event: MouseEvent): void {
		const target = codeActionTarget(event.target);
		if (!target) {
			return;
		}
		const code = target.code.slice(0, 200_000);
		const button = (event.target as Element).closest('button')!;
		switch (target.action) {
			case 'copy':
				this.options.post({ type: 'code/copy', code });
				confirmClick(button, 'Copied');
				this.options.announce('Code copied');
				break;
			case 'insert':
				this.options.post({ type: 'code/insert', code });
				break;
			case 'apply':
				this.options.post({ type: 'code/apply', code, language: target.language.slice(0, 40) });
				break;
			case 'toggle-source': {
				const showing = target.block.classList.toggle('show-source');
				const label = showing ? 'Hide diagram source' : 'Show diagram source';
				button.setAttribute('aria-label', label);
				button.setAttribute('title', label);
				button.setAttribute('aria-pressed', String(showing));
				break;
			}
		}
	}

	dispose(): void {
		this.order.forEach(view => view.dispose());
	}
}

interface MessageViewOptions extends MessageListOptions {
	readonly onRender: () => void;
	readonly onRetry: () => void;
}

class MessageView {
	readonly element: HTMLElement;
	readonly id: string;
	readonly role: UiMessage['role'];
	status: MessageStatus;
	private readonly body: HTMLElement;
	private readonly footer: HTMLElement;
	private readonly tools: HTMLElement;
	private parts: PartView[] = [];
	private message: UiMessage;
	private affordances = { retry: false, edit: false };

	constructor(
		message: UiMessage,
		private readonly options: MessageViewOptions,
	) {
		this.id = message.id;
		this.role = message.role;
		this.status = message.status;
		this.message = message;
		this.body = h('div', { class: 'message-body' });
		this.footer = h('div', { class: 'message-footer' });
		this.tools = h('span', { class: 'message-tools' });
		const author = this.role === 'user' ? 'You' : 'Tutor';
		const header = h(
			'div',
			{ class: 'message-header' },
			h('span', { class: 'message-avatar' }, icon(this.role === 'user' ? 'account' : 'mortar-board')),
			h('span', { class: 'message-author' }, author),
			this.tools,
		);
		const time = Date.parse(message.createdAt);
		if (!Number.isNaN(time)) {
			header.setAttribute('title', new Date(time).toLocaleString());
		}
		this.element = h('article', { class: `message ${this.role}`, 'data-testid': 'message', 'data-role': this.role, 'aria-label': `${author} said` }, header, this.body, this.footer);
		this.update(message);
	}

	update(message: UiMessage): void {
		this.message = message;
		this.status = message.status;
		this.element.setAttribute('data-status', message.status);
		if (this.role === 'user') {
			this.renderUser(message);
		} else {
			message.parts.forEach((part, i) => this.setPart(i, part));
			this.parts.splice(message.parts.length).forEach(view => this.removePart(view));
		}
		this.settleIfDone();
		this.renderFooter();
		this.markEmpty();
	}

	append(index: number, text: string): void {
		const view = this.markdownPart(index);
		view?.renderer.append(text);
		this.markEmpty();
	}

	setPart(index: number, part: MessagePart): void {
		while (this.parts.length < index) {
			this.markdownPart(this.parts.length);
		}
		const current = this.parts[index];
		if (part.type === 'markdown') {
			const view = current?.kind === 'markdown' ? current : this.replacePart(index, this.newMarkdown());
			// A snapshot taken before the appends that already arrived must not take text away.
			const stale = this.status === 'streaming' && view.renderer.text.startsWith(part.text);
			if (!stale) {
				view.renderer.setText(part.text);
			}
			if (this.status !== 'streaming') {
				view.renderer.finish();
			}
		} else if (part.type === 'withheld') {
			const key = `${part.blockId}\n${part.language}\n${part.notice}`;
			if (current?.kind !== 'withheld' || current.key !== key) {
				this.replacePart(index, { kind: 'withheld', key, element: withheldView(part, this.id, this.options.post) });
			}
		} else {
			const key = JSON.stringify(part);
			if (current?.kind !== 'tool' || current.key !== key) {
				const previous = current?.kind === 'tool' ? current.element : undefined;
				this.replacePart(index, { kind: 'tool', key, element: toolView(part, this.options.post, previous) });
			}
		}
		this.markEmpty();
	}

	/** The question's text, for editing it. */
	text(): string {
		return this.message.parts.map(p => (p.type === 'markdown' ? p.text : '')).join('');
	}

	setAffordances(next: { retry: boolean; edit: boolean }): void {
		if (next.retry === this.affordances.retry && next.edit === this.affordances.edit) {
			return;
		}
		this.affordances = next;
		this.renderFooter();
		this.tools.replaceChildren();
		if (next.edit) {
			const edit = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Edit your last message', title: 'Edit and send again (Up arrow in an empty composer)', 'data-testid': 'edit-message' }, icon('edit'));
			edit.addEventListener('click', () => this.options.onEdit(this.id, this.text()));
			this.tools.append(edit);
		}
	}

	dispose(): void {
		this.parts.forEach(view => this.removePart(view));
		this.parts = [];
	}

	private renderUser(message: UiMessage): void {
		const renderer = this.parts[0]?.kind === 'markdown' ? this.parts[0].renderer : undefined;
		if (!renderer) {
			const view = this.newMarkdown();
			this.parts = [view];
			this.body.replaceChildren();
			if (message.command) {
				this.body.append(h('span', { class: 'command-badge', title: `Slash command /${message.command}` }, `/${message.command}`));
			}
			this.body.append(view.element);
			if (message.context?.length) {
				this.body.append(
					h(
						'ul',
						{ class: 'message-context', 'aria-label': 'Context sent with this message' },
						...message.context.map(label => h('li', {}, icon('attach'), h('span', {}, label))),
					),
				);
			}
		}
		const view = this.parts[0] as Extract<PartView, { kind: 'markdown' }>;
		view.renderer.setText(withoutCommand(this.text(), message.command));
		view.renderer.finish();
	}

	private markdownPart(index: number): Extract<PartView, { kind: 'markdown' }> | undefined {
		const current = this.parts[index];
		if (current?.kind === 'markdown') {
			return current;
		}
		if (current) {
			// Text for a part that is not markdown: the host's mistake; keep what is shown.
			return undefined;
		}
		while (this.parts.length < index) {
			this.replacePart(this.parts.length, this.newMarkdown());
		}
		return this.replacePart(index, this.newMarkdown());
	}

	private newMarkdown(): Extract<PartView, { kind: 'markdown' }> {
		const { markdown, diagrams, schedule, onRender } = this.options;
		const renderer = new StreamRenderer(this.element.ownerDocument, {
			markdown,
			schedule,
			onRender,
			decorate: (block, final) => decorateCodeBlocks(block, final, { diagram: (code, source) => void diagrams.draw(code, source) }),
		});
		return { kind: 'markdown', element: renderer.element, renderer };
	}

	private replacePart<T extends PartView>(index: number, view: T): T {
		const current = this.parts[index];
		if (current) {
			current.element.replaceWith(view.element);
			this.removePart(current, false);
		} else {
			const next = this.parts.slice(index + 1).find(Boolean);
			if (next) {
				next.element.before(view.element);
			} else {
				this.body.append(view.element);
			}
		}
		this.parts[index] = view;
		return view;
	}

	private removePart(view: PartView, detach = true): void {
		if (view.kind === 'markdown') {
			view.renderer.dispose();
		}
		if (detach) {
			view.element.remove();
		}
	}

	private settleIfDone(): void {
		if (this.status !== 'streaming') {
			for (const view of this.parts) {
				if (view.kind === 'markdown') {
					view.renderer.finish();
				}
			}
		}
	}

	/** A streaming answer with nothing to show yet gets a "thinking" indicator instead. */
	private markEmpty(): void {
		const empty = this.role === 'assistant' && this.parts.every(v => v.kind === 'markdown' && !v.renderer.text.trim());
		this.element.classList.toggle('empty', empty);
	}

	private renderFooter(): void {
		const { message } = this;
		const items: (Node | string)[] = [];
		if (this.role === 'assistant') {
			if (message.status === 'streaming') {
				items.push(h('span', { class: 'thinking' }, icon('loading', 'codicon-modifier-spin'), h('span', {}, 'Thinking…')));
			} else if (message.status === 'stopped') {
				items.push(h('span', { class: 'status-label' }, icon('debug-stop'), 'Stopped'));
			} else if (message.status === 'interrupted') {
				items.push(h('span', { class: 'status-label warning' }, icon('warning'), 'This answer was interrupted (VS Code closed).'));
			} else if (message.status === 'error') {
				items.push(h('div', { class: 'message-error', role: 'alert' }, icon('error'), h('span', {}, message.error?.message ?? 'The tutor could not answer.')));
				for (const action of message.error?.actions ?? []) {
					const button = h('button', { type: 'button', class: 'button secondary' }, action.title);
					button.addEventListener('click', () => this.options.post({ type: 'command/run', command: action.command, ...(action.args ? { args: action.args } : {}) }));
					items.push(button);
				}
			}
			if (this.affordances.retry) {
				const retry = h('button', { type: 'button', class: message.status === 'complete' ? 'icon-button' : 'button secondary', 'aria-label': 'Retry: answer the last question again', title: 'Answer the last question again', 'data-testid': 'retry' }, icon('refresh'), message.status === 'complete' ? '' : 'Retry');
				retry.addEventListener('click', () => this.options.onRetry());
				items.push(retry);
			}
		}
		this.footer.replaceChildren(...items);
		this.footer.hidden = items.length === 0;
	}
}

/** What the learner typed after "/command" (the command itself shows as the badge). */
export function withoutCommand(text: string, command: string | undefined): string {
	if (!command) {
		return text;
	}
	const match = new RegExp(`^\\s*/${command}(?:\\s+|$)`).exec(text);
	return match ? text.slice(match[0].length) : text;
}
