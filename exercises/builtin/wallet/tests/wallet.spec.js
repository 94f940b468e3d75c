import { describe, expect, test } from '@jest/globals';
import { createWallet } from './wallet';

describe('createWallet', () => {
  describe('opening', () => {
    test('a new wallet is empty', () => {
      expect(createWallet().balance()).toBe(0);
    });

    test('an initial balance', () => {
      expect(createWallet(10).balance()).toBe(10);
    });

    test('a negative initial balance is a RangeError', () => {
      expect(() => createWallet(-5)).toThrow(RangeError);
    });

    test('a non-number initial balance is a RangeError', () => {
      expect(() => createWallet('10')).toThrow(RangeError);
      expect(() => createWallet(NaN)).toThrow(RangeError);
    });
  });

  describe('deposit and spend', () => {
    test('deposit returns the new balance', () => {
      const wallet = createWallet(10);
      expect(wallet.deposit(5)).toBe(15);
      expect(wallet.balance()).toBe(15);
    });

    test('spend returns the new balance', () => {
      const wallet = createWallet(10);
      expect(wallet.spend(4)).toBe(6);
      expect(wallet.balance()).toBe(6);
    });

    test('spending everything leaves zero', () => {
      const wallet = createWallet(10);
      expect(wallet.spend(10)).toBe(0);
    });

    test('bad amounts are RangeErrors and change nothing', () => {
      const wallet = createWallet(10);
      for (const amount of [0, -1, NaN, Infinity, '5', undefined]) {
        expect(() => wallet.deposit(amount)).toThrow(RangeError);
        expect(() => wallet.spend(amount)).toThrow(RangeError);
      }
      expect(wallet.balance()).toBe(10);
      expect(wallet.history()).toEqual([]);
    });

    test('overspending throws an insufficient-funds error and changes nothing', () => {
      const wallet = createWallet(3);
      expect(() => wallet.spend(50)).toThrow(/insufficient/);
      expect(wallet.balance()).toBe(3);
      expect(wallet.history()).toEqual([]);
    });

    test('overspending is not a RangeError', () => {
      const wallet = createWallet(3);
      let error;
      try {
        wallet.spend(50);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(RangeError);
    });

    test('amounts with cents', () => {
      const wallet = createWallet();
      wallet.deposit(0.1);
      wallet.deposit(0.2);
      expect(wallet.balance()).toBeCloseTo(0.3);
    });
  });

  describe('history', () => {
    test('a new wallet has no history', () => {
      expect(createWallet(100).history()).toEqual([]);
    });

    test('records successful operations in order', () => {
      const wallet = createWallet(10);
      wallet.deposit(5);
      wallet.spend(12);
      try {
        wallet.spend(50);
      } catch {
        // expected: not enough money
      }
      expect(wallet.history()).toEqual([
        { type: 'deposit', amount: 5 },
        { type: 'spend', amount: 12 },
      ]);
    });

    test('changing the returned history does not change the wallet', () => {
      const wallet = createWallet();
      wallet.deposit(5);
      const history = wallet.history();
      history.push({ type: 'deposit', amount: 1000 });
      history[0].amount = 1000;
      expect(wallet.history()).toEqual([{ type: 'deposit', amount: 5 }]);
    });
  });

  describe('privacy', () => {
    test('no property of the wallet holds the balance', () => {
      const wallet = createWallet(42);
      const values = Object.values(wallet);
      expect(values).not.toContain(42);
      expect(values.every((value) => typeof value === 'function')).toBe(true);
    });

    test('setting a balance property does not change the money', () => {
      const wallet = createWallet(1);
      wallet.money = 1000000;
      wallet._balance = 1000000;
      expect(wallet.balance()).toBe(1);
    });

    test('wallets are independent', () => {
      const a = createWallet(10);
      const b = createWallet(10);
      a.spend(7);
      expect(b.balance()).toBe(10);
      expect(b.history()).toEqual([]);
    });
  });
});
