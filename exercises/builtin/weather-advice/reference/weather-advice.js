/**
 * What to wear for a temperature, with a rain sentence added when it rains.
 *
 * @param {number} celsius
 * @param {boolean} [isRaining=false]
 * @returns {string} the advice, or 'Check the thermometer!' when celsius is not a finite number
 */
export function weatherAdvice(celsius, isRaining = false) {
  if (!Number.isFinite(celsius)) {
    return 'Check the thermometer!';
  }
  let advice;
  if (celsius < 0) {
    advice = 'Freezing: wear a heavy coat.';
  } else if (celsius < 12) {
    advice = 'Cold: bring a jacket.';
  } else if (celsius < 24) {
    advice = 'Mild: a sweater will do.';
  } else {
    advice = 'Hot: shorts and sunscreen.';
  }
  if (isRaining) {
    advice += celsius < 0 ? ' Watch out for ice.' : ' Take an umbrella.';
  }
  return advice;
}
