import { describe, expect, test } from '@jest/globals';
import { letterFrequency, mostCommonLetter } from './letter-frequency';

describe('letterFrequency', () => {
  test('an empty string has no letters', () => {
    expect(letterFrequency('')).toEqual({});
  });

  test('one letter', () => {
    expect(letterFrequency('a')).toEqual({ a: 1 });
  });

  test('repeated letters are counted', () => {
    expect(letterFrequency('Hello')).toEqual({ h: 1, e: 1, l: 2, o: 1 });
  });

  test('upper and lower case are the same letter', () => {
    expect(letterFrequency('AaA')).toEqual({ a: 3 });
  });

  test('digits, spaces and punctuation are ignored', () => {
    expect(letterFrequency('a1 b2, a3!')).toEqual({ a: 2, b: 1 });
  });

  test('only non-letters', () => {
    expect(letterFrequency('123 ?! 🙂')).toEqual({});
  });

  test('accented letters are letters of their own', () => {
    expect(letterFrequency('Éé e')).toEqual({ é: 2, e: 1 });
  });

  test('letters of other alphabets count', () => {
    expect(letterFrequency('Мама')).toEqual({ м: 2, а: 2 });
  });

  test('returns a plain object', () => {
    expect(letterFrequency('ab')).toStrictEqual({ a: 1, b: 1 });
  });
});

describe('mostCommonLetter', () => {
  test('no letters gives null', () => {
    expect(mostCommonLetter('')).toBeNull();
    expect(mostCommonLetter('42!')).toBeNull();
  });

  test('a clear winner', () => {
    expect(mostCommonLetter('banana')).toBe('a');
  });

  test('the winner is reported in lower case', () => {
    expect(mostCommonLetter('ZZZ top')).toBe('z');
  });

  test('a tie goes to the letter that sorts first', () => {
    expect(mostCommonLetter('Mississippi')).toBe('i');
  });

  test('a tie between letters that appear in reverse order', () => {
    expect(mostCommonLetter('zyx')).toBe('x');
  });

  test('an English sentence', () => {
    expect(mostCommonLetter('The essence of the exercise: keep the letters even')).toBe('e');
  });
});
