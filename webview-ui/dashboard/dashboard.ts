// The Progress dashboard's page: header with streak, today's goal and totals; mastery and activity
// charts; the practice calendar; badges, due reviews and recurring mistakes; or a welcome when
// there is no activity yet. Chart.js arrives through an injected loader, called only when a chart
// is on the page; charts are recoloured when VS Code changes theme.
import { h } from '../common/host';
import type { DashboardSummary, DashboardToHost } from '../../src/shared/protocol/dashboard';
import { activityChartConfig, type ChartConfig, type ChartFactory, type ChartHandle, type ChartLoader, lastDays, masteryChartConfig, masteryChartHeight, masteryRows, type MasteryRow } from './charts';
import { count, dueText, formatDate, longDay, pageLocale } from './format';
import { buildHeatmap } from './heatmap';
import { type ChartTheme, readTheme, watchTheme } from './theme';

type Command = Extract<DashboardToHost, { type: 'command/run' }>['command'];
type TimelineDay = DashboardSummary['timeline'][number];

export const ACTIVITY_RANGES = [30, 120] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];

/** What the page remembers while hidden or reloaded. */
export interface DashboardViewState {
	readonly range: ActivityRange;
}

export interface DashboardOptions {
	readonly root: HTMLElement;
	readonly post: (message: DashboardToHost) => void;
	readonly loadCharts: ChartLoader;
	readonly readTheme?: () => ChartTheme;
	readonly state?: { get(): DashboardViewState | undefined; set(state: DashboardViewState): void };
}

export interface Dashboard {
	/** Draws `summary`; resolves once its charts are drawn (or failed to load). */
	show(summary: DashboardSummary, user: string): Promise<void>;
	dispose(): void;
}

interface LiveChart {
	readonly canvas: HTMLCanvasElement;
	readonly handle: ChartHandle;
	config(theme: ChartTheme): ChartConfig;
}

/** Nothing practised, passed, hinted or earned yet. */
export function hasActivity(summary: DashboardSummary): boolean {
	return summary.exercisesPassed > 0 || summary.hintsUsed > 0 || summary.solutionsViewed > 0 || summary.achievements.length > 0
		|| summary.streak.current > 0 || summary.streak.longest > 0 || summary.today.attempts > 0
		|| summary.timeline.some(d => d.attempts > 0 || d.hints > 0) || summary.mastery.some(m => m.attempts > 0);
}

const achievementIcons: Record<string, string> = {
	'first-pass': 'pass-filled',
	'first-try': 'target',
	persistence: 'debug-restart',
	'unaided-10': 'rocket',
	'streak-7': 'flame',
	'streak-30': 'flame',
	'concept-mastered': 'mortar-board',
	'concepts-5': 'star-full',
	comeback: 'history',
};

export function createDashboard(options: DashboardOptions): Dashboard {
	const { root, post } = options;
	const theme = options.readTheme ?? (() => readTheme());
	const remembered = options.state?.get()?.range;
	let range: ActivityRange = remembered !== undefined && ACTIVITY_RANGES.includes(remembered) ? remembered : 30;
	let charts: LiveChart[] = [];
	let factory: Promise<ChartFactory> | undefined;
	// Each show() supersedes the previous one, also while the previous one waits for Chart.js.
	let generation = 0;

	const stopWatching = watchTheme(() => {
		const current = theme();
		for (const chart of charts) {
			chart.handle.update(chart.config(current));
		}
	});

	const run = (command: Command) => post({ type: 'command/run', command });

	function destroyCharts(): void {
		charts.forEach(chart => chart.handle.destroy());
		charts = [];
	}

	async function show(summary: DashboardSummary, user: string): Promise<void> {
		const mine = ++generation;
		destroyCharts();
		const locale = pageLocale();
		if (!hasActivity(summary)) {
			root.replaceChildren(h('main', { class: 'dashboard' }, titleBlock(user), emptyState(run)));
			root.setAttribute('aria-busy', 'false');
			return;
		}

		const rows = masteryRows(summary);
		const mastery = masterySection(rows);
		const activity = activitySection(summary.timeline, range, locale, next => {
			range = next;
			options.state?.set({ range });
			activity.showRange(next);
			const live = charts.find(c => c.canvas === activity.canvas);
			live?.handle.update(live.config(theme()));
		});
		root.replaceChildren(h(
			'main',
			{ class: 'dashboard' },
			header(summary, user, run),
			h('div', { class: 'grid' },
				mastery.section,
				calendarSection(summary.timeline, locale),
				activity.section,
				achievementsSection(summary, locale),
				reviewsSection(summary, run),
				errorPatternsSection(summary)),
		));
		root.setAttribute('aria-busy', 'false');

		const pending: Omit<LiveChart, 'handle'>[] = [
			...(rows.length > 0 ? [{ canvas: mastery.canvas, config: (t: ChartTheme) => masteryChartConfig(rows, t) }] : []),
			{ canvas: activity.canvas, config: (t: ChartTheme) => activityChartConfig(lastDays(summary.timeline, range), t, locale) },
		];
		let create: ChartFactory;
		try {
			factory ??= options.loadCharts();
			create = await factory;
		} catch (e) {
			factory = undefined;
			if (mine === generation) {
				console.warn('CodeMentor: charts could not load', e);
				root.querySelectorAll('.chart').forEach(chart => chart.classList.add('chart-failed'));
			}
			return;
		}
		if (mine !== generation) {
			return;
		}
		const current = theme();
		for (const chart of pending) {
			charts.push({ ...chart, handle: create(chart.canvas, chart.config(current)) });
		}
	}

	return {
		show,
		dispose() {
			generation++;
			stopWatching();
			destroyCharts();
		},
	};
}

