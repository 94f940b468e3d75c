import { describe, expect, test } from '@jest/globals';
import { Range } from './range-iterable';

describe('Range', () => {
  describe('iteration', () => {
    test('counts up by one, excluding the end', () => {
      expect([...new Range(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    });

    test('a custom step', () => {
      expect([...new Range(1, 10, 3)]).toEqual([1, 4, 7]);
    });

    test('a step that lands exactly on the end excludes it', () => {
      expect([...new Range(0, 10, 5)]).toEqual([0, 5]);
    });

    test('a negative step counts down', () => {
      expect([...new Range(5, 0, -2)]).toEqual([5, 3, 1]);
    });

    test('negative numbers', () => {
      expect([...new Range(-3, 1)]).toEqual([-3, -2, -1, 0]);
    });

    test('empty when start equals end', () => {
      expect([...new Range(3, 3)]).toEqual([]);
    });

    test('empty when the step goes the wrong way', () => {
      expect([...new Range(5, 1)]).toEqual([]);
      expect([...new Range(1, 5, -1)]).toEqual([]);
    });

    test('works with for...of', () => {
      const seen = [];
      for (const n of new Range(0, 3)) {
        seen.push(n);
      }
      expect(seen).toEqual([0, 1, 2]);
    });

    test('works with Array.from', () => {
      expect(Array.from(new Range(2, 5), (n) => n * n)).toEqual([4, 9, 16]);
    });

    test('the iterator follows the iterator protocol', () => {
      const iterator = new Range(0, 2)[Symbol.iterator]();
      expect(iterator.next()).toEqual({ value: 0, done: false });
      expect(iterator.next()).toEqual({ value: 1, done: false });
      expect(iterator.next()).toEqual({ value: undefined, done: true });
      expect(iterator.next().done).toBe(true);
    });

    test('can be iterated more than once', () => {
      const range = new Range(0, 3);
      expect([...range]).toEqual([0, 1, 2]);
      expect([...range]).toEqual([0, 1, 2]);
    });

    test('two iterators over the same range are independent', () => {
      const range = new Range(0, 3);
      const a = range[Symbol.iterator]();
      const b = range[Symbol.iterator]();
      a.next();
      a.next();
      expect(b.next().value).toBe(0);
      expect(a.next().value).toBe(2);
    });

    test('a huge range can be started without building a list', () => {
      const iterator = new Range(0, 1e12)[Symbol.iterator]();
      expect(iterator.next().value).toBe(0);
      expect(iterator.next().value).toBe(1);
    });
  });

  describe('length', () => {
    test('counts the values', () => {
      expect(new Range(0, 5).length).toBe(5);
      expect(new Range(0, 10, 3).length).toBe(4);
      expect(new Range(5, 0, -2).length).toBe(3);
    });

    test('an empty range has length 0', () => {
      expect(new Range(3, 3).length).toBe(0);
      expect(new Range(5, 1).length).toBe(0);
    });

    test('matches the number of values iterated', () => {
      for (const [start, end, step] of [[0, 7, 2], [10, -3, -4], [-5, 5, 5], [1, 2, 10]]) {
        const range = new Range(start, end, step);
        expect(range.length).toBe([...range].length);
      }
    });

    test('a billion values are counted instantly', () => {
      expect(new Range(0, 1e9).length).toBe(1e9);
    });
  });

  describe('includes', () => {
    test('values of the range', () => {
      const range = new Range(0, 10, 3);
      expect(range.includes(0)).toBe(true);
      expect(range.includes(6)).toBe(true);
      expect(range.includes(9)).toBe(true);
    });

    test('numbers between the steps', () => {
      expect(new Range(0, 10, 3).includes(7)).toBe(false);
    });

    test('the end is not included', () => {
      expect(new Range(0, 10, 5).includes(10)).toBe(false);
    });

    test('numbers outside the range', () => {
      expect(new Range(0, 10).includes(-1)).toBe(false);
      expect(new Range(0, 10).includes(12)).toBe(false);
    });

    test('counting down', () => {
      const range = new Range(5, 0, -2);
      expect(range.includes(3)).toBe(true);
      expect(range.includes(4)).toBe(false);
      expect(range.includes(-1)).toBe(false);
    });

    test('a non-integer is never included', () => {
      expect(new Range(0, 10).includes(2.5)).toBe(false);
    });

    test('works on a huge range without iterating', () => {
      expect(new Range(0, 1e12, 7).includes(7 * 1e11)).toBe(true);
    });
  });

  describe('invalid arguments', () => {
    test('a step of zero is a RangeError', () => {
      expect(() => new Range(0, 10, 0)).toThrow(RangeError);
    });

    test('non-integer arguments are a RangeError', () => {
      expect(() => new Range(0.5, 10)).toThrow(RangeError);
      expect(() => new Range(0, '10')).toThrow(RangeError);
      expect(() => new Range(0, 10, 1.5)).toThrow(RangeError);
    });
  });
});
