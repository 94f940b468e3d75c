// Draws ```mermaid blocks. Mermaid is by far the largest dependency, so it is imported when the first
// diagram appears. The SVG goes into an <img> as a data: URL: the CSP allows no inline styles in
// the page, but an SVG's own styles apply inside an image, and an image runs no script.
import { h, icon } from '../common/host';
import { actionButton } from './codeBlocks';

/** The part of mermaid's API we use, so tests can stand in for it. */
export interface MermaidApi {
	initialize(config: Record<string, unknown>): void;
	render(id: string, text: string): Promise<{ svg: string }>;
}

export type MermaidLoader = () => Promise<MermaidApi>;

export const loadMermaid: MermaidLoader = async () => (await import('mermaid')).default as unknown as MermaidApi;

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** VS Code marks the webview's body with the theme kind. */
export function themeKind(body: HTMLElement): ThemeKind {
	const classes = body.classList;
	if (classes.contains('vscode-high-contrast-light')) {
		return 'high-contrast-light';
	}
	if (classes.contains('vscode-high-contrast')) {
		return 'high-contrast';
	}
	return classes.contains('vscode-light') ? 'light' : 'dark';
}

const mermaidTheme: Record<ThemeKind, string> = { light: 'default', dark: 'dark', 'high-contrast': 'dark', 'high-contrast-light': 'neutral' };

/** Mermaid's base-theme colours from VS Code's, so diagrams look native; mermaid's own themes when a colour is not plain hex. */
const themeColors: Record<string, string[]> = {
	background: ['--vscode-sideBar-background', '--vscode-editor-background'],
	primaryColor: ['--vscode-editorWidget-background', '--vscode-input-background'],
	primaryTextColor: ['--vscode-foreground'],
	primaryBorderColor: ['--vscode-contrastBorder', '--vscode-focusBorder'],
	lineColor: ['--vscode-descriptionForeground', '--vscode-foreground'],
	secondaryColor: ['--vscode-badge-background'],
	tertiaryColor: ['--vscode-textCodeBlock-background', '--vscode-editor-background'],
};

/** The theme to initialize mermaid with; an image cannot read the page's CSS variables, so they are resolved here. */
export function diagramTheme(doc: Document): Record<string, unknown> {
	const kind = themeKind(doc.body);
	const style = doc.defaultView?.getComputedStyle(doc.body);
	const read = (name: string) => style?.getPropertyValue(name).trim() ?? '';
	// Mermaid measures labels in the page, where its own stylesheet is blocked by the CSP, so the
	// labels must be drawn in the page's font and size too.
	const fontFamily = style?.fontFamily || 'sans-serif';
	const fontSize = style?.fontSize || '13px';
	const variables: Record<string, string | boolean> = { darkMode: kind === 'dark' || kind === 'high-contrast', fontFamily, fontSize };
	for (const [key, names] of Object.entries(themeColors)) {
		const value = names.map(read).find(Boolean);
		if (!value || !/^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|rgba?\([\d.,\s%]+\))$/i.test(value)) {
			return { theme: mermaidTheme[kind], themeVariables: { fontFamily, fontSize } };
		}
		variables[key] = value;
	}
	return { theme: 'base', themeVariables: variables };
}

interface Drawn {
	readonly figure: HTMLElement;
	readonly source: string;
}

export class DiagramRenderer {
	private api: Promise<MermaidApi> | undefined;
	private appliedTheme: string | undefined;
	private queue: Promise<unknown> = Promise.resolve();
	private counter = 0;
	private readonly drawn = new Set<Drawn>();
	private observer: MutationObserver | undefined;

	constructor(
		private readonly doc: Document,
		private readonly load: MermaidLoader = loadMermaid,
	) {}

	/** Shows the diagram for a ```mermaid code block above its code; on failure the code stays as it is. */
	draw(block: HTMLElement, source: string): Promise<void> {
		const figure = h('figure', { class: 'diagram', 'aria-busy': 'true' }, h('span', { class: 'diagram-loading' }, icon('loading', 'codicon-modifier-spin'), ' Drawing diagram…'));
		block.classList.add('has-diagram');
		block.querySelector('.code-body')?.before(figure);
		return this.fill(figure, source).then(ok => {
			if (!ok) {
				return;
			}
			this.drawn.add({ figure, source });
			this.watchTheme();
			const actions = block.querySelector('.code-actions');
			if (actions && !actions.querySelector('[data-code-action="toggle-source"]')) {
				actions.prepend(actionButton('toggle-source', 'code', 'Show diagram source'));
			}
		}, () => undefined);
	}

