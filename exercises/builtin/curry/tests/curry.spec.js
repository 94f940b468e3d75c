import { describe, expect, test } from '@jest/globals';
import { curry, partial } from './curry';

const add3 = (a, b, c) => a + b + c;
const join4 = (a, b, c, d) => [a, b, c, d].join('-');

describe('curry', () => {
  test('one argument at a time', () => {
    expect(curry(add3)(1)(2)(3)).toBe(6);
  });

  test('all arguments at once', () => {
    expect(curry(add3)(1, 2, 3)).toBe(6);
  });

  test('arguments in groups', () => {
    const c = curry(join4);
    expect(c('a', 'b')('c', 'd')).toBe('a-b-c-d');
    expect(c('a')('b', 'c')('d')).toBe('a-b-c-d');
    expect(c('a', 'b', 'c')('d')).toBe('a-b-c-d');
  });

  test('the order of the arguments is kept', () => {
    const subtract = curry((a, b) => a - b);
    expect(subtract(10)(3)).toBe(7);
  });

  test('returns a function while arguments are missing', () => {
    const c = curry(add3);
    expect(typeof c(1)).toBe('function');
    expect(typeof c(1)(2)).toBe('function');
  });

  test('fn is not called until every argument has arrived', () => {
    const calls = [];
    const c = curry((a, b) => calls.push([a, b]));
    c(1);
    expect(calls).toEqual([]);
    c(1)(2);
    expect(calls).toEqual([[1, 2]]);
  });

  test('intermediate functions can be reused', () => {
    const add10 = curry(add3)(10);
    expect(add10(1)(1)).toBe(12);
    expect(add10(5, 5)).toBe(20);
    expect(add10(0)(0)).toBe(10);
  });

  test('branches from the same step do not affect each other', () => {
    const c = curry(join4)('x');
    const left = c('l');
    const right = c('r');
    expect(left('1', '2')).toBe('x-l-1-2');
    expect(right('3')('4')).toBe('x-r-3-4');
    expect(left('5')('6')).toBe('x-l-5-6');
  });

  test('the curried function itself can be used many times', () => {
    const c = curry(add3);
    expect(c(1)(1)(1)).toBe(3);
    expect(c(2)(2)(2)).toBe(6);
  });

  test('a function of one argument', () => {
    expect(curry((s) => s.toUpperCase())('hi')).toBe('HI');
  });

  test('a function with no parameters is called right away', () => {
    expect(curry(() => 'now')()).toBe('now');
  });

  test('extra arguments are passed on to fn', () => {
    const collect = curry(function (_a, _b) {
      return [...arguments];
    });
    expect(collect(1)(2, 3)).toEqual([1, 2, 3]);
  });

  test('undefined counts as an argument', () => {
    const c = curry((a, b) => [a, b]);
    expect(c(undefined)(2)).toEqual([undefined, 2]);
  });
});

describe('partial', () => {
  test('presets the first argument', () => {
    const greet = (greeting, name) => `${greeting}, ${name}!`;
    expect(partial(greet, 'Hello')('Ada')).toBe('Hello, Ada!');
  });

  test('presets several arguments', () => {
    expect(partial(add3, 1, 2)(3)).toBe(6);
  });

  test('no preset arguments', () => {
    expect(partial(add3)(1, 2, 3)).toBe(6);
  });

  test('the partial function can be reused', () => {
    const double = partial((a, b) => a * b, 2);
    expect([double(1), double(2), double(21)]).toEqual([2, 4, 42]);
  });

  test('the presets are not changed by later calls', () => {
    const list = partial((...items) => items, 'a');
    list('b');
    expect(list('c')).toEqual(['a', 'c']);
  });
});
