/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in a, in b, or in both
 */
export function union(a, b) {
  const result = new Set(a);
  for (const value of b) {
    result.add(value);
  }
  return result;
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in both a and b
 */
export function intersection(a, b) {
  return new Set([...a].filter((value) => b.has(value)));
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in a that are not in b
 */
export function difference(a, b) {
  return new Set([...a].filter((value) => !b.has(value)));
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {Set<T>} a new set of the values in exactly one of a and b
 */
export function symmetricDifference(a, b) {
  return union(difference(a, b), difference(b, a));
}

/**
 * @template T
 * @param {Set<T>} a
 * @param {Set<T>} b
 * @returns {boolean} whether every value of a is also in b
 */
export function isSubset(a, b) {
  return [...a].every((value) => b.has(value));
}
