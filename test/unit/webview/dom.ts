// A jsdom page for the webview tests: installs window/document as globals (the view's h() helper
// uses the global document) and removes them again, so other unit tests see plain Node.
import { JSDOM } from 'jsdom';

const names = ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'KeyboardEvent', 'MouseEvent', 'Event', 'CSS'] as const;

export interface TestDom {
	readonly dom: JSDOM;
	readonly window: Window & typeof globalThis;
	readonly document: Document;
	restore(): void;
}

export function installDom(bodyClass = 'vscode-dark'): TestDom {
	const dom = new JSDOM(`<!doctype html><html><body class="${bodyClass}"><div id="root"></div></body></html>`, { pretendToBeVisual: true });
	const window = dom.window as unknown as Window & typeof globalThis;
	const g = globalThis as Record<string, unknown>;
	const saved = names.map(name => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
	for (const name of names) {
		Object.defineProperty(globalThis, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
	}
	return {
		dom,
		window,
		document: window.document,
		restore() {
			for (const [name, descriptor] of saved) {
				if (descriptor) {
					Object.defineProperty(globalThis, name, descriptor);
				} else {
					delete g[name];
				}
			}
			dom.window.close();
		},
	};
}

/** A scheduler the test runs by hand: each run() is one animation frame. */
export function manualFrames(): { schedule: (flush: () => void) => void; run: () => number } {
	let pending: (() => void)[] = [];
	return {
		schedule: flush => {
			pending.push(flush);
		},
		run: () => {
			const now = pending;
			pending = [];
			now.forEach(f => f());
			return now.length;
		},
	};
}
