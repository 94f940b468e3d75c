import { describe, expect, test } from '@jest/globals';
import { isPalindrome, reverseText } from './mirror-text';

describe('reverseText', () => {
  test('an empty string', () => {
    expect(reverseText('')).toBe('');
  });

  test('a single character', () => {
    expect(reverseText('a')).toBe('a');
  });

  test('a word', () => {
    expect(reverseText('stressed')).toBe('desserts');
  });

  test('a sentence keeps its spaces and punctuation, reversed', () => {
    expect(reverseText('Hello, world!')).toBe('!dlrow ,olleH');
  });

  test('a palindrome reverses to itself', () => {
    expect(reverseText('racecar')).toBe('racecar');
  });

  test('capital letters stay capital', () => {
    expect(reverseText('Ramen')).toBe('nemaR');
  });

  test('accented letters', () => {
    expect(reverseText('café')).toBe('éfac');
  });

  test('emoji are kept whole', () => {
    expect(reverseText('👋🌍')).toBe('🌍👋');
  });

  test('emoji mixed with letters', () => {
    expect(reverseText('hi 👋!')).toBe('!👋 ih');
  });
});

describe('isPalindrome', () => {
  test('a simple palindrome', () => {
    expect(isPalindrome('racecar')).toBe(true);
  });

  test('not a palindrome', () => {
    expect(isPalindrome('CodeMentor')).toBe(false);
  });

  test('case is ignored', () => {
    expect(isPalindrome('RaceCar')).toBe(true);
  });

  test('spaces and punctuation are ignored', () => {
    expect(isPalindrome('A man, a plan, a canal: Panama!')).toBe(true);
  });

  test('digits count', () => {
    expect(isPalindrome('12 321')).toBe(true);
    expect(isPalindrome('123')).toBe(false);
  });

  test('letters from another alphabet count', () => {
    expect(isPalindrome('А роза упала на лапу Азора')).toBe(true);
  });

  test('an almost-palindrome', () => {
    expect(isPalindrome('palindrome emordnilap x')).toBe(false);
  });

  test('the empty string is a palindrome', () => {
    expect(isPalindrome('')).toBe(true);
  });

  test('only punctuation is a palindrome', () => {
    expect(isPalindrome('?!, .')).toBe(true);
  });
});
