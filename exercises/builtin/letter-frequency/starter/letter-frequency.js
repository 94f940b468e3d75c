/**
 * How often each letter (any alphabet, lower-cased) appears in `text`.
 *
 * @param {string} text
 * @returns {Record<string, number>}
 */
export function letterFrequency(text) {
  throw new Error('Remove this line and implement the function');
}

/**
 * The most frequent letter; ties go to the letter that sorts first.
 *
 * @param {string} text
 * @returns {string | null} null when `text` has no letters
 */
export function mostCommonLetter(text) {
  throw new Error('Remove this line and implement the function');
}
