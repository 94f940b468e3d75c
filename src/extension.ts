// CodeMentor's entry point, kept tiny: VS Code loads this module and calls activate() on the way to
// a ready window, so both cost the learner. activate() returns at once with a promise; the wiring
// (activation.ts: the container and every feature's commands, views and providers) loads as its own
// chunk and registers before that promise resolves, which is what VS Code waits for before it runs
// a command or resolves a view that activated us. Heavy code loads later still, on first use.
import type * as vscode from 'vscode';
import type { CodeMentorApi } from './activation';

export type { CodeMentorApi } from './activation';

export function activate(context: vscode.ExtensionContext): Promise<CodeMentorApi> {
	const started = performance.now();
	return import('./activation').then(m => m.activateFeatures(context, started));
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}
