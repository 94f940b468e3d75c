// The non-markdown parts of an answer: a code block the leak guard held back (with "Show anyway"),
// and a tool step the tutor ran (collapsible, with Allow / Decline while it waits for the learner).
import { h, icon } from '../common/host';
import type { MessagePart, TutorToHost } from '../../src/shared/protocol/tutor';

type Post = (message: TutorToHost) => void;
type WithheldPart = Extract<MessagePart, { type: 'withheld' }>;
type ToolPart = Extract<MessagePart, { type: 'tool' }>;

export function withheldView(part: WithheldPart, messageId: string, post: Post): HTMLElement {
	const hintId = `withheld-hint-${messageId}-${part.blockId}`.replace(/[^\w-]/g, '_');
	const show = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'show-anyway', 'aria-describedby': hintId }, icon('eye'), 'Show anyway');
	show.addEventListener('click', () => {
		show.disabled = true;
		show.replaceChildren(icon('loading', 'codicon-modifier-spin'), 'Showing…');
		post({ type: 'solution/show', messageId, blockId: part.blockId });
	});
	const what = part.language ? `A ${part.language} code block` : 'A code block';
	return h(
		'div',
		{ class: 'withheld', role: 'note', 'data-testid': 'withheld', 'data-block-id': part.blockId },
		h('div', { class: 'withheld-title' }, icon('eye-closed'), h('span', {}, `${what} was held back`)),
		h('p', { class: 'withheld-notice' }, part.notice),
		h('p', { class: 'withheld-hint', id: hintId }, 'Showing it counts as viewing the solution for this exercise.'),
		h('div', { class: 'withheld-actions' }, show),
	);
}

const toolStatus: Record<ToolPart['status'], { codicon: string; modifiers: string[]; label: string }> = {
	running: { codicon: 'loading', modifiers: ['codicon-modifier-spin'], label: 'Running' },
	done: { codicon: 'check', modifiers: [], label: 'Done' },
	error: { codicon: 'error', modifiers: [], label: 'Failed' },
	'awaiting-confirmation': { codicon: 'shield', modifiers: [], label: 'Waiting for your approval' },
	declined: { codicon: 'circle-slash', modifiers: [], label: 'Declined' },
};

/** A tool step; `previous` (the same call shown before) keeps its expanded state. */
export function toolView(part: ToolPart, post: Post, previous?: HTMLElement): HTMLElement {
	const status = toolStatus[part.status];
	const awaiting = part.status === 'awaiting-confirmation';
	const wasOpen = previous?.querySelector('details')?.open;
	const details = h(
		'details',
		{},
		h(
			'summary',
			{},
			h('span', { class: `tool-icon status-${part.status}` }, icon(status.codicon, ...status.modifiers)),
			h('span', { class: 'tool-title' }, part.title || part.name),
			h('span', { class: 'visually-hidden' }, `, ${status.label}`),
		),
		h(
			'div',
			{ class: 'tool-io' },
			part.input ? h('div', {}, h('div', { class: 'tool-io-label' }, 'Input'), h('pre', {}, part.input)) : '',
			part.output ? h('div', {}, h('div', { class: 'tool-io-label' }, 'Output'), h('pre', {}, part.output)) : '',
			part.input || part.output || awaiting ? '' : h('p', { class: 'tool-io-empty' }, `Tool: ${part.name}`),
		),
	);
	if (wasOpen ?? awaiting) {
		details.open = true;
	}
	const step = h('div', { class: 'tool-step', 'data-testid': 'tool-step', 'data-status': part.status, 'data-call-id': part.callId }, details);
	if (awaiting) {
		const allow = h('button', { type: 'button', class: 'button primary', 'data-testid': 'tool-allow' }, icon('check'), 'Allow');
		const decline = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'tool-decline' }, icon('close'), 'Decline');
		const answer = (approved: boolean) => () => {
			allow.disabled = true;
			decline.disabled = true;
			post({ type: 'tool/confirm', callId: part.callId, approved });
		};
		allow.addEventListener('click', answer(true));
		decline.addEventListener('click', answer(false));
		step.append(
			h(
				'div',
				{ class: 'tool-confirm', role: 'group', 'aria-label': `Allow ${part.title || part.name}?` },
				h('span', {}, `The tutor wants to run ${part.name}.`),
				h('span', { class: 'tool-confirm-actions' }, allow, decline),
			),
		);
	}
	return step;
}
