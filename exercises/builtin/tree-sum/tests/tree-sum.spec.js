import { describe, expect, test } from '@jest/globals';
import { depth, sumTree } from './tree-sum';

const nest = (levels, inner) => {
  let value = inner;
  for (let i = 0; i < levels; i++) {
    value = [value];
  }
  return value;
};

describe('sumTree', () => {
  test('a number is its own sum', () => {
    expect(sumTree(7)).toBe(7);
  });

  test('an empty array or object sums to zero', () => {
    expect(sumTree([])).toBe(0);
    expect(sumTree({})).toBe(0);
  });

  test('a flat array', () => {
    expect(sumTree([1, 2, 3])).toBe(6);
  });

  test('nested arrays', () => {
    expect(sumTree([1, [2, [3, [4]]]])).toBe(10);
  });

  test('object values are included', () => {
    expect(sumTree({ a: 1, b: 2 })).toBe(3);
  });

  test('arrays and objects mixed', () => {
    expect(sumTree([1, [2, 3], { a: 4, b: [5] }])).toBe(15);
  });

  test('strings, booleans and null add nothing', () => {
    expect(sumTree({ price: 10, label: '5', tags: [true, null, undefined] })).toBe(10);
  });

  test('NaN and Infinity add nothing', () => {
    expect(sumTree([1, NaN, Infinity, -Infinity])).toBe(1);
  });

  test('negative numbers and decimals', () => {
    expect(sumTree({ debit: -2.5, items: [{ credit: 1.25 }, { credit: 1.25 }] })).toBeCloseTo(0);
  });

  test('a leaf that is not a number sums to zero', () => {
    expect(sumTree('12')).toBe(0);
    expect(sumTree(null)).toBe(0);
  });

  test('a realistic API response', () => {
    const response = {
      user: { id: 7, name: 'Ada' },
      orders: [
        { id: 1, lines: [{ qty: 2 }, { qty: 3 }] },
        { id: 2, lines: [] },
      ],
    };
    expect(sumTree(response)).toBe(15);
  });

  test('deep nesting', () => {
    expect(sumTree(nest(500, 3))).toBe(3);
  });
});

describe('depth', () => {
  test('a leaf has depth 0', () => {
    expect(depth(42)).toBe(0);
    expect(depth('text')).toBe(0);
    expect(depth(null)).toBe(0);
  });

  test('an empty container has depth 1', () => {
    expect(depth([])).toBe(1);
    expect(depth({})).toBe(1);
  });

  test('a flat array has depth 1', () => {
    expect(depth([1, 2, 3])).toBe(1);
  });

  test('nested arrays', () => {
    expect(depth([1, [2, [3]]])).toBe(3);
  });

  test('nested objects', () => {
    expect(depth({ a: { b: {} } })).toBe(3);
  });

  test('the deepest branch counts, wherever it is', () => {
    expect(depth([[1], [[[2]]], 3])).toBe(4);
  });

  test('deep nesting', () => {
    expect(depth(nest(500, 'leaf'))).toBe(500);
  });
});
