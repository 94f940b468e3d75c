/**
 * The sum of every finite number inside `value` (arrays and plain objects, at any depth).
 *
 * @param {unknown} value
 * @returns {number}
 */
export function sumTree(value) {
  throw new Error('Remove this line and implement the function');
}

/**
 * How deeply arrays and objects are nested: a leaf is 0, an empty container is 1.
 *
 * @param {unknown} value
 * @returns {number}
 */
export function depth(value) {
  throw new Error('Remove this line and implement the function');
}
