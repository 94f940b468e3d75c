/**
 * A shopping cart with exact cent arithmetic and discount codes ('SAVE10', 'HALFPRICE').
 */
export class Cart {
  constructor() {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {string} name
   * @param {number} price finite, >= 0 (RangeError otherwise)
   * @param {number} [quantity=1] whole number >= 1 (RangeError otherwise)
   * @returns {this}
   */
  add(name, price, quantity = 1) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * Removes `quantity` units, or the whole line when `quantity` is left out.
   * Error for an unknown product; RangeError for a bad or too large quantity.
   *
   * @param {string} name
   * @param {number} [quantity]
   * @returns {this}
   */
  remove(name, quantity) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {string} name
   * @returns {number} units of that product, 0 when absent
   */
  quantityOf(name) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} units of all products together */
  get itemCount() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} sum of price x quantity, rounded to cents */
  get subtotal() {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * 'SAVE10' (10 % off) or 'HALFPRICE' (50 % off); anything else throws an Error.
   *
   * @param {string} code
   * @returns {this}
   */
  applyDiscount(code) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} the amount taken off, rounded to cents */
  get discount() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} subtotal - discount, rounded to cents */
  get total() {
    throw new Error('Remove this line and implement the function');
  }
}
