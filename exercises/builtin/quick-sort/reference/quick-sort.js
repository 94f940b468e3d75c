/**
 * Orders values with < and >: -1, 1 or 0.
 *
 * @param {any} a
 * @param {any} b
 * @returns {number}
 */
export const defaultCompare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A new array with the elements of `array` sorted by `compare`, using quick sort.
 *
 * @template T
 * @param {T[]} array not changed
 * @param {(a: T, b: T) => number} [compare] negative: a first, positive: b first, 0: equal
 * @returns {T[]}
 */
export function quickSort(array, compare = defaultCompare) {
  if (array.length <= 1) {
    return [...array];
  }
  const [pivot, ...rest] = array;
  const before = [];
  const after = [];
  for (const item of rest) {
    (compare(item, pivot) < 0 ? before : after).push(item);
  }
  return [...quickSort(before, compare), pivot, ...quickSort(after, compare)];
}
