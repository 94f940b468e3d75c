// Owns CodeMentor's services. Cheap ones are created in the constructor; rare or heavy ones are
// created (and their code loaded) on first use. Features receive the container, never globals.
import * as vscode from 'vscode';
import { Disposable } from './core/lifecycle';
import { settingSpecs, type SettingKey } from './core/settings';
import { Config } from './platform/config';
import type { ChannelLogger } from './platform/logger';

/** Which views have been resolved (rendered) so far; tests and the walkthrough observe it. */
export class ViewTracker extends Disposable {
	private readonly resolved = new Set<string>();
	private readonly emitter = this._register(new vscode.EventEmitter<string>());
	readonly onDidResolve = this.emitter.event;

	didResolve(viewId: string): void {
		this.resolved.add(viewId);
		this.emitter.fire(viewId);
	}

	has(viewId: string): boolean {
		return this.resolved.has(viewId);
	}
}

export class Container extends Disposable {
	readonly config: Config;
	readonly views = this._register(new ViewTracker());

	constructor(
		readonly context: vscode.ExtensionContext,
		readonly logger: ChannelLogger,
	) {
		super();
		this.config = this._register(new Config(logger, Object.keys(settingSpecs) as SettingKey[]));
	}

	get extensionUri(): vscode.Uri {
		return this.context.extensionUri;
	}
}
