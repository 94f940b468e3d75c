// "Apply as diff": shows the active file with the tutor's code put in place of the selection (or at
// the cursor) in VS Code's diff editor, and applies it only when the learner says so.
import * as vscode from 'vscode';

const SCHEME = 'codementor-proposal';
const proposals = new Map<string, string>();
let registered: vscode.Disposable | undefined;

function ensureProvider(): void {
	registered ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: uri => proposals.get(uri.path) ?? '' });
}

export function disposeProposals(): void {
	registered?.dispose();
	registered = undefined;
	proposals.clear();
}

export async function applyAsDiff(code: string, _language: string): Promise<void> {
	const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
	if (!editor) {
		void vscode.window.showInformationMessage('Open the file the code is for (and select what it replaces), then choose Apply again.');
		return;
	}
	ensureProvider();
	const doc = editor.document;
	const selection = editor.selection;
	const before = doc.getText();
	const start = doc.offsetAt(selection.start);
	const end = doc.offsetAt(selection.end);
	const proposed = before.slice(0, start) + code + before.slice(end);
	const key = `/${Date.now().toString(36)}/${doc.uri.path.split('/').pop() ?? 'file'}`;
	proposals.set(key, proposed);
	const right = vscode.Uri.from({ scheme: SCHEME, path: key });
	const name = doc.uri.path.split('/').pop();
	await vscode.commands.executeCommand('vscode.diff', doc.uri, right, `${name} ↔ Tutor's suggestion`, { preview: true });
	const pick = await vscode.window.showInformationMessage(`Apply the tutor's suggestion to ${name}?`, 'Apply', 'Discard');
	proposals.delete(key);
	if (pick !== 'Apply') {
		return;
	}
	if (doc.getText() !== before) {
		void vscode.window.showWarningMessage(`${name} changed while the suggestion was open; nothing was applied.`);
		return;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.replace(doc.uri, new vscode.Range(selection.start, selection.end), code);
	await vscode.workspace.applyEdit(edit);
	await vscode.window.showTextDocument(doc, editor.viewColumn);
}
