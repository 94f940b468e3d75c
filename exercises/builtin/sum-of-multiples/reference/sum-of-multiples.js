/**
 * The sum of the distinct positive numbers below `limit` that any of `factors` divides.
 *
 * @param {number} limit whole number
 * @param {number[]} factors whole numbers >= 0; a factor of 0 adds nothing
 * @returns {number}
 */
export function sumOfMultiples(limit, factors) {
  const usable = factors.filter((factor) => factor > 0);
  let sum = 0;
  for (let n = 1; n < limit; n++) {
    if (usable.some((factor) => n % factor === 0)) {
      sum += n;
    }
  }
  return sum;
}
