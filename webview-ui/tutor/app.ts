// The Tutor view put together: header, notices, welcome screen or conversation, context chips and
// composer, driven by the host's messages. Kept apart from main.ts (which only connects it to VS
// Code) so that tests can drive it in jsdom with a fake host.
import { h, icon } from '../common/host';
import type { HostConnection } from '../common/host';
import type { HostToTutor, TutorState, TutorToHost } from '../../src/shared/protocol/tutor';
import { ContextChips } from './chips';
import { Composer } from './composer';
import { Header } from './header';
import { createMarkdownRenderer } from './markdown';
import { DiagramRenderer, loadMermaid, type MermaidLoader } from './mermaid';
import { MessageList } from './messages';
import { Notices } from './notices';
import { welcome } from './welcome';

export interface TutorAppOptions {
	/** Batches rendering (default: requestAnimationFrame). */
	readonly schedule?: (flush: () => void) => void;
	readonly loadMermaid?: MermaidLoader;
	/** How long the draft and scroll position wait before they are saved. */
	readonly saveDelayMs?: number;
}

/** What survives the view being hidden or reloaded: never secrets, never the conversation itself. */
export interface SavedViewState {
	readonly draft?: string;
	readonly scroll?: { readonly conversationId: string; readonly top: number; readonly atEnd: boolean };
}

export class TutorApp {
	private readonly header: Header;
	private readonly notices = new Notices();
	private readonly welcomeArea: HTMLElement;
	private readonly messages: MessageList;
	private readonly chips: ContextChips;
	private readonly composer: Composer;
	private readonly restricted: HTMLElement;
	private readonly live: HTMLElement;
	private readonly diagrams: DiagramRenderer;
	private state: TutorState | undefined;
	private conversationId: string | undefined;
	private saved: SavedViewState;
	private restoreScroll: SavedViewState['scroll'];
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private announceTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly root: HTMLElement,
		private readonly host: HostConnection<TutorToHost>,
		private readonly options: TutorAppOptions = {},
	) {
		const doc = root.ownerDocument;
		const post = (message: TutorToHost) => this.host.post(message);
		this.saved = host.getState<SavedViewState>() ?? {};
		this.restoreScroll = this.saved.scroll;
		this.diagrams = new DiagramRenderer(doc, options.loadMermaid ?? loadMermaid);
		this.live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
		const announce = (text: string) => this.announce(text);

		this.header = new Header(post);
		this.welcomeArea = h('div', { class: 'welcome-area' });
		this.messages = new MessageList({
			post,
			markdown: createMarkdownRenderer(doc.defaultView!),
			diagrams: this.diagrams,
			schedule: options.schedule,
			onEdit: (id, text) => this.composer.startEdit(id, text),
			announce,
		});
		this.chips = new ContextChips(post);
		this.composer = new Composer({
			onSend: text => {
				post({ type: 'chat/send', text });
				this.messages.scrollToEnd();
			},
			onEdit: (messageId, text) => post({ type: 'chat/edit', messageId, text }),
			onStop: () => post({ type: 'chat/stop' }),
			lastUserMessage: () => this.messages.lastUser(),
			onDraft: text => this.save({ draft: text }),
			announce,
		});
		this.composer.textarea.maxLength = 20_000;
		const manage = h('button', { type: 'button', class: 'link' }, 'Manage');
		manage.addEventListener('click', () => post({ type: 'command/run', command: 'workbench.trust.manage' }));
		this.restricted = h('p', { class: 'restricted', hidden: '' }, icon('shield'), h('span', {}, 'Restricted Mode: exercise tests will not run. '), manage);
		this.messages.element.addEventListener('scroll', () => this.saveScroll());

		root.replaceChildren(
			this.header.element,
			this.notices.element,
			h('main', { class: 'content' }, this.welcomeArea, this.messages.element),
			h('footer', { class: 'footer' }, this.chips.element, this.composer.element, this.restricted),
			this.live,
		);
		if (this.saved.draft) {
			this.composer.setText(this.saved.draft);
		}
		this.updateScreen();
	}

	handle(message: HostToTutor): void {
		switch (message.type) {
			case 'state/set':
				this.setState(message.state);
				break;
			case 'messages/set':
				if (message.conversationId !== this.conversationId) {
					this.composer.cancelEdit();
				}
				this.conversationId = message.conversationId;
				this.messages.setAll(message.messages);
				this.applySavedScroll();
				this.updateScreen();
				break;
			case 'message/upsert':
				if (this.conversationId && message.conversationId !== this.conversationId) {
					return;
				}
				this.conversationId = message.conversationId;
				this.messages.upsert(message.message);
				this.updateScreen();
				break;
			case 'message/append':
				this.messages.append(message.messageId, message.part, message.text);
				this.updateScreen();
				break;
			case 'message/part':
				this.messages.setPart(message.messageId, message.part, message.value);
				break;
			case 'context/set':
				this.chips.set(message.chips);
				break;
			case 'composer/fill':
				this.composer.setText(message.text);
				this.composer.focus();
				if (message.send) {
					this.composer.send();
				}
				break;
			case 'notice':
				this.notices.show(message.level, message.message);
				break;
		}
	}

	dispose(): void {
		clearTimeout(this.saveTimer);
		clearTimeout(this.announceTimer);
		this.messages.dispose();
		this.diagrams.dispose();
	}

	private setState(state: TutorState): void {
		this.state = state;
		this.header.set(state);
		this.composer.setBusy(state.busy);
		this.composer.setCommands(state.commands);
		this.composer.setPlaceholder(state.model.status === 'none' ? 'Connect a model above to ask the tutor' : 'Ask the tutor, or type / for commands');
		this.messages.setBusy(state.busy);
		this.root.setAttribute('aria-busy', String(state.model.status === 'checking'));
		if (state.activeConversationId && state.activeConversationId !== this.conversationId && this.messages.count === 0) {
			this.conversationId = state.activeConversationId;
		}
		this.updateScreen();
	}

	/** The welcome screen while the conversation is empty, the message list otherwise. */
	private updateScreen(): void {
		const showWelcome = this.messages.count === 0 && (this.state?.screen ?? 'welcome') === 'welcome';
		if (showWelcome) {
			this.welcomeArea.replaceChildren(this.state ? welcome(this.state, message => this.host.post(message)) : '');
		} else {
			this.welcomeArea.replaceChildren();
		}
		this.welcomeArea.hidden = !showWelcome;
		// The welcome screen says it itself.
		this.restricted.hidden = (this.state?.trusted ?? true) || showWelcome;
		this.messages.element.hidden = showWelcome;
	}

	private announce(text: string): void {
		// Emptied first, so that the same words said twice are read twice.
		this.live.textContent = '';
		clearTimeout(this.announceTimer);
		this.announceTimer = setTimeout(() => {
			this.live.textContent = text;
		}, 50);
	}

	private applySavedScroll(): void {
		const saved = this.restoreScroll;
		this.restoreScroll = undefined;
		if (!saved || saved.conversationId !== this.conversationId || saved.atEnd) {
			return;
		}
		this.messages.element.scrollTop = saved.top;
	}

	private saveScroll(): void {
		if (!this.conversationId) {
			return;
		}
		const el = this.messages.element;
		this.save({ scroll: { conversationId: this.conversationId, top: Math.round(el.scrollTop), atEnd: this.messages.atEnd } });
	}

	private save(change: Partial<SavedViewState>): void {
		this.saved = { ...this.saved, ...change };
		clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => this.host.setState(this.saved), this.options.saveDelayMs ?? 250);
	}
}
