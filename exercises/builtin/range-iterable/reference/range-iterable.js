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
    if (![start, end, step].every(Number.isInteger)) {
      throw new RangeError('start, end and step must be integers');
    }
    if (step === 0) {
      throw new RangeError('step must not be 0');
    }
    this.start = start;
    this.end = end;
    this.step = step;
  }

  /** @returns {Iterator<number>} a new iterator over the values */
  *[Symbol.iterator]() {
    const count = this.length;
    for (let i = 0; i < count; i++) {
      yield this.start + i * this.step;
    }
  }

  /** @returns {number} how many values the range has, without iterating */
  get length() {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step));
  }

  /**
   * @param {number} n
   * @returns {boolean} whether n is one of the values, without iterating
   */
  includes(n) {
    if (!Number.isInteger(n) || (n - this.start) % this.step !== 0) {
      return false;
    }
    const index = (n - this.start) / this.step;
    return index >= 0 && index < this.length;
  }
}
