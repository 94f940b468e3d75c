/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in a, in b, or in both
 */
export function union(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in both a and b
 */
export function intersection(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in a that are not in b
 */
export function difference(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in exactly one of a and b
 */
export function symmetricDifference(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {boolean} whether every value of a is also in b
 */
export function isSubset(a, b) {
  throw new Error('Remove this line and implement the function');
}
