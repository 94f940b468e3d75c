// End-to-end tests drive a real VS Code (code-server 1.139.1 with the packaged CodeMentor .vsix
// installed) in headless Debian Chromium, the way a person would: palette, activity bar, views,
// webviews, notifications. scripts/e2e.cjs packages and installs the .vsix once per run
// (CODEMENTOR_E2E_EXTENSIONS); each launch gets a fresh profile, workspace and server.
//
//   const wb = await launchWorkbench({ name: 'tutor', files: { 'a.py': 'print(1)\n' }, settings: {...} });
//   await wb.openContainer();  await wb.runCommand('CodeMentor: Open Tutor');
//   const tutor = await wb.webview('tutor');            // FrameLocator inside the Tutor webview
//   await wb.screenshot('tutor-open');                   // test-results/e2e/<name>/NN-tutor-open.png
//   await wb.close();                                   // always, in after()/finally
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import * as box from '../../../scripts/lib/box.cjs';

export const resultsRoot = path.join(box.ROOT, 'test-results', 'e2e');

export interface LaunchOptions {
	/** Folder name for screenshots: test-results/e2e/<name>/. */
	readonly name: string;
	/** Files to create in the fresh workspace folder (relative path → content). */
	readonly files?: Readonly<Record<string, string>>;
	/** User settings on top of the quiet defaults. */
	readonly settings?: Readonly<Record<string, unknown>>;
	/** Extra environment for code-server and its extension host. */
	readonly env?: Readonly<Record<string, string>>;
	/** false: workspace trust is enabled and the folder is NOT trusted (Restricted Mode). Default true. */
	readonly trusted?: boolean;
	/** true: VS Code's chat/AI features stay on (needed for @mentor). Default false (saves ~450 MB). */
	readonly aiFeatures?: boolean;
	readonly colorScheme?: 'light' | 'dark';
}

export class Workbench {
	private shot = 0;
	readonly shotsDir: string;

	constructor(
		readonly page: Page,
		private readonly context: BrowserContext,
		readonly server: box.CodeServer,
		readonly workspace: string,
		name: string,
	) {
		this.shotsDir = path.join(resultsRoot, name);
		// Screenshots of an earlier run would pass for this one's.
		fs.rmSync(this.shotsDir, { recursive: true, force: true });
		fs.mkdirSync(this.shotsDir, { recursive: true });
	}

	/** Waits for the workbench and CodeMentor's activity-bar entry. */
	async ready(): Promise<void> {
		await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
		await this.activityTab().waitFor({ timeout: 90_000 });
	}

	activityTab(): Locator {
		return this.page.locator('.part.activitybar').getByRole('tab', { name: 'CodeMentor' });
	}

	/** Opens the CodeMentor container in the side bar (no-op when it is already open). */
	async openContainer(): Promise<void> {
		const tab = this.activityTab();
		if ((await tab.getAttribute('aria-selected')) !== 'true') {
			await tab.click();
		}
		await this.sideBar().locator('.pane-header', { hasText: 'Tutor' }).first().waitFor({ timeout: 30_000 });
	}

	sideBar(): Locator {
		return this.page.locator('[id="workbench.parts.sidebar"]');
	}

	/** A view pane in the side bar by its title (e.g. "Exercises"). */
	pane(title: string): Locator {
		return this.sideBar().locator('.pane', { has: this.page.locator('.pane-header', { hasText: title }) });
	}

	/** Tree rows of a view pane, as text. */
	async treeRows(title: string): Promise<string[]> {
		return this.pane(title).locator('.monaco-list-row').allInnerTexts();
	}

