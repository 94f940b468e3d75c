// The Exercises tree: sources → groups (concept, difficulty or language) → exercises, each with its
// status icon, difficulty and a tooltip. Plain data nodes, TreeItems made on demand; children are
// computed when a node is expanded, so a source of 10,000 exercises costs one group list at a time.
import * as vscode from 'vscode';
import type { ExerciseGroup } from '../../core/exercises/catalog';
import type { ExerciseSummary } from '../../core/exercises/model';
import type { ExerciseStatus } from '../../core/exercises/status';
import type { ExercisesService, SourceEntry } from './service';

/** The `codementor.exercises.groupBy` setting: one of the catalog's groupings, or a flat list. */
export type GroupBy = 'concept' | 'difficulty' | 'language' | 'none';

export type ExerciseNode =
	| { readonly kind: 'daily'; readonly summary: ExerciseSummary }
	| { readonly kind: 'source'; readonly entry: SourceEntry }
	| { readonly kind: 'group'; readonly entry: SourceEntry; readonly group: ExerciseGroup }
	| { readonly kind: 'exercise'; readonly summary: ExerciseSummary; readonly parentKey: string }
	| { readonly kind: 'problems'; readonly entry: SourceEntry; readonly count: number };

const statusIcons: Record<ExerciseStatus, vscode.ThemeIcon> = {
	not_started: new vscode.ThemeIcon('circle-large-outline'),
	in_progress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.blue')),
	failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
	passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};
const statusLabels: Record<ExerciseStatus, string> = { not_started: 'Not started', in_progress: 'In progress', failed: 'Failing', passed: 'Passed' };
const languageLabels: Record<string, string> = { python: 'Python', javascript: 'JavaScript' };
const sourceIcons: Record<NonNullable<SourceEntry['source']>['kind'], string> = { pack: 'folder-library', exercism: 'repo', platform: 'cloud' };

export class ExerciseTree implements vscode.TreeDataProvider<ExerciseNode> {
	private readonly emitter = new vscode.EventEmitter<ExerciseNode | undefined>();
	readonly onDidChangeTreeData = this.emitter.event;
	filter = '';

	constructor(
		private readonly service: ExercisesService,
		private readonly groupBy: () => GroupBy,
		private readonly onFirstRender: () => void,
	) {}

	refresh(): void {
		this.emitter.fire(undefined);
	}

	dispose(): void {
		this.emitter.dispose();
	}

	async getChildren(node?: ExerciseNode): Promise<ExerciseNode[]> {
		if (!node) {
			this.onFirstRender();
			const entries = await this.service.sources();
			const daily: ExerciseNode[] = entries.flatMap(e => (e.source?.daily ? [{ kind: 'daily' as const, summary: e.source.daily }] : []));
			// An empty catalog shows the welcome content instead of an empty built-in source.
			const sources = entries.filter(e => e.error || (e.source && (e.source.summaries.length > 0 || e.source.problems.length > 0))).map(entry => ({ kind: 'source' as const, entry }));
			return [...daily, ...sources];
		}
		if (node.kind === 'source') {
			const source = node.entry.source;
			if (!source) {
				return [];
			}
			const items = this.filtered(source.summaries);
			const problems: ExerciseNode[] = source.problems.length ? [{ kind: 'problems', entry: node.entry, count: source.problems.length }] : [];
			const by = this.groupBy();
			if (by === 'none') {
				return [...problems, ...items.map(summary => ({ kind: 'exercise' as const, summary, parentKey: source.id }))];
			}
			// The catalog's grouping; its module is already loaded by the time a source is expanded.
			const { groupSummaries } = await import('../../core/exercises/catalog');
			return [...problems, ...groupSummaries(items, by).map(group => ({ kind: 'group' as const, entry: node.entry, group }))];
		}
		if (node.kind === 'group') {
			return node.group.summaries.map(summary => ({ kind: 'exercise', summary, parentKey: `${node.entry.source?.id}/${node.group.key}` }));
		}
		return [];
	}

