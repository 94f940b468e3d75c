/**
 * The first item seen for the second time, reading left to right.
 *
 * @param {unknown[]} items
 * @returns {unknown} the item, or undefined when nothing repeats
 */
export function firstDuplicate(items) {
  const seen = new Set();
  for (const item of items) {
    if (seen.has(item)) {
      return item;
    }
    seen.add(item);
  }
  return undefined;
}

/**
 * @param {unknown[]} items
 * @returns {boolean} whether any item appears more than once
 */
export function hasDuplicates(items) {
  return new Set(items).size !== items.length;
}

/**
 * A new array with the first occurrence of each item, in order.
 *
 * @param {unknown[]} items
 * @returns {unknown[]}
 */
export function withoutDuplicates(items) {
  return [...new Set(items)];
}
