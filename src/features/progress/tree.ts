// The Progress tree: streak, today's goal, concepts with mastery, study tasks, recurring error
// patterns and achievements. Plain data nodes; TreeItems are made on demand from the summary.
import * as vscode from 'vscode';
import type { StudyTask } from '../../core/progress/events';
import { CommandIds, ViewIds } from '../../shared/ids';
import type { LearnerSummary, ProgressService } from './service';

export type ProgressNode =
	| { readonly kind: 'streak' }
	| { readonly kind: 'today' }
	| { readonly kind: 'section'; readonly section: 'concepts' | 'tasks' | 'errors' | 'achievements' | 'reviews' }
	| { readonly kind: 'concept'; readonly concept: LearnerSummary['mastery'][number] }
	| { readonly kind: 'task'; readonly task: StudyTask }
	| { readonly kind: 'error'; readonly pattern: LearnerSummary['errorPatterns'][number] }
	| { readonly kind: 'achievement'; readonly achievement: LearnerSummary['achievements'][number] }
	| { readonly kind: 'review'; readonly review: LearnerSummary['reviews'][number] };

const sectionTitles = { concepts: 'Concepts', tasks: 'Study tasks', errors: 'Recurring mistakes', achievements: 'Achievements', reviews: 'Due for review' } as const;

