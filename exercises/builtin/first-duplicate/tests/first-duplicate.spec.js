import { describe, expect, test } from '@jest/globals';
import { firstDuplicate, hasDuplicates, withoutDuplicates } from './first-duplicate';

describe('firstDuplicate', () => {
  test('an empty array has no duplicate', () => {
    expect(firstDuplicate([])).toBeUndefined();
  });

  test('all different', () => {
    expect(firstDuplicate(['a', 'b', 'c'])).toBeUndefined();
  });

  test('one repeated item', () => {
    expect(firstDuplicate([7, 8, 7])).toBe(7);
  });

  test('the item whose second appearance comes first wins', () => {
    expect(firstDuplicate([3, 1, 4, 1, 5, 3])).toBe(1);
  });

  test('repeats right next to each other', () => {
    expect(firstDuplicate([2, 5, 5, 2])).toBe(5);
  });

  test('a number and the same digits as a string are different', () => {
    expect(firstDuplicate([1, '1', 2])).toBeUndefined();
  });

  test('NaN counts as equal to NaN', () => {
    expect(firstDuplicate([NaN, 0, NaN])).toBe(NaN);
  });

  test('a repeated falsy value is found', () => {
    expect(firstDuplicate([0, 1, 0])).toBe(0);
    expect(firstDuplicate(['', 'a', ''])).toBe('');
  });

  test('separate objects are different, the same object twice is a duplicate', () => {
    const ticket = { id: 1 };
    expect(firstDuplicate([{ id: 1 }, { id: 1 }])).toBeUndefined();
    expect(firstDuplicate([ticket, { id: 2 }, ticket])).toBe(ticket);
  });

  test('does not change the array', () => {
    const items = [1, 2, 1];
    firstDuplicate(items);
    expect(items).toEqual([1, 2, 1]);
  });
});

describe('hasDuplicates', () => {
  test('an empty array', () => {
    expect(hasDuplicates([])).toBe(false);
  });

  test('all different', () => {
    expect(hasDuplicates([1, '1', true])).toBe(false);
  });

  test('with a repeat', () => {
    expect(hasDuplicates(['x', 'y', 'x'])).toBe(true);
  });

  test('a repeated undefined counts', () => {
    expect(hasDuplicates([undefined, undefined])).toBe(true);
  });
});

describe('withoutDuplicates', () => {
  test('an empty array', () => {
    expect(withoutDuplicates([])).toEqual([]);
  });

  test('keeps the first occurrence in order', () => {
    expect(withoutDuplicates([3, 1, 3, 2, 1])).toEqual([3, 1, 2]);
  });

  test('strings with different case are different', () => {
    expect(withoutDuplicates(['a', 'A', 'a'])).toEqual(['a', 'A']);
  });

  test('returns a new array and leaves the input alone', () => {
    const items = [1, 2, 3];
    const result = withoutDuplicates(items);
    expect(result).toEqual([1, 2, 3]);
    expect(result).not.toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});
