/**
 * Summary statistics of a non-empty array of numbers. Does not change `numbers`.
 *
 * @param {number[]} numbers
 * @returns {{ count: number, min: number, max: number, mean: number, median: number }}
 * @throws {Error} when `numbers` is empty (the message mentions "empty")
 */
export function stats(numbers) {
  if (numbers.length === 0) {
    throw new Error('cannot compute stats of an empty array');
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  const count = sorted.length;
  const mid = Math.floor(count / 2);
  const sum = sorted.reduce((total, n) => total + n, 0);
  return {
    count,
    min: sorted[0],
    max: sorted[count - 1],
    mean: sum / count,
    median: count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
  };
}
