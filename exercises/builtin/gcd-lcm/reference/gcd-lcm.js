/**
 * Greatest common divisor, by Euclid's algorithm (recursively). Never negative.
 *
 * @param {number} a integer
 * @param {number} b integer
 * @returns {number}
 */
export function gcd(a, b) {
  a = Math.abs(a);
  b = Math.abs(b);
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Least common multiple. Never negative; 0 when either argument is 0.
 *
 * @param {number} a integer
 * @param {number} b integer
 * @returns {number}
 */
export function lcm(a, b) {
  if (a === 0 || b === 0) {
    return 0;
  }
  return Math.abs((a / gcd(a, b)) * b);
}

/**
 * The fraction numerator/denominator in lowest terms, with a positive denominator.
 *
 * @param {number} numerator integer
 * @param {number} denominator integer, not 0
 * @returns {[number, number]}
 * @throws {RangeError} when denominator is 0
 */
export function simplify(numerator, denominator) {
  if (denominator === 0) {
    throw new RangeError('denominator must not be 0');
  }
  const divisor = gcd(numerator, denominator);
  const sign = denominator < 0 ? -1 : 1;
  return [(sign * numerator) / divisor, (sign * denominator) / divisor];
}
