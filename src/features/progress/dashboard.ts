// The Progress dashboard: a webview panel that draws the learner's summary (mastery, activity
// heat map, attempts and hints over time). The chart code loads in the webview only when it opens.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { Disposable } from '../../core/lifecycle';
import { renderWebviewHtml, WebviewChannel, webviewOptions } from '../../platform/webview';
import { dashboardToHost, type DashboardSummary, type DashboardToHost, type HostToDashboard } from '../../shared/protocol/dashboard';
import type { LearnerSummary, ProgressService } from './service';
import { conceptName } from './tree';

export const DASHBOARD_VIEW_TYPE = 'codementor.dashboard';

export class DashboardPanel extends Disposable {
	private readonly panel: vscode.WebviewPanel;
	private readonly channel: WebviewChannel<DashboardToHost, HostToDashboard>;

	constructor(
		container: Container,
		private readonly service: ProgressService,
		onDispose: () => void,
	) {
		super();
		this.panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'CodeMentor Progress', vscode.ViewColumn.Active, { ...webviewOptions(container.extensionUri), retainContextWhenHidden: false });
		this.panel.iconPath = vscode.Uri.joinPath(container.extensionUri, 'media', 'codementor.png');
		this.channel = this._register(new WebviewChannel(this.panel.webview, dashboardToHost, container.logger, 'Dashboard'));
		this._register(this.channel.onMessage(m => this.onMessage(m)));
		this._register(this.panel.onDidDispose(() => {
			onDispose();
			this.dispose();
		}));
		this._register(this.panel.onDidChangeViewState(e => e.webviewPanel.visible || this.channel.reset()));
		this.panel.webview.html = renderWebviewHtml({ webview: this.panel.webview, extensionUri: container.extensionUri, bundle: 'dashboard', title: 'CodeMentor Progress', imgSrc: ['data:'] });
	}

	reveal(): void {
		this.panel.reveal();
	}

	async update(): Promise<void> {
		const summary = await this.service.summary();
		this.channel.post({ type: 'summary/set', summary: toDashboardSummary(summary), user: this.service.userLabel() });
	}

	private async onMessage(message: DashboardToHost): Promise<void> {
		switch (message.type) {
			case 'ready':
				await this.update();
				return;
			case 'command/run':
				await vscode.commands.executeCommand(message.command);
				return;
		}
	}
}

export function toDashboardSummary(s: LearnerSummary): DashboardSummary {
	const concepts = new Set([...s.mastery.map(m => m.concept), ...s.reviews.map(r => r.concept)]);
	return {
		generatedAt: s.generatedAt,
		timeZone: s.timeZone,
		streak: s.streak,
		today: s.today,
		mastery: s.mastery.slice(0, 500).map(m => ({ concept: m.concept, p: m.p, attempts: m.attempts, successes: m.successes, mastered: m.mastered, lastPracticedAt: m.lastPracticedAt })),
		reviews: s.reviews.slice(0, 500).map(r => ({ concept: r.concept, dueAt: r.dueAt, due: r.due })),
		achievements: s.achievements.slice(0, 200).map(a => ({ id: a.id, title: a.title, description: a.description, earnedAt: a.earnedAt })),
		hintsUsed: s.hintsUsed,
		solutionsViewed: s.solutionsViewed,
		exercisesPassed: s.exercisesPassed,
		timeline: s.timeline.slice(-400),
		errorPatterns: s.errorPatterns.slice(0, 50).map(p => ({ kind: p.kind, label: p.label, count: p.count })),
		conceptLabels: Object.fromEntries([...concepts].map(c => [c, conceptName(c)])),
	};
}
