/**
 * Greets a visitor: "Hello, <name>! Welcome to CodeMentor."
 * A missing, empty or blank name is "friend"; spaces around the name are removed.
 *
 * @param {string} [name]
 * @returns {string}
 */
export function greet(name = 'friend') {
  const trimmed = name.trim() || 'friend';
  return `Hello, ${trimmed}! Welcome to CodeMentor.`;
}

/**
 * The initials of a full name: "Ada Lovelace" -> "A.L.".
 *
 * @param {string} fullName words separated by any whitespace
 * @returns {string} '' for an empty or blank name
 */
export function initials(fullName) {
  const trimmed = fullName.trim();
  if (!trimmed) {
    return '';
  }
  return trimmed
    .split(/\s+/)
    .map((word) => `${word[0].toUpperCase()}.`)
    .join('');
}
