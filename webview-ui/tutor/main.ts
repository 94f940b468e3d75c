// The Tutor view's browser side.
import { connectToHost, h } from '../common/host';
import { hostToTutor, type HostToTutor, type TutorState, type TutorToHost } from '../../src/shared/protocol/tutor';
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
	root.setAttribute('aria-busy', 'false');
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
		h(
			'div',
			{ class: 'actions' },
			actionButton('Get started', 'rocket', () => host.post({ type: 'command/run', command: 'codementor.getStarted' }), true),
			actionButton('Browse exercises', 'checklist', () => host.post({ type: 'command/run', command: 'codementor.exercises.focus' })),
		),
	);
}
