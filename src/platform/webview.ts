// Webview plumbing shared by every CodeMentor webview: the HTML shell with a strict CSP (nonce'd
// module script, no inline handlers, resources only from dist/webview), and a message channel
// that validates every incoming message and holds outgoing ones until the webview says `ready`.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type * as z from 'zod';
import { Disposable } from '../core/lifecycle';
import type { Logger } from '../core/log';
import { parseMessage } from '../shared/protocol/channel';

/** Options for a webview that may only load what ships in dist/webview. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
	};
}

export interface WebviewHtmlOptions {
	readonly webview: vscode.Webview;
	readonly extensionUri: vscode.Uri;
	/** Bundle name under dist/webview (without extension), e.g. "tutor". */
	readonly bundle: string;
	readonly title: string;
	/** Extra img-src sources (e.g. data: for generated charts). */
	readonly imgSrc?: readonly string[];
}

export function renderWebviewHtml({ webview, extensionUri, bundle, title, imgSrc = [] }: WebviewHtmlOptions): string {
	const nonce = randomBytes(16).toString('base64');
	const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', ...p)).toString();
	const csp = [
		`default-src 'none'`,
		// Module chunks are imported from the same origin as the entry script.
		`script-src 'nonce-${nonce}' ${webview.cspSource}`,
		`style-src ${webview.cspSource}`,
		`font-src ${webview.cspSource}`,
		`img-src ${webview.cspSource} ${imgSrc.join(' ')}`.trim(),
		`connect-src 'none'`,
		`form-action 'none'`,
		`frame-src 'none'`,
		`base-uri 'none'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset(`${bundle}.css`)}">
<title>${escapeAttr(title)}</title>
</head>
<body data-codementor-view="${escapeAttr(bundle)}">
<div id="root" aria-busy="true"></div>
<script type="module" nonce="${nonce}" src="${asset(`${bundle}.js`)}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
	return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/**
 * A typed, validated channel to one webview. Messages posted before the webview's `ready`
 * handshake are queued and flushed in order; a webview that reloads sends `ready` again.
 */
export class WebviewChannel<In extends { type: string }, Out extends { type: string }> extends Disposable {
	private ready = false;
	private queue: Out[] = [];
	private readonly handlers = new Set<(message: In) => void | Promise<void>>();

	constructor(
		private readonly webview: vscode.Webview,
		private readonly schema: z.ZodType<In>,
		private readonly logger: Logger,
		private readonly name: string,
	) {
		super();
		this._register(webview.onDidReceiveMessage(raw => this.receive(raw)));
	}

	onMessage(handler: (message: In) => void | Promise<void>): vscode.Disposable {
		this.handlers.add(handler);
		return new vscode.Disposable(() => this.handlers.delete(handler));
	}

	post(message: Out): void {
		if (!this.ready) {
			this.queue.push(message);
			return;
		}
		void this.webview.postMessage(message).then(undefined, e => this.logger.warn(`${this.name}: could not post "${message.type}"`, e));
	}

	/** The webview went away (hidden with retainContextWhenHidden off, or reloaded): queue again. */
	reset(): void {
		this.ready = false;
	}

	private receive(raw: unknown): void {
		const parsed = parseMessage(this.schema, raw);
		if (!parsed.ok) {
			this.logger.warn(`${this.name} webview: dropped ${parsed.reason}`);
			return;
		}
		const message = parsed.message;
		if (message.type === 'ready') {
			this.ready = true;
			const pending = this.queue;
			this.queue = [];
			pending.forEach(m => this.post(m));
		}
		for (const handler of this.handlers) {
			Promise.resolve()
				.then(() => handler(message))
				.catch(e => this.logger.error(`${this.name} webview: handling "${message.type}" failed`, e));
		}
	}
}
