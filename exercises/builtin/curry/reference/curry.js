/**
 * Curries `fn`: collects arguments over one or more calls until there are fn.length of them,
 * then calls fn. Every intermediate function is independent and reusable.
 *
 * @param {(...args: any[]) => any} fn
 * @returns {(...args: any[]) => any}
 */
export function curry(fn) {
  if (fn.length === 0) {
    return fn;
  }
  // A new array per step, so intermediate functions never share collected arguments.
  const collect =
    (previous) =>
    (...args) => {
      const all = [...previous, ...args];
      return all.length >= fn.length ? fn(...all) : collect(all);
    };
  return collect([]);
}

/**
 * A function that calls `fn` with `preset` followed by its own arguments.
 *
 * @param {(...args: any[]) => any} fn
 * @param {...any} preset
 * @returns {(...args: any[]) => any}
 */
export function partial(fn, ...preset) {
  return (...args) => fn(...preset, ...args);
}
