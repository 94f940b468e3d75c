const LETTER = /\p{L}/u;

/**
 * How often each letter (any alphabet, lower-cased) appears in `text`.
 *
 * @param {string} text
 * @returns {Record<string, number>}
 */
export function letterFrequency(text) {
  const counts = {};
  for (const ch of text.toLowerCase()) {
    if (LETTER.test(ch)) {
      counts[ch] = (counts[ch] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The most frequent letter; ties go to the letter that sorts first.
 *
 * @param {string} text
 * @returns {string | null} null when `text` has no letters
 */
export function mostCommonLetter(text) {
  let best = null;
  let bestCount = 0;
  for (const [letter, count] of Object.entries(letterFrequency(text))) {
    if (count > bestCount || (count === bestCount && letter < best)) {
      best = letter;
      bestCount = count;
    }
  }
  return best;
}
