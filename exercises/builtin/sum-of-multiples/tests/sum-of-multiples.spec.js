import { describe, expect, test } from '@jest/globals';
import { sumOfMultiples } from './sum-of-multiples';

describe('sumOfMultiples', () => {
  test('no numbers below 1', () => {
    expect(sumOfMultiples(1, [3, 5])).toBe(0);
  });

  test('only one multiple below the limit', () => {
    expect(sumOfMultiples(4, [3, 5])).toBe(3);
  });

  test('one factor', () => {
    expect(sumOfMultiples(10, [2])).toBe(20);
  });

  test('the limit itself is not counted', () => {
    expect(sumOfMultiples(6, [3])).toBe(3);
  });

  test('shared multiples are counted once', () => {
    expect(sumOfMultiples(20, [3, 5])).toBe(78);
  });

  test('a factor that divides another adds nothing new', () => {
    expect(sumOfMultiples(15, [2, 4])).toBe(56);
  });

  test('three factors', () => {
    expect(sumOfMultiples(20, [7, 13, 17])).toBe(51);
  });

  test('the same factor twice', () => {
    expect(sumOfMultiples(10, [3, 3])).toBe(18);
  });

  test('factor larger than the limit', () => {
    expect(sumOfMultiples(10, [11])).toBe(0);
  });

  test('factor of one gives the sum of every number below the limit', () => {
    expect(sumOfMultiples(101, [1])).toBe(5050);
  });

  test('no factors', () => {
    expect(sumOfMultiples(100, [])).toBe(0);
  });

  test('a factor of zero is ignored', () => {
    expect(sumOfMultiples(10, [0, 5])).toBe(5);
    expect(sumOfMultiples(10, [0])).toBe(0);
  });

  test('a large limit', () => {
    expect(sumOfMultiples(10000, [43, 47])).toBe(2203160);
  });
});
