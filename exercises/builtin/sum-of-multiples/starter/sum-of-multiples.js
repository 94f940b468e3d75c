/**
 * The sum of the distinct positive numbers below `limit` that any of `factors` divides.
 *
 * @param {number} limit whole number
 * @param {number[]} factors whole numbers >= 0; a factor of 0 adds nothing
 * @returns {number}
 */
export function sumOfMultiples(limit, factors) {
  throw new Error('Remove this line and implement the function');
}
