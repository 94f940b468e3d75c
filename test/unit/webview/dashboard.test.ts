// The Progress dashboard's page in jsdom: the header's numbers and buttons, the practice calendar,
// what the two charts are given (through a fake chart loader: Chart.js needs a real canvas), the
// lists, theme changes, and the empty state that never loads Chart.js.
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { DashboardSummary, DashboardToHost } from '../../../src/shared/protocol/dashboard';
import { dashboardSummary } from '../../../src/shared/protocol/dashboard';
import type { ChartConfig, ChartLoader } from '../../../webview-ui/dashboard/charts';
import { createDashboard, type Dashboard, type DashboardViewState } from '../../../webview-ui/dashboard/dashboard';
import { readTheme } from '../../../webview-ui/dashboard/theme';

const DAY_MS = 86_400_000;
const TODAY = Date.UTC(2026, 10, 30); // Monday 2026-11-30
const key = (daysAgo: number) => new Date(TODAY - daysAgo * DAY_MS).toISOString().slice(0, 10);

/** Attempts on particular days; every other day of the 120 has none. */
const busyDays: Record<string, { attempts: number; passed: number; hints: number }> = {
	'2026-11-30': { attempts: 8, passed: 2, hints: 1 },
	'2026-11-29': { attempts: 1, passed: 0, hints: 0 },
	'2026-11-28': { attempts: 2, passed: 1, hints: 1 },
	'2026-11-27': { attempts: 3, passed: 1, hints: 2 },
	'2026-11-20': { attempts: 4, passed: 0, hints: 0 },
	'2026-10-15': { attempts: 5, passed: 1, hints: 3 },
	'2026-09-01': { attempts: 6, passed: 2, hints: 0 },
	'2026-08-03': { attempts: 7, passed: 1, hints: 0 },
	'2026-08-10': { attempts: 0, passed: 0, hints: 1 },
};

function fixture(): DashboardSummary {
	const timeline = Array.from({ length: 120 }, (_, i) => {
		const day = key(119 - i);
		return { day, ...(busyDays[day] ?? { attempts: 0, passed: 0, hints: 0 }) };
	});
	return dashboardSummary.parse({
		generatedAt: '2026-11-30T18:00:00.000Z',
		timeZone: 'Europe/Berlin',
		streak: { current: 4, longest: 9, lastActiveDay: '2026-11-30', graceUsed: false, todayDone: true },
		today: { day: '2026-11-30', attempts: 8, passed: 2, goal: 5, done: true },
		mastery: [
			{ concept: 'loops', p: 0.62, attempts: 10, successes: 6, mastered: false },
			{ concept: 'recursion', p: 0.97, attempts: 12, successes: 11, mastered: true, lastPracticedAt: '2026-11-30T17:00:00.000Z' },
			{ concept: 'closures', p: 0.2, attempts: 2, successes: 0, mastered: false },
		],
		reviews: [
			{ concept: 'recursion', dueAt: '2026-11-30T09:00:00.000Z', due: true },
			{ concept: 'loops', dueAt: '2026-12-03T18:00:00.000Z', due: false },
		],
		achievements: [
			{ id: 'first-pass', title: 'First pass', description: 'Pass all the tests of an exercise for the first time.', earnedAt: '2026-08-03T10:00:00.000Z' },
			{ id: 'streak-7', title: 'One-week streak', description: 'Practise on 7 days in a row.', earnedAt: '2026-09-07T10:00:00.000Z' },
		],
		hintsUsed: 23,
		solutionsViewed: 2,
		exercisesPassed: 11,
		timeline,
		errorPatterns: [
			{ kind: 'off-by-one', label: 'Off-by-one in loop bounds', count: 5 },
			{ kind: 'mutation', label: 'Mutating the input', count: 2 },
		],
		conceptLabels: { recursion: 'Recursion', loops: 'Loops', closures: 'Closures' },
	});
}

function emptyFixture(): DashboardSummary {
	const summary = fixture();
	return {
		...summary,
		streak: { current: 0, longest: 0, graceUsed: false, todayDone: false },
		today: { day: '2026-11-30', attempts: 0, passed: 0, goal: 5, done: false },
		mastery: summary.mastery.map(m => ({ concept: m.concept, p: 0.1, attempts: 0, successes: 0, mastered: false })),
		reviews: [],
		achievements: [],
		hintsUsed: 0,
		solutionsViewed: 0,
		exercisesPassed: 0,
		timeline: summary.timeline.map(d => ({ day: d.day, attempts: 0, passed: 0, hints: 0 })),
		errorPatterns: [],
	};
}

