import * as assert from 'node:assert/strict';
import { installDom, type TestDom } from './dom';
import { hostToTutor, type HostToTutor, type TutorToHost } from '../../../src/shared/protocol/tutor';
import { connectToHost, h, iconButton } from '../../../webview-ui/common/host';

describe('webview host connection', () => {
	let dom: TestDom;
	let sent: unknown[];
	let state: unknown;

	beforeEach(() => {
		dom = installDom();
		sent = [];
		state = undefined;
		(globalThis as Record<string, unknown>).acquireVsCodeApi = () => ({ postMessage: (m: unknown) => sent.push(m), getState: () => state, setState: (s: unknown) => (state = s) });
	});
	afterEach(() => {
		delete (globalThis as Record<string, unknown>).acquireVsCodeApi;
		dom.restore();
	});

	it('says ready, delivers valid messages and drops invalid ones', () => {
		const received: HostToTutor[] = [];
		const warn = console.warn;
		const warnings: unknown[] = [];
		console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
		try {
			const host = connectToHost<HostToTutor, TutorToHost>(hostToTutor, m => received.push(m));
			assert.deepEqual(sent, [{ type: 'ready' }]);
			const deliver = (data: unknown) => dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data }));
			deliver({ type: 'notice', level: 'info', message: 'Hello' });
			deliver({ type: 'notice', level: 'shout', message: 'Hello' });
			deliver({ type: 'message/append', messageId: 'm', part: 0, text: 'x'.repeat(100_001) });
			deliver('not even an object');
			assert.deepEqual(received, [{ type: 'notice', level: 'info', message: 'Hello' }]);
			assert.equal(warnings.length, 3);
			host.post({ type: 'chat/stop' });
			assert.deepEqual(sent.at(-1), { type: 'chat/stop' });
			host.setState({ draft: 'x' });
			assert.deepEqual(host.getState(), { draft: 'x' });
		} finally {
			console.warn = warn;
		}
	});

	it('builds elements from text only, never markup', () => {
		const el = h('p', { title: 'x' }, '<img src=x onerror=alert(1)>');
		assert.equal(el.children.length, 0);
		assert.equal(el.textContent, '<img src=x onerror=alert(1)>');
		let clicks = 0;
		const button = iconButton('add', 'New conversation', () => clicks++);
		button.click();
		assert.equal(clicks, 1);
		assert.equal(button.getAttribute('aria-label'), 'New conversation');
		assert.equal(button.querySelector('.codicon-add')?.getAttribute('aria-hidden'), 'true');
	});
});
