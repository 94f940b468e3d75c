/**
 * Wraps `fn` so that only its first `times` calls reach it; later calls return the last result.
 *
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {number} times
 * @returns {(...args: Parameters<F>) => ReturnType<F> | undefined}
 */
export function limit(fn, times) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Wraps `fn` so that it runs at most once; later calls return the first result.
 *
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @returns {(...args: Parameters<F>) => ReturnType<F>}
 */
export function once(fn) {
  throw new Error('Remove this line and implement the function');
}
