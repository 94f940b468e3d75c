// The composer: an auto-growing textarea with Send (Stop while an answer streams), slash-command
// completion, and editing the last question (Up arrow in an empty composer, or the pencil).
// Keys: Enter sends, Shift+Enter breaks the line, Escape closes the command list, cancels an edit
// or stops the answer, in that order.
import { h, icon } from '../common/host';

export interface SlashCommand {
	readonly name: string;
	readonly description: string;
}

export interface ComposerOptions {
	readonly onSend: (text: string) => void;
	readonly onEdit: (messageId: string, text: string) => void;
	readonly onStop: () => void;
	/** The question Up arrow edits. */
	readonly lastUserMessage: () => { id: string; text: string } | undefined;
	/** The text changed (kept as a draft across reloads). */
	readonly onDraft: (text: string) => void;
	readonly announce: (text: string) => void;
}

const maxRows = 10;

export class Composer {
	readonly element: HTMLElement;
	readonly textarea: HTMLTextAreaElement;
	private readonly sendButton: HTMLButtonElement;
	private readonly stopButton: HTMLButtonElement;
	private readonly list: HTMLUListElement;
	private readonly editBanner: HTMLElement;
	private busy = false;
	private commands: readonly SlashCommand[] = [];
	private matches: readonly SlashCommand[] = [];
	private active = -1;
	private editing: { id: string; draft: string } | undefined;
	private readonly growsByItself: boolean;

	constructor(private readonly options: ComposerOptions) {
		this.textarea = h('textarea', {
			class: 'composer-input',
			rows: '1',
			placeholder: 'Ask the tutor, or type / for commands',
			'aria-label': 'Message the tutor',
			'aria-autocomplete': 'list',
			'aria-controls': 'slash-commands',
			'data-testid': 'composer',
		});
		this.sendButton = h('button', { type: 'button', class: 'icon-button send', 'aria-label': 'Send (Enter)', title: 'Send (Enter)', 'data-testid': 'send' }, icon('send'));
		this.stopButton = h('button', { type: 'button', class: 'icon-button stop', 'aria-label': 'Stop the answer (Escape)', title: 'Stop (Escape)', 'data-testid': 'stop', hidden: '' }, icon('debug-stop'));
		this.list = h('ul', { class: 'slash-list', id: 'slash-commands', role: 'listbox', 'aria-label': 'Slash commands', hidden: '' });
		const cancel = h('button', { type: 'button', class: 'link', 'aria-label': 'Cancel editing' }, 'Cancel');
		this.editBanner = h('div', { class: 'edit-banner', role: 'status', hidden: '' }, icon('edit'), h('span', {}, 'Editing your last message. Enter sends it again.'), cancel);
		this.element = h(
			'div',
			{ class: 'composer' },
			this.editBanner,
			h('div', { class: 'composer-box' }, this.list, this.textarea, h('div', { class: 'composer-actions' }, this.sendButton, this.stopButton)),
		);
		const css = this.textarea.ownerDocument.defaultView?.CSS;
		this.growsByItself = !!css?.supports?.('field-sizing', 'content');

		this.textarea.addEventListener('keydown', event => this.onKeyDown(event));
		this.textarea.addEventListener('input', () => this.onInput());
		this.textarea.addEventListener('blur', () => this.closeList());
		this.sendButton.addEventListener('click', () => this.send());
		this.stopButton.addEventListener('click', () => this.options.onStop());
		cancel.addEventListener('click', () => this.cancelEdit());
		this.list.addEventListener('mousedown', event => event.preventDefault());
		this.list.addEventListener('click', event => {
			const option = (event.target as Element).closest('[role="option"]');
			const index = option ? Number(option.getAttribute('data-index')) : -1;
			if (index >= 0) {
				this.pick(index);
			}
		});
		this.updateSendState();
	}

	get text(): string {
		return this.textarea.value;
	}

	get isEditing(): boolean {
		return !!this.editing;
	}

	setText(text: string): void {
		this.textarea.value = text;
		this.onInput();
		const end = text.length;
		this.textarea.setSelectionRange(end, end);
	}

	focus(): void {
		this.textarea.focus();
	}

	setBusy(busy: boolean): void {
		this.busy = busy;
		this.sendButton.hidden = busy;
		this.stopButton.hidden = !busy;
		this.updateSendState();
	}

	setCommands(commands: readonly SlashCommand[]): void {
		this.commands = commands;
		if (!this.list.hidden) {
			this.updateList();
		}
	}

	setPlaceholder(text: string): void {
		this.textarea.placeholder = text;
	}