	/** Renders into figure; returns false (and shows why) when mermaid cannot draw the source. */
	private async fill(figure: HTMLElement, source: string): Promise<boolean> {
		try {
			const url = await this.imageUrl(source);
			const img = h('img', { class: 'diagram-image', src: url, alt: altText(source) });
			figure.replaceChildren(img);
			figure.removeAttribute('aria-busy');
			return true;
		} catch (e) {
			const block = figure.closest('.code-block');
			block?.classList.remove('has-diagram');
			figure.replaceWith(h('p', { class: 'diagram-error', role: 'note' }, icon('warning'), ` This diagram could not be drawn: ${errorText(e)}`));
			return false;
		}
	}

	/** The diagram as an SVG data: URL. Renders one at a time: mermaid keeps global state. */
	imageUrl(source: string): Promise<string> {
		const result = this.queue.then(() => this.renderNow(source));
		this.queue = result.catch(() => undefined);
		return result;
	}

	private async renderNow(source: string): Promise<string> {
		this.api ??= this.load();
		let api: MermaidApi;
		try {
			api = await this.api;
		} catch (e) {
			this.api = undefined;
			throw e;
		}
		const theme = diagramTheme(this.doc);
		const key = JSON.stringify(theme);
		if (key !== this.appliedTheme) {
			api.initialize({
				startOnLoad: false,
				securityLevel: 'strict',
				...theme,
				// SVG text instead of HTML in foreignObject: it measures and scales predictably in an <img>.
				htmlLabels: false,
				flowchart: { htmlLabels: false },
			});
			this.appliedTheme = key;
		}
		const id = `codementor-diagram-${++this.counter}`;
		try {
			const { svg } = await api.render(id, source);
			return svgDataUrl(sizedSvg(svg));
		} finally {
			// Mermaid leaves its scratch element (or an error picture) in the page when rendering fails.
			this.doc.getElementById(id)?.remove();
			this.doc.getElementById(`d${id}`)?.remove();
		}
	}

	/** Redraws the diagrams on screen when the learner switches between light and dark themes. */
	private watchTheme(): void {
		const View = this.doc.defaultView as (Window & typeof globalThis) | null;
		if (this.observer || !View?.MutationObserver) {
			return;
		}
		this.observer = new View.MutationObserver(() => {
			if (JSON.stringify(diagramTheme(this.doc)) === this.appliedTheme) {
				return;
			}
			for (const d of [...this.drawn]) {
				if (!d.figure.isConnected) {
					this.drawn.delete(d);
					continue;
				}
				void this.imageUrl(d.source).then(url => d.figure.querySelector('img')?.setAttribute('src', url), () => undefined);
			}
		});
		this.observer.observe(this.doc.body, { attributes: true, attributeFilter: ['class'] });
	}

	dispose(): void {
		this.observer?.disconnect();
		this.drawn.clear();
	}
}

/** Alt text: the diagram's source is its best textual description. */
export function altText(source: string): string {
	const text = source.trim().replace(/\s+/g, ' ');
	return `Diagram: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

/**
 * Mermaid sizes its SVG as width="100%" with a max-width style, which gives an <img> no intrinsic
 * size: use the viewBox instead, and let CSS scale the image down to the column.
 */
export function sizedSvg(svg: string): string {
	const viewBox = /<svg[^>]*\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(svg);
	if (!viewBox) {
		return svg;
	}
	const [, width, height] = viewBox;
	return svg.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
		const rest = attrs.replace(/\s(?:width|height)="[^"]*"/g, '');
		return `<svg${rest} width="${width}" height="${height}">`;
	});
}

export function svgDataUrl(svg: string): string {
	const bytes = new TextEncoder().encode(svg);
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function errorText(e: unknown): string {
	const message = e instanceof Error ? e.message : String(e);
	const first = message.split('\n').find(line => line.trim()) ?? 'unknown error';
	return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}
