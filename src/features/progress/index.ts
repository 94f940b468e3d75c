// Registers the Progress tree. Empty until the learner has progress; VS Code then shows the
// welcome content from package.json (viewsWelcome).
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { ViewIds } from '../../shared/ids';

export function registerProgress(container: Container): void {
	const provider: vscode.TreeDataProvider<never> = {
		getTreeItem: item => item,
		getChildren: () => {
			container.views.didResolve(ViewIds.progress);
			return [];
		},
	};
	container.context.subscriptions.push(vscode.window.createTreeView(ViewIds.progress, { treeDataProvider: provider }));
}
