// Typed access to `codementor.*` settings (see core/settings.ts), with change notification per key.
// Invalid values are logged once and replaced by their default.
import * as vscode from 'vscode';
import { Disposable } from '../core/lifecycle';
import type { Logger } from '../core/log';
import { resolveSetting, type SettingKey, type Settings } from '../core/settings';
import { CONFIG_SECTION } from '../shared/ids';

export class Config extends Disposable {
	private readonly reported = new Set<string>();
	private readonly emitter = this._register(new vscode.EventEmitter<ReadonlySet<SettingKey>>());

	constructor(
		private readonly logger: Logger,
		knownKeys: readonly SettingKey[],
	) {
		super();
		this._register(
			vscode.workspace.onDidChangeConfiguration(e => {
				const changed = new Set(knownKeys.filter(k => e.affectsConfiguration(`${CONFIG_SECTION}.${k}`)));
				if (changed.size > 0) {
					this.emitter.fire(changed);
				}
			}),
		);
	}

	get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): Settings[K] {
		const raw = vscode.workspace.getConfiguration(CONFIG_SECTION, scope).get<unknown>(key);
		const { value, problem } = resolveSetting(key, raw);
		if (problem && !this.reported.has(problem)) {
			this.reported.add(problem);
			this.logger.warn(problem);
		}
		return value;
	}

	/** Fires with the set of changed keys whenever any of `keys` changes. */
	onDidChange(keys: readonly SettingKey[], listener: (changed: ReadonlySet<SettingKey>) => void): vscode.Disposable {
		return this.emitter.event(changed => {
			if (keys.some(k => changed.has(k))) {
				listener(changed);
			}
		});
	}

	async update<K extends SettingKey>(key: K, value: Settings[K], target = vscode.ConfigurationTarget.Global): Promise<void> {
		await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, value, target);
	}
}
