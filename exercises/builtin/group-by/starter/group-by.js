/**
 * Groups items by the key keyFn gives each one: { key: [items with that key] }.
 *
 * @template T
 * @param {T[]} items
 * @param {(item: T) => PropertyKey} keyFn
 * @returns {Record<string, T[]>}
 */
export function groupBy(items, keyFn) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Counts items by the key keyFn gives each one: { key: count }.
 *
 * @template T
 * @param {T[]} items
 * @param {(item: T) => PropertyKey} keyFn
 * @returns {Record<string, number>}
 */
export function countBy(items, keyFn) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Splits items into [those for which predicate is truthy, the others], keeping their order.
 *
 * @template T
 * @param {T[]} items
 * @param {(item: T) => unknown} predicate
 * @returns {[T[], T[]]}
 */
export function partition(items, predicate) {
  throw new Error('Remove this line and implement the function');
}
