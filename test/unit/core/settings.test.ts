import * as assert from 'node:assert/strict';
import { resolveSetting, settingSpecs } from '../../../src/core/settings';

describe('core/settings', () => {
	it('returns the default when a setting is not set', () => {
		assert.deepEqual(resolveSetting('provider', undefined), { value: 'auto' });
		assert.deepEqual(resolveSetting('exercises.sources', null), { value: [] });
	});

	it('accepts a valid value', () => {
		assert.deepEqual(resolveSetting('provider', 'anthropic'), { value: 'anthropic' });
		assert.deepEqual(resolveSetting('exercises.sources', ['~/exercism/python']), { value: ['~/exercism/python'] });
	});

	it('falls back to the default and says why for an invalid value', () => {
		const r = resolveSetting('provider', 'gpt-banana');
		assert.equal(r.value, 'auto');
		assert.match(r.problem!, /codementor\.provider.*"gpt-banana".*default "auto"/);
		assert.equal(resolveSetting('exercises.sources', ['ok', 3]).value.length, 0);
	});

	it('every default passes its own validator', () => {
		for (const [key, spec] of Object.entries(settingSpecs)) {
			assert.ok((spec.valid as (v: unknown) => boolean)(spec.default), key);
		}
	});
});
