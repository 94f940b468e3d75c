/**
 * Yields start, start + 1, start + 2, ... forever.
 *
 * @param {number} [start=1]
 * @returns {Generator<number>}
 */
export function* naturals(start = 1) {
  for (let n = start; ; n++) {
    yield n;
  }
}

/**
 * Lazily yields fn(value) for each value of `iterable`.
 *
 * @template T, U
 * @param {Iterable<T>} iterable
 * @param {(value: T) => U} fn
 * @returns {Generator<U>}
 */
export function* mapLazy(iterable, fn) {
  for (const value of iterable) {
    yield fn(value);
  }
}

/**
 * Lazily yields the values of `iterable` for which predicate(value) is truthy.
 *
 * @template T
 * @param {Iterable<T>} iterable
 * @param {(value: T) => unknown} predicate
 * @returns {Generator<T>}
 */
export function* filterLazy(iterable, predicate) {
  for (const value of iterable) {
    if (predicate(value)) {
      yield value;
    }
  }
}

/**
 * Yields the first `n` values of `iterable`, pulling no more than `n` values from it.
 *
 * @template T
 * @param {Iterable<T>} iterable
 * @param {number} n
 * @returns {Generator<T>}
 */
export function* take(iterable, n) {
  if (n <= 0) {
    return;
  }
  let count = 0;
  for (const value of iterable) {
    yield value;
    // Stop right after the n-th value, before the loop pulls another one from upstream.
    count += 1;
    if (count >= n) {
      return;
    }
  }
}
