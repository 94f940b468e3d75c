const DISCOUNT_PERCENT = { SAVE10: 10, HALFPRICE: 50 };

const isWholeAtLeastOne = (n) => Number.isInteger(n) && n >= 1;

/**
 * A shopping cart with exact cent arithmetic and discount codes ('SAVE10', 'HALFPRICE').
 */
export class Cart {
  /** @type {Map<string, { cents: number, quantity: number }>} */
  #lines = new Map();
  #percentOff = 0;

  /**
   * @param {string} name
   * @param {number} price finite, >= 0 (RangeError otherwise)
   * @param {number} [quantity=1] whole number >= 1 (RangeError otherwise)
   * @returns {this}
   */
  add(name, price, quantity = 1) {
    if (!Number.isFinite(price) || price < 0) {
      throw new RangeError(`price must be a number >= 0, got ${price}`);
    }
    if (!isWholeAtLeastOne(quantity)) {
      throw new RangeError(`quantity must be a whole number >= 1, got ${quantity}`);
    }
    const existing = this.#lines.get(name)?.quantity ?? 0;
    this.#lines.set(name, { cents: Math.round(price * 100), quantity: existing + quantity });
    return this;
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
    const line = this.#lines.get(name);
    if (!line) {
      throw new Error(`not in the cart: ${name}`);
    }
    const count = quantity ?? line.quantity;
    if (!isWholeAtLeastOne(count) || count > line.quantity) {
      throw new RangeError(`cannot remove ${quantity} of ${line.quantity} ${name}`);
    }
    if (count === line.quantity) {
      this.#lines.delete(name);
    } else {
      this.#lines.set(name, { ...line, quantity: line.quantity - count });
    }
    return this;
  }

  /**
   * @param {string} name
   * @returns {number} units of that product, 0 when absent
   */
  quantityOf(name) {
    return this.#lines.get(name)?.quantity ?? 0;
  }

  /** @returns {number} units of all products together */
  get itemCount() {
    let count = 0;
    for (const { quantity } of this.#lines.values()) {
      count += quantity;
    }
    return count;
  }

  /** @returns {number} sum of price x quantity, rounded to cents */
  get subtotal() {
    return this.#subtotalCents() / 100;
  }

  /**
   * 'SAVE10' (10 % off) or 'HALFPRICE' (50 % off); anything else throws an Error.
   *
   * @param {string} code
   * @returns {this}
   */
  applyDiscount(code) {
    if (!Object.hasOwn(DISCOUNT_PERCENT, code)) {
      throw new Error(`unknown discount code: ${code}`);
    }
    this.#percentOff = DISCOUNT_PERCENT[code];
    return this;
  }

  /** @returns {number} the amount taken off, rounded to cents */
  get discount() {
    return this.#discountCents() / 100;
  }

  /** @returns {number} subtotal - discount, rounded to cents */
  get total() {
    return (this.#subtotalCents() - this.#discountCents()) / 100;
  }

  #subtotalCents() {
    let cents = 0;
    for (const line of this.#lines.values()) {
      cents += line.cents * line.quantity;
    }
    return cents;
  }

  #discountCents() {
    return Math.round((this.#subtotalCents() * this.#percentOff) / 100);
  }
}