export function conceptName(id: string): string {
	const words = id.replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function bar(p: number): string {
	const filled = Math.round(p * 10);
	return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

export class ProgressTree implements vscode.TreeDataProvider<ProgressNode> {
	private readonly emitter = new vscode.EventEmitter<ProgressNode | undefined>();
	readonly onDidChangeTreeData = this.emitter.event;
	private summary: LearnerSummary | undefined;

	constructor(
		private readonly service: ProgressService,
		private readonly onFirstRender: () => void,
	) {}

	refresh(): void {
		this.summary = undefined;
		this.emitter.fire(undefined);
	}

	dispose(): void {
		this.emitter.dispose();
	}

	private async current(): Promise<LearnerSummary> {
		this.summary ??= await this.service.summary();
		return this.summary;
	}

	async getChildren(node?: ProgressNode): Promise<ProgressNode[]> {
		const s = await this.current();
		if (!node) {
			this.onFirstRender();
			const active = s.timeline.some(d => d.attempts > 0) || s.tasks.length > 0 || s.mastery.some(m => m.attempts > 0);
			if (!active) {
				// Empty: the welcome content from package.json shows instead.
				return [];
			}
			const sections: ProgressNode[] = [{ kind: 'streak' }, { kind: 'today' }];
			if (s.reviews.some(r => r.due)) {
				sections.push({ kind: 'section', section: 'reviews' });
			}
			sections.push({ kind: 'section', section: 'concepts' }, { kind: 'section', section: 'tasks' });
			if (s.errorPatterns.length > 0) {
				sections.push({ kind: 'section', section: 'errors' });
			}
			if (s.achievements.length > 0) {
				sections.push({ kind: 'section', section: 'achievements' });
			}
			return sections;
		}
		if (node.kind !== 'section') {
			return [];
		}
		switch (node.section) {
			case 'concepts':
				return s.mastery.filter(m => m.attempts > 0).map(concept => ({ kind: 'concept', concept }));
			case 'tasks':
				return [...s.tasks].sort((a, b) => (a.status === b.status ? (a.due ?? '9').localeCompare(b.due ?? '9') : a.status === 'open' ? -1 : 1)).map(task => ({ kind: 'task', task }));
			case 'errors':
				return s.errorPatterns.map(pattern => ({ kind: 'error', pattern }));
			case 'achievements':
				return s.achievements.map(achievement => ({ kind: 'achievement', achievement }));
			case 'reviews':
				return s.reviews.filter(r => r.due).map(review => ({ kind: 'review', review }));
		}
	}

	getTreeItem(node: ProgressNode): vscode.TreeItem {
		const s = this.summary;
		switch (node.kind) {
			case 'streak': {
				const days = s?.streak.current ?? 0;
				const item = new vscode.TreeItem(`${days}-day streak`);
				item.id = 'streak';
				item.iconPath = new vscode.ThemeIcon('flame', new vscode.ThemeColor(days > 0 ? 'charts.orange' : 'disabledForeground'));
				item.description = `longest ${s?.streak.longest ?? 0}${s?.streak.graceUsed ? ' · grace day used' : ''}`;
				item.tooltip = s?.streak.todayDone ? 'You practised today.' : 'Run an exercise’s tests today to keep your streak.';
				item.command = { command: CommandIds.openDashboard, title: 'Open Dashboard' };
				return item;
			}
			case 'today': {
				const t = s?.today;
				const item = new vscode.TreeItem(`Today: ${t?.attempts ?? 0} of ${t?.goal ?? 1} attempts`);
				item.id = 'today';
				item.iconPath = new vscode.ThemeIcon(t?.done ? 'pass-filled' : 'target', new vscode.ThemeColor(t?.done ? 'testing.iconPassed' : 'charts.blue'));
				item.description = t?.done ? 'goal met' : 'Next Exercise';
				item.command = { command: CommandIds.nextExercise, title: 'Next Exercise' };
				return item;
			}
			case 'section': {
				const count = node.section === 'concepts' ? s?.mastery.filter(m => m.attempts > 0).length : node.section === 'tasks' ? s?.tasks.filter(t => t.status === 'open').length : node.section === 'errors' ? s?.errorPatterns.length : node.section === 'reviews' ? s?.reviews.filter(r => r.due).length : s?.achievements.length;
				const item = new vscode.TreeItem(sectionTitles[node.section], node.section === 'achievements' || node.section === 'errors' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
				item.id = `section:${node.section}`;
				item.description = node.section === 'tasks' ? `${count ?? 0} open` : String(count ?? 0);
				item.contextValue = `section.${node.section}`;
				return item;
			}
			case 'concept': {
				const c = node.concept;
				const item = new vscode.TreeItem(conceptName(c.concept));
				item.id = `concept:${c.concept}`;
				item.description = `${bar(c.p)} ${Math.round(c.p * 100)}%`;
				item.iconPath = new vscode.ThemeIcon(c.mastered ? 'star-full' : 'circle-outline', new vscode.ThemeColor(c.mastered ? 'charts.yellow' : 'charts.blue'));
				item.tooltip = `${conceptName(c.concept)}: mastery ${Math.round(c.p * 100)}% after ${c.attempts} attempt${c.attempts === 1 ? '' : 's'} (${c.successes} passed)${c.mastered ? ' — mastered' : ''}`;
				item.accessibilityInformation = { label: `${conceptName(c.concept)}, mastery ${Math.round(c.p * 100)} percent${c.mastered ? ', mastered' : ''}` };
				return item;
			}
			case 'task': {
				const t = node.task;
				const item = new vscode.TreeItem(t.title);
				item.id = `task:${t.id}`;
				const overdue = t.status === 'open' && t.due !== undefined && t.due < (s?.today.day ?? '');
				item.iconPath = new vscode.ThemeIcon(t.status === 'done' ? 'pass' : overdue ? 'warning' : 'circle-large-outline', t.status === 'done' ? new vscode.ThemeColor('testing.iconPassed') : overdue ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
				item.description = [t.due ? `due ${t.due}` : '', t.status === 'done' ? 'done' : ''].filter(Boolean).join(' · ');
				item.tooltip = [t.title, t.notes, t.concepts?.length ? `Concepts: ${t.concepts.join(', ')}` : ''].filter(Boolean).join('\n');
				item.contextValue = t.status === 'done' ? 'task.done' : 'task.open';
				return item;
			}
			case 'error': {
				const p = node.pattern;
				const item = new vscode.TreeItem(p.label);
				item.id = `error:${p.kind}`;
				item.description = `${p.count}×`;
				item.iconPath = new vscode.ThemeIcon('bug');
				item.tooltip = `${p.label}: seen ${p.count} times, last ${p.lastAt.slice(0, 10)}. The tutor takes this into account.`;
				return item;
			}
			case 'achievement': {
				const a = node.achievement;
				const item = new vscode.TreeItem(a.title);
				item.id = `achievement:${a.id}`;
				item.description = a.earnedAt.slice(0, 10);
				item.iconPath = new vscode.ThemeIcon('trophy', new vscode.ThemeColor('charts.yellow'));
				item.tooltip = a.description;
				return item;
			}
			case 'review': {
				const r = node.review;
				const item = new vscode.TreeItem(conceptName(r.concept));
				item.id = `review:${r.concept}`;
				item.description = 'due now';
				item.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('charts.purple'));
				item.command = { command: CommandIds.nextExercise, title: 'Next Exercise' };
				return item;
			}
		}
	}
}

export const PROGRESS_VIEW = ViewIds.progress;
