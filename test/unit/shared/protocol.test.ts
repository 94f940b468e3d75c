import * as assert from 'node:assert/strict';
import { parseMessage } from '../../../src/shared/protocol/channel';
import { hostToTutor, tutorToHost } from '../../../src/shared/protocol/tutor';

describe('shared/protocol', () => {
	it('accepts well-formed messages in both directions', () => {
		assert.deepEqual(parseMessage(tutorToHost, { type: 'ready' }), { ok: true, message: { type: 'ready' } });
		const base = { screen: 'welcome', trusted: true, mode: 'guide', conversations: [], busy: false, usage: { inputTokens: 0, outputTokens: 0 }, commands: [{ name: 'hint', description: 'Next hint' }] };
		const state = { type: 'state/set', state: { ...base, model: { status: 'none', platformConfigured: false } } };
		assert.equal(parseMessage(hostToTutor, state).ok, true);
		const connected = { type: 'state/set', state: { ...base, model: { status: 'connected', provider: 'openai', label: 'OpenAI · gpt-4o-mini' } } };
		assert.equal(parseMessage(hostToTutor, connected).ok, true);
		const part = { type: 'message/part', messageId: 'm1', part: 1, value: { type: 'withheld', blockId: 'b1', language: 'python', notice: 'Held back.' } };
		assert.equal(parseMessage(hostToTutor, part).ok, true);
		assert.equal(parseMessage(tutorToHost, { type: 'chat/send', text: 'why?' }).ok, true);
		assert.equal(parseMessage(tutorToHost, { type: 'solution/show', messageId: 'm1', blockId: 'b1' }).ok, true);
	});

	it('rejects an unknown type, a wrong field and a non-object, naming what is wrong', () => {
		const unknown = parseMessage(tutorToHost, { type: 'exec/shell', cmd: 'rm -rf ~' });
		assert.equal(unknown.ok, false);
		assert.match((unknown as { reason: string }).reason, /"exec\/shell"/);
		const wrongField = parseMessage(hostToTutor, { type: 'state/set', state: { screen: 'welcome', trusted: 'yes' } });
		assert.equal(wrongField.ok, false);
		assert.match((wrongField as { reason: string }).reason, /state\.trusted/);
		assert.equal(parseMessage(tutorToHost, 'ready').ok, false);
		assert.equal(parseMessage(tutorToHost, null).ok, false);
		assert.equal(parseMessage(tutorToHost, { type: 'chat/send', text: '   ' }).ok, false, 'an empty message is not sent');
		assert.equal(parseMessage(tutorToHost, { type: 'mode/set', mode: 'solve-it-for-me' }).ok, false);
		const withheldWithCode = parseMessage(hostToTutor, { type: 'message/part', messageId: 'm', part: 0, value: { type: 'withheld', blockId: 'b', language: 'py', notice: 'n', code: 'print(1)' } });
		assert.equal(withheldWithCode.ok && 'code' in (withheldWithCode.message as { value: object }).value, false, 'withheld code never reaches the webview');
	});

	it('lets the webview run only allow-listed commands', () => {
		assert.equal(parseMessage(tutorToHost, { type: 'command/run', command: 'codementor.getStarted' }).ok, true);
		assert.equal(parseMessage(tutorToHost, { type: 'command/run', command: 'workbench.action.terminal.sendSequence' }).ok, false);
		assert.equal(parseMessage(tutorToHost, { type: 'command/run', command: 'codementor.connectModel', args: ['ollama'] }).ok, true);
		assert.equal(parseMessage(tutorToHost, { type: 'command/run', command: 'codementor.connectModel', args: ['rm -rf'] }).ok, false, 'arguments are allow-listed too');
	});
});