	/** Sends the text (as an edit while editing); does nothing while an answer streams or when empty. */
	send(): boolean {
		const text = this.textarea.value;
		if (this.busy || !text.trim()) {
			return false;
		}
		if (this.editing) {
			this.options.onEdit(this.editing.id, text);
			this.editing = undefined;
			this.editBanner.hidden = true;
		} else {
			this.options.onSend(text);
		}
		this.setText('');
		return true;
	}

	startEdit(messageId: string, text: string): void {
		if (this.busy) {
			return;
		}
		this.editing = { id: messageId, draft: this.editing?.draft ?? this.textarea.value };
		this.editBanner.hidden = false;
		this.setText(text);
		this.focus();
	}

	cancelEdit(): void {
		if (!this.editing) {
			return;
		}
		const { draft } = this.editing;
		this.editing = undefined;
		this.editBanner.hidden = true;
		this.setText(draft);
		this.focus();
	}

	private onKeyDown(event: KeyboardEvent): void {
		if (event.isComposing) {
			return;
		}
		const listOpen = !this.list.hidden;
		switch (event.key) {
			case 'Enter':
				if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) {
					return;
				}
				event.preventDefault();
				if (listOpen && this.active >= 0) {
					this.pick(this.active);
				} else {
					this.send();
				}
				return;
			case 'Tab':
				if (listOpen && this.active >= 0) {
					event.preventDefault();
					this.pick(this.active);
				}
				return;
			case 'ArrowDown':
			case 'ArrowUp':
				if (listOpen) {
					event.preventDefault();
					this.move(event.key === 'ArrowDown' ? 1 : -1);
				} else if (event.key === 'ArrowUp' && this.textarea.value === '' && !this.editing) {
					const last = this.options.lastUserMessage();
					if (last && !this.busy) {
						event.preventDefault();
						this.startEdit(last.id, last.text);
					}
				}
				return;
			case 'Escape':
				if (listOpen) {
					event.preventDefault();
					this.closeList();
				} else if (this.editing) {
					event.preventDefault();
					this.cancelEdit();
				} else if (this.busy) {
					event.preventDefault();
					this.options.onStop();
				}
				return;
		}
	}

	private onInput(): void {
		this.grow();
		this.updateList();
		this.updateSendState();
		this.options.onDraft(this.textarea.value);
	}

	private updateSendState(): void {
		const empty = !this.textarea.value.trim();
		this.sendButton.disabled = empty;
	}

	/** Browsers without `field-sizing: content` grow by rows (a style attribute would break the CSP). */
	private grow(): void {
		if (this.growsByItself) {
			return;
		}
		const lines = this.textarea.value.split('\n').length;
		this.textarea.rows = Math.max(1, Math.min(maxRows, lines));
	}

	private updateList(): void {
		const m = /^\/([\w-]*)$/.exec(this.textarea.value);
		const query = m?.[1].toLowerCase();
		this.matches = query === undefined ? [] : this.commands.filter(c => c.name.toLowerCase().startsWith(query));
		if (!this.matches.length) {
			this.closeList();
			return;
		}
		const wasOpen = !this.list.hidden;
		this.active = Math.min(Math.max(this.active, 0), this.matches.length - 1);
		this.list.replaceChildren(
			...this.matches.map((command, i) =>
				h(
					'li',
					{ role: 'option', id: `slash-command-${i}`, 'data-index': String(i), 'aria-selected': String(i === this.active), class: i === this.active ? 'active' : '' },
					h('span', { class: 'slash-name' }, `/${command.name}`),
					h('span', { class: 'slash-description' }, command.description),
				),
			),
		);
		this.list.hidden = false;
		this.textarea.setAttribute('aria-activedescendant', `slash-command-${this.active}`);
		if (!wasOpen) {
			this.options.announce(`${this.matches.length} ${this.matches.length === 1 ? 'command' : 'commands'}: use the arrow keys, Enter to pick`);
		}
	}

	private move(delta: number): void {
		const n = this.matches.length;
		this.active = (this.active + delta + n) % n;
		this.list.querySelectorAll('[role="option"]').forEach((option, i) => {
			option.setAttribute('aria-selected', String(i === this.active));
			option.classList.toggle('active', i === this.active);
		});
		this.textarea.setAttribute('aria-activedescendant', `slash-command-${this.active}`);
		this.list.querySelector('.active')?.scrollIntoView?.({ block: 'nearest' });
	}

	private pick(index: number): void {
		const command = this.matches[index];
		if (!command) {
			return;
		}
		this.closeList();
		this.setText(`/${command.name} `);
	}

	private closeList(): void {
		this.list.hidden = true;
		this.active = -1;
		this.textarea.removeAttribute('aria-activedescendant');
	}
}
