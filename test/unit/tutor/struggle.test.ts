import * as assert from 'node:assert/strict';
import { defaultStruggleSettings, StruggleDetector } from '../../../src/core/tutor/struggle';

const min = 60_000;

describe('struggle detection', () => {
	it('offers help once after three failures within ten minutes, then stays quiet for the cool-down', () => {
		const d = new StruggleDetector();
		assert.equal(d.graded('ex', false, 0), undefined);
		assert.equal(d.graded('ex', false, 2 * min), undefined);
		assert.equal(d.graded('ex', false, 4 * min), 'failures');
		assert.equal(d.graded('ex', false, 5 * min), undefined);
		assert.equal(d.graded('ex', false, 6 * min), undefined);
		assert.equal(d.graded('ex', false, 7 * min), undefined, 'not nagging within the cool-down');
		assert.equal(d.graded('ex', false, 50 * min), undefined);
		assert.equal(d.graded('ex', false, 51 * min), undefined);
		assert.equal(d.graded('ex', false, 52 * min), 'failures', 'after the cool-down it may offer again');
	});

	it('does not count failures spread over a long time', () => {
		const d = new StruggleDetector();
		for (let i = 0; i < 6; i++) {
			assert.equal(d.graded('ex', false, i * 11 * min), undefined);
		}
	});

	it('a pass resets everything', () => {
		const d = new StruggleDetector();
		d.graded('ex', false, 0);
		d.graded('ex', false, min);
		d.graded('ex', true, 2 * min);
		assert.equal(d.graded('ex', false, 3 * min), undefined);
	});

	it('offers help on a long stall only while the learner is still editing', () => {
		const d = new StruggleDetector();
		d.graded('ex', false, 0);
		assert.equal(d.tick(25 * min), undefined, 'not editing: maybe they walked away');
		d.edited('ex', 24 * min);
		assert.deepEqual(d.tick(25 * min), { exerciseId: 'ex', reason: 'stall' });
		d.edited('ex', 26 * min);
		assert.equal(d.tick(27 * min), undefined);
	});

	it('is silent when switched off', () => {
		const d = new StruggleDetector({ ...defaultStruggleSettings, enabled: false });
		for (let i = 0; i < 5; i++) {
			assert.equal(d.graded('ex', false, i * min), undefined);
		}
		d.edited('ex', 30 * min);
		assert.equal(d.tick(31 * min), undefined);
	});
});
