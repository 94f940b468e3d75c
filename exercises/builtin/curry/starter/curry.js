/**
 * Curries `fn`: collects arguments over one or more calls until there are fn.length of them,
 * then calls fn. Every intermediate function is independent and reusable.
 *
 * @param {(...args: any[]) => any} fn
 * @returns {(...args: any[]) => any}
 */
export function curry(fn) {
  throw new Error('Remove this line and implement the function');
}

/**
 * A function that calls `fn` with `preset` followed by its own arguments.
 *
 * @param {(...args: any[]) => any} fn
 * @param {...any} preset
 * @returns {(...args: any[]) => any}
 */
export function partial(fn, ...preset) {
  throw new Error('Remove this line and implement the function');
}
