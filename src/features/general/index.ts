// Commands that belong to no single feature: logs, settings, the getting-started walkthrough.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { registerCommand } from '../../platform/commands';
import { CommandIds, WALKTHROUGH_ID } from '../../shared/ids';

export function registerGeneral(container: Container): void {
	const { context, logger } = container;
	context.subscriptions.push(
		registerCommand(logger, CommandIds.showLogs, 'Show Logs', () => logger.channel.show(true)),
		registerCommand(logger, CommandIds.openSettings, 'Open Settings', () =>
			vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
		),
		registerCommand(logger, CommandIds.getStarted, 'Get Started', () =>
			vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
		),
	);
}