	/**
	 * Runs a command from the palette by its full title ("CodeMentor: Open Tutor"). The pointer is parked
	 * first: a hover it left behind (an editor tab's path tooltip) can take focus from the palette and close
	 * it. Up to the final Enter nothing has run, so a palette that closed on its own is simply opened again.
	 */
	async runCommand(title: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			try {
				await this.typeCommand(title, attempt < 3 ? 7_000 : 15_000);
				break;
			} catch (error) {
				if (attempt === 3) {
					throw error;
				}
			}
		}
		await this.page.keyboard.press('Enter');
	}

	/** Opens the palette and types the command until the focused row is exactly it (ready for Enter). */
	private async typeCommand(title: string, timeout: number): Promise<void> {
		await this.page.mouse.move(1, 1);
		await this.page.keyboard.press('Escape');
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget input.input');
		await input.waitFor({ timeout });
		await input.fill(`>${title}`, { timeout });
		// The row with exactly this title, not whichever the fuzzy match ranks first.
		const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
		// Enter runs the focused row: wait until that is the one with exactly this title (a click could land
		// on a hover tooltip left over the palette).
		await this.page
			.locator('.quick-input-list .monaco-list-row.focused')
			.filter({ has: this.page.locator('.label-name', { hasText: exact }) })
			.waitFor({ timeout });
	}

	/** The quick pick / input box currently shown (after a command asks something). */
	quickInput(): Locator {
		return this.page.locator('.quick-input-widget');
	}

	/**
	 * The document inside a CodeMentor webview (bundle name: "tutor", "dashboard", …). Webview
	 * iframes are not nested in their view's DOM, so they are found by the marker renderWebviewHtml puts on <body>.
	 */
	async webview(bundle: string, timeoutMs = 30_000): Promise<FrameLocator> {
		const outer = this.page.locator('iframe.webview.ready');
		const end = Date.now() + timeoutMs;
		while (Date.now() < end) {
			const count = await outer.count();
			for (let i = 0; i < count; i++) {
				const frame = this.page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
				if ((await frame.locator(`body[data-codementor-view="${bundle}"]`).count().catch(() => 0)) > 0) {
					return frame;
				}
			}
			await this.page.waitForTimeout(200);
		}
		throw new Error(`no "${bundle}" webview appeared within ${timeoutMs} ms`);
	}

	/** Opens a workspace file in an editor through Quick Open. */
	async openFile(relativePath: string): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.keyboard.press('Control+P');
		const input = this.page.locator('.quick-input-widget input.input');
		await input.waitFor({ timeout: 15_000 });
		await input.fill(relativePath);
		await this.page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relativePath) }).first().waitFor({ timeout: 15_000 });
		await this.page.keyboard.press('Enter');
		await this.page.locator('.tab.active', { hasText: path.basename(relativePath) }).waitFor({ timeout: 15_000 });
	}

	/** Saves a numbered screenshot and returns its path. Look at it. */
	async screenshot(label: string): Promise<string> {
		this.shot += 1;
		const file = path.join(this.shotsDir, `${String(this.shot).padStart(2, '0')}-${label.replace(/[^\w-]+/g, '-')}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}

	/** For afterEach: a screenshot of the moment a test failed, to look at. */
	async screenshotIfFailed(test: { readonly state?: string; readonly title: string } | undefined): Promise<void> {
		if (test?.state === 'failed') {
			await this.screenshot(`FAILED-${test.title.slice(0, 60)}`).catch(() => undefined);
		}
	}

	/** Reloads the window ("Developer: Reload Window") and waits until CodeMentor is back. */
	async reload(): Promise<void> {
		await this.page.reload();
		await this.ready();
	}

	async close(): Promise<void> {
		await this.context.close().catch(() => undefined);
		await this.server.stop();
		if (process.env.CODEMENTOR_E2E_KEEP !== '1') {
			fs.rmSync(this.server.scratch, { recursive: true, force: true });
		}
	}
}

/** Starts code-server with CodeMentor installed, opens it in Chromium and waits for the workbench. */
export async function launchWorkbench(options: LaunchOptions): Promise<Workbench> {
	const template = process.env.CODEMENTOR_E2E_EXTENSIONS;
	if (!template || !fs.existsSync(template)) {
		throw new Error('CODEMENTOR_E2E_EXTENSIONS is not set: run the end-to-end tests with `npm run test:e2e`.');
	}
	const scratch = box.makeScratch(`e2e-${options.name}`);
	const workspace = path.join(scratch, 'workspace');
	fs.mkdirSync(workspace, { recursive: true });
	for (const [file, content] of Object.entries(options.files ?? {})) {
		fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
		fs.writeFileSync(path.join(workspace, file), content);
	}
	const extensionsDir = path.join(scratch, 'exts');
	fs.cpSync(template, extensionsDir, { recursive: true });
	const server = await box.startCodeServer({
		scratch,
		workspace,
		extensionsDir,
		settings: {
			'chat.disableAIFeatures': !options.aiFeatures,
			// An untrusted folder opens straight into Restricted Mode instead of asking.
			'security.workspace.trust.startupPrompt': 'never',
			...options.settings,
		},
		env: { ...options.env },
		args: options.trusted === false ? [] : ['--disable-workspace-trust'],
	});
	let context: BrowserContext | undefined;
	try {
		context = await box.launchBrowser(scratch, { colorScheme: options.colorScheme });
		const page = context.pages()[0] ?? (await context.newPage());
		const errors: string[] = [];
		page.on('pageerror', e => errors.push(e.message));
		const workbench = new Workbench(page, context, server, workspace, options.name);
		await page.goto(server.url);
		await workbench.ready();
		return workbench;
	} catch (e) {
		await context?.close().catch(() => undefined);
		await server.stop();
		throw e;
	}
}
