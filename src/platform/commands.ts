// Registers commands with the behaviour every CodeMentor command shares: errors are logged and
// shown with "Show Logs" (plus the error's own actions), cancellation is silent.
import * as vscode from 'vscode';
import { errorMessage, isCancellation, UserFacingError } from '../core/errors';
import type { Logger } from '../core/log';
import { CommandIds } from '../shared/ids';

const SHOW_LOGS = 'Show Logs';

/** Shows an error as one sentence with its actions; resolves when the user picked one (or none). */
export async function showError(logger: Logger, error: unknown, context?: string): Promise<void> {
	if (isCancellation(error)) {
		return;
	}
	logger.error(error instanceof Error ? error : errorMessage(error));
	const actions = error instanceof UserFacingError ? error.actions : [];
	const message = error instanceof UserFacingError || !context ? errorMessage(error) : `${context}: ${errorMessage(error)}`;
	const picked = await vscode.window.showErrorMessage(message, ...actions.map(a => a.title), SHOW_LOGS);
	if (picked === SHOW_LOGS) {
		await vscode.commands.executeCommand(CommandIds.showLogs);
		return;
	}
	const action = actions.find(a => a.title === picked);
	if (action) {
		await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
	}
}

/**
 * Registers `id` so that a failure never escapes as an unhandled rejection. The handler's result is
 * returned to `executeCommand` callers (tests and other commands rely on it); on failure they get
 * `undefined` and the user sees the error.
 */
export function registerCommand(
	logger: Logger,
	id: string,
	title: string,
	handler: (...args: any[]) => unknown,
): vscode.Disposable {
	return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
		try {
			return await handler(...args);
		} catch (error) {
			void showError(logger, error, `CodeMentor: ${title} failed`);
			return undefined;
		}
	});
}
