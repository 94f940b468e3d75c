import { describe, expect, test } from '@jest/globals';
import { quickSort } from './quick-sort';

// Runs `fn` while Array.prototype.sort and toSorted refuse to work, then puts them back.
const withoutBuiltinSort = (fn) => {
  const { sort, toSorted } = Array.prototype;
  const refuse = () => {
    throw new Error('write your own quick sort instead of calling the built-in sort');
  };
  Array.prototype.sort = refuse;
  Array.prototype.toSorted = refuse;
  try {
    return fn();
  } finally {
    Array.prototype.sort = sort;
    Array.prototype.toSorted = toSorted;
  }
};

describe('quickSort', () => {
  test('an empty array', () => {
    expect(quickSort([])).toEqual([]);
  });

  test('one element', () => {
    expect(quickSort([42])).toEqual([42]);
  });

  test('a few numbers', () => {
    expect(quickSort([3, 1, 2])).toEqual([1, 2, 3]);
  });

  test('numbers sort as numbers, not as text', () => {
    expect(quickSort([10, 9, 100, 1])).toEqual([1, 9, 10, 100]);
  });

  test('negative numbers and decimals', () => {
    expect(quickSort([0, -2.5, 3, -10, 1.5])).toEqual([-10, -2.5, 0, 1.5, 3]);
  });

  test('duplicates are all kept', () => {
    expect(quickSort([5, 1, 5, 3, 1, 5])).toEqual([1, 1, 3, 5, 5, 5]);
  });

  test('already sorted and reverse sorted input', () => {
    expect(quickSort([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(quickSort([5, 4, 3, 2, 1])).toEqual([1, 2, 3, 4, 5]);
  });

  test('strings sort by character code by default', () => {
    expect(quickSort(['pear', 'apple', 'Fig', 'fig'])).toEqual(['Fig', 'apple', 'fig', 'pear']);
  });

  test('a comparator for descending order', () => {
    expect(quickSort([1, 5, 3], (a, b) => b - a)).toEqual([5, 3, 1]);
  });

  test('a comparator on a property', () => {
    const people = [
      { name: 'Cy', age: 40 },
      { name: 'Ada', age: 36 },
      { name: 'Bo', age: 25 },
    ];
    expect(quickSort(people, (a, b) => a.age - b.age).map((p) => p.name)).toEqual(['Bo', 'Ada', 'Cy']);
  });

  test('a comparator that ignores case', () => {
    expect(quickSort(['b', 'C', 'a'], (a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual([
      'a',
      'b',
      'C',
    ]);
  });

  test('returns a new array and leaves the input alone', () => {
    const input = [3, 1, 2];
    const output = quickSort(input);
    expect(output).not.toBe(input);
    expect(input).toEqual([3, 1, 2]);
  });

  test('a thousand numbers', () => {
    const input = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    expect(quickSort(input)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  test('does not use the built-in sort', () => {
    expect(withoutBuiltinSort(() => quickSort([3, 1, 2]))).toEqual([1, 2, 3]);
  });
});
