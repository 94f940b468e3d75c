import { describe, expect, test } from '@jest/globals';
import { limit, once } from './call-once';

// A function that records the arguments of every call it receives.
const recorder = (result = 'done') => {
  const calls = [];
  const fn = (...args) => {
    calls.push(args);
    return typeof result === 'function' ? result(...args) : result;
  };
  return { fn, calls };
};

describe('once', () => {
  test('returns a function', () => {
    expect(typeof once(() => 1)).toBe('function');
  });

  test('does not call fn until the wrapper is called', () => {
    const { fn, calls } = recorder();
    once(fn);
    expect(calls).toHaveLength(0);
  });

  test('the first call returns fn\'s result', () => {
    expect(once(() => 42)()).toBe(42);
  });

  test('fn runs only once however often the wrapper is called', () => {
    const { fn, calls } = recorder();
    const wrapped = once(fn);
    wrapped();
    wrapped();
    wrapped();
    expect(calls).toHaveLength(1);
  });

  test('later calls return the first result, even with other arguments', () => {
    const wrapped = once((x) => x * 2);
    expect(wrapped(5)).toBe(10);
    expect(wrapped(100)).toBe(10);
  });

  test('arguments are passed on', () => {
    const { fn, calls } = recorder();
    once(fn)('a', 1, true);
    expect(calls).toEqual([['a', 1, true]]);
  });

  test('a falsy first result is still remembered', () => {
    for (const falsy of [0, '', false, null, undefined]) {
      const { fn, calls } = recorder(() => falsy);
      const wrapped = once(fn);
      wrapped();
      expect(wrapped()).toBe(falsy);
      expect(calls).toHaveLength(1);
    }
  });

  test('two wrappers of the same function are independent', () => {
    const { fn, calls } = recorder();
    const a = once(fn);
    const b = once(fn);
    a();
    a();
    b();
    expect(calls).toHaveLength(2);
  });
});

describe('limit', () => {
  test('calls fn up to the limit, then repeats the last result', () => {
    const twice = limit((x) => x * 10, 2);
    expect(twice(1)).toBe(10);
    expect(twice(2)).toBe(20);
    expect(twice(3)).toBe(20);
    expect(twice(4)).toBe(20);
  });

  test('counts the real calls', () => {
    const { fn, calls } = recorder((n) => n);
    const wrapped = limit(fn, 3);
    for (let i = 0; i < 10; i++) {
      wrapped(i);
    }
    expect(calls).toEqual([[0], [1], [2]]);
  });

  test('a limit of zero never calls fn', () => {
    const { fn, calls } = recorder();
    const never = limit(fn, 0);
    expect(never()).toBeUndefined();
    expect(calls).toHaveLength(0);
  });

  test('a limit of one behaves like once', () => {
    const wrapped = limit((s) => s.toUpperCase(), 1);
    expect(wrapped('first')).toBe('FIRST');
    expect(wrapped('second')).toBe('FIRST');
  });
});
