// The Tutor webview view: owns its message channel and tells the webview what to show.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { Disposable } from '../../core/lifecycle';
import { renderWebviewHtml, WebviewChannel, webviewOptions } from '../../platform/webview';
import { tutorToHost, type HostToTutor, type TutorToHost } from '../../shared/protocol/tutor';

export class TutorView extends Disposable {
	private readonly channel: WebviewChannel<TutorToHost, HostToTutor>;

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
		this._register(view.onDidDispose(() => this.dispose()));
		webview.html = renderWebviewHtml({ webview, extensionUri: container.context.extensionUri, bundle: 'tutor', title: 'CodeMentor Tutor' });
		this.pushState();
		container.views.didResolve(view.viewType);
	}

	private pushState(): void {
		this.channel.post({ type: 'state/set', state: { screen: 'welcome', trusted: vscode.workspace.isTrusted } });
	}

	private async onMessage(message: TutorToHost): Promise<void> {
		switch (message.type) {
			case 'ready':
				this.container.logger.debug('Tutor webview ready');
				return;
			case 'command/run':
				await vscode.commands.executeCommand(message.command);
				return;
		}
	}
}
