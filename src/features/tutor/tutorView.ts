// The Tutor view: owns its message channel and tells the webview what to show, including whether
// a model is connected (and, when none is, the one-click ways to connect one).
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { configuredModel, providerLabels } from '../../core/llm/access';
import { Disposable } from '../../core/lifecycle';
import { renderWebviewHtml, WebviewChannel, webviewOptions } from '../../platform/webview';
import { CommandIds } from '../../shared/ids';
import { tutorToHost, type HostToTutor, type ModelStatus, type TutorToHost } from '../../shared/protocol/tutor';

export class TutorView extends Disposable {
	private readonly channel: WebviewChannel<TutorToHost, HostToTutor>;
	private model: ModelStatus = { status: 'checking' };
	private checking = 0;

	constructor(
		private readonly container: Container,
		readonly view: vscode.WebviewView,
	) {
		super();
		const { webview } = view;
		webview.options = webviewOptions(container.context.extensionUri);
		this.channel = this._register(new WebviewChannel(webview, tutorToHost, container.logger, 'Tutor'));
		this._register(this.channel.onMessage(m => this.onMessage(m)));
		this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.pushState()));
		this._register(container.onDidChangeModels(() => void this.checkModel()));
		this._register(view.onDidDispose(() => this.dispose()));
		webview.html = renderWebviewHtml({ webview, extensionUri: container.context.extensionUri, bundle: 'tutor', title: 'CodeMentor Tutor' });
		this.pushState();
		container.views.didResolve(view.viewType);
		void this.checkModel();
	}

	/** Which model would answer, without loading any SDK (auto probes a local server for ~300 ms). */
	private async checkModel(): Promise<void> {
		const run = ++this.checking;
		let next: ModelStatus;
		try {
			const id = await this.container.models.pick();
			const s = this.container.llmSettings();
			const model = id ? configuredModel(s, id) : '';
			next = id
				? { status: 'connected', provider: id, label: model ? `${providerLabels[id]} · ${model}` : providerLabels[id] }
				: { status: 'none', platformConfigured: !!s.platform.url };
		} catch (error) {
			this.container.logger.warn('Tutor: could not check the model', error);
			next = { status: 'none', platformConfigured: !!this.container.config.get('platform.url'), problem: 'CodeMentor could not check which model to use; see the logs.' };
		}
		if (run === this.checking && !this.isDisposed) {
			this.model = next;
			this.pushState();
		}
	}

	private pushState(): void {
		this.channel.post({ type: 'state/set', state: { screen: 'welcome', trusted: vscode.workspace.isTrusted, model: this.model } });
	}

	private async onMessage(message: TutorToHost): Promise<void> {
		switch (message.type) {
			case 'ready':
				this.container.logger.debug('Tutor webview ready');
				return;
			case 'command/run':
				await vscode.commands.executeCommand(message.command, ...(message.command === CommandIds.connectModel ? (message.args ?? []) : []));
				return;
		}
	}
}
