// Learning Mode's settings plan: it turns off only settings that exist, beats object-setting
// merging, and turning it off puts back exactly what was there (removing what was not set) unless
// the learner changed a setting in the meantime.
import * as assert from 'node:assert/strict';
import { LEARNING_MODE_SETTINGS, parseSaved, planLearningModeOff, planLearningModeOn, sameValue, type SettingSnapshot } from '../../../src/core/progress/learningMode';

const copilotDefault = { '*': true, plaintext: false, markdown: false, scminput: false };

function snapshots(overrides: Record<string, Partial<SettingSnapshot>>): SettingSnapshot[] {
	return LEARNING_MODE_SETTINGS.map(s => ({ key: s.key, exists: false, current: undefined, effective: undefined, ...overrides[s.key] }));
}

/** Applies writes to a map of values at one level, as VS Code would (undefined removes). */
function apply(level: Record<string, unknown>, writes: readonly { key: string; value: unknown }[]): Record<string, unknown> {
	const next = { ...level };
	for (const w of writes) {
		if (w.value === undefined) {
			delete next[w.key];
		} else {
			next[w.key] = w.value;
		}
	}
	return next;
}

describe('Learning Mode settings', () => {
	it('changes only the settings VS Code knows, and turns every Copilot language off', () => {
		const plan = planLearningModeOn(
			snapshots({
				'github.copilot.enable': { exists: true, effective: { ...copilotDefault, python: true } },
				'editor.inlineSuggest.enabled': { exists: true, effective: true },
				// Not installed: github.copilot.editor.enableAutoCompletions and nextEditSuggestions stay untouched.
			}),
		);
		assert.deepEqual(plan.writes, [
			{ key: 'github.copilot.enable', value: { '*': false, plaintext: false, markdown: false, scminput: false, python: false } },
			{ key: 'editor.inlineSuggest.enabled', value: false },
		]);
		assert.deepEqual(
			plan.saved.map(s => [s.key, s.wasSet]),
			[
				['github.copilot.enable', false],
				['editor.inlineSuggest.enabled', false],
			],
		);
	});

	it('restores exactly what was there: set values come back, unset ones are removed again', () => {
		const before = { 'editor.inlineSuggest.enabled': true, 'github.copilot.enable': { '*': true, yaml: true }, 'files.autoSave': 'afterDelay' };
		const plan = planLearningModeOn(
			snapshots({
				'github.copilot.enable': { exists: true, current: before['github.copilot.enable'], effective: { ...copilotDefault, yaml: true } },
				'github.copilot.editor.enableAutoCompletions': { exists: true, current: undefined, effective: true },
				'editor.inlineSuggest.enabled': { exists: true, current: true, effective: true },
			}),
		);
		const during = apply(before, plan.writes);
		assert.equal(during['editor.inlineSuggest.enabled'], false);
		assert.equal(during['github.copilot.editor.enableAutoCompletions'], false);
		assert.equal((during['github.copilot.enable'] as Record<string, boolean>).yaml, false);

		// Saved state goes through workspaceState (JSON) between the two.
		const saved = parseSaved(JSON.parse(JSON.stringify(plan.saved)));
		const off = planLearningModeOff(saved, during);
		assert.deepEqual(off.kept, []);
		assert.deepEqual(apply(during, off.writes), before);
	});

	it('leaves alone a setting the learner changed while Learning Mode was on', () => {
		const plan = planLearningModeOn(snapshots({ 'editor.inlineSuggest.enabled': { exists: true, current: undefined, effective: true }, 'github.copilot.enable': { exists: true, effective: copilotDefault } }));
		const during = apply({}, plan.writes);
		during['editor.inlineSuggest.enabled'] = true;
		const off = planLearningModeOff(plan.saved, during);
		assert.deepEqual(off.kept, ['editor.inlineSuggest.enabled']);
		assert.deepEqual(off.writes, [{ key: 'github.copilot.enable', value: undefined }]);
	});

	it('does not write or remember a setting that is already off at that level', () => {
		const plan = planLearningModeOn(snapshots({ 'editor.inlineSuggest.enabled': { exists: true, current: false, effective: false } }));
		assert.deepEqual(plan.writes, []);
		assert.deepEqual(plan.saved, []);
		assert.deepEqual(planLearningModeOff(plan.saved, {}), { writes: [], kept: [] });
	});

	it('compares setting values as JSON, ignoring key order', () => {
		assert.ok(sameValue({ a: 1, b: [1, { c: false }] }, { b: [1, { c: false }], a: 1 }));
		assert.ok(!sameValue({ a: 1 }, { a: 1, b: undefined }));
		assert.ok(!sameValue([1], { 0: 1 }));
		assert.ok(!sameValue(false, undefined));
	});

	it('drops malformed saved entries instead of restoring garbage', () => {
		assert.deepEqual(parseSaved([{ key: 'a', wasSet: false, applied: false }, { key: 1 }, null, 'x']), [{ key: 'a', wasSet: false, applied: false }]);
		assert.deepEqual(parseSaved(undefined), []);
	});
});
