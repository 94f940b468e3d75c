// The Tutor view: owns its message channel, turns the webview's messages into controller calls
// (and code actions: copy, insert at cursor, apply as a diff), and keeps the model status current.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { configuredModel, providerLabels } from '../../core/llm/access';
import { Disposable } from '../../core/lifecycle';
import { renderWebviewHtml, WebviewChannel, webviewOptions } from '../../platform/webview';
import { CommandIds } from '../../shared/ids';
import { tutorToHost, type HostToTutor, type ModelStatus, type TutorToHost } from '../../shared/protocol/tutor';
import type { TutorController } from './controller';
import { applyAsDiff } from './proposal';

export class TutorView extends Disposable {
	private readonly channel: WebviewChannel<TutorToHost, HostToTutor>;
	private checking = 0;

	constructor(
		private readonly container: Container,
		private readonly controller: TutorController,
		readonly view: vscode.WebviewView,
	) {
		super();
		const { webview } = view;
		webview.options = webviewOptions(container.context.extensionUri);
		this.channel = this._register(new WebviewChannel(webview, tutorToHost, container.logger, 'Tutor'));
		this._register(this.channel.onMessage(m => this.onMessage(m)));
		this._register(controller.attach(m => this.channel.post(m)));
		this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void controller.pushState()));
		this._register(container.onDidChangeModels(() => void this.checkModel()));
		this._register(view.onDidDispose(() => this.dispose()));
		webview.html = renderWebviewHtml({ webview, extensionUri: container.context.extensionUri, bundle: 'tutor', title: 'CodeMentor Tutor', imgSrc: ['data:'] });
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
			this.controller.modelStatus = next;
			await this.controller.pushState();
		}
	}

	private async onMessage(message: TutorToHost): Promise<void> {
		const c = this.controller;
		switch (message.type) {
			case 'ready':
				this.container.logger.debug('Tutor webview ready');
				await c.restore();
				return;
			case 'command/run':
				await vscode.commands.executeCommand(message.command, ...(message.command === CommandIds.connectModel ? (message.args ?? []) : []));
				return;
			case 'chat/send':
				return c.send(message.text);
			case 'chat/stop':
				return c.stop();
			case 'chat/retry':
				return c.retry();
			case 'chat/edit':
				return c.edit(message.messageId, message.text);
			case 'mode/set':
				return c.setMode(message.mode);
			case 'context/toggle':
				return c.toggleChip(message.chipId, message.included);
			case 'conversation/new':
				return c.newConversation();
			case 'conversation/switch':
				return c.switchTo(message.conversationId);
			case 'conversation/rename':
				return c.rename(message.conversationId, message.title);
			case 'conversation/delete':
				return c.delete(message.conversationId);
			case 'conversation/export':
				await c.exportMarkdown(message.conversationId);
				return;
			case 'code/copy':
				await vscode.env.clipboard.writeText(message.code);
				void vscode.window.setStatusBarMessage('$(check) Code copied', 2000);
				return;
			case 'code/insert':
				return insertAtCursor(message.code);
			case 'code/apply':
				return applyAsDiff(message.code, message.language);
			case 'solution/show':
				return c.reveal(message.messageId, message.blockId);
			case 'tool/confirm':
				return c.confirmTool(message.callId, message.approved);
		}
	}
}

async function insertAtCursor(code: string): Promise<void> {
	const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
	if (!editor) {
		void vscode.window.showInformationMessage('Open a file and place the cursor where the code should go, then choose Insert again.');
		return;
	}
	await editor.edit(b => {
		for (const s of editor.selections) {
			b.replace(s, code);
		}
	});
	await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}
