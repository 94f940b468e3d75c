import { describe, expect, test } from '@jest/globals';
import { countBy, groupBy, partition } from './group-by';

const orders = [
  { id: 1, customer: 'ada', total: 30 },
  { id: 2, customer: 'bo', total: 12 },
  { id: 3, customer: 'ada', total: 5 },
  { id: 4, customer: 'cy', total: 50 },
];

describe('groupBy', () => {
  test('no items gives an empty object', () => {
    expect(groupBy([], (x) => x)).toEqual({});
  });

  test('groups words by length', () => {
    expect(groupBy(['one', 'two', 'three'], (word) => word.length)).toEqual({
      3: ['one', 'two'],
      5: ['three'],
    });
  });

  test('groups objects by a property and keeps their order', () => {
    const groups = groupBy(orders, (order) => order.customer);
    expect(groups.ada.map((o) => o.id)).toEqual([1, 3]);
    expect(groups.bo.map((o) => o.id)).toEqual([2]);
    expect(Object.keys(groups)).toEqual(['ada', 'bo', 'cy']);
  });

  test('the grouped items are the original items, not copies', () => {
    expect(groupBy(orders, (o) => o.customer).cy[0]).toBe(orders[3]);
  });

  test('keys become strings', () => {
    expect(Object.keys(groupBy([1, 2, 3], (n) => n % 2 === 0))).toEqual(['false', 'true']);
  });

  test('calls the key function once per item, with the item', () => {
    const seen = [];
    groupBy(['a', 'b'], (item) => {
      seen.push(item);
      return item;
    });
    expect(seen).toEqual(['a', 'b']);
  });

  test('does not change the items', () => {
    const items = [3, 1, 2];
    groupBy(items, (n) => n > 1);
    expect(items).toEqual([3, 1, 2]);
  });
});

describe('countBy', () => {
  test('no items gives an empty object', () => {
    expect(countBy([], (x) => x)).toEqual({});
  });

  test('counts by a computed key', () => {
    expect(countBy([1.5, 2.5, 1.2], Math.floor)).toEqual({ 1: 2, 2: 1 });
  });

  test('counts orders per customer', () => {
    expect(countBy(orders, (o) => o.customer)).toEqual({ ada: 2, bo: 1, cy: 1 });
  });

  test('counts first letters, ignoring case', () => {
    expect(countBy(['Apple', 'avocado', 'Banana'], (w) => w[0].toLowerCase())).toEqual({ a: 2, b: 1 });
  });
});

describe('partition', () => {
  test('no items gives two empty arrays', () => {
    expect(partition([], () => true)).toEqual([[], []]);
  });

  test('even and odd numbers', () => {
    expect(partition([1, 2, 3, 4, 5], (n) => n % 2 === 0)).toEqual([
      [2, 4],
      [1, 3, 5],
    ]);
  });

  test('everything passes', () => {
    expect(partition([1, 2], () => true)).toEqual([[1, 2], []]);
  });

  test('truthy and falsy answers count', () => {
    expect(partition(['', 'x', 0, 7, null], (v) => v)).toEqual([
      ['x', 7],
      ['', 0, null],
    ]);
  });

  test('splits orders into big and small', () => {
    const [big, small] = partition(orders, (o) => o.total >= 30);
    expect(big.map((o) => o.id)).toEqual([1, 4]);
    expect(small.map((o) => o.id)).toEqual([2, 3]);
  });
});
