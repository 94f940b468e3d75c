const isContainer = (value) => typeof value === 'object' && value !== null;

/**
 * The sum of every finite number inside `value` (arrays and plain objects, at any depth).
 *
 * @param {unknown} value
 * @returns {number}
 */
export function sumTree(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : 0;
  }
  if (!isContainer(value)) {
    return 0;
  }
  let sum = 0;
  for (const child of Object.values(value)) {
    sum += sumTree(child);
  }
  return sum;
}

/**
 * How deeply arrays and objects are nested: a leaf is 0, an empty container is 1.
 *
 * @param {unknown} value
 * @returns {number}
 */
export function depth(value) {
  if (!isContainer(value)) {
    return 0;
  }
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depth(child));
  }
  return 1 + deepest;
}
