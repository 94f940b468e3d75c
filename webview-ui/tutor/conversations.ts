// The conversation picker at the top of the view: a select of past conversations and buttons to
// start, rename, delete and export one. Rename and delete happen inline (webviews cannot open
// prompt() or confirm()).
import { h, iconButton } from '../common/host';
import type { ConversationSummary, TutorToHost } from '../../src/shared/protocol/tutor';

type Post = (message: TutorToHost) => void;

export class ConversationPicker {
	readonly element: HTMLElement;
	private readonly select: HTMLSelectElement;
	private readonly renameButton: HTMLButtonElement;
	private readonly deleteButton: HTMLButtonElement;
	private readonly exportButton: HTMLButtonElement;
	private readonly row: HTMLElement;
	private conversations: readonly ConversationSummary[] = [];
	private activeId: string | undefined;
	/** The rename field or delete confirmation, while one is open. */
	private inline: HTMLElement | undefined;

	constructor(private readonly post: Post) {
		this.select = h('select', { class: 'conversation-select', 'aria-label': 'Conversation', 'data-testid': 'conversations' });
		this.select.addEventListener('change', () => {
			const id = this.select.value;
			if (id && id !== this.activeId) {
				this.post({ type: 'conversation/switch', conversationId: id });
			}
		});
		const newButton = iconButton('add', 'New conversation', () => this.post({ type: 'conversation/new' }), { 'data-testid': 'new-conversation' });
		this.renameButton = iconButton('edit', 'Rename conversation', () => this.startRename(), { 'data-testid': 'rename-conversation' });
		this.deleteButton = iconButton('trash', 'Delete conversation', () => this.confirmDelete(), { 'data-testid': 'delete-conversation' });
		this.exportButton = iconButton('export', 'Export conversation as Markdown', () => this.activeId && this.post({ type: 'conversation/export', conversationId: this.activeId }), {
			'data-testid': 'export-conversation',
		});
		this.row = h('div', { class: 'conversation-row' }, this.select, h('div', { class: 'conversation-actions', role: 'toolbar', 'aria-label': 'Conversation actions' }, newButton, this.renameButton, this.deleteButton, this.exportButton));
		this.element = h('div', { class: 'conversations' }, this.row);
	}

	set(conversations: readonly ConversationSummary[], activeId: string | undefined): void {
		this.conversations = conversations;
		this.activeId = activeId;
		const active = this.active();
		const options = conversations.map(c => {
			const option = h('option', { value: c.id, title: `${c.messageCount} ${c.messageCount === 1 ? 'message' : 'messages'}` }, c.title || 'Untitled conversation');
			option.selected = c.id === activeId;
			return option;
		});
		if (!active) {
			const fresh = h('option', { value: '' }, 'New conversation');
			fresh.selected = true;
			options.unshift(fresh);
		}
		this.select.replaceChildren(...options);
		for (const button of [this.renameButton, this.deleteButton, this.exportButton]) {
			button.disabled = !active;
		}
		if (this.inline && !active) {
			this.closeInline();
		}
	}

	private active(): ConversationSummary | undefined {
		return this.conversations.find(c => c.id === this.activeId);
	}

	private startRename(): void {
		const active = this.active();
		if (!active) {
			return;
		}
		const input = h('input', { type: 'text', class: 'rename-input', 'aria-label': 'New name for the conversation', maxlength: '200', 'data-testid': 'rename-input' });
		input.value = active.title;
		let done = false;
		const finish = (save: boolean) => {
			if (done) {
				return;
			}
			done = true;
			const title = input.value.trim();
			if (save && title && title !== active.title) {
				this.post({ type: 'conversation/rename', conversationId: active.id, title });
			}
			this.closeInline();
			this.renameButton.focus();
		};
		input.addEventListener('keydown', event => {
			if (event.key === 'Enter') {
				event.preventDefault();
				finish(true);
			} else if (event.key === 'Escape') {
				event.preventDefault();
				finish(false);
			}
		});
		input.addEventListener('blur', () => finish(true));
		this.openInline(h('div', { class: 'conversation-inline' }, input));
		input.focus();
		input.select();
	}

	private confirmDelete(): void {
		const active = this.active();
		if (!active) {
			return;
		}
		const confirm = h('button', { type: 'button', class: 'button primary danger', 'data-testid': 'confirm-delete' }, 'Delete');
		const cancel = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
		confirm.addEventListener('click', () => {
			this.post({ type: 'conversation/delete', conversationId: active.id });
			this.closeInline();
		});
		cancel.addEventListener('click', () => {
			this.closeInline();
			this.deleteButton.focus();
		});
		const bar = h('div', { class: 'conversation-inline confirm', role: 'alertdialog', 'aria-label': 'Delete conversation' }, h('span', {}, `Delete “${active.title || 'Untitled conversation'}”?`), confirm, cancel);
		bar.addEventListener('keydown', event => {
			if (event.key === 'Escape') {
				event.preventDefault();
				cancel.click();
			}
		});
		this.openInline(bar);
		cancel.focus();
	}

	private openInline(content: HTMLElement): void {
		this.closeInline();
		this.inline = content;
		this.row.hidden = true;
		this.element.append(content);
	}

	private closeInline(): void {
		this.inline?.remove();
		this.inline = undefined;
		this.row.hidden = false;
	}
}