function button(label: string, icon: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary', attrs: Record<string, string> = {}): HTMLButtonElement {
	const el = h('button', { class: `button ${kind}`, type: 'button', ...attrs }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), label);
	el.addEventListener('click', onClick);
	return el;
}

function titleBlock(user: string): HTMLElement {
	return h('div', { class: 'title' },
		h('h1', {}, 'Your progress'),
		user ? h('p', { class: 'user', 'data-testid': 'user' }, h('span', { class: 'codicon codicon-account', 'aria-hidden': 'true' }), user) : '');
}

function stat(testId: string, icon: string, value: string, label: string, ...extra: (Node | string)[]): HTMLElement {
	return h('li', { class: 'stat', 'data-testid': testId },
		h('span', { class: `codicon codicon-${icon} stat-icon`, 'aria-hidden': 'true' }),
		h('span', { class: 'stat-body' },
			h('span', { class: 'stat-value' }, value),
			h('span', { class: 'stat-label' }, label),
			...extra));
}

function header(summary: DashboardSummary, user: string, run: (command: Command) => void): HTMLElement {
	const { streak, today } = summary;
	const streakNote = streak.current === 0
		? 'Practise today to start one'
		: !streak.todayDone
			? 'Practise today to keep it'
			: streak.graceUsed
				? 'A missed day was forgiven'
				: `Longest ${count(streak.longest, 'day')}`;
	const streakStat = stat('streak', 'flame', String(streak.current), 'day streak', h('span', { class: 'stat-note' }, streakNote));
	streakStat.classList.toggle('active', streak.current > 0);

	const todayStat = today.goal > 0
		? stat('today', today.done ? 'pass-filled' : 'target', `${today.attempts}/${today.goal}`, today.done ? 'daily goal reached' : 'attempts toward today’s goal', goalBar(today.attempts, today.goal))
		: stat('today', 'target', String(today.attempts), today.attempts === 1 ? 'attempt today' : 'attempts today');
	todayStat.classList.toggle('done', today.done && today.goal > 0);

	return h('header', { class: 'header' },
		titleBlock(user),
		h('ul', { class: 'stats', 'aria-label': 'Summary' },
			streakStat,
			todayStat,
			stat('exercises-passed', 'pass', String(summary.exercisesPassed), summary.exercisesPassed === 1 ? 'exercise passed' : 'exercises passed'),
			stat('hints-used', 'lightbulb', String(summary.hintsUsed), summary.hintsUsed === 1 ? 'hint used' : 'hints used'),
			stat('solutions-viewed', 'eye', String(summary.solutionsViewed), summary.solutionsViewed === 1 ? 'solution viewed' : 'solutions viewed')),
		h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Progress actions' },
			button('Next Exercise', 'arrow-right', () => run('codementor.nextExercise'), 'primary'),
			button('Open Tutor', 'mortar-board', () => run('codementor.openTutor')),
			button('Export', 'export', () => run('codementor.exportProgress')),
			button('Sync with GitHub', 'github', () => run('codementor.syncProgress'))));
}

