// The practice calendar: the timeline as a GitHub-style heat map, weeks as columns and days as
// rows (Sunday on top), drawn as SVG with DOM calls so it needs no chart library and no inline
// styles; cell colours come from the stylesheet's level classes, so they follow the theme.
import type { DashboardSummary } from '../../src/shared/protocol/dashboard';
import { count, dayNumber, dayOfMonth, longDay, monthName, weekday } from './format';

type TimelineDay = DashboardSummary['timeline'][number];
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 12;
const GAP = 3;
const PITCH = CELL + GAP;
const LEFT = 30;
const TOP = 16;

/** Colour step of a day: 0 for no attempts, then quarters of the busiest day in view. */
export function heatLevel(attempts: number, busiest: number): HeatLevel {
	if (attempts <= 0 || busiest <= 0) {
		return 0;
	}
	return Math.min(4, Math.max(1, Math.ceil((attempts / busiest) * 4))) as HeatLevel;
}

/** The cell's tooltip: "2026-11-30: 3 attempts, 1 passed, 2 hints". */
export function dayTitle(day: TimelineDay): string {
	return `${day.day}: ${count(day.attempts, 'attempt')}, ${day.passed} passed, ${count(day.hints, 'hint')}`;
}

/** What the calendar shows, in one sentence for screen readers. */
export function heatmapSummary(timeline: readonly TimelineDay[], locale?: string): string {
	if (timeline.length === 0) {
		return 'Practice calendar: no days to show.';
	}
	const active = timeline.filter(d => d.attempts > 0 || d.hints > 0);
	const attempts = timeline.reduce((sum, d) => sum + d.attempts, 0);
	const passed = timeline.reduce((sum, d) => sum + d.passed, 0);
	const hints = timeline.reduce((sum, d) => sum + d.hints, 0);
	let sentence = `Practice calendar for the last ${count(timeline.length, 'day')}: ${count(active.length, 'active day')}, ${count(attempts, 'attempt')}, ${passed} passed, ${count(hints, 'hint')}.`;
	const busiest = timeline.reduce<TimelineDay | undefined>((best, d) => (d.attempts > (best?.attempts ?? 0) ? d : best), undefined);
	if (busiest) {
		sentence += ` Busiest day: ${longDay(locale)(busiest.day)} with ${count(busiest.attempts, 'attempt')}.`;
	}
	return sentence;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
	const el = document.createElementNS(SVG, tag);
	for (const [k, v] of Object.entries(attrs)) {
		el.setAttribute(k, String(v));
	}
	el.append(...children);
	return el;
}

/** The calendar for `timeline` (oldest first); the last day is marked as today. */
export function buildHeatmap(timeline: readonly TimelineDay[], locale?: string): SVGSVGElement {
	const busiest = Math.max(0, ...timeline.map(d => d.attempts));
	const first = timeline.length > 0 ? dayNumber(timeline[0].day) - weekday(timeline[0].day) : 0;
	const columnOf = (day: string) => Math.floor((dayNumber(day) - first) / 7);
	const columns = timeline.length > 0 ? columnOf(timeline[timeline.length - 1].day) + 1 : 0;
	const width = LEFT + columns * PITCH;
	const height = TOP + 7 * PITCH;

	const root = svg('svg', {
		class: 'heatmap-grid',
		width,
		height,
		viewBox: `0 0 ${width} ${height}`,
		role: 'img',
		'aria-label': heatmapSummary(timeline, locale),
	});

	const labels = svg('g', { class: 'heatmap-labels', 'aria-hidden': 'true' });
	for (const [row, name] of [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']] as const) {
		labels.append(svg('text', { x: LEFT - 6, y: TOP + row * PITCH + CELL - 2, 'text-anchor': 'end' }, name));
	}
	const month = monthName(locale);
	const starts = timeline.filter((d, i) => i === 0 || dayOfMonth(d.day) === 1).map(d => ({ column: columnOf(d.day), text: month(d.day) }));
	// A label needs about three columns: the partial first month yields to the next month's label.
	if (starts.length > 1 && starts[1].column - starts[0].column < 3) {
		starts.shift();
	}
	for (const start of starts) {
		labels.append(svg('text', { x: LEFT + start.column * PITCH, y: TOP - 5 }, start.text));
	}
	root.append(labels);

	const cells = svg('g', { class: 'heatmap-cells' });
	timeline.forEach((d, index) => {
		const level = heatLevel(d.attempts, busiest);
		const classes = ['cell', `level-${level}`];
		if (index === timeline.length - 1) {
			classes.push('today');
		}
		cells.append(svg('rect', {
			class: classes.join(' '),
			x: LEFT + columnOf(d.day) * PITCH,
			y: TOP + weekday(d.day) * PITCH,
			width: CELL,
			height: CELL,
			rx: 2,
			'data-day': d.day,
			'data-attempts': d.attempts,
		}, svg('title', {}, dayTitle(d))));
	});
	root.append(cells);
	return root;
}
