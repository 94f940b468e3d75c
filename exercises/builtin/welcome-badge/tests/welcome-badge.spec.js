import { describe, expect, test } from '@jest/globals';
import { greet, initials } from './welcome-badge';

describe('greet', () => {
  test('greets a visitor by name', () => {
    expect(greet('Ada')).toBe('Hello, Ada! Welcome to CodeMentor.');
  });

  test('greets a friend when no name is given', () => {
    expect(greet()).toBe('Hello, friend! Welcome to CodeMentor.');
  });

  test('an empty name is a friend', () => {
    expect(greet('')).toBe('Hello, friend! Welcome to CodeMentor.');
  });

  test('a blank name is a friend', () => {
    expect(greet('   ')).toBe('Hello, friend! Welcome to CodeMentor.');
  });

  test('removes spaces around the name', () => {
    expect(greet('  Grace Hopper \t')).toBe('Hello, Grace Hopper! Welcome to CodeMentor.');
  });

  test('keeps non-ASCII names as they are', () => {
    expect(greet('Zoë')).toBe('Hello, Zoë! Welcome to CodeMentor.');
  });
});

describe('initials', () => {
  test('two words', () => {
    expect(initials('Ada Lovelace')).toBe('A.L.');
  });

  test('a single name', () => {
    expect(initials('Cher')).toBe('C.');
  });

  test('three words', () => {
    expect(initials('Tim Berners Lee')).toBe('T.B.L.');
  });

  test('lower-case names give capital initials', () => {
    expect(initials('grace hopper')).toBe('G.H.');
  });

  test('extra whitespace between and around words is ignored', () => {
    expect(initials('  grace \t  hopper ')).toBe('G.H.');
  });

  test('a hyphenated name is one word', () => {
    expect(initials('Jean-Luc Picard')).toBe('J.P.');
  });

  test('accented letters are capitalised too', () => {
    expect(initials('émile zola')).toBe('É.Z.');
  });

  test('an empty name has no initials', () => {
    expect(initials('')).toBe('');
  });

  test('a blank name has no initials', () => {
    expect(initials('   ')).toBe('');
  });
});
