// The Tutor view's browser side.
import { connectToHost, h } from '../common/host';
import { hostToTutor, type HostToTutor, type ModelStatus, type TutorState, type TutorToHost } from '../../src/shared/protocol/tutor';
import './styles.css';

const root = document.getElementById('root')!;

const host = connectToHost<HostToTutor, TutorToHost>(hostToTutor, message => {
	switch (message.type) {
		case 'state/set':
			render(message.state);
			break;
	}
});

function actionButton(label: string, icon: string, onClick: () => void, primary = false): HTMLButtonElement {
	const button = h('button', { class: primary ? 'button primary' : 'button secondary', type: 'button' }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), label);
	button.addEventListener('click', onClick);
	return button;
}

function render(state: TutorState): void {
	root.replaceChildren(welcome(state));
	root.setAttribute('aria-busy', String(state.model.status === 'checking'));
}

function welcome(state: TutorState): HTMLElement {
	return h(
		'section',
		{ class: 'welcome', 'aria-labelledby': 'welcome-title' },
		h('span', { class: 'codicon codicon-mortar-board welcome-icon', 'aria-hidden': 'true' }),
		h('h2', { id: 'welcome-title' }, 'Your coding tutor'),
		h('p', {}, 'Ask about your code, get hints that lead you to the answer instead of handing it over, and have your exercises explained when a test fails.'),
		state.trusted
			? ''
			: h('p', { class: 'notice', role: 'note' }, 'Restricted Mode: the tutor can explain and hint, but exercise tests will not run until you trust this folder.'),
		modelSection(state.model),
		h(
			'div',
			{ class: 'actions' },
			actionButton('Get started', 'rocket', () => host.post({ type: 'command/run', command: 'codementor.getStarted' }), state.model.status === 'connected'),
			actionButton('Browse exercises', 'checklist', () => host.post({ type: 'command/run', command: 'codementor.exercises.focus' })),
		),
	);
}

function modelSection(model: ModelStatus): HTMLElement {
	switch (model.status) {
		case 'checking':
			return h('p', { class: 'model-status', role: 'status' }, h('span', { class: 'codicon codicon-loading codicon-modifier-spin', 'aria-hidden': 'true' }), ' Looking for a model…');
		case 'connected': {
			const change = h('button', { class: 'link', type: 'button', title: 'Choose another model' }, 'change');
			change.addEventListener('click', () => host.post({ type: 'command/run', command: 'codementor.selectModel' }));
			return h('p', { class: 'model-status', role: 'status' }, h('span', { class: 'codicon codicon-sparkle', 'aria-hidden': 'true' }), ` ${model.label} `, change);
		}
		case 'none': {
			const connect = (option: NonNullable<Extract<TutorToHost, { type: 'command/run' }>['args']>[number]) => () =>
				host.post({ type: 'command/run', command: 'codementor.connectModel', args: [option] });
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
