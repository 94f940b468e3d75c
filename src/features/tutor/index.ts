// Registers the Tutor: the webview view, @mentor and its vscode.lm tools, and the commands that
// bring code to the tutor (Explain Selection, Explain This File, New Conversation). The controller
// (and with it zod and the tutor's core) loads when the view is first shown or a command needs it.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { Lazy } from '../../core/lifecycle';
import { registerCommand } from '../../platform/commands';
import { CommandIds, ViewIds } from '../../shared/ids';
import type { TutorController, TutorDeps } from './controller';

export interface TutorFeature {
	/** The controller, created on first use. */
	controller(): Promise<TutorController>;
	/** Focuses the Tutor view and sends `text` (with the current context chips). */
	ask(text: string, options?: { readonly send?: boolean }): Promise<void>;
}

export function registerTutor(container: Container, deps: TutorDeps): TutorFeature {
	const { context, logger } = container;
	const lazy = new Lazy(async () => {
		const { TutorController } = await import('./controller');
		const controller = new TutorController(container, deps);
		context.subscriptions.push(controller);
		return controller;
	});
	const controller = () => lazy.value;
	let resolved: Promise<void> | undefined;
	let markResolved: (() => void) | undefined;
	const viewReady = () => (resolved ??= new Promise<void>(r => (markResolved = r)));

	const ask = async (text: string, options: { readonly send?: boolean } = {}) => {
		const c = await controller();
		await c.refreshContext();
		await vscode.commands.executeCommand(`${ViewIds.tutor}.focus`);
		await Promise.race([viewReady(), new Promise(r => setTimeout(r, 5000))]);
		if (options.send === false) {
			c.attachFill(text);
			return;
		}
		await c.send(text);
	};

	context.subscriptions.push(
		vscode.window.registerWebviewViewProvider(
			ViewIds.tutor,
			{
				async resolveWebviewView(view) {
					const [{ TutorView }, c] = await Promise.all([import('./tutorView'), controller()]);
					new TutorView(container, c, view);
					viewReady();
					markResolved?.();
				},
			},
			{ webviewOptions: { retainContextWhenHidden: true } },
		),
		registerCommand(logger, CommandIds.openTutor, 'Open Tutor', () => vscode.commands.executeCommand(`${ViewIds.tutor}.focus`)),
		registerCommand(logger, CommandIds.newConversation, 'New Conversation', async () => {
			await (await controller()).newConversation();
			await vscode.commands.executeCommand(`${ViewIds.tutor}.focus`);
		}),
		registerCommand(logger, CommandIds.explainSelection, 'Explain Selection', async () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || editor.selection.isEmpty) {
				void vscode.window.showInformationMessage('Select the code you want explained first.');
				return;
			}
			await ask('/explain What does the selected code do, step by step?');
		}),
		registerCommand(logger, CommandIds.explainFile, 'Explain This File', async (uri?: vscode.Uri) => {
			if (uri instanceof vscode.Uri && vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
				await vscode.window.showTextDocument(uri);
			}
			if (!vscode.window.activeTextEditor) {
				void vscode.window.showInformationMessage('Open the file you want explained first.');
				return;
			}
			await ask('/explain Give me an overview of this file: what it is for and how its parts fit together.');
		}),
	);
	void import('./participant').then(
		({ registerParticipant }) => context.subscriptions.push(registerParticipant(container, deps)),
		e => logger.warn('Tutor: @mentor could not be registered', e),
	);
	return { controller, ask };
}
