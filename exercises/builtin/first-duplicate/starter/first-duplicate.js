/**
 * The first item seen for the second time, reading left to right.
 *
 * @param {unknown[]} items
 * @returns {unknown} the item, or undefined when nothing repeats
 */
export function firstDuplicate(items) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @param {unknown[]} items
 * @returns {boolean} whether any item appears more than once
 */
export function hasDuplicates(items) {
  throw new Error('Remove this line and implement the function');
}

/**
 * A new array with the first occurrence of each item, in order.
 *
 * @param {unknown[]} items
 * @returns {unknown[]}
 */
export function withoutDuplicates(items) {
  throw new Error('Remove this line and implement the function');
}
