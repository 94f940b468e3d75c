/**
 * The standard Roman numeral for an integer from 1 to 3999.
 *
 * @param {number} n
 * @returns {string}
 * @throws {RangeError} when n is not an integer from 1 to 3999
 */
export function toRoman(n) {
  throw new Error('Remove this line and implement the function');
}

/**
 * The number a well-formed Roman numeral stands for (either case).
 *
 * @param {string} numeral
 * @returns {number}
 * @throws {Error} for an empty string or a character other than I V X L C D M
 */
export function fromRoman(numeral) {
  throw new Error('Remove this line and implement the function');
}
