import { beforeEach, describe, expect, test } from '@jest/globals';
import { Cart } from './shopping-cart';

let cart;

beforeEach(() => {
  cart = new Cart();
});

describe('Cart', () => {
  describe('adding', () => {
    test('a new cart is empty', () => {
      expect(cart.itemCount).toBe(0);
      expect(cart.subtotal).toBe(0);
      expect(cart.total).toBe(0);
    });

    test('one product', () => {
      cart.add('book', 12.5);
      expect(cart.quantityOf('book')).toBe(1);
      expect(cart.subtotal).toBe(12.5);
    });

    test('a quantity', () => {
      cart.add('apple', 0.4, 3);
      expect(cart.quantityOf('apple')).toBe(3);
      expect(cart.subtotal).toBe(1.2);
    });

    test('adding the same product again increases its quantity, at the latest price', () => {
      cart.add('tea', 3, 1).add('tea', 2.5, 2);
      expect(cart.quantityOf('tea')).toBe(3);
      expect(cart.subtotal).toBe(7.5);
    });

    test('methods that change the cart return it', () => {
      expect(cart.add('a', 1)).toBe(cart);
      expect(cart.remove('a')).toBe(cart);
      expect(cart.applyDiscount('SAVE10')).toBe(cart);
    });

    test('cents add up exactly', () => {
      cart.add('apple', 0.1).add('pear', 0.2);
      expect(cart.subtotal).toBe(0.3);
    });

    test('many small prices add up exactly', () => {
      cart.add('sticker', 0.07, 100);
      expect(cart.subtotal).toBe(7);
    });

    test('a free product is allowed', () => {
      cart.add('sample', 0, 2);
      expect(cart.itemCount).toBe(2);
      expect(cart.subtotal).toBe(0);
    });

    test('a negative or non-number price is a RangeError', () => {
      expect(() => cart.add('x', -1)).toThrow(RangeError);
      expect(() => cart.add('x', NaN)).toThrow(RangeError);
      expect(() => cart.add('x', '3')).toThrow(RangeError);
      expect(cart.itemCount).toBe(0);
    });

    test('a quantity that is not a whole number of at least 1 is a RangeError', () => {
      expect(() => cart.add('x', 1, 0)).toThrow(RangeError);
      expect(() => cart.add('x', 1, -2)).toThrow(RangeError);
      expect(() => cart.add('x', 1, 1.5)).toThrow(RangeError);
      expect(cart.quantityOf('x')).toBe(0);
    });

    test('item count covers every product', () => {
      cart.add('a', 1, 2).add('b', 1, 3);
      expect(cart.itemCount).toBe(5);
    });
  });

  describe('removing', () => {
    beforeEach(() => {
      cart.add('apple', 0.1, 3).add('pear', 0.2);
    });

    test('some units', () => {
      cart.remove('apple', 1);
      expect(cart.quantityOf('apple')).toBe(2);
      expect(cart.subtotal).toBe(0.4);
    });

    test('the whole line when no quantity is given', () => {
      cart.remove('apple');
      expect(cart.quantityOf('apple')).toBe(0);
      expect(cart.itemCount).toBe(1);
    });

    test('removing every unit removes the product', () => {
      cart.remove('pear', 1);
      expect(cart.quantityOf('pear')).toBe(0);
      expect(cart.subtotal).toBe(0.3);
    });

    test('a product that is not in the cart is an Error', () => {
      expect(() => cart.remove('banana')).toThrow(Error);
    });

    test('more units than there are is a RangeError and changes nothing', () => {
      expect(() => cart.remove('apple', 4)).toThrow(RangeError);
      expect(cart.quantityOf('apple')).toBe(3);
    });

    test('a bad quantity is a RangeError', () => {
      expect(() => cart.remove('apple', 0)).toThrow(RangeError);
      expect(() => cart.remove('apple', 1.5)).toThrow(RangeError);
    });

    test('a removed product can be added again', () => {
      cart.remove('pear').add('pear', 1);
      expect(cart.quantityOf('pear')).toBe(1);
    });
  });

  describe('discounts', () => {
    test('no discount by default', () => {
      cart.add('book', 20);
      expect(cart.discount).toBe(0);
      expect(cart.total).toBe(20);
    });

    test('SAVE10 takes 10% off', () => {
      cart.add('apple', 0.1, 3).add('pear', 0.2);
      cart.applyDiscount('SAVE10');
      expect(cart.discount).toBe(0.05);
      expect(cart.total).toBe(0.45);
    });

    test('HALFPRICE takes 50% off', () => {
      cart.add('game', 59.98);
      cart.applyDiscount('HALFPRICE');
      expect(cart.discount).toBe(29.99);
      expect(cart.total).toBe(29.99);
    });

    test('the discount is rounded to cents', () => {
      cart.add('pen', 0.99, 3);
      cart.applyDiscount('SAVE10');
      expect(cart.discount).toBe(0.3);
      expect(cart.total).toBe(2.67);
    });

    test('the last code applied wins', () => {
      cart.add('book', 10);
      cart.applyDiscount('HALFPRICE').applyDiscount('SAVE10');
      expect(cart.total).toBe(9);
    });

    test('an unknown code is an Error and keeps the current discount', () => {
      cart.add('book', 10).applyDiscount('SAVE10');
      expect(() => cart.applyDiscount('FREE')).toThrow(/FREE/);
      expect(cart.total).toBe(9);
    });

    test('codes are case-sensitive', () => {
      expect(() => cart.applyDiscount('save10')).toThrow(Error);
    });

    test('the discount follows changes to the cart', () => {
      cart.applyDiscount('HALFPRICE');
      cart.add('book', 10);
      expect(cart.total).toBe(5);
      cart.add('book', 10);
      expect(cart.total).toBe(10);
    });
  });

  test('carts are independent', () => {
    const other = new Cart();
    cart.add('a', 1);
    expect(other.itemCount).toBe(0);
  });
});
