/**
 * Yields start, start + 1, start + 2, ... forever.
 *
 * @param {number} [start=1]
 * @returns {Generator<number>}
 */
export function* naturals(start = 1) {
  throw new Error('Remove this line and implement the function');
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
  throw new Error('Remove this line and implement the function');
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
  throw new Error('Remove this line and implement the function');
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
  throw new Error('Remove this line and implement the function');
}
