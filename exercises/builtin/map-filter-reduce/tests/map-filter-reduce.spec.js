import { describe, expect, test } from '@jest/globals';
import { myFilter, myMap, myReduce } from './map-filter-reduce';

// An array whose built-in helpers refuse to work, to check that the loops are written by hand.
const noBuiltins = (values) => {
  const array = [...values];
  for (const name of ['map', 'filter', 'reduce', 'forEach']) {
    array[name] = () => {
      throw new Error(`write the loop yourself instead of calling .${name}()`);
    };
  }
  return array;
};

describe('myMap', () => {
  test('an empty array gives an empty array', () => {
    expect(myMap([], (n) => n * 2)).toEqual([]);
  });

  test('applies the function to each element', () => {
    expect(myMap([1, 2, 3], (n) => n * 2)).toEqual([2, 4, 6]);
  });

  test('passes the index as the second argument', () => {
    expect(myMap(['a', 'b'], (s, i) => s + i)).toEqual(['a0', 'b1']);
  });

  test('can change the type of the elements', () => {
    expect(myMap([1, 22, 333], String)).toEqual(['1', '22', '333']);
  });

  test('returns a new array and leaves the input alone', () => {
    const input = [1, 2];
    const output = myMap(input, (n) => n);
    expect(output).not.toBe(input);
    expect(input).toEqual([1, 2]);
  });

  test('does not use the built-in map', () => {
    expect(myMap(noBuiltins([1, 2]), (n) => -n)).toEqual([-1, -2]);
  });
});

describe('myFilter', () => {
  test('an empty array gives an empty array', () => {
    expect(myFilter([], () => true)).toEqual([]);
  });

  test('keeps the elements that pass', () => {
    expect(myFilter([1, 2, 3, 4], (n) => n % 2 === 0)).toEqual([2, 4]);
  });

  test('nothing passes', () => {
    expect(myFilter([1, 3], (n) => n > 10)).toEqual([]);
  });

  test('truthy and falsy answers count, not only true and false', () => {
    expect(myFilter(['', 'a', '', 'b'], (s) => s.length)).toEqual(['a', 'b']);
  });

  test('passes the index as the second argument', () => {
    expect(myFilter(['a', 'b', 'c', 'd'], (_, i) => i % 2 === 1)).toEqual(['b', 'd']);
  });

  test('keeps the original elements, not the answers', () => {
    const a = { ok: true };
    expect(myFilter([a, { ok: false }], (x) => x.ok)[0]).toBe(a);
  });

  test('does not use the built-in filter', () => {
    expect(myFilter(noBuiltins([1, 2, 3]), (n) => n > 1)).toEqual([2, 3]);
  });
});

describe('myReduce', () => {
  test('sums with an initial value', () => {
    expect(myReduce([1, 2, 3], (sum, n) => sum + n, 10)).toBe(16);
  });

  test('an empty array with an initial value returns the initial value', () => {
    expect(myReduce([], (sum, n) => sum + n, 0)).toBe(0);
  });

  test('without an initial value starts from the first element', () => {
    const seen = [];
    const result = myReduce([5, 6, 7], (acc, n, i) => {
      seen.push([acc, n, i]);
      return acc + n;
    });
    expect(result).toBe(18);
    expect(seen).toEqual([
      [5, 6, 1],
      [11, 7, 2],
    ]);
  });

  test('a single element without an initial value is returned as it is', () => {
    expect(myReduce(['only'], () => 'never called')).toBe('only');
  });

  test('an empty array without an initial value throws a TypeError', () => {
    expect(() => myReduce([], (a, b) => a + b)).toThrow(TypeError);
  });

  test('an initial value of 0 is still an initial value', () => {
    const indexes = [];
    myReduce([1, 2], (acc, n, i) => {
      indexes.push(i);
      return acc + n;
    }, 0);
    expect(indexes).toEqual([0, 1]);
  });

  test('can build an object', () => {
    const counts = myReduce(['a', 'b', 'a'], (acc, letter) => ({ ...acc, [letter]: (acc[letter] ?? 0) + 1 }), {});
    expect(counts).toEqual({ a: 2, b: 1 });
  });

  test('flattens arrays', () => {
    expect(myReduce([[1], [2, 3]], (a, b) => a.concat(b))).toEqual([1, 2, 3]);
  });

  test('does not use the built-in reduce', () => {
    expect(myReduce(noBuiltins([1, 2, 3]), (a, b) => a * b, 1)).toBe(6);
  });
});
