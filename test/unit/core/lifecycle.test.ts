import * as assert from 'node:assert/strict';
import { Disposable, Lazy, toDisposable } from '../../../src/core/lifecycle';

class Owner extends Disposable {
	add(fn: () => void) {
		return this._register(toDisposable(fn));
	}
}

describe('core/lifecycle', () => {
	it('disposes registered children once, in reverse order', () => {
		const order: number[] = [];
		const owner = new Owner();
		owner.add(() => order.push(1));
		owner.add(() => order.push(2));
		owner.dispose();
		owner.dispose();
		assert.deepEqual(order, [2, 1]);
	});

	it('disposes immediately what is registered after disposal', () => {
		const owner = new Owner();
		owner.dispose();
		let disposed = false;
		owner.add(() => (disposed = true));
		assert.equal(disposed, true);
	});

	it('keeps disposing after a child throws, then rethrows', () => {
		const owner = new Owner();
		let second = false;
		owner.add(() => (second = true));
		owner.add(() => {
			throw new Error('boom');
		});
		assert.throws(() => owner.dispose(), /boom/);
		assert.equal(second, true);
	});

	it('Lazy creates once on first access', () => {
		let created = 0;
		const lazy = new Lazy(() => ++created);
		assert.equal(lazy.hasValue, false);
		assert.equal(lazy.value, 1);
		assert.equal(lazy.value, 1);
		assert.equal(created, 1);
	});
});
