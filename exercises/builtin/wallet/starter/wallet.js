/**
 * A wallet whose balance lives in a closure and only changes through its methods.
 *
 * @param {number} [initial=0] a finite number >= 0, else RangeError
 * @returns {{
 *   deposit(amount: number): number,
 *   spend(amount: number): number,
 *   balance(): number,
 *   history(): { type: 'deposit' | 'spend', amount: number }[],
 * }}
 */
export function createWallet(initial = 0) {
  throw new Error('Remove this line and implement the function');
}
