/**
 * The integers from `start` up to (not including) `end`, moving by `step`, as an iterable.
 */
export class Range {
  /**
   * @param {number} start integer
   * @param {number} end integer, not included
   * @param {number} [step=1] non-zero integer; negative counts down
   * @throws {RangeError} when step is 0 or an argument is not an integer
   */
  constructor(start, end, step = 1) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {Iterator<number>} a new iterator over the values */
  [Symbol.iterator]() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} how many values the range has, without iterating */
  get length() {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {number} n
   * @returns {boolean} whether n is one of the values, without iterating
   */
  includes(n) {
    throw new Error('Remove this line and implement the function');
  }
}
