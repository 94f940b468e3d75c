// The welcome screen: what the tutor does, and, while no model is connected, the one-click ways to
// connect one. Shown while a conversation has no messages.
import { h, icon } from '../common/host';
import type { ModelStatus, TutorState, TutorToHost } from '../../src/shared/protocol/tutor';

type Post = (message: TutorToHost) => void;
type ConnectOption = NonNullable<Extract<TutorToHost, { type: 'command/run' }>['args']>[number];

function actionButton(label: string, codicon: string, onClick: () => void, primary = false): HTMLButtonElement {
	const button = h('button', { class: primary ? 'button primary' : 'button secondary', type: 'button' }, icon(codicon), label);
	button.addEventListener('click', onClick);
	return button;
}

export function welcome(state: TutorState, post: Post): HTMLElement {
	return h(
		'section',
		{ class: 'welcome', 'aria-labelledby': 'welcome-title', 'data-testid': 'welcome' },
		h('span', { class: 'codicon codicon-mortar-board welcome-icon', 'aria-hidden': 'true' }),
		h('h2', { id: 'welcome-title' }, 'Your coding tutor'),
		h('p', {}, 'Ask about your code, get hints that lead you to the answer instead of handing it over, and have your exercises explained when a test fails.'),
		state.trusted
			? ''
			: h('p', { class: 'notice', role: 'note' }, 'Restricted Mode: the tutor can explain and hint, but exercise tests will not run until you trust this folder.'),
		modelSection(state.model, post),
		h(
			'div',
			{ class: 'actions' },
			actionButton('Get started', 'rocket', () => post({ type: 'command/run', command: 'codementor.getStarted' }), state.model.status === 'connected'),
			actionButton('Browse exercises', 'checklist', () => post({ type: 'command/run', command: 'codementor.exercises.focus' })),
		),
	);
}

function modelSection(model: ModelStatus, post: Post): HTMLElement {
	switch (model.status) {
		case 'checking':
			return h('p', { class: 'model-status', role: 'status' }, icon('loading', 'codicon-modifier-spin'), ' Looking for a model…');
		case 'connected': {
			const change = h('button', { class: 'link', type: 'button', title: 'Choose another model' }, 'change');
			change.addEventListener('click', () => post({ type: 'command/run', command: 'codementor.selectModel' }));
			return h('p', { class: 'model-status', role: 'status' }, icon('sparkle'), ` ${model.label} `, change);
		}
		case 'none': {
			const connect = (option: ConnectOption) => () => post({ type: 'command/run', command: 'codementor.connectModel', args: [option] });
			return h(
				'div',
				{ class: 'connect', role: 'region', 'aria-labelledby': 'connect-title' },
				h('h3', { id: 'connect-title' }, 'Connect a model'),
				h('p', {}, model.problem ?? 'The tutor needs a language model. Pick one way; you can change it later.'),
				h(
					'div',
					{ class: 'connect-options' },
					model.platformConfigured ? actionButton('Sign in to CodeMentor', 'github', connect('platform'), true) : '',
					actionButton('Use Ollama on this computer', 'server', connect('ollama'), !model.platformConfigured),
					actionButton('Use a VS Code model', 'copilot', connect('vscodeLm')),
					actionButton('Add an OpenAI key', 'key', connect('openai')),
					actionButton('Add an Anthropic key', 'key', connect('anthropic')),
					actionButton('Other OpenAI-compatible server', 'link', connect('openaiCompatible')),
				),
			);
		}
	}
}
