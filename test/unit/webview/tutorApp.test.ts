import * as assert from 'node:assert/strict';
import { installDom, manualFrames, type TestDom } from './dom';
import type { HostToTutor, TutorState, TutorToHost, UiMessage } from '../../../src/shared/protocol/tutor';
import { TutorApp, type SavedViewState } from '../../../webview-ui/tutor/app';
import type { MermaidApi } from '../../../webview-ui/tutor/mermaid';

function state(overrides: Partial<TutorState> = {}): TutorState {
	return {
		screen: 'chat',
		trusted: true,
		model: { status: 'connected', provider: 'ollama', label: 'llama3.2' },
		mode: 'guide',
		conversations: [
			{ id: 'c1', title: 'Recursion questions', updatedAt: '2025-01-02T10:00:00Z', messageCount: 2 },
			{ id: 'c2', title: 'Lists', updatedAt: '2025-01-01T10:00:00Z', messageCount: 4 },
		],
		activeConversationId: 'c1',
		busy: false,
		usage: { inputTokens: 1000, outputTokens: 234, costUsd: 0.0031 },
		commands: [
			{ name: 'hint', description: 'Next hint for the exercise' },
			{ name: 'explain', description: 'Explain the selection' },
			{ name: 'review', description: 'Review my code' },
		],
		...overrides,
	};
}

const user = (id: string, text: string, extra: Partial<UiMessage> = {}): UiMessage => ({ id, role: 'user', parts: [{ type: 'markdown', text }], status: 'complete', createdAt: '2025-01-02T10:00:00Z', ...extra });
const answer = (id: string, parts: UiMessage['parts'], extra: Partial<UiMessage> = {}): UiMessage => ({ id, role: 'assistant', parts, status: 'complete', createdAt: '2025-01-02T10:00:01Z', ...extra });

