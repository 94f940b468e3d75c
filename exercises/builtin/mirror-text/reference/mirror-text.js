/**
 * The characters of `text` in reverse order, keeping emoji and other astral characters whole.
 *
 * @param {string} text
 * @returns {string}
 */
export function reverseText(text) {
  let reversed = '';
  // for...of walks code points, so a surrogate pair is never split.
  for (const ch of text) {
    reversed = ch + reversed;
  }
  return reversed;
}

/**
 * Whether `text` reads the same both ways, looking only at letters and digits, ignoring case.
 *
 * @param {string} text
 * @returns {boolean}
 */
export function isPalindrome(text) {
  const cleaned = (text.match(/[\p{L}\p{N}]/gu) ?? []).join('').toLowerCase();
  return cleaned === reverseText(cleaned);
}
