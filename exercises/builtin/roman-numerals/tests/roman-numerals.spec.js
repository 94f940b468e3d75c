import { describe, expect, test } from '@jest/globals';
import { fromRoman, toRoman } from './roman-numerals';

const CASES = [
  [1, 'I'],
  [2, 'II'],
  [3, 'III'],
  [4, 'IV'],
  [5, 'V'],
  [6, 'VI'],
  [9, 'IX'],
  [14, 'XIV'],
  [27, 'XXVII'],
  [40, 'XL'],
  [48, 'XLVIII'],
  [49, 'XLIX'],
  [59, 'LIX'],
  [90, 'XC'],
  [93, 'XCIII'],
  [141, 'CXLI'],
  [163, 'CLXIII'],
  [400, 'CD'],
  [402, 'CDII'],
  [575, 'DLXXV'],
  [900, 'CM'],
  [911, 'CMXI'],
  [1024, 'MXXIV'],
  [1666, 'MDCLXVI'],
  [1994, 'MCMXCIV'],
  [2024, 'MMXXIV'],
  [3000, 'MMM'],
  [3999, 'MMMCMXCIX'],
];

describe('toRoman', () => {
  for (const [n, numeral] of CASES) {
    test(`${n} is ${numeral}`, () => {
      expect(toRoman(n)).toBe(numeral);
    });
  }

  test('zero has no Roman numeral', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
  });

  test('negative numbers have no Roman numeral', () => {
    expect(() => toRoman(-5)).toThrow(RangeError);
  });

  test('4000 and above are out of range', () => {
    expect(() => toRoman(4000)).toThrow(RangeError);
  });

  test('fractions and non-numbers are out of range', () => {
    expect(() => toRoman(2.5)).toThrow(RangeError);
    expect(() => toRoman('12')).toThrow(RangeError);
    expect(() => toRoman(NaN)).toThrow(RangeError);
  });
});

describe('fromRoman', () => {
  for (const [n, numeral] of CASES) {
    test(`${numeral} is ${n}`, () => {
      expect(fromRoman(numeral)).toBe(n);
    });
  }

  test('lower-case numerals are accepted', () => {
    expect(fromRoman('xlii')).toBe(42);
    expect(fromRoman('mCmXcIv')).toBe(1994);
  });

  test('an empty string is an error', () => {
    expect(() => fromRoman('')).toThrow(Error);
  });

  test('a character that is not a Roman symbol is an error', () => {
    expect(() => fromRoman('XIIZ')).toThrow(Error);
    expect(() => fromRoman('X I')).toThrow(Error);
    expect(() => fromRoman('12')).toThrow(Error);
  });

  test('round trip for every number from 1 to 3999', () => {
    for (let n = 1; n <= 3999; n++) {
      expect(fromRoman(toRoman(n))).toBe(n);
    }
  });
});
