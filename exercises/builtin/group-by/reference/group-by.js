/**
 * Groups items by the key keyFn gives each one: { key: [items with that key] }.
 *
 * @template T
 * @param {T[]} items
 * @param {(item: T) => PropertyKey} keyFn
 * @returns {Record<string, T[]>}
 */
export function groupBy(items, keyFn) {
  const groups = {};
  for (const item of items) {
    (groups[keyFn(item)] ??= []).push(item);
  }
  return groups;
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
  const counts = {};
  for (const item of items) {
    const key = keyFn(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
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
  const passed = [];
  const failed = [];
  for (const item of items) {
    (predicate(item) ? passed : failed).push(item);
  }
  return [passed, failed];
}
