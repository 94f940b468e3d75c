/**
 * Greatest common divisor, by Euclid's algorithm (recursively). Never negative.
 *
 * @param {number} a integer
 * @param {number} b integer
 * @returns {number}
 */
export function gcd(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Least common multiple. Never negative; 0 when either argument is 0.
 *
 * @param {number} a integer
 * @param {number} b integer
 * @returns {number}
 */
export function lcm(a, b) {
  throw new Error('Remove this line and implement the function');
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
  throw new Error('Remove this line and implement the function');
}
