/**
 * @typedef {{ title: string, author: string, year: number }} Book
 */

const compareText = (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' });

const lastName = (author) => author.trim().split(/\s+/).at(-1);

const shelfKey = (title) => title.trim().replace(/^(the|an?)\s+/i, '');

/**
 * A new array of the books from oldest to newest; same-year books keep their order.
 *
 * @param {Book[]} books
 * @returns {Book[]}
 */
export function byYear(books) {
  // Array.prototype.sort is stable, so same-year books keep their order.
  return [...books].sort((a, b) => a.year - b.year);
}

/**
 * A new array sorted by the author's last name (ignoring case and accents), then by year.
 *
 * @param {Book[]} books
 * @returns {Book[]}
 */
export function byAuthor(books) {
  return [...books].sort((a, b) => compareText(lastName(a.author), lastName(b.author)) || a.year - b.year);
}

/**
 * A new array of titles in shelf order: ignoring case and a leading "The", "A" or "An".
 *
 * @param {string[]} titles
 * @returns {string[]}
 */
export function shelfOrder(titles) {
  return [...titles].sort((a, b) => compareText(shelfKey(a), shelfKey(b)));
}
