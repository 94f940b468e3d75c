// Dismissible banners for notices from the host (info, warning, error), newest first, at most three.
import { h, icon } from '../common/host';

type Level = 'info' | 'warning' | 'error';

const levelIcon: Record<Level, string> = { info: 'info', warning: 'warning', error: 'error' };

export class Notices {
	readonly element: HTMLElement = h('div', { class: 'notices' });

	show(level: Level, message: string): void {
		for (const existing of Array.from(this.element.children)) {
			if (existing.getAttribute('data-message') === message) {
				existing.remove();
			}
		}
		const dismiss = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss notice', title: 'Dismiss' }, icon('close'));
		const banner = h(
			'div',
			{ class: `banner ${level}`, role: level === 'info' ? 'status' : 'alert', 'data-testid': 'notice', 'data-level': level, 'data-message': message },
			icon(levelIcon[level]),
			h('span', { class: 'banner-text' }, message),
			dismiss,
		);
		dismiss.addEventListener('click', () => banner.remove());
		this.element.prepend(banner);
		Array.from(this.element.children).slice(3).forEach(old => old.remove());
	}
}
