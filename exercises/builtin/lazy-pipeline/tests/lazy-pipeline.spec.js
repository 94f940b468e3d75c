import { describe, expect, test } from '@jest/globals';
import { filterLazy, mapLazy, naturals, take } from './lazy-pipeline';

// Wraps fn so that calls.length tells how often it ran.
const counted = (fn) => {
  const calls = [];
  const wrapped = (value) => {
    calls.push(value);
    return fn(value);
  };
  return { wrapped, calls };
};

// An iterable that records how many values were pulled from it.
const source = (values) => {
  const log = { pulled: 0 };
  const iterable = {
    *[Symbol.iterator]() {
      for (const value of values) {
        log.pulled += 1;
        yield value;
      }
    },
  };
  return { iterable, log };
};

describe('naturals', () => {
  test('starts at 1 by default', () => {
    const it = naturals();
    expect([it.next().value, it.next().value, it.next().value]).toEqual([1, 2, 3]);
  });

  test('a custom start', () => {
    const it = naturals(-1);
    expect([it.next().value, it.next().value, it.next().value]).toEqual([-1, 0, 1]);
  });

  test('is an iterator that never says it is done', () => {
    const it = naturals();
    for (let i = 0; i < 10000; i++) {
      it.next();
    }
    expect(it.next()).toEqual({ value: 10001, done: false });
  });
});

describe('take', () => {
  test('the first few values of an endless sequence', () => {
    expect([...take(naturals(), 3)]).toEqual([1, 2, 3]);
  });

  test('fewer values when the input runs out', () => {
    expect([...take([1, 2], 5)]).toEqual([1, 2]);
  });

  test('zero or a negative count yields nothing', () => {
    expect([...take(naturals(), 0)]).toEqual([]);
    expect([...take([1, 2, 3], -1)]).toEqual([]);
  });

  test('works on strings and sets', () => {
    expect([...take('hello', 2)]).toEqual(['h', 'e']);
    expect([...take(new Set(['a', 'b', 'c']), 2)]).toEqual(['a', 'b']);
  });

  test('does not pull more values than it needs', () => {
    const { iterable, log } = source([1, 2, 3, 4, 5]);
    expect([...take(iterable, 2)]).toEqual([1, 2]);
    expect(log.pulled).toBe(2);
  });

  test('a count of zero pulls nothing', () => {
    const { iterable, log } = source([1, 2, 3]);
    expect([...take(iterable, 0)]).toEqual([]);
    expect(log.pulled).toBe(0);
  });

  test('returns an iterator, not an array', () => {
    const result = take([1, 2, 3], 2);
    expect(Array.isArray(result)).toBe(false);
    expect(result.next()).toEqual({ value: 1, done: false });
  });
});

describe('mapLazy', () => {
  test('maps an array', () => {
    expect([...mapLazy([1, 2, 3], (n) => n * 10)]).toEqual([10, 20, 30]);
  });

  test('maps a string', () => {
    expect([...mapLazy('abc', (c) => c.toUpperCase())]).toEqual(['A', 'B', 'C']);
  });

  test('an empty input', () => {
    expect([...mapLazy([], (n) => n)]).toEqual([]);
  });

  test('maps an endless sequence lazily', () => {
    expect([...take(mapLazy(naturals(), (n) => n * n), 4)]).toEqual([1, 4, 9, 16]);
  });

  test('does nothing until a value is asked for', () => {
    const { wrapped, calls } = counted((n) => n);
    const mapped = mapLazy([1, 2, 3], wrapped);
    expect(calls).toHaveLength(0);
    mapped.next();
    expect(calls).toEqual([1]);
  });

  test('the function runs only for the values taken', () => {
    const { wrapped, calls } = counted((n) => n * 2);
    expect([...take(mapLazy(naturals(), wrapped), 5)]).toEqual([2, 4, 6, 8, 10]);
    expect(calls).toHaveLength(5);
  });
});

describe('filterLazy', () => {
  test('filters an array', () => {
    expect([...filterLazy([1, 2, 3, 4], (n) => n % 2 === 0)]).toEqual([2, 4]);
  });

  test('nothing passes', () => {
    expect([...filterLazy([1, 3], (n) => n > 10)]).toEqual([]);
  });

  test('truthy answers count', () => {
    expect([...filterLazy(['', 'a', '', 'b'], (s) => s.length)]).toEqual(['a', 'b']);
  });

  test('filters an endless sequence lazily', () => {
    expect([...take(filterLazy(naturals(10), (n) => n % 7 === 0), 2)]).toEqual([14, 21]);
  });

  test('does nothing until a value is asked for', () => {
    const { wrapped, calls } = counted(() => true);
    filterLazy([1, 2, 3], wrapped);
    expect(calls).toHaveLength(0);
  });
});

describe('pipelines', () => {
  test('the first three squares above 50 compute exactly ten squares', () => {
    const { wrapped: square, calls } = counted((n) => n * n);
    const squares = mapLazy(naturals(), square);
    expect([...take(filterLazy(squares, (s) => s > 50), 3)]).toEqual([64, 81, 100]);
    expect(calls).toHaveLength(10);
  });

  test('stages can be chained in any order', () => {
    const odd = (n) => n % 2 === 1;
    const triple = (n) => n * 3;
    expect([...take(mapLazy(filterLazy(naturals(), odd), triple), 3)]).toEqual([3, 9, 15]);
    expect([...take(filterLazy(mapLazy(naturals(), triple), odd), 3)]).toEqual([3, 9, 15]);
  });

  test('a finite pipeline ends on its own', () => {
    expect([...mapLazy(filterLazy(new Set([1, 2, 3, 4]), (n) => n > 2), String)]).toEqual(['3', '4']);
  });
});
