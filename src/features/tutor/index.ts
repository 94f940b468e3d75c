// Registers the Tutor webview view. The view's implementation (and zod, via the protocol) loads
// only when the view is first shown.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { CommandIds, ViewIds } from '../../shared/ids';
import { registerCommand } from '../../platform/commands';

export function registerTutor(container: Container): void {
	const { context, logger } = container;
	context.subscriptions.push(
		vscode.window.registerWebviewViewProvider(
			ViewIds.tutor,
			{
				async resolveWebviewView(view) {
					const { TutorView } = await import('./tutorView');
					new TutorView(container, view);
				},
			},
			{ webviewOptions: { retainContextWhenHidden: true } },
		),
		registerCommand(logger, CommandIds.openTutor, 'Open Tutor', () =>
			vscode.commands.executeCommand(`${ViewIds.tutor}.focus`),
		),
	);
}
