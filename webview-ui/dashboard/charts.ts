// What the dashboard's two Chart.js charts show (mastery per concept, attempts and hints per day)
// as plain configurations, and the loader seam that keeps Chart.js itself out of this module: the
// page loads it lazily (./chartRuntime), tests pass a fake loader and inspect the configurations.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { DashboardSummary } from '../../src/shared/protocol/dashboard';
import { count, longDay, percent, shortDay } from './format';
import type { ChartTheme } from './theme';

export type ChartConfig = ChartConfiguration<'bar' | 'line', number[], string>;

export interface ChartHandle {
	/** Redraws with new data or colours, without animating. */
	update(config: ChartConfig): void;
	destroy(): void;
}
export type ChartFactory = (canvas: HTMLCanvasElement, config: ChartConfig) => ChartHandle;
/** Loads the chart library on first use; called only when there is something to chart. */
export type ChartLoader = () => Promise<ChartFactory>;

type TimelineDay = DashboardSummary['timeline'][number];

export interface MasteryRow {
	readonly concept: string;
	readonly label: string;
	/** 0–100 */
	readonly percent: number;
	readonly mastered: boolean;
	readonly attempts: number;
	readonly successes: number;
}

/** Concepts strongest first, named by their labels. */
export function masteryRows(summary: DashboardSummary): MasteryRow[] {
	return summary.mastery
		.map(m => ({ concept: m.concept, label: summary.conceptLabels[m.concept] ?? m.concept, percent: percent(m.p), p: m.p, mastered: m.mastered, attempts: m.attempts, successes: m.successes }))
		.sort((a, b) => b.p - a.p || a.label.localeCompare(b.label))
		.map(({ p: _p, ...row }) => row);
}

function axisStyle(theme: ChartTheme) {
	return {
		ticks: { color: theme.muted, font: { family: theme.fontFamily, size: theme.fontSize - 1 } },
		grid: { color: theme.grid },
		border: { color: theme.grid },
	};
}

function tooltipStyle(theme: ChartTheme) {
	return {
		backgroundColor: theme.background,
		titleColor: theme.foreground,
		bodyColor: theme.foreground,
		borderColor: theme.highContrast ? theme.foreground : theme.grid,
		borderWidth: 1,
		titleFont: { family: theme.fontFamily },
		bodyFont: { family: theme.fontFamily },
	};
}

/** Pixels the mastery chart needs to give every concept a readable bar. */
export function masteryChartHeight(rows: number): number {
	return Math.max(120, rows * 28 + 40);
}

export function masteryChartConfig(rows: readonly MasteryRow[], theme: ChartTheme): ChartConfig {
	return {
		type: 'bar',
		data: {
			labels: rows.map(r => (r.mastered ? `${r.label} ✓` : r.label)),
			datasets: [{
				type: 'bar',
				label: 'Mastery',
				data: rows.map(r => r.percent),
				backgroundColor: rows.map(r => (r.mastered ? theme.green : theme.blue)),
				borderColor: theme.highContrast ? theme.foreground : 'transparent',
				borderWidth: theme.highContrast ? 1 : 0,
				borderRadius: 3,
				maxBarThickness: 18,
			}],
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: theme.reducedMotion ? false : { duration: 400 },
			scales: {
				x: { ...axisStyle(theme), min: 0, max: 100, ticks: { ...axisStyle(theme).ticks, callback: value => `${value}%` } },
				y: { ...axisStyle(theme), grid: { display: false }, ticks: { ...axisStyle(theme).ticks, color: theme.foreground } },
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					...tooltipStyle(theme),
					callbacks: {
						title: items => rows[items[0]?.dataIndex ?? 0]?.label ?? '',
						label: (item: TooltipItem<'bar' | 'line'>) => {
							const row = rows[item.dataIndex];
							return row ? `${row.percent}% mastery${row.mastered ? ' — mastered' : ''}, ${row.successes} of ${count(row.attempts, 'attempt')} passed` : '';
						},
					},
				},
			},
		},
	};
}

/** The last `days` days of the timeline (which is oldest first). */
export function lastDays(timeline: readonly TimelineDay[], days: number): TimelineDay[] {
	return timeline.slice(Math.max(0, timeline.length - days));
}

export function activityChartConfig(days: readonly TimelineDay[], theme: ChartTheme, locale?: string): ChartConfig {
	const label = shortDay(locale);
	const title = longDay(locale);
	return {
		type: 'bar',
		data: {
			labels: days.map(d => label(d.day)),
			datasets: [
				{
					type: 'bar',
					label: 'Attempts',
					data: days.map(d => d.attempts),
					backgroundColor: theme.blue,
					borderColor: theme.highContrast ? theme.foreground : 'transparent',
					borderWidth: theme.highContrast ? 1 : 0,
					borderRadius: 2,
					order: 2,
				},
				{
					type: 'line',
					label: 'Hints',
					data: days.map(d => d.hints),
					borderColor: theme.orange,
					backgroundColor: theme.orange,
					borderWidth: 2,
					pointRadius: days.length > 40 ? 0 : 2,
					pointHoverRadius: 4,
					tension: 0.3,
					order: 1,
				},
			],
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: theme.reducedMotion ? false : { duration: 400 },
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { ...axisStyle(theme), grid: { display: false }, ticks: { ...axisStyle(theme).ticks, maxRotation: 0, autoSkipPadding: 12 } },
				y: { ...axisStyle(theme), beginAtZero: true, ticks: { ...axisStyle(theme).ticks, precision: 0 } },
			},
			plugins: {
				// `order` draws the hints line over the bars; the legend still lists attempts first.
				legend: { labels: { color: theme.foreground, boxWidth: 12, font: { family: theme.fontFamily }, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
				tooltip: {
					...tooltipStyle(theme),
					callbacks: { title: items => (days[items[0]?.dataIndex ?? -1] ? title(days[items[0].dataIndex].day) : '') },
				},
			},
		},
	};
}
