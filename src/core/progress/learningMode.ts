// Learning Mode's settings logic: which editor settings turn AI completions off, the values to
// write when it is turned on (and what to remember), and how to put back exactly what was there
// when it is turned off. Pure: the feature reads the settings and writes them.

/** A setting Learning Mode turns off, and the value that turns it off given the effective one. */
export interface LearningModeSetting {
	readonly key: string;
	readonly off: (effective: unknown, current: unknown) => unknown;
}

function objectKeys(value: unknown): string[] {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

export const LEARNING_MODE_SETTINGS: readonly LearningModeSetting[] = [
	{
		// A per-language map. VS Code merges object settings across levels, so "*": false alone would
		// leave a user-level `"python": true` in force: every language named anywhere is turned off too.
		key: 'github.copilot.enable',
		off: (effective, current) => Object.fromEntries(['*', ...objectKeys(effective), ...objectKeys(current)].map(k => [k, false])),
	},
	{ key: 'github.copilot.editor.enableAutoCompletions', off: () => false },
	{ key: 'github.copilot.nextEditSuggestions.enabled', off: () => false },
	// Also silences other inline-completion extensions (Codeium, Tabnine…).
	{ key: 'editor.inlineSuggest.enabled', off: () => false },
];

/** A setting as read at the level Learning Mode writes to. */
export interface SettingSnapshot {
	readonly key: string;
	/** VS Code knows the setting (an installed extension contributes it) or it is set somewhere. */
	readonly exists: boolean;
	/** The value at the written level; undefined when it is not set there. */
	readonly current: unknown;
	/** The value in effect, all levels merged. */
	readonly effective: unknown;
}

/** What Learning Mode changed for one setting, kept until it is turned off. */
export interface SavedSetting {
	readonly key: string;
	/** Whether the setting had a value at that level before (false: remove it on restore). */
	readonly wasSet: boolean;
	readonly previous?: unknown;
	/** What Learning Mode wrote. */
	readonly applied: unknown;
}

export interface SettingWrite {
	readonly key: string;
	/** undefined removes the setting from that level. */
	readonly value: unknown;
}

export interface OnPlan {
	readonly writes: readonly SettingWrite[];
	readonly saved: readonly SavedSetting[];
}

export interface OffPlan {
	readonly writes: readonly SettingWrite[];
	/** Settings the learner changed while Learning Mode was on: their choice is left alone. */
	readonly kept: readonly string[];
}

/** Equal as JSON values (key order ignored), which is how settings compare. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	return ka.length === kb.length && ka.every(k => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Turns on: writes only settings that exist and are not already off, remembering what was there. */
export function planLearningModeOn(snapshots: readonly SettingSnapshot[], settings: readonly LearningModeSetting[] = LEARNING_MODE_SETTINGS): OnPlan {
	const writes: SettingWrite[] = [];
	const saved: SavedSetting[] = [];
	for (const setting of settings) {
		const snapshot = snapshots.find(s => s.key === setting.key);
		if (!snapshot?.exists) {
			continue;
		}
		const value = setting.off(snapshot.effective, snapshot.current);
		if (sameValue(snapshot.current, value)) {
			continue;
		}
		writes.push({ key: setting.key, value });
		saved.push(snapshot.current === undefined ? { key: setting.key, wasSet: false, applied: value } : { key: setting.key, wasSet: true, previous: snapshot.current, applied: value });
	}
	return { writes, saved };
}

/**
 * Turns off: puts back each remembered value (removing the ones that were not set) where the
 * setting still holds what Learning Mode wrote. `current` maps each key to its value at that level now.
 */
export function planLearningModeOff(saved: readonly SavedSetting[], current: Readonly<Record<string, unknown>>): OffPlan {
	const writes: SettingWrite[] = [];
	const kept: string[] = [];
	for (const entry of saved) {
		if (!sameValue(current[entry.key], entry.applied)) {
			kept.push(entry.key);
			continue;
		}
		writes.push({ key: entry.key, value: entry.wasSet ? entry.previous : undefined });
	}
	return { writes, kept };
}

/** Reads back a saved list from storage, dropping anything malformed. */
export function parseSaved(raw: unknown): SavedSetting[] {
	if (!Array.isArray(raw)) {
		return [];
	}
	return raw.filter(
		(e): e is SavedSetting => e !== null && typeof e === 'object' && typeof (e as SavedSetting).key === 'string' && typeof (e as SavedSetting).wasSet === 'boolean' && 'applied' in e,
	);
}
