// Inline help and review on save in the real extension host, against a fake model server: code
// actions on any language server's diagnostic, "Explain this error" answered at the line, a stack
// trace in output opened at its file:line, review findings published as diagnostics whose quick fix
// edits the file, saves of unchanged content costing no call, and an .env file never sent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/shared/ids';
import { startFakeModel, useModel, type FakeModel } from './fakeModel';
import { activateApi, waitFor } from './helpers';

const CONSENT_KEY = 'codementor.review.consent.v1';

function workspaceDir(): string {
	const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
	assert.ok(root, 'the in-host tests run with a workspace folder');
	const dir = path.join(root, 'inline-help');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

async function openWith(file: string, text: string): Promise<vscode.TextEditor> {
	fs.writeFileSync(file, text);
	const doc = await vscode.workspace.openTextDocument(file);
	return vscode.window.showTextDocument(doc);
}

/** Saves the document's current text again (an edit and its undo make it dirty with the same content). */
async function saveUnchanged(editor: vscode.TextEditor): Promise<void> {
	await editor.edit(b => b.insert(new vscode.Position(0, 0), 'x'));
	await editor.edit(b => b.delete(new vscode.Range(0, 0, 0, 1)));
	await editor.document.save();
}

describe('Inline help and review on save in VS Code', function () {
	this.timeout(60_000);
	let model: FakeModel;
	let dir: string;

	before(async () => {
		model = await startFakeModel();
		const { container } = await activateApi();
		await useModel(model.url);
		await container.context.globalState.update(CONSENT_KEY, true);
		dir = workspaceDir();
	});

	after(async () => {
		const { container } = await activateApi();
		await vscode.workspace.getConfiguration('codementor').update('review.onSave', undefined, vscode.ConfigurationTarget.Global);
		await container.context.globalState.update(CONSENT_KEY, undefined);
		await useModel(undefined);
		await model.close();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	beforeEach(() => {
		model.requests.length = 0;
		model.replies.length = 0;
		model.reply = undefined;
	});

	it('offers "Explain this error" and a hint on any diagnostic, and "Review selection" on a selection', async () => {
		const editor = await openWith(path.join(dir, 'broken.py'), 'total = 0\nfor n in nums:\n    totl += n\n');
		const collection = vscode.languages.createDiagnosticCollection('fake-language-server');
		try {
			const range = new vscode.Range(2, 4, 2, 8);
			const d = new vscode.Diagnostic(range, '"totl" is not defined', vscode.DiagnosticSeverity.Error);
			d.source = 'Pylance';
			collection.set(editor.document.uri, [d]);
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
			const titles = actions.map(a => a.title);
			assert.ok(titles.includes('CodeMentor: Explain this error'), titles.join(' | '));
			assert.ok(titles.some(t => /^CodeMentor: Hint \(level \d\)$/.test(t)), titles.join(' | '));

			editor.selection = new vscode.Selection(1, 0, 2, 13);
			const onSelection = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection);
			assert.ok(onSelection.some(a => a.title === 'CodeMentor: Review selection'));

			model.replies.push({ text: ['`totl` is a typo: ', 'which name did you create on line 1?'] });
			const explain = actions.find(a => a.title === 'CodeMentor: Explain this error')!;
			const answer = await vscode.commands.executeCommand<string>(explain.command!.command, ...(explain.command!.arguments ?? []));
			assert.equal(answer, '`totl` is a typo: which name did you create on line 1?');
			const sent = model.requests[0]!.text;
			assert.match(sent, /"totl" is not defined/);
			assert.match(sent, /totl \+= n/, 'the code around the error is sent');
		} finally {
			collection.dispose();
		}
	});

	it('opens a stack trace from output at its file and line, and explains it there', async () => {
		const file = path.join(dir, 'crash.py');
		fs.writeFileSync(file, 'def first(items):\n    return items[0]\n\nfirst([])\n');
		const trace = `Traceback (most recent call last):\n  File "${file}", line 4, in <module>\n    first([])\n  File "${file}", line 2, in first\n    return items[0]\nIndexError: list index out of range\n`;
		model.replies.push({ text: ['The list is empty when `first` runs.'] });
		const answer = await vscode.commands.executeCommand<string>('codementor.explainText', trace);
		assert.equal(answer, 'The list is empty when `first` runs.');
		const editor = vscode.window.activeTextEditor!;
		assert.equal(editor.document.uri.fsPath, file);
		assert.equal(editor.selection.active.line, 1, 'the innermost frame of the learner’s code: line 2');
		assert.match(model.requests[0]!.text, /IndexError/);
	});

	it('publishes review findings as diagnostics with a quick fix, and re-saving unchanged content makes no call', async () => {
		await vscode.workspace.getConfiguration('codementor').update('review.onSave', 'workspace', vscode.ConfigurationTarget.Global);
		const editor = await openWith(path.join(dir, 'calc.py'), 'def add(a, b):\n    return a + b\n');
		model.reply = request =>
			request.text.includes('a - b')
				? { text: [JSON.stringify({ findings: [{ startLine: 2, endLine: 2, severity: 'hint', category: 'bug', message: 'add should add: check the operator.', replacement: '    return a + b' }] })] }
				: { text: [JSON.stringify({ findings: [] })] };
		await editor.edit(b => b.replace(new vscode.Range(1, 13, 1, 14), '-'));
		await editor.document.save();
		const diagnostics = await waitFor('review diagnostics', () => {
			const ds = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.source === 'CodeMentor');
			return ds.length > 0 && ds;
		});
		assert.equal(diagnostics[0]!.range.start.line, 1);
		assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Information);
		assert.equal(model.requests.length, 1);

		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostics[0]!.range);
		const fix = actions.find(a => a.title.startsWith('CodeMentor: Fix'));
		assert.ok(fix?.edit, actions.map(a => a.title).join(' | '));
		await vscode.workspace.applyEdit(fix.edit);
		assert.equal(editor.document.lineAt(1).text, '    return a + b');
		await waitFor('the finding on the edited line to clear', () => vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.source === 'CodeMentor').length === 0);

		await editor.document.save();
		await waitFor('the second review', () => model.requests.length === 2);
		await saveUnchanged(editor);
		await saveUnchanged(editor);
		await new Promise(r => setTimeout(r, 2500));
		assert.equal(model.requests.length, 2, 'saving the same content again costs no model call');
	});

	it('never sends an excluded .env file', async () => {
		await vscode.workspace.getConfiguration('codementor').update('review.onSave', 'workspace', vscode.ConfigurationTarget.Global);
		const secret = 'sk-test-not-to-be-sent-1234567890';
		const editor = await openWith(path.join(dir, '.env'), `OPENAI_API_KEY=${secret}\n`);
		await editor.edit(b => b.insert(new vscode.Position(1, 0), 'DEBUG=1\n'));
		await editor.document.save();
		const control = await openWith(path.join(dir, 'ok.py'), 'x = 1\n');
		model.reply = () => ({ text: [JSON.stringify({ findings: [] })] });
		await control.edit(b => b.insert(new vscode.Position(1, 0), 'y = 2\n'));
		await control.document.save();
		await waitFor('the control file to be reviewed', () => model.requests.some(r => r.text.includes('y = 2')));
		assert.ok(!model.requests.some(r => r.text.includes(secret) || r.text.includes('DEBUG=1')), 'the .env content reached the model server');
	});

	it('gives the next hint of a started exercise at the cursor', async () => {
		const folder = (await vscode.commands.executeCommand<string>(CommandIds.startExercise, 'builtin/pangram'))!;
		await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, fs.readdirSync(folder).find(f => f.endsWith('.py') && !f.startsWith('test_'))!)));
		const first = await vscode.commands.executeCommand<string>(CommandIds.exerciseHint);
		const second = await vscode.commands.executeCommand<string>(CommandIds.exerciseHint);
		assert.ok(first && second && first !== second, `two different authored hints: ${first} / ${second}`);
		assert.equal(model.requests.length, 0, 'authored hints need no model');
	});
});
