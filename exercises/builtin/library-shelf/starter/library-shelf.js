/**
 * @typedef {{ title: string, author: string, year: number }} Book
 */

/**
 * A new array of the books from oldest to newest; same-year books keep their order.
 *
 * @param {Book[]} books
 * @returns {Book[]}
 */
export function byYear(books) {
  throw new Error('Remove this line and implement the function');
}

/**
 * A new array sorted by the author's last name (ignoring case and accents), then by year.
 *
 * @param {Book[]} books
 * @returns {Book[]}
 */
export function byAuthor(books) {
  throw new Error('Remove this line and implement the function');
}

/**
 * A new array of titles in shelf order: ignoring case and a leading "The", "A" or "An".
 *
 * @param {string[]} titles
 * @returns {string[]}
 */
export function shelfOrder(titles) {
  throw new Error('Remove this line and implement the function');
}
