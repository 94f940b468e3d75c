import { describe, expect, test } from '@jest/globals';
import { gcd, lcm, simplify } from './gcd-lcm';

describe('gcd', () => {
  test('two numbers with a common divisor', () => {
    expect(gcd(48, 18)).toBe(6);
  });

  test('the order of the arguments does not matter', () => {
    expect(gcd(18, 48)).toBe(6);
  });

  test('numbers with no common divisor but 1', () => {
    expect(gcd(17, 5)).toBe(1);
  });

  test('one number divides the other', () => {
    expect(gcd(7, 21)).toBe(7);
  });

  test('equal numbers', () => {
    expect(gcd(9, 9)).toBe(9);
  });

  test('with zero', () => {
    expect(gcd(7, 0)).toBe(7);
    expect(gcd(0, 7)).toBe(7);
  });

  test('both zero', () => {
    expect(gcd(0, 0)).toBe(0);
  });

  test('negative numbers give a positive gcd', () => {
    expect(gcd(-12, 8)).toBe(4);
    expect(gcd(12, -8)).toBe(4);
    expect(gcd(-12, -8)).toBe(4);
  });

  test('large numbers', () => {
    expect(gcd(1071 * 1000003, 462 * 1000003)).toBe(21 * 1000003);
  });

  test('consecutive Fibonacci numbers', () => {
    expect(gcd(832040, 514229)).toBe(1);
  });
});

describe('lcm', () => {
  test('two small numbers', () => {
    expect(lcm(4, 6)).toBe(12);
  });

  test('coprime numbers multiply', () => {
    expect(lcm(7, 5)).toBe(35);
  });

  test('one number divides the other', () => {
    expect(lcm(3, 12)).toBe(12);
  });

  test('with zero', () => {
    expect(lcm(0, 5)).toBe(0);
    expect(lcm(5, 0)).toBe(0);
  });

  test('negative numbers give a positive lcm', () => {
    expect(lcm(-4, 6)).toBe(12);
    expect(lcm(-4, -6)).toBe(12);
  });

  test('buses every 12 and 18 minutes meet every 36', () => {
    expect(lcm(12, 18)).toBe(36);
  });
});

describe('simplify', () => {
  test('a fraction that reduces', () => {
    expect(simplify(6, 8)).toEqual([3, 4]);
  });

  test('already in lowest terms', () => {
    expect(simplify(3, 7)).toEqual([3, 7]);
  });

  test('a whole number', () => {
    expect(simplify(10, 5)).toEqual([2, 1]);
  });

  test('a negative denominator moves the sign to the numerator', () => {
    expect(simplify(6, -8)).toEqual([-3, 4]);
  });

  test('two negatives make a positive', () => {
    expect(simplify(-6, -8)).toEqual([3, 4]);
  });

  test('zero is 0/1', () => {
    expect(simplify(0, 5)).toEqual([0, 1]);
  });

  test('a zero denominator throws a RangeError', () => {
    expect(() => simplify(1, 0)).toThrow(RangeError);
  });
});
