// The fake model server (test/support/fakeModel.ts) and pointing CodeMentor's settings at it.
import * as vscode from 'vscode';

export { startFakeModel, type FakeModel, type RecordedRequest, type ScriptedReply } from '../support/fakeModel';

/** Points CodeMentor at the fake server (and back to the defaults with `undefined`). */
export async function useModel(url: string | undefined): Promise<void> {
	const config = vscode.workspace.getConfiguration('codementor');
	await config.update('provider', url ? 'openaiCompatible' : undefined, vscode.ConfigurationTarget.Global);
	await config.update('openaiCompatible.baseUrl', url, vscode.ConfigurationTarget.Global);
}
