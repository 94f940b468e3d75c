// The context chips above the composer: what would be sent with the next message (selection,
// file, problems, exercise, terminal). Removing a chip keeps it, struck through, to add back.
import { h, icon } from '../common/host';
import type { ContextChip, TutorToHost } from '../../src/shared/protocol/tutor';

const kindIcon: Record<ContextChip['kind'], string> = {
	selection: 'selection',
	file: 'file',
	problems: 'warning',
	exercise: 'mortar-board',
	terminal: 'terminal',
};

export class ContextChips {
	readonly element: HTMLElement;
	private chips: ContextChip[] = [];

	constructor(private readonly post: (message: TutorToHost) => void) {
		this.element = h('div', { class: 'chips', role: 'list', 'aria-label': 'Context sent with your next message', hidden: '' });
	}

	set(chips: readonly ContextChip[]): void {
		this.chips = chips.map(chip => ({ ...chip }));
		this.render();
	}

	private toggle(chip: ContextChip, included: boolean): void {
		// Shown at once; the host confirms with the next context/set.
		chip.included = included;
		this.post({ type: 'context/toggle', chipId: chip.id, included });
		this.render();
		const shown = Array.from(this.element.children).find(el => el.getAttribute('data-chip-id') === chip.id);
		shown?.querySelector('button')?.focus();
	}

	private render(): void {
		this.element.hidden = this.chips.length === 0;
		this.element.replaceChildren(
			...this.chips.map(chip => {
				const toggle = chip.included
					? h('button', { type: 'button', class: 'chip-toggle', 'aria-label': `Remove ${chip.label} from the context`, title: 'Do not send this' }, icon('close'))
					: h('button', { type: 'button', class: 'chip-toggle', 'aria-label': `Add ${chip.label} back to the context`, title: 'Send this again' }, icon('add'));
				toggle.addEventListener('click', () => this.toggle(chip, !chip.included));
				return h(
					'div',
					{
						class: chip.included ? 'chip' : 'chip excluded',
						role: 'listitem',
						title: chip.detail,
						'data-testid': 'chip',
						'data-chip-id': chip.id,
						'data-kind': chip.kind,
						'data-included': String(chip.included),
					},
					icon(kindIcon[chip.kind]),
					h('span', { class: 'chip-label' }, chip.label),
					chip.included ? '' : h('span', { class: 'visually-hidden' }, ' (not sent)'),
					toggle,
				);
			}),
		);
	}
}
