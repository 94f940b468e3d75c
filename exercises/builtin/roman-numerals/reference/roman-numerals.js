const NUMERALS = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

const VALUES = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * The standard Roman numeral for an integer from 1 to 3999.
 *
 * @param {number} n
 * @returns {string}
 * @throws {RangeError} when n is not an integer from 1 to 3999
 */
export function toRoman(n) {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError(`only whole numbers from 1 to 3999 have a Roman numeral, got ${n}`);
  }
  let rest = n;
  let numeral = '';
  for (const [value, symbols] of NUMERALS) {
    while (rest >= value) {
      numeral += symbols;
      rest -= value;
    }
  }
  return numeral;
}

/**
 * The number a well-formed Roman numeral stands for (either case).
 *
 * @param {string} numeral
 * @returns {number}
 * @throws {Error} for an empty string or a character other than I V X L C D M
 */
export function fromRoman(numeral) {
  const values = [...numeral.toUpperCase()].map((symbol) => {
    if (!Object.hasOwn(VALUES, symbol)) {
      throw new Error(`not a Roman numeral symbol: ${symbol}`);
    }
    return VALUES[symbol];
  });
  if (values.length === 0) {
    throw new Error('an empty string is not a Roman numeral');
  }
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i] < (values[i + 1] ?? 0) ? -values[i] : values[i];
  }
  return total;
}