	private filtered(items: readonly ExerciseSummary[]): readonly ExerciseSummary[] {
		const f = this.filter.trim().toLowerCase();
		if (!f) {
			return items;
		}
		return items.filter(s => `${s.title} ${s.slug} ${s.concepts.join(' ')} ${s.language} ${s.difficulty}`.toLowerCase().includes(f));
	}

	getTreeItem(node: ExerciseNode): vscode.TreeItem {
		switch (node.kind) {
			case 'source': {
				const { entry } = node;
				const item = new vscode.TreeItem(entry.source?.title ?? entry.dir, entry.source ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
				item.id = `source:${entry.dir}`;
				item.contextValue = 'source';
				if (entry.error) {
					item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
					item.description = entry.action ? entry.action.title : 'could not be read';
					item.tooltip = entry.error;
					if (entry.action) {
						item.command = { command: entry.action.command, title: entry.action.title, arguments: [...(entry.action.args ?? [])] };
					}
				} else {
					item.iconPath = new vscode.ThemeIcon(entry.builtin ? 'mortar-board' : sourceIcons[entry.source?.kind ?? 'pack']);
					item.description = `${entry.source?.summaries.length ?? 0} exercises`;
					item.tooltip = entry.dir;
				}
				return item;
			}
			case 'group': {
				const { summaries } = node.group;
				const item = new vscode.TreeItem(node.group.label, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
				item.id = `group:${node.entry.dir}:${node.group.key}`;
				const done = summaries.filter(s => this.service.status.status(s.id) === 'passed').length;
				item.description = `${done}/${summaries.length}`;
				item.contextValue = 'group';
				return item;
			}
			case 'problems': {
				const item = new vscode.TreeItem(`${node.count} exercise${node.count === 1 ? '' : 's'} could not be loaded`, vscode.TreeItemCollapsibleState.None);
				item.id = `problems:${node.entry.dir}`;
				item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
				item.tooltip = node.entry.source?.problems.map(p => p.message).join('\n');
				item.command = { command: 'codementor.exercises.showProblems', title: 'Show Problems', arguments: [node.entry.dir] };
				return item;
			}
			case 'daily':
			case 'exercise': {
				const s = node.summary;
				const status = this.service.status.status(s.id);
				const daily = node.kind === 'daily';
				const item = new vscode.TreeItem(daily ? `Today: ${s.title}` : s.title, vscode.TreeItemCollapsibleState.None);
				item.id = daily ? `daily:${s.id}` : `exercise:${node.parentKey}:${s.id}`;
				item.iconPath = daily && status === 'not_started' ? new vscode.ThemeIcon('calendar', new vscode.ThemeColor('charts.yellow')) : statusIcons[status];
				item.description = `${daily ? 'daily exercise · ' : ''}${s.difficulty} · ${languageLabels[s.language] ?? s.language}`;
				const tooltip = new vscode.MarkdownString(undefined, true);
				tooltip.appendMarkdown(`**${escapeMd(s.title)}** — ${statusLabels[status]}\n\n`);
				tooltip.appendMarkdown(`${languageLabels[s.language] ?? s.language} · ${s.difficulty}\n\n`);
				tooltip.appendMarkdown(`Concepts: ${s.concepts.map(escapeMd).join(', ')}`);
				if (s.prerequisites.length) {
					tooltip.appendMarkdown(`\n\nKnow first: ${s.prerequisites.map(escapeMd).join(', ')}`);
				}
				item.tooltip = tooltip;
				item.contextValue = status === 'not_started' ? 'exercise' : 'exercise.started';
				item.accessibilityInformation = { label: `${s.title}, ${statusLabels[status]}, ${s.difficulty}, ${languageLabels[s.language] ?? s.language}` };
				item.command = { command: 'codementor.exercises.start', title: 'Start Exercise', arguments: [s.id] };
				return item;
			}
		}
	}
}

function escapeMd(s: string): string {
	return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
