// The foundation as VS Code sees it: the extension activates cleanly, everything the manifest
// promises is registered, settings read their declared defaults, and every view renders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { settingSpecs } from '../../src/core/settings';
import { CommandIds, ViewIds } from '../../src/shared/ids';
import { activateCodeMentor, packageJson, waitFor } from './helpers';

describe('Activation and manifest', () => {
	it('activates without logging a warning or an error', async () => {
		const container = await activateCodeMentor();
		assert.deepEqual(container.logger.problems, []);
	});

	it('registers every command the manifest contributes', async () => {
		await activateCodeMentor();
		const registered = new Set(await vscode.commands.getCommands(true));
		const declared: string[] = packageJson().contributes.commands.map((c: { command: string }) => c.command);
		const missing = declared.filter(id => !registered.has(id));
		assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
	});

	it('declares every command id and view id the code uses', () => {
		const contributes = packageJson().contributes;
		const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
		for (const id of Object.values(CommandIds)) {
			assert.ok(commands.has(id), `${id} is used in code but not declared in package.json`);
		}
		const views = new Set(Object.values(contributes.views).flat().map((v: any) => v.id));
		for (const [key, id] of Object.entries(ViewIds)) {
			if (key !== 'container') {
				assert.ok(views.has(id), `view ${id} is not declared in package.json`);
			}
		}
		assert.ok(contributes.viewsContainers.activitybar.some((c: { id: string }) => c.id === ViewIds.container));
	});

	it('puts every command under the CodeMentor category', () => {
		for (const c of packageJson().contributes.commands) {
			assert.equal(c.category, 'CodeMentor', c.command);
		}
	});

	it('reads each setting with the default that package.json declares', () => {
		const properties = packageJson().contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
		const declared = Object.keys(properties).map(k => k.replace(/^codementor\./, '')).sort();
		assert.deepEqual(declared, Object.keys(settingSpecs).sort(), 'package.json and core/settings.ts list different settings');
		const config = vscode.workspace.getConfiguration('codementor');
		for (const [key, spec] of Object.entries(settingSpecs)) {
			const property = properties[`codementor.${key}`]!;
			assert.deepEqual(property.default, spec.default, `default of codementor.${key}`);
			assert.deepEqual(config.get(key), spec.default, `codementor.${key} as VS Code reads it`);
			assert.ok(property.description ?? property.markdownDescription, `codementor.${key} has no description`);
		}
	});

	it('does not activate on every event, and supports Restricted Mode in a limited way', () => {
		const pkg = packageJson();
		assert.ok(!pkg.activationEvents.includes('*'));
		assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
	});

	for (const view of [ViewIds.tutor, ViewIds.exercises, ViewIds.progress]) {
		it(`renders the ${view} view when it is opened`, async () => {
			const container = await activateCodeMentor();
			await vscode.commands.executeCommand(`${view}.focus`);
			await waitFor(`${view} to resolve`, () => container.views.has(view));
		});
	}

	it('opens the Tutor from its command', async () => {
		const container = await activateCodeMentor();
		await vscode.commands.executeCommand('workbench.action.closeSidebar');
		await vscode.commands.executeCommand(CommandIds.openTutor);
		await waitFor('the tutor view', () => container.views.has(ViewIds.tutor));
	});

	it('has a welcome state for each tree view', () => {
		const welcome = packageJson().contributes.viewsWelcome as Array<{ view: string; contents: string }>;
		for (const view of [ViewIds.exercises, ViewIds.progress]) {
			const entry = welcome.find(w => w.view === view);
			assert.ok(entry, `${view} has no viewsWelcome`);
			assert.match(entry.contents, /\]\(command:codementor\./, `${view}'s welcome offers no next step`);
		}
	});
});
