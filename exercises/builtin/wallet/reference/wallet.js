const checkAmount = (amount, { allowZero = false } = {}) => {
  if (!Number.isFinite(amount) || amount < 0 || (amount === 0 && !allowZero)) {
    throw new RangeError(`amount must be a positive number, got ${amount}`);
  }
};

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
  checkAmount(initial, { allowZero: true });
  let balance = initial;
  const entries = [];

  return {
    deposit(amount) {
      checkAmount(amount);
      balance += amount;
      entries.push({ type: 'deposit', amount });
      return balance;
    },
    spend(amount) {
      checkAmount(amount);
      if (amount > balance) {
        throw new Error(`insufficient funds: balance is ${balance}`);
      }
      balance -= amount;
      entries.push({ type: 'spend', amount });
      return balance;
    },
    balance() {
      return balance;
    },
    history() {
      return entries.map((entry) => ({ ...entry }));
    },
  };
}
