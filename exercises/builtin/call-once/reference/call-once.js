/**
 * Wraps `fn` so that only its first `times` calls reach it; later calls return the last result.
 *
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {number} times
 * @returns {(...args: Parameters<F>) => ReturnType<F> | undefined}
 */
export function limit(fn, times) {
  let calls = 0;
  let last;
  return (...args) => {
    if (calls < times) {
      calls += 1;
      last = fn(...args);
    }
    return last;
  };
}

/**
 * Wraps `fn` so that it runs at most once; later calls return the first result.
 *
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @returns {(...args: Parameters<F>) => ReturnType<F>}
 */
export function once(fn) {
  return limit(fn, 1);
}