function goalBar(attempts: number, goal: number): HTMLElement {
	const done = Math.min(attempts, goal);
	const fill = h('span', { class: 'goal-fill' });
	// CSSOM, not a style attribute: the page's CSP allows only stylesheets from the extension.
	fill.style.width = `${Math.round((done / goal) * 100)}%`;
	return h('span', { class: 'goal-bar', role: 'progressbar', 'aria-label': 'Today’s goal', 'aria-valuemin': '0', 'aria-valuemax': String(goal), 'aria-valuenow': String(done), 'aria-valuetext': `${attempts} of ${count(goal, 'attempt')}` }, fill);
}

function emptyState(run: (command: Command) => void): HTMLElement {
	return h('section', { class: 'empty', 'data-testid': 'empty', 'aria-labelledby': 'empty-title' },
		h('span', { class: 'codicon codicon-graph empty-icon', 'aria-hidden': 'true' }),
		h('h2', { id: 'empty-title' }, 'Your progress will show up here'),
		h('p', {}, 'Solve your first exercise and this page fills in: your streak, the concepts you are mastering, a calendar of your practice and the badges you earn.'),
		h('div', { class: 'actions' },
			button('Browse Exercises', 'checklist', () => run('codementor.exercises.focus'), 'primary'),
			button('Next Exercise', 'arrow-right', () => run('codementor.nextExercise'))));
}

