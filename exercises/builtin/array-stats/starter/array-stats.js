/**
 * Summary statistics of a non-empty array of numbers. Does not change `numbers`.
 *
 * @param {number[]} numbers
 * @returns {{ count: number, min: number, max: number, mean: number, median: number }}
 * @throws {Error} when `numbers` is empty (the message mentions "empty")
 */
export function stats(numbers) {
  throw new Error('Remove this line and implement the function');
}
