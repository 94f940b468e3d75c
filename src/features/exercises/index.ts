// Registers the Exercises tree. Until a catalog is loaded the tree is empty and VS Code shows the
// view's welcome content from package.json (viewsWelcome).
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { ViewIds } from '../../shared/ids';

export function registerExercises(container: Container): void {
	const provider: vscode.TreeDataProvider<never> = {
		getTreeItem: item => item,
		getChildren: () => {
			container.views.didResolve(ViewIds.exercises);
			return [];
		},
	};
	container.context.subscriptions.push(vscode.window.createTreeView(ViewIds.exercises, { treeDataProvider: provider }));
}