function card(id: string, title: string, ...children: (Node | string)[]): HTMLElement {
	return h('section', { class: `card card-${id}`, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** A table for screen readers (and for everyone, when the chart cannot load). */
function dataTable(caption: string, head: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLTableElement {
	return h('table', { class: 'chart-table' },
		h('caption', {}, caption),
		h('thead', {}, h('tr', {}, ...head.map(c => h('th', { scope: 'col' }, c)))),
		h('tbody', {}, ...rows.map(r => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', {}, String(c))))))));
}

function masterySection(rows: readonly MasteryRow[]): { section: HTMLElement; canvas: HTMLCanvasElement } {
	const canvas = h('canvas', {});
	if (rows.length === 0) {
		return { section: card('mastery', 'Mastery by concept', h('p', { class: 'muted', 'data-testid': 'mastery-chart' }, 'Concepts appear here once you attempt an exercise.')), canvas };
	}
	const mastered = rows.filter(r => r.mastered);
	const summary = `${mastered.length} of ${count(rows.length, 'concept')} mastered.`
		+ ` Strongest: ${rows[0].label} at ${rows[0].percent}%.`
		+ (rows.length > 1 ? ` Weakest: ${rows[rows.length - 1].label} at ${rows[rows.length - 1].percent}%.` : '');
	canvas.setAttribute('role', 'img');
	canvas.setAttribute('aria-label', `Mastery by concept: ${summary}`);
	const box = h('div', { class: 'chart-box' }, canvas);
	box.style.height = `${masteryChartHeight(rows.length)}px`;
	return {
		canvas,
		section: card('mastery', 'Mastery by concept',
			h('p', { class: 'muted' }, summary),
			h('figure', { class: 'chart', 'data-testid': 'mastery-chart' },
				box,
				h('figcaption', { class: 'legend', 'aria-hidden': 'true' },
					h('span', { class: 'key key-mastered' }), 'Mastered ✓', h('span', { class: 'key key-learning' }), 'Learning'),
				dataTable('Mastery by concept, strongest first', ['Concept', 'Mastery', 'Passed', 'Attempts', 'Mastered'],
					rows.map(r => [r.label, `${r.percent}%`, r.successes, r.attempts, r.mastered ? 'yes' : 'no'])))),
	};
}

function calendarSection(timeline: readonly TimelineDay[], locale: string | undefined): HTMLElement {
	const active = timeline.filter(d => d.attempts > 0 || d.hints > 0).length;
	const legend = h('p', { class: 'heatmap-legend', 'aria-hidden': 'true' },
		'Less', ...[0, 1, 2, 3, 4].map(level => h('span', { class: `swatch level-${level}` })), 'More');
	return card('calendar', 'Practice calendar',
		h('p', { class: 'muted' }, `${count(active, 'active day')} in the last ${count(timeline.length, 'day')}`),
		h('div', { class: 'heatmap', 'data-testid': 'heatmap' }, buildHeatmap(timeline, locale)),
		legend);
}

interface ActivitySection {
	readonly section: HTMLElement;
	readonly canvas: HTMLCanvasElement;
	showRange(range: ActivityRange): void;
}

function activitySection(timeline: readonly TimelineDay[], initial: ActivityRange, locale: string | undefined, onRange: (range: ActivityRange) => void): ActivitySection {
	const canvas = h('canvas', { role: 'img' });
	const tableSlot = h('div', {});
	const note = h('p', { class: 'muted' });
	const toggles = ACTIVITY_RANGES.map(days => {
		const toggle = button(`${days} days`, days === 30 ? 'calendar' : 'history', () => onRange(days), 'secondary', { 'aria-pressed': 'false', 'data-range': String(days) });
		toggle.classList.add('toggle');
		return toggle;
	});
	const day = longDay(locale);
	const result: ActivitySection = {
		canvas,
		section: card('activity', 'Attempts and hints',
			h('div', { class: 'range', role: 'group', 'aria-label': 'Days shown' }, ...toggles),
			note,
			h('figure', { class: 'chart', 'data-testid': 'activity-chart' },
				h('div', { class: 'chart-box chart-box-activity' }, canvas),
				tableSlot)),
		showRange(range) {
			const days = lastDays(timeline, range);
			const attempts = days.reduce((sum, d) => sum + d.attempts, 0);
			const hints = days.reduce((sum, d) => sum + d.hints, 0);
			const text = `Last ${count(days.length, 'day')}: ${count(attempts, 'attempt')} and ${count(hints, 'hint')}.`;
			note.textContent = text;
			canvas.setAttribute('aria-label', `Attempts and hints per day. ${text}`);
			toggles.forEach(t => t.setAttribute('aria-pressed', String(t.dataset.range === String(range))));
			const active = days.filter(d => d.attempts > 0 || d.hints > 0);
			tableSlot.replaceChildren(dataTable(`Days with activity in the last ${count(days.length, 'day')}`, ['Day', 'Attempts', 'Passed', 'Hints'],
				active.map(d => [day(d.day), d.attempts, d.passed, d.hints])));
		},
	};
	result.showRange(initial);
	return result;
}

function listOrNote(testId: string, items: HTMLElement[], empty: string, listClass = 'list'): HTMLElement {
	return items.length > 0 ? h('ul', { class: listClass, 'data-testid': testId }, ...items) : h('p', { class: 'muted', 'data-testid': testId }, empty);
}

function achievementsSection(summary: DashboardSummary, locale: string | undefined): HTMLElement {
	const badges = summary.achievements.map(a => {
		const earned = formatDate(a.earnedAt, summary.timeZone, locale);
		return h('li', { class: 'badge', title: a.description, 'data-achievement': a.id },
			h('span', { class: `codicon codicon-${achievementIcons[a.id] ?? 'star-full'} badge-icon`, 'aria-hidden': 'true' }),
			h('span', { class: 'badge-title' }, a.title),
			h('span', { class: 'badge-description' }, a.description),
			earned ? h('span', { class: 'badge-date' }, `Earned ${earned}`) : '');
	});
	return card('achievements', 'Achievements', listOrNote('achievements', badges, 'No badges yet: pass your first exercise to earn one.', 'badges'));
}

function reviewsSection(summary: DashboardSummary, run: (command: Command) => void): HTMLElement {
	const label = (concept: string) => summary.conceptLabels[concept] ?? concept;
	const items = summary.reviews.map(r => h('li', { class: r.due ? 'review due' : 'review' },
		h('span', { class: `codicon codicon-${r.due ? 'bell-dot' : 'clock'}`, 'aria-hidden': 'true' }),
		`${label(r.concept)} — ${dueText(r, summary.generatedAt)}`));
	const due = summary.reviews.filter(r => r.due).length;
	return card('reviews', 'Reviews',
		listOrNote('reviews', items, 'Nothing to review yet. Concepts you practise come back here when they are due.'),
		due > 0 ? h('div', { class: 'card-actions' }, button(`Review now (${due})`, 'debug-start', () => run('codementor.nextExercise'), 'primary')) : '');
}

function errorPatternsSection(summary: DashboardSummary): HTMLElement {
	const most = Math.max(1, ...summary.errorPatterns.map(e => e.count));
	const items = summary.errorPatterns.map(e => {
		const fill = h('span', { class: 'pattern-fill' });
		fill.style.width = `${Math.round((e.count / most) * 100)}%`;
		return h('li', { class: 'pattern', 'data-kind': e.kind },
			h('span', { class: 'pattern-label' }, e.label),
			h('span', { class: 'pattern-bar', 'aria-hidden': 'true' }, fill),
			h('span', { class: 'pattern-count', 'aria-label': count(e.count, 'time') }, `×${e.count}`));
	});
	return card('errors', 'Recurring mistakes', listOrNote('error-patterns', items, 'No recurring mistakes found. Nice.'));
}
