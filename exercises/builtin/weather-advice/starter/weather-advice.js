/**
 * What to wear for a temperature, with a rain sentence added when it rains.
 *
 * @param {number} celsius
 * @param {boolean} [isRaining=false]
 * @returns {string} the advice, or 'Check the thermometer!' when celsius is not a finite number
 */
export function weatherAdvice(celsius, isRaining = false) {
  throw new Error('Remove this line and implement the function');
}
