/**
 * Greets a visitor: "Hello, <name>! Welcome to CodeMentor."
 * A missing, empty or blank name is "friend"; spaces around the name are removed.
 *
 * @param {string} [name]
 * @returns {string}
 */
export function greet(name = 'friend') {
  throw new Error('Remove this line and implement the function');
}

/**
 * The initials of a full name: "Ada Lovelace" -> "A.L.".
 *
 * @param {string} fullName words separated by any whitespace
 * @returns {string} '' for an empty or blank name
 */
export function initials(fullName) {
  throw new Error('Remove this line and implement the function');
}