interface FakeChart {
	readonly canvas: HTMLCanvasElement;
	readonly config: ChartConfig;
	readonly updates: ChartConfig[];
	destroyed: boolean;
}

/** A chart loader that records what it is asked to draw. */
function fakeCharts(options: { fail?: boolean; gate?: Promise<void> } = {}) {
	const charts: FakeChart[] = [];
	let loads = 0;
	const loader: ChartLoader = async () => {
		loads++;
		await options.gate;
		if (options.fail) {
			throw new Error('chunk failed to load');
		}
		return (canvas, config) => {
			const chart: FakeChart = { canvas, config, updates: [], destroyed: false };
			charts.push(chart);
			return { update: next => chart.updates.push(next), destroy: () => { chart.destroyed = true; } };
		};
	};
	return { loader, charts, loads: () => loads };
}

const installed = ['window', 'document', 'getComputedStyle', 'MutationObserver'] as const;

describe('Progress dashboard webview', () => {
	let dom: JSDOM;
	let root: HTMLElement;
	let posted: DashboardToHost[];
	let dashboard: Dashboard | undefined;
	const saved = new Map<string, PropertyDescriptor | undefined>();

	beforeEach(() => {
		dom = new JSDOM('<!DOCTYPE html><html lang="en"><body class="vscode-dark"><div id="root" aria-busy="true"></div></body></html>');
		const w = dom.window;
		const values = { window: w, document: w.document, getComputedStyle: w.getComputedStyle.bind(w), MutationObserver: w.MutationObserver };
		for (const name of installed) {
			saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
			Object.defineProperty(globalThis, name, { value: values[name], configurable: true, writable: true });
		}
		w.document.body.style.setProperty('--vscode-charts-blue', '#0000aa');
		w.document.body.style.setProperty('--vscode-charts-green', '#00aa00');
		w.document.body.style.setProperty('--vscode-foreground', '#dddddd');
		root = w.document.getElementById('root')!;
		posted = [];
	});

	afterEach(() => {
		dashboard?.dispose();
		dashboard = undefined;
		for (const name of installed) {
			const descriptor = saved.get(name);
			if (descriptor) {
				Object.defineProperty(globalThis, name, descriptor);
			} else {
				delete (globalThis as Record<string, unknown>)[name];
			}
		}
		dom.window.close();
	});

	function open(loader: ChartLoader, state?: { get(): DashboardViewState | undefined; set(state: DashboardViewState): void }): Dashboard {
		dashboard = createDashboard({ root, post: m => posted.push(m), loadCharts: loader, ...(state ? { state } : {}) });
		return dashboard;
	}
	const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
	const clickButton = (name: string) => {
		const button = [...root.querySelectorAll('button')].find(b => b.textContent?.trim() === name);
		assert.ok(button, `no button "${name}"`);
		button.click();
	};
	const tick = () => new Promise(resolve => setTimeout(resolve, 0));

	it('draws one calendar cell per timeline day, in week columns, shaded by attempts, with a tooltip', async () => {
		await open(fakeCharts().loader).show(fixture(), 'Ada');
		const cells = [...byTestId('heatmap')!.querySelectorAll('rect.cell')];
		assert.equal(cells.length, 120);
		assert.deepEqual(cells.map(c => c.getAttribute('data-day')), fixture().timeline.map(d => d.day));

		const cell = (day: string) => cells.find(c => c.getAttribute('data-day') === day)!;
		const level = (day: string) => [...cell(day).classList].find(c => c.startsWith('level-'));
		// Quarters of the busiest day (8 attempts).
		assert.equal(level('2026-11-30'), 'level-4');
		assert.equal(level('2026-08-03'), 'level-4'); // 7
		assert.equal(level('2026-09-01'), 'level-3'); // 6
		assert.equal(level('2026-10-15'), 'level-3'); // 5
		assert.equal(level('2026-11-20'), 'level-2'); // 4
		assert.equal(level('2026-11-27'), 'level-2'); // 3
		assert.equal(level('2026-11-28'), 'level-1'); // 2
		assert.equal(level('2026-11-29'), 'level-1'); // 1
		assert.equal(level('2026-08-10'), 'level-0', 'a day with hints but no attempts');
		assert.equal(cells.filter(c => c.classList.contains('level-0')).length, 120 - 8);

		assert.equal(cell('2026-11-27').querySelector('title')?.textContent, '2026-11-27: 3 attempts, 1 passed, 2 hints');
		assert.equal(cell('2026-11-29').querySelector('title')?.textContent, '2026-11-29: 1 attempt, 0 passed, 0 hints');
		assert.ok(cell('2026-11-30').classList.contains('today'));
		assert.equal(cells.filter(c => c.classList.contains('today')).length, 1);

		// Sunday on top: Sunday 2026-11-29 and Monday 2026-11-30 share no row, Monday's week column is the last.
		const x = (day: string) => Number(cell(day).getAttribute('x'));
		const y = (day: string) => Number(cell(day).getAttribute('y'));
		assert.equal(new Set(cells.map(c => c.getAttribute('x'))).size, 18, 'Mon 3 Aug to Mon 30 Nov spans 18 weeks');
		assert.equal(new Set(cells.map(c => c.getAttribute('y'))).size, 7);
		assert.ok(y('2026-11-29') < y('2026-11-30'));
		assert.equal(x('2026-11-29'), x('2026-11-30'));
		assert.equal(x('2026-11-28') + 15, x('2026-11-29'), 'Saturday ends the previous week column');
		assert.equal(y('2026-11-28'), y('2026-11-21'), 'Saturdays share the bottom row');
		assert.equal(y('2026-11-22'), y('2026-08-09'), 'Sundays share the top row');

		const svg = byTestId('heatmap')!.querySelector('svg')!;
		assert.equal(svg.getAttribute('role'), 'img');
		assert.match(svg.getAttribute('aria-label')!, /120 days: 9 active days, 36 attempts, 8 passed, 8 hints\. Busiest day: Monday, November 30, 2026 with 8 attempts\./);
	});

	it('shows the streak, today’s goal and totals in the header, and its buttons run their commands', async () => {
		await open(fakeCharts().loader).show(fixture(), 'Ada Lovelace');
		const value = (id: string) => byTestId(id)?.querySelector('.stat-value')?.textContent;
		assert.equal(root.querySelector('h1')?.textContent, 'Your progress');
		assert.match(byTestId('user')!.textContent!, /Ada Lovelace/);
		assert.equal(value('streak'), '4');
		assert.match(byTestId('streak')!.textContent!, /day streak/);
		assert.ok(byTestId('streak')!.querySelector('.codicon-flame'));
		assert.equal(value('today'), '8/5');
		assert.ok(byTestId('today')!.classList.contains('done'));
		assert.match(byTestId('today')!.textContent!, /daily goal reached/);
		assert.equal(byTestId('today')!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'), '5');
		assert.equal(value('exercises-passed'), '11');
		assert.equal(value('hints-used'), '23');
		assert.equal(value('solutions-viewed'), '2');
		assert.equal(root.getAttribute('aria-busy'), 'false');

		clickButton('Next Exercise');
		clickButton('Open Tutor');
		clickButton('Export');
		clickButton('Sync with GitHub');
		assert.deepEqual(posted.map(m => m.type === 'command/run' && m.command), ['codementor.nextExercise', 'codementor.openTutor', 'codementor.exportProgress', 'codementor.syncProgress']);
	});

	it('shows a goal not yet met as progress toward it', async () => {
		const summary = fixture();
		await open(fakeCharts().loader).show({ ...summary, today: { ...summary.today, attempts: 2, done: false } }, 'Ada');
		assert.equal(byTestId('today')!.querySelector('.stat-value')?.textContent, '2/5');
		assert.ok(!byTestId('today')!.classList.contains('done'));
		assert.equal(byTestId('today')!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'), '2');
	});

	it('gives the mastery chart concepts strongest first, by label, mastered ones marked, and a table for screen readers', async () => {
		const fake = fakeCharts();
		await open(fake.loader).show(fixture(), 'Ada');
		assert.equal(fake.loads(), 1);
		const mastery = fake.charts.find(c => byTestId('mastery-chart')!.contains(c.canvas));
		assert.ok(mastery, 'the mastery canvas was charted');
		assert.equal(mastery.config.type, 'bar');
		assert.equal(mastery.config.options?.indexAxis, 'y');
		assert.deepEqual(mastery.config.data.labels, ['Recursion ✓', 'Loops', 'Closures']);
		assert.deepEqual(mastery.config.data.datasets[0].data, [97, 62, 20]);
		assert.deepEqual(mastery.config.data.datasets[0].backgroundColor, ['#00aa00', '#0000aa', '#0000aa'], 'mastered in the theme’s green');
		assert.match(mastery.canvas.getAttribute('aria-label')!, /1 of 3 concepts mastered\. Strongest: Recursion at 97%\. Weakest: Closures at 20%\./);
		const rows = [...byTestId('mastery-chart')!.querySelectorAll('table tbody tr')].map(r => [...r.children].map(c => c.textContent));
		assert.deepEqual(rows[0], ['Recursion', '97%', '11', '12', 'yes']);
		assert.equal(rows.length, 3);
	});

	it('charts attempts and hints for the last 30 days, and for 120 after the toggle, remembering the choice', async () => {
		const fake = fakeCharts();
		let stored: DashboardViewState | undefined;
		await open(fake.loader, { get: () => stored, set: s => { stored = s; } }).show(fixture(), 'Ada');
		const activity = fake.charts.find(c => byTestId('activity-chart')!.contains(c.canvas))!;
		assert.ok(activity);
		const labels = activity.config.data.labels!;
		assert.equal(labels.length, 30);
		assert.equal(labels[0], 'Nov 1');
		assert.equal(labels[29], 'Nov 30');
		const [attempts, hints] = activity.config.data.datasets;
		assert.equal(attempts.label, 'Attempts');
		assert.equal(hints.label, 'Hints');
		assert.equal(attempts.data.reduce((a, b) => a + b, 0), 18);
		assert.deepEqual(attempts.data.slice(-4), [3, 2, 1, 8]);
		assert.deepEqual(hints.data.slice(-4), [2, 1, 0, 1]);
		assert.match(activity.canvas.getAttribute('aria-label')!, /Last 30 days: 18 attempts and 4 hints\./);
		assert.equal(byTestId('activity-chart')!.querySelectorAll('table tbody tr').length, 5, 'one table row per active day');

		const pressed = () => [...root.querySelectorAll('[data-range]')].filter(b => b.getAttribute('aria-pressed') === 'true').map(b => b.textContent?.trim());
		assert.deepEqual(pressed(), ['30 days']);
		clickButton('120 days');
		assert.deepEqual(pressed(), ['120 days']);
		assert.deepEqual(stored, { range: 120 });
		const updated = activity.updates.at(-1)!;
		assert.equal(updated.data.labels!.length, 120);
		assert.equal(updated.data.labels![0], 'Aug 3');
		assert.equal(updated.data.datasets[0].data.reduce((a, b) => a + b, 0), 36);
		assert.match(activity.canvas.getAttribute('aria-label')!, /Last 120 days: 36 attempts and 8 hints\./);
		assert.equal(posted.length, 0, 'the toggle is local to the page');

		// A reload starts on the remembered range.
		dashboard!.dispose();
		const again = fakeCharts();
		await open(again.loader, { get: () => stored, set: s => { stored = s; } }).show(fixture(), 'Ada');
		assert.equal(again.charts.find(c => byTestId('activity-chart')!.contains(c.canvas))!.config.data.labels!.length, 120);
	});

	it('lists badges, due reviews and recurring mistakes', async () => {
		await open(fakeCharts().loader).show(fixture(), 'Ada');
		const badges = [...byTestId('achievements')!.querySelectorAll('.badge')];
		assert.deepEqual(badges.map(b => b.querySelector('.badge-title')?.textContent), ['First pass', 'One-week streak']);
		assert.match(badges[0].textContent!, /Earned Aug 3, 2026/);
		assert.ok(badges[1].querySelector('.codicon-flame'));

		const reviews = [...byTestId('reviews')!.querySelectorAll('li')].map(li => li.textContent);
		assert.deepEqual(reviews, ['Recursion — due now', 'Loops — due in 3 days']);
		clickButton('Review now (1)');
		assert.deepEqual(posted.at(-1), { type: 'command/run', command: 'codementor.nextExercise' });

		const patterns = [...byTestId('error-patterns')!.querySelectorAll('li')].map(li => [li.querySelector('.pattern-label')?.textContent, li.querySelector('.pattern-count')?.textContent]);
		assert.deepEqual(patterns, [['Off-by-one in loop bounds', '×5'], ['Mutating the input', '×2']]);
	});

	it('shows a welcome with Browse Exercises and never loads Chart.js when there is no activity yet', async () => {
		const fake = fakeCharts();
		await open(fake.loader).show(emptyFixture(), 'Ada');
		assert.equal(fake.loads(), 0);
		assert.ok(byTestId('empty'));
		for (const id of ['heatmap', 'mastery-chart', 'activity-chart', 'streak', 'today']) {
			assert.equal(byTestId(id), null, `${id} is not shown`);
		}
		assert.equal(root.querySelectorAll('canvas').length, 0);
		clickButton('Browse Exercises');
		assert.deepEqual(posted, [{ type: 'command/run', command: 'codementor.exercises.focus' }]);

		// The first activity replaces the welcome with the dashboard.
		await dashboard!.show(fixture(), 'Ada');
		assert.equal(byTestId('empty'), null);
		assert.equal(fake.loads(), 1);
		assert.equal(fake.charts.length, 2);
	});

	it('recolours the charts from the theme’s variables when VS Code switches theme', async () => {
		const fake = fakeCharts();
		await open(fake.loader).show(fixture(), 'Ada');
		const body = dom.window.document.body;
		body.style.setProperty('--vscode-charts-blue', '#3366ff');
		body.style.setProperty('--vscode-foreground', '#111111');
		body.className = 'vscode-light';
		await tick();
		assert.equal(fake.charts.length, 2);
		for (const chart of fake.charts) {
			assert.equal(chart.updates.length, 1, 'each chart is updated once');
			assert.equal(chart.updates[0].data.datasets[0].backgroundColor instanceof Array ? chart.updates[0].data.datasets[0].backgroundColor[1] : chart.updates[0].data.datasets[0].backgroundColor, '#3366ff');
		}
		assert.equal(fake.charts[0].updates[0].options?.scales?.y?.ticks?.color, '#111111');
		assert.equal(readTheme(body).highContrast, false);
		body.className = 'vscode-high-contrast';
		assert.equal(readTheme(body).highContrast, true);
	});

	it('draws only the latest summary when summaries arrive while Chart.js is loading', async () => {
		let release!: () => void;
		const fake = fakeCharts({ gate: new Promise<void>(resolve => { release = resolve; }) });
		const page = open(fake.loader);
		const first = page.show(fixture(), 'Ada');
		const summary = fixture();
		const second = page.show({ ...summary, mastery: summary.mastery.filter(m => m.concept === 'recursion') }, 'Ada');
		release();
		await Promise.all([first, second]);
		assert.equal(fake.loads(), 1, 'Chart.js is loaded once');
		assert.equal(fake.charts.length, 2);
		assert.ok(fake.charts.every(c => root.contains(c.canvas)), 'no chart is drawn on a replaced page');
		assert.deepEqual(fake.charts.find(c => c.config.options?.indexAxis === 'y')!.config.data.labels, ['Recursion ✓']);

		await page.show(fixture(), 'Ada');
		assert.ok(fake.charts.slice(0, 2).every(c => c.destroyed), 'the previous charts are destroyed');
	});

	it('shows the data tables when Chart.js cannot load', async () => {
		const warnings: unknown[][] = [];
		const warn = console.warn;
		console.warn = (...args: unknown[]) => warnings.push(args);
		try {
			await open(fakeCharts({ fail: true }).loader).show(fixture(), 'Ada');
		} finally {
			console.warn = warn;
		}
		assert.equal(warnings.length, 1, 'the failure is logged once');
		for (const id of ['mastery-chart', 'activity-chart']) {
			const chart = byTestId(id)!;
			assert.ok(chart.classList.contains('chart-failed'), `${id} falls back to its table`);
			assert.ok(chart.querySelector('table'));
		}
	});
});
