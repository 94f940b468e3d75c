// The view's header: the conversation picker, then the tutor mode, the model in use and what this
// conversation has cost so far.
import { h, icon } from '../common/host';
import { tutorModes, type TutorModeId, type TutorState, type TutorToHost } from '../../src/shared/protocol/tutor';
import { ConversationPicker } from './conversations';
import { usageDetail, usageLabel } from './format';

type Post = (message: TutorToHost) => void;

const modes: Record<TutorModeId, { label: string; description: string }> = {
	guide: { label: 'Guide', description: 'Hints and questions that lead you to the answer' },
	explain: { label: 'Explain', description: 'Explains concepts and code step by step' },
	debug: { label: 'Debug', description: 'Helps you find the cause of a bug yourself' },
	review: { label: 'Review', description: 'Reviews your code and suggests improvements' },
};

export class Header {
	readonly element: HTMLElement;
	private readonly conversations: ConversationPicker;
	private readonly mode: HTMLSelectElement;
	private readonly model: HTMLElement;
	private readonly usage: HTMLElement;

	constructor(private readonly post: Post) {
		this.conversations = new ConversationPicker(post);
		this.mode = h(
			'select',
			{ class: 'mode-select', 'aria-label': 'Tutor mode', 'data-testid': 'mode' },
			...tutorModes.map(id => h('option', { value: id, title: modes[id].description }, modes[id].label)),
		);
		this.mode.addEventListener('change', () => {
			const mode = this.mode.value as TutorModeId;
			this.mode.title = modes[mode].description;
			this.post({ type: 'mode/set', mode });
		});
		this.model = h('span', { class: 'model', 'data-testid': 'model' });
		this.usage = h('span', { class: 'usage', 'data-testid': 'usage', hidden: '' });
		this.element = h(
			'header',
			{ class: 'header' },
			this.conversations.element,
			h('div', { class: 'header-meta' }, this.mode, this.model, this.usage),
		);
	}

	set(state: TutorState): void {
		this.conversations.set(state.conversations, state.activeConversationId);
		this.mode.value = state.mode;
		this.mode.title = modes[state.mode].description;
		this.renderModel(state.model);
		const label = usageLabel(state.usage);
		this.usage.hidden = !label;
		this.usage.textContent = label ?? '';
		this.usage.title = usageDetail(state.usage);
		this.usage.setAttribute('aria-label', label ? `Used so far: ${label}` : '');
	}

	private renderModel(model: TutorState['model']): void {
		const change = (label: string, command: 'codementor.selectModel' | 'codementor.connectModel', title: string) => {
			const button = h('button', { type: 'button', class: 'link', title, 'data-testid': 'change-model' }, label);
			button.addEventListener('click', () => this.post({ type: 'command/run', command }));
			return button;
		};
		switch (model.status) {
			case 'checking':
				this.model.replaceChildren(icon('loading', 'codicon-modifier-spin'), h('span', { class: 'model-label' }, 'Looking for a model…'));
				break;
			case 'connected':
				this.model.replaceChildren(icon('sparkle'), h('span', { class: 'model-label', title: `${model.label} (${model.provider})` }, model.label), change('change', 'codementor.selectModel', 'Choose another model'));
				break;
			case 'none':
				this.model.replaceChildren(icon('circle-slash'), h('span', { class: 'model-label' }, 'No model'), change('connect', 'codementor.connectModel', 'Connect a language model'));
				break;
		}
	}
}
