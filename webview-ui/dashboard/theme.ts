// The dashboard's chart colours, read from VS Code's theme variables at runtime: canvas drawing
// cannot use CSS variables, so Chart.js gets concrete colours, re-read whenever VS Code switches
// theme (it swaps the body's vscode-light / vscode-dark / vscode-high-contrast classes).

export interface ChartTheme {
	readonly foreground: string;
	/** Secondary text: axis ticks, notes. */
	readonly muted: string;
	readonly grid: string;
	readonly background: string;
	readonly blue: string;
	readonly green: string;
	readonly orange: string;
	readonly purple: string;
	readonly fontFamily: string;
	readonly fontSize: number;
	readonly highContrast: boolean;
	/** The learner asked the OS for less motion: charts draw without animation. */
	readonly reducedMotion: boolean;
}

type ThemeKind = 'light' | 'dark' | 'highContrast';

// Used only when a variable is missing (an old VS Code, or a test page without a theme).
const fallbacks: Record<ThemeKind, Omit<ChartTheme, 'fontFamily' | 'fontSize' | 'highContrast' | 'reducedMotion'>> = {
	light: { foreground: '#3b3b3b', muted: '#717171', grid: '#e5e5e5', background: '#ffffff', blue: '#1a85ff', green: '#388a34', orange: '#d18616', purple: '#652d90' },
	dark: { foreground: '#cccccc', muted: '#9d9d9d', grid: '#3c3c3c', background: '#1f1f1f', blue: '#3794ff', green: '#89d185', orange: '#d18616', purple: '#b180d7' },
	highContrast: { foreground: '#ffffff', muted: '#ffffff', grid: '#6fc3df', background: '#000000', blue: '#3794ff', green: '#89d185', orange: '#d18616', purple: '#b180d7' },
};

function themeKind(body: Element): ThemeKind {
	if (body.classList.contains('vscode-high-contrast') && !body.classList.contains('vscode-high-contrast-light')) {
		return 'highContrast';
	}
	return body.classList.contains('vscode-dark') ? 'dark' : 'light';
}

export function readTheme(body: HTMLElement = document.body): ChartTheme {
	const style = getComputedStyle(body);
	const kind = themeKind(body);
	const fallback = fallbacks[kind];
	const css = (name: string, otherwise: string) => style.getPropertyValue(name).trim() || otherwise;
	const fontSize = Number.parseFloat(css('--vscode-font-size', '13'));
	return {
		foreground: css('--vscode-foreground', fallback.foreground),
		muted: css('--vscode-descriptionForeground', fallback.muted),
		grid: css('--vscode-editorWidget-border', css('--vscode-panel-border', fallback.grid)),
		background: css('--vscode-editor-background', fallback.background),
		blue: css('--vscode-charts-blue', fallback.blue),
		green: css('--vscode-charts-green', fallback.green),
		orange: css('--vscode-charts-orange', fallback.orange),
		purple: css('--vscode-charts-purple', fallback.purple),
		fontFamily: css('--vscode-font-family', 'system-ui, sans-serif'),
		fontSize: Number.isFinite(fontSize) ? fontSize : 13,
		highContrast: body.classList.contains('vscode-high-contrast'),
		reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
	};
}

/** Calls `onChange` after VS Code switches colour theme; returns a function that stops watching. */
export function watchTheme(onChange: () => void, body: HTMLElement = document.body): () => void {
	// VS Code sets the theme kind as body classes and the colours as an inline style on <html>.
	const observer = new MutationObserver(onChange);
	observer.observe(body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind', 'data-vscode-theme-id'] });
	if (body.ownerDocument.documentElement !== body) {
		observer.observe(body.ownerDocument.documentElement, { attributes: true, attributeFilter: ['style'] });
	}
	return () => observer.disconnect();
}
