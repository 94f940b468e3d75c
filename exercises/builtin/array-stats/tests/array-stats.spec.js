import { describe, expect, test } from '@jest/globals';
import { stats } from './array-stats';

describe('stats', () => {
  test('a single number', () => {
    expect(stats([7])).toEqual({ count: 1, min: 7, max: 7, mean: 7, median: 7 });
  });

  test('an odd count', () => {
    expect(stats([3, 1, 2])).toEqual({ count: 3, min: 1, max: 3, mean: 2, median: 2 });
  });

  test('an even count has the average of the two middle values as median', () => {
    expect(stats([4, 1, 3, 2]).median).toBe(2.5);
  });

  test('numbers are ordered as numbers, not as text', () => {
    expect(stats([1, 10, 2, 3])).toEqual({ count: 4, min: 1, max: 10, mean: 4, median: 2.5 });
  });

  test('median of numbers with different digit counts', () => {
    expect(stats([10, 9, 2]).median).toBe(9);
  });

  test('negative numbers', () => {
    expect(stats([-5, -1, -3])).toEqual({ count: 3, min: -5, max: -1, mean: -3, median: -3 });
  });

  test('a mean that is not a whole number', () => {
    expect(stats([1, 2]).mean).toBeCloseTo(1.5);
    expect(stats([0.1, 0.2]).mean).toBeCloseTo(0.15);
  });

  test('repeated values', () => {
    expect(stats([5, 5, 5, 1])).toEqual({ count: 4, min: 1, max: 5, mean: 4, median: 5 });
  });

  test('step counts', () => {
    const result = stats([8250, 10432, 4120, 12005, 9870, 7001, 11300]);
    expect(result.min).toBe(4120);
    expect(result.max).toBe(12005);
    expect(result.median).toBe(9870);
    expect(result.mean).toBeCloseTo(8996.857, 3);
  });

  test('does not change the array or its order', () => {
    const numbers = [3, 1, 2];
    stats(numbers);
    expect(numbers).toEqual([3, 1, 2]);
  });

  test('an empty array throws an error about being empty', () => {
    expect(() => stats([])).toThrow(Error);
    expect(() => stats([])).toThrow(/empty/);
  });
});