describe('Tutor view', () => {
	let dom: TestDom;
	let posted: TutorToHost[];
	let saved: SavedViewState | undefined;
	let frames: ReturnType<typeof manualFrames>;
	let app: TutorApp;
	let mermaidCalls: string[];
	let mermaidFails: boolean;

	const $ = <E extends Element = HTMLElement>(selector: string) => dom.document.querySelector<E>(selector);
	const $$ = (selector: string) => Array.from(dom.document.querySelectorAll<HTMLElement>(selector));
	const send = (message: HostToTutor) => app.handle(message);
	const key = (target: Element, k: string, init: KeyboardEventInit = {}) => {
		const event = new dom.window.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
		target.dispatchEvent(event);
		return event;
	};
	const type = (text: string) => {
		const textarea = $<HTMLTextAreaElement>('[data-testid="composer"]')!;
		textarea.value = text;
		textarea.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
		return textarea;
	};
	const click = (el: Element | null) => {
		assert.ok(el, 'element to click exists');
		(el as HTMLElement).click();
	};

	function start(savedState?: SavedViewState): void {
		saved = savedState;
		const fakeMermaid: MermaidApi = {
			initialize: () => undefined,
			render: async (_id, text) => {
				mermaidCalls.push(text);
				if (mermaidFails) {
					throw new Error('Parse error on line 2:\nexpecting something');
				}
				return { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 120 40" style="max-width: 120px;"><text>ok</text></svg>' };
			},
		};
		app = new TutorApp(
			dom.document.getElementById('root')!,
			{ post: m => posted.push(m), getState: <T>() => saved as T | undefined, setState: s => (saved = s as SavedViewState) },
			{ schedule: frames.schedule, loadMermaid: async () => fakeMermaid, saveDelayMs: 0 },
		);
	}

	beforeEach(() => {
		dom = installDom();
		posted = [];
		frames = manualFrames();
		mermaidCalls = [];
		mermaidFails = false;
		start();
	});
	afterEach(() => {
		app.dispose();
		dom.restore();
	});

	describe('welcome screen', () => {
		it('offers the ways to connect a model while none is connected, and says when it is looking', () => {
			send({ type: 'state/set', state: state({ screen: 'welcome', model: { status: 'none', platformConfigured: false }, conversations: [], activeConversationId: undefined }) });
			assert.ok($('[data-testid="welcome"]'));
			assert.equal($('[data-testid="messages"]')!.hidden, true);
			const openai = $$('.connect-options button').find(b => b.textContent === 'Add an OpenAI key');
			click(openai!);
			assert.deepEqual(posted.at(-1), { type: 'command/run', command: 'codementor.connectModel', args: ['openai'] });
			assert.match($('.composer-input')!.getAttribute('placeholder')!, /Connect a model/);

			send({ type: 'state/set', state: state({ screen: 'welcome', model: { status: 'checking' } }) });
			assert.match($('[data-testid="welcome"]')!.textContent!, /Looking for a model/);
			assert.equal($('#root')!.getAttribute('aria-busy'), 'true');
		});

		it('gives way to the conversation once there is a message', () => {
			send({ type: 'state/set', state: state({ screen: 'welcome' }) });
			send({ type: 'message/upsert', conversationId: 'c1', message: user('u1', 'What is recursion?') });
			assert.equal($('[data-testid="welcome"]'), null);
			assert.equal($('[data-testid="messages"]')!.hidden, false);
		});
	});

	describe('header', () => {
		beforeEach(() => send({ type: 'state/set', state: state() }));

		it('switches, creates, renames, deletes and exports conversations', () => {
			const select = $<HTMLSelectElement>('[data-testid="conversations"]')!;
			assert.deepEqual(Array.from(select.options, o => o.textContent), ['Recursion questions', 'Lists']);
			assert.equal(select.value, 'c1');
			select.value = 'c2';
			select.dispatchEvent(new dom.window.Event('change'));
			assert.deepEqual(posted.pop(), { type: 'conversation/switch', conversationId: 'c2' });

			click($('[data-testid="new-conversation"]'));
			assert.deepEqual(posted.pop(), { type: 'conversation/new' });

			click($('[data-testid="rename-conversation"]'));
			const input = $<HTMLInputElement>('[data-testid="rename-input"]')!;
			assert.equal(input.value, 'Recursion questions');
			input.value = 'Recursion, base cases';
			key(input, 'Enter');
			assert.deepEqual(posted.pop(), { type: 'conversation/rename', conversationId: 'c1', title: 'Recursion, base cases' });
			assert.equal($('[data-testid="rename-input"]'), null);

			click($('[data-testid="delete-conversation"]'));
			assert.equal(posted.length, 0, 'deleting asks first');
			click($('[data-testid="confirm-delete"]'));
			assert.deepEqual(posted.pop(), { type: 'conversation/delete', conversationId: 'c1' });

			click($('[data-testid="export-conversation"]'));
			assert.deepEqual(posted.pop(), { type: 'conversation/export', conversationId: 'c1' });
		});

		it('shows a new, unsaved conversation as such, with nothing to rename or delete', () => {
			send({ type: 'state/set', state: state({ activeConversationId: undefined }) });
			const select = $<HTMLSelectElement>('[data-testid="conversations"]')!;
			assert.equal(select.options[select.selectedIndex].textContent, 'New conversation');
			assert.equal($<HTMLButtonElement>('[data-testid="delete-conversation"]')!.disabled, true);
		});

		it('sets the mode, offers to change the model and shows tokens and cost', () => {
			const mode = $<HTMLSelectElement>('[data-testid="mode"]')!;
			assert.deepEqual(Array.from(mode.options, o => o.textContent), ['Guide', 'Explain', 'Debug', 'Review']);
			mode.value = 'debug';
			mode.dispatchEvent(new dom.window.Event('change'));
			assert.deepEqual(posted.pop(), { type: 'mode/set', mode: 'debug' });

			assert.match($('[data-testid="model"]')!.textContent!, /llama3\.2/);
			click($('[data-testid="change-model"]'));
			assert.deepEqual(posted.pop(), { type: 'command/run', command: 'codementor.selectModel' });

			assert.equal($('[data-testid="usage"]')!.textContent, '1.2k tokens · $0.003');
			assert.match($('[data-testid="usage"]')!.title, /1,000 input and 234 output tokens/);
		});
	});

	describe('messages', () => {
		beforeEach(() => send({ type: 'state/set', state: state() }));

		it('renders a conversation with context, command, markdown and code with a toolbar', () => {
			send({
				type: 'messages/set',
				conversationId: 'c1',
				messages: [
					user('u1', '/explain Why does `f` never stop?', { context: ['main.py:3-8', 'Problems (2)'], command: 'explain' }),
					answer('a1', [{ type: 'markdown', text: 'Look at the **base case**:\n\n```python\ndef f(n):\n    return f(n - 1)\n```\n' }]),
				],
			});
			const messages = $$('[data-testid="message"]');
			assert.deepEqual(messages.map(m => [m.dataset.role, m.dataset.status]), [['user', 'complete'], ['assistant', 'complete']]);
			assert.equal(messages[0].querySelector('.command-badge')!.textContent, '/explain');
			// The command shows once, as the badge, before what the learner asked.
			assert.equal(messages[0].textContent!.match(/\/explain/g)!.length, 1);
			assert.match(messages[0].querySelector('.md-block, p')!.textContent!, /^Why does f never stop\?/);
			assert.deepEqual(Array.from(messages[0].querySelectorAll('.message-context li'), li => li.textContent), ['main.py:3-8', 'Problems (2)']);
			assert.equal(messages[1].querySelector('strong')!.textContent, 'base case');
			assert.ok(messages[1].querySelector('.code-block code .hljs-keyword'), 'highlighted');

			const code = 'def f(n):\n    return f(n - 1)';
			click(messages[1].querySelector('[data-code-action="copy"]'));
			assert.deepEqual(posted.pop(), { type: 'code/copy', code });
			click(messages[1].querySelector('[data-code-action="insert"]'));
			assert.deepEqual(posted.pop(), { type: 'code/insert', code });
			click(messages[1].querySelector('[data-code-action="apply"]'));
			assert.deepEqual(posted.pop(), { type: 'code/apply', code, language: 'python' });
		});

		it('streams an answer: only appends render, announces start and end, and marks the log busy meanwhile', async () => {
			send({ type: 'message/upsert', conversationId: 'c1', message: user('u1', 'Explain recursion') });
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a1', [], { status: 'streaming' }) });
			const log = $('[data-testid="messages"]')!;
			assert.equal(log.getAttribute('role'), 'log');
			assert.equal(log.getAttribute('aria-live'), 'polite');
			assert.equal(log.getAttribute('aria-busy'), 'true');
			await new Promise(resolve => setTimeout(resolve, 60));
			assert.equal($('[data-testid="announcer"]')!.textContent, 'Tutor is answering…');
			const message = $('[data-testid="message"][data-role="assistant"]')!;
			assert.ok(message.classList.contains('empty'), 'shows "thinking" before the first words');

			send({ type: 'message/append', messageId: 'a1', part: 0, text: 'A function that ' });
			send({ type: 'message/append', messageId: 'a1', part: 0, text: 'calls **itself**.\n\nSecond' });
			assert.equal(message.querySelector('.markdown')!.textContent, '', 'rendered on the next frame');
			frames.run();
			assert.equal(message.querySelector('strong')!.textContent, 'itself');
			assert.equal(message.classList.contains('empty'), false);
			const first = message.querySelector('.md-block');

			send({ type: 'message/append', messageId: 'a1', part: 0, text: ' paragraph.' });
			frames.run();
			assert.equal(message.querySelector('.md-block'), first, 'the first paragraph was not rendered again');
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a1', [{ type: 'markdown', text: 'A function that calls' }], { status: 'streaming' }) });
			frames.run();
			assert.match(message.textContent!, /Second paragraph\./, 'an older snapshot does not take streamed text away');
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a1', [{ type: 'markdown', text: 'A function that calls **itself**.\n\nSecond paragraph.' }]) });
			assert.equal(message.dataset.status, 'complete');
			assert.equal(message.querySelector('.md-block'), first);
			assert.equal(log.getAttribute('aria-busy'), 'false');
			await new Promise(resolve => setTimeout(resolve, 60));
			assert.equal($('[data-testid="announcer"]')!.textContent, 'Answer complete');
		});

		it('starts an answer it has not seen when text for it arrives', () => {
			send({ type: 'message/append', messageId: 'a9', part: 1, text: 'second part' });
			frames.run();
			const message = $('[data-testid="message"]')!;
			assert.equal(message.dataset.status, 'streaming');
			assert.equal(message.querySelectorAll('.markdown').length, 2);
			assert.match(message.textContent!, /second part/);
		});

		it('holds back solution code until "Show anyway", which says it counts as viewing the solution', () => {
			send({
				type: 'messages/set',
				conversationId: 'c1',
				messages: [answer('a1', [{ type: 'markdown', text: 'Try this first.' }, { type: 'withheld', blockId: 'b1', language: 'python', notice: 'This would solve the exercise for you.' }])],
			});
			const withheld = $('[data-testid="withheld"]')!;
			assert.match(withheld.textContent!, /This would solve the exercise for you\./);
			assert.match(withheld.textContent!, /counts as viewing the solution/);
			const show = $<HTMLButtonElement>('[data-testid="show-anyway"]')!;
			assert.ok(show.getAttribute('aria-describedby'));
			click(show);
			assert.deepEqual(posted.pop(), { type: 'solution/show', messageId: 'a1', blockId: 'b1' });
			assert.equal(show.disabled, true);

			send({ type: 'message/part', messageId: 'a1', part: 1, value: { type: 'markdown', text: '```python\nprint(42)\n```' } });
			frames.run();
			assert.equal($('[data-testid="withheld"]'), null);
			assert.equal($('.code-block code')!.textContent!.trim(), 'print(42)');
		});

		it('shows tool steps with their status, asks before running one, and keeps a step open across updates', () => {
			const tool = (status: 'awaiting-confirmation' | 'running' | 'done') =>
				({ type: 'tool', callId: 't1', name: 'run_tests', title: 'Running the exercise tests', status, input: '{"exercise":"fib"}', ...(status === 'done' ? { output: '3 passed' } : {}) }) as const;
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a1', [tool('awaiting-confirmation')], { status: 'streaming' }) });
			let step = $('[data-testid="tool-step"]')!;
			assert.equal(step.dataset.status, 'awaiting-confirmation');
			assert.equal(step.querySelector('details')!.open, true);
			click(step.querySelector('[data-testid="tool-allow"]'));
			assert.deepEqual(posted.pop(), { type: 'tool/confirm', callId: 't1', approved: true });

			send({ type: 'message/part', messageId: 'a1', part: 0, value: tool('running') });
			step = $('[data-testid="tool-step"]')!;
			assert.equal(step.dataset.status, 'running');
			assert.ok(step.querySelector('.codicon-loading'));
			assert.equal(step.querySelector('details')!.open, true, 'still open as the learner left it');
			assert.equal(step.querySelector('[data-testid="tool-allow"]'), null);

			send({ type: 'message/part', messageId: 'a1', part: 0, value: tool('done') });
			step = $('[data-testid="tool-step"]')!;
			assert.ok(step.querySelector('.codicon-check'));
			assert.deepEqual(Array.from(step.querySelectorAll('pre'), p => p.textContent), ['{"exercise":"fib"}', '3 passed']);
		});

		it('says how an answer ended: stopped, interrupted with Retry, error with its actions', () => {
			send({ type: 'messages/set', conversationId: 'c1', messages: [user('u1', 'Hi'), answer('a1', [{ type: 'markdown', text: 'Partial' }], { status: 'stopped' })] });
			assert.match($('[data-status="stopped"]')!.textContent!, /Stopped/);

			send({ type: 'messages/set', conversationId: 'c1', messages: [user('u1', 'Hi'), answer('a1', [{ type: 'markdown', text: 'Partial' }], { status: 'interrupted' })] });
			assert.match($('[data-status="interrupted"]')!.textContent!, /This answer was interrupted \(VS Code closed\)/);
			click($('[data-testid="retry"]'));
			assert.deepEqual(posted.pop(), { type: 'chat/retry' });

			send({
				type: 'message/upsert',
				conversationId: 'c1',
				message: answer('a1', [], { status: 'error', error: { message: 'The model server is not running.', actions: [{ title: 'Connect a model', command: 'codementor.connectModel', args: ['ollama'] }, { title: 'Show Logs', command: 'codementor.showLogs' }] } }),
			});
			const failed = $('[data-status="error"]')!;
			assert.match(failed.querySelector('[role="alert"]')!.textContent!, /The model server is not running\./);
			click(Array.from(failed.querySelectorAll('button')).find(b => b.textContent === 'Connect a model')!);
			assert.deepEqual(posted.pop(), { type: 'command/run', command: 'codementor.connectModel', args: ['ollama'] });
			click(Array.from(failed.querySelectorAll('button')).find(b => b.textContent === 'Show Logs')!);
			assert.deepEqual(posted.pop(), { type: 'command/run', command: 'codementor.showLogs' });
		});

		it('offers Retry on the last answer and the pencil on the last question only, and neither while busy', () => {
			send({ type: 'messages/set', conversationId: 'c1', messages: [user('u1', 'One'), answer('a1', [{ type: 'markdown', text: 'A' }]), user('u2', 'Two'), answer('a2', [{ type: 'markdown', text: 'B' }])] });
			const [u1, a1, u2, a2] = $$('[data-testid="message"]');
			assert.equal(a1.querySelector('[data-testid="retry"]'), null);
			assert.ok(a2.querySelector('[data-testid="retry"]'));
			assert.equal(u1.querySelector('[data-testid="edit-message"]'), null);
			click(u2.querySelector('[data-testid="edit-message"]'));
			assert.equal($<HTMLTextAreaElement>('[data-testid="composer"]')!.value, 'Two');

			send({ type: 'state/set', state: state({ busy: true }) });
			assert.equal(a2.querySelector('[data-testid="retry"]'), null);
			assert.equal(u2.querySelector('[data-testid="edit-message"]'), null);
		});

		it('draws mermaid diagrams as images, loading mermaid only when a diagram appears', async () => {
			send({ type: 'messages/set', conversationId: 'c1', messages: [answer('a1', [{ type: 'markdown', text: 'No diagram here.' }])] });
			assert.deepEqual(mermaidCalls, []);
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a2', [{ type: 'markdown', text: '```mermaid\ngraph TD\n  A-->B\n```\n' }]) });
			await new Promise(resolve => setTimeout(resolve, 0));
			assert.deepEqual(mermaidCalls, ['graph TD\n  A-->B\n']);
			const img = $<HTMLImageElement>('.diagram img')!;
			assert.match(img.src, /^data:image\/svg\+xml;base64,/);
			const svg = Buffer.from(img.src.split(',')[1], 'base64').toString();
			assert.match(svg, /width="120" height="40"/, 'sized from the viewBox');
			assert.equal(img.alt, 'Diagram: graph TD A-->B');
			assert.ok($('.code-block.has-diagram'));

			mermaidFails = true;
			send({ type: 'message/upsert', conversationId: 'c1', message: answer('a3', [{ type: 'markdown', text: '```mermaid\ngraph ???\n```\n' }]) });
			await new Promise(resolve => setTimeout(resolve, 0));
			const failed = $$('[data-testid="message"]')[2];
			assert.match(failed.querySelector('.diagram-error')!.textContent!, /could not be drawn: Parse error on line 2:/);
			assert.equal(failed.querySelector('.code-block code')!.textContent, 'graph ???\n', 'the code stays');
			assert.equal(failed.querySelector('.has-diagram'), null);
		});
	});

	describe('composer', () => {
		let textarea: HTMLTextAreaElement;
		beforeEach(() => {
			send({ type: 'state/set', state: state() });
			send({ type: 'messages/set', conversationId: 'c1', messages: [user('u1', 'What is a base case?'), answer('a1', [{ type: 'markdown', text: 'The case that stops.' }])] });
			textarea = $<HTMLTextAreaElement>('[data-testid="composer"]')!;
		});

		it('sends on Enter, breaks the line on Shift+Enter, and ignores an empty message', () => {
			type('   ');
			key(textarea, 'Enter');
			assert.equal(posted.length, 0);
			type('line one');
			assert.equal(key(textarea, 'Enter', { shiftKey: true }).defaultPrevented, false);
			assert.equal(posted.length, 0);
			type('line one\nline two');
			key(textarea, 'Enter');
			assert.deepEqual(posted.pop(), { type: 'chat/send', text: 'line one\nline two' });
			assert.equal(textarea.value, '');
			type('by the button');
			click($('[data-testid="send"]'));
			assert.deepEqual(posted.pop(), { type: 'chat/send', text: 'by the button' });
		});

		it('turns Send into Stop while busy; Escape stops too', () => {
			send({ type: 'state/set', state: state({ busy: true }) });
			assert.equal($('[data-testid="send"]')!.hidden, true);
			assert.equal($('[data-testid="stop"]')!.hidden, false);
			type('queued thought');
			key(textarea, 'Enter');
			assert.equal(posted.length, 0, 'nothing is sent while an answer streams');
			key(textarea, 'Escape');
			assert.deepEqual(posted.pop(), { type: 'chat/stop' });
			click($('[data-testid="stop"]'));
			assert.deepEqual(posted.pop(), { type: 'chat/stop' });
			send({ type: 'state/set', state: state({ busy: false }) });
			assert.equal($('[data-testid="stop"]')!.hidden, true);
		});

		it('completes slash commands from a listbox with the arrow keys and Enter or Tab', () => {
			type('/');
			const list = $('[role="listbox"]')!;
			assert.equal(list.hidden, false);
			assert.deepEqual(Array.from(list.querySelectorAll('.slash-name'), n => n.textContent), ['/hint', '/explain', '/review']);
			assert.equal(textarea.getAttribute('aria-activedescendant'), 'slash-command-0');
			key(textarea, 'ArrowDown');
			assert.equal(list.querySelector('[aria-selected="true"] .slash-name')!.textContent, '/explain');
			key(textarea, 'Enter');
			assert.equal(textarea.value, '/explain ');
			assert.equal(list.hidden, true);
			assert.equal(posted.length, 0, 'picking a command does not send');

			type('/re');
			assert.deepEqual(Array.from(list.querySelectorAll('.slash-name'), n => n.textContent), ['/review']);
			key(textarea, 'Tab');
			assert.equal(textarea.value, '/review ');
			type('/zzz');
			assert.equal(list.hidden, true);
			type('/h');
			key(textarea, 'Escape');
			assert.equal(list.hidden, true);
			assert.equal(posted.length, 0, 'Escape closed the list, it did not stop anything');
		});

		it('edits the last question with Up in an empty composer, then sends it as an edit', () => {
			type('draft');
			key(textarea, 'ArrowUp');
			assert.equal(textarea.value, 'draft', 'Up only edits from an empty composer');
			type('');
			key(textarea, 'ArrowUp');
			assert.equal(textarea.value, 'What is a base case?');
			assert.equal($('.edit-banner')!.hidden, false);
			type('What is a base case, exactly?');
			key(textarea, 'Enter');
			assert.deepEqual(posted.pop(), { type: 'chat/edit', messageId: 'u1', text: 'What is a base case, exactly?' });
			assert.equal($('.edit-banner')!.hidden, true);

			type('');
			key(textarea, 'ArrowUp');
			key(textarea, 'Escape');
			assert.equal(textarea.value, '', 'Escape cancels the edit');
			assert.equal(posted.length, 0);
		});

		it('fills the composer on request and sends when asked to', () => {
			send({ type: 'composer/fill', text: 'Explain this selection', send: false });
			assert.equal(textarea.value, 'Explain this selection');
			assert.equal(posted.length, 0);
			send({ type: 'composer/fill', text: 'Explain main.py', send: true });
			assert.deepEqual(posted.pop(), { type: 'chat/send', text: 'Explain main.py' });
		});

		it('keeps the draft in the webview state and restores it', async () => {
			type('half a question');
			await new Promise(resolve => setTimeout(resolve, 5));
			assert.equal(saved?.draft, 'half a question');
			app.dispose();
			start(saved);
			assert.equal($<HTMLTextAreaElement>('[data-testid="composer"]')!.value, 'half a question');
		});
	});

	describe('context chips', () => {
		it('shows what would be sent and lets the learner leave a chip out and add it back', () => {
			send({
				type: 'context/set',
				chips: [
					{ id: 'sel', kind: 'selection', label: 'main.py:3-8', detail: 'Lines 3–8 of main.py (6 lines)', included: true },
					{ id: 'pb', kind: 'problems', label: 'Problems (2)', detail: '2 errors in main.py', included: true },
				],
			});
			const chips = $$('[data-testid="chip"]');
			assert.deepEqual(chips.map(c => [c.textContent, c.title]), [['main.py:3-8', 'Lines 3–8 of main.py (6 lines)'], ['Problems (2)', '2 errors in main.py']]);
			assert.ok(chips[0].querySelector('.codicon-selection'));
			click(chips[0].querySelector('button'));
			assert.deepEqual(posted.pop(), { type: 'context/toggle', chipId: 'sel', included: false });
			const excluded = $$('[data-testid="chip"]')[0];
			assert.ok(excluded.classList.contains('excluded'));
			assert.match(excluded.querySelector('button')!.getAttribute('aria-label')!, /Add main\.py:3-8 back/);
			click(excluded.querySelector('button'));
			assert.deepEqual(posted.pop(), { type: 'context/toggle', chipId: 'sel', included: true });

			send({ type: 'context/set', chips: [] });
			assert.equal($('.chips')!.hidden, true);
		});
	});

	it('shows notices as banners that can be dismissed', () => {
		send({ type: 'notice', level: 'warning', message: 'The model is slow to answer.' });
		const banner = $('[data-testid="notice"]')!;
		assert.equal(banner.getAttribute('role'), 'alert');
		assert.match(banner.textContent!, /slow to answer/);
		click(banner.querySelector('button'));
		assert.equal($('[data-testid="notice"]'), null);
	});

	it('restores the scroll position of the conversation it showed', () => {
		send({ type: 'state/set', state: state() });
		app.dispose();
		start({ scroll: { conversationId: 'c1', top: 120, atEnd: false } });
		send({ type: 'messages/set', conversationId: 'c1', messages: [user('u1', 'Hello')] });
		assert.equal($('[data-testid="messages"]')!.scrollTop, 120);
	});

	it('is accessible and CSP-clean: named buttons, no inline styles, header → messages → chips → composer', () => {
		send({ type: 'state/set', state: state() });
		send({ type: 'context/set', chips: [{ id: 'f', kind: 'file', label: 'main.py', detail: 'main.py (40 lines)', included: true }] });
		send({
			type: 'messages/set',
			conversationId: 'c1',
			messages: [
				user('u1', 'Hi'),
				answer('a1', [
					{ type: 'markdown', text: '**Hello** `x`\n\n```js\nlet a = 1;\n```\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |' },
					{ type: 'withheld', blockId: 'b', language: 'js', notice: 'Held back.' },
					{ type: 'tool', callId: 't', name: 'list', title: 'Listing exercises', status: 'awaiting-confirmation' },
				]),
			],
		});
		frames.run();
		for (const button of $$('button')) {
			const name = button.getAttribute('aria-label') ?? button.textContent!.trim();
			assert.ok(name, `a button without a name: ${button.outerHTML}`);
		}
		assert.deepEqual($$('[style]').map(el => el.outerHTML), [], 'no style attributes');
		assert.equal($$('style, script').length, 0);
		const order = ['[data-testid="conversations"]', '[data-testid="mode"]', '[data-testid="messages"]', '[data-testid="chip"]', '[data-testid="composer"]'].map(s => $(s)!);
		for (let i = 1; i < order.length; i++) {
			assert.ok(order[i - 1].compareDocumentPosition(order[i]) & dom.window.Node.DOCUMENT_POSITION_FOLLOWING, `${i - 1} before ${i}`);
		}
		assert.equal($('[data-testid="messages"]')!.getAttribute('tabindex'), '0');
	});
});
