// The webview end of a protocol: posts typed messages to the extension host and delivers only
// messages that pass the protocol's schema. Sends `ready` once listening.
import * as z from 'zod';
import { parseMessage } from '../../src/shared/protocol/channel';

// zod probes for `new Function` to compile fast parsers; the webview's CSP forbids eval, so the probe
// only produces a CSP report. Parse without it.
z.config({ jitless: true });

interface VsCodeApi {
	postMessage(message: unknown): void;
	getState(): unknown;
	setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface HostConnection<Out> {
	post(message: Out): void;
	/** Webview-local state that survives the view being hidden (never secrets). */
	getState<T>(): T | undefined;
	setState(state: unknown): void;
}

export function connectToHost<In extends { type: string }, Out extends { type: string }>(
	schema: z.ZodType<In>,
	onMessage: (message: In) => void,
): HostConnection<Out> {
	const api = acquireVsCodeApi();
	window.addEventListener('message', (event: MessageEvent<unknown>) => {
		const parsed = parseMessage(schema, event.data);
		if (!parsed.ok) {
			console.warn(`CodeMentor: dropped ${parsed.reason}`);
			return;
		}
		onMessage(parsed.message);
	});
	const connection: HostConnection<Out> = {
		post: message => api.postMessage(message),
		getState: <T>() => (api.getState() ?? undefined) as T | undefined,
		setState: state => api.setState(state),
	};
	api.postMessage({ type: 'ready' });
	return connection;
}

/** Creates an element with text content only (never innerHTML) and optional attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, string> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) {
		el.setAttribute(k, v);
	}
	el.append(...children);
	return el;
}

/** A codicon, hidden from assistive technology (the control it sits in carries the name). */
export function icon(name: string, ...modifiers: string[]): HTMLSpanElement {
	return h('span', { class: ['codicon', `codicon-${name}`, ...modifiers].join(' '), 'aria-hidden': 'true' });
}

/** A toolbar button showing only a codicon: the label becomes its accessible name and tooltip. */
export function iconButton(name: string, label: string, onClick: (event: MouseEvent) => void, attrs: Record<string, string> = {}): HTMLButtonElement {
	const button = h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, ...attrs }, icon(name));
	button.addEventListener('click', onClick);
	return button;
}
