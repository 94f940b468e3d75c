/**
 * The characters of `text` in reverse order, keeping emoji and other astral characters whole.
 *
 * @param {string} text
 * @returns {string}
 */
export function reverseText(text) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Whether `text` reads the same both ways, looking only at letters and digits, ignoring case.
 *
 * @param {string} text
 * @returns {boolean}
 */
export function isPalindrome(text) {
  throw new Error('Remove this line and implement the function');
}
