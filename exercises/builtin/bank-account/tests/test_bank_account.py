import unittest

from bank_account import BankAccount, InsufficientFundsError


class OpeningTest(unittest.TestCase):
    def test_new_account_has_zero_balance(self):
        self.assertEqual(BankAccount("Ada").balance, 0)

    def test_opening_balance(self):
        self.assertEqual(BankAccount("Ada", 100).balance, 100)

    def test_owner_is_kept(self):
        self.assertEqual(BankAccount("Ada Lovelace").owner, "Ada Lovelace")

    def test_negative_opening_balance_raises_value_error(self):
        with self.assertRaises(ValueError):
            BankAccount("Ada", -1)

    def test_balance_cannot_be_assigned(self):
        account = BankAccount("Ada", 10)
        with self.assertRaises(AttributeError):
            account.balance = 1_000_000
        self.assertEqual(account.balance, 10)

    def test_accounts_are_independent(self):
        a, b = BankAccount("A"), BankAccount("B")
        a.deposit(5)
        self.assertEqual(b.balance, 0)
        self.assertEqual(b.history(), [])


class DepositWithdrawTest(unittest.TestCase):
    def test_deposit_returns_the_new_balance(self):
        account = BankAccount("Ada", 100)
        self.assertEqual(account.deposit(50), 150)
        self.assertEqual(account.balance, 150)

    def test_withdraw_returns_the_new_balance(self):
        account = BankAccount("Ada", 100)
        self.assertEqual(account.withdraw(30), 70)
        self.assertEqual(account.balance, 70)

    def test_withdraw_everything(self):
        account = BankAccount("Ada", 100)
        self.assertEqual(account.withdraw(100), 0)

    def test_deposit_of_zero_or_less_raises_value_error(self):
        account = BankAccount("Ada", 100)
        for amount in (0, -5):
            with self.subTest(amount=amount):
                with self.assertRaises(ValueError):
                    account.deposit(amount)
        self.assertEqual(account.balance, 100)

    def test_withdraw_of_zero_or_less_raises_value_error(self):
        account = BankAccount("Ada", 100)
        for amount in (0, -5):
            with self.subTest(amount=amount):
                with self.assertRaises(ValueError):
                    account.withdraw(amount)
        self.assertEqual(account.balance, 100)

    def test_overdraw_raises_insufficient_funds_and_changes_nothing(self):
        account = BankAccount("Ada", 120)
        with self.assertRaises(InsufficientFundsError):
            account.withdraw(500)
        self.assertEqual(account.balance, 120)
        self.assertEqual(account.history(), [])

    def test_insufficient_funds_error_carries_the_details(self):
        account = BankAccount("Ada", 120)
        with self.assertRaises(InsufficientFundsError) as err:
            account.withdraw(500)
        self.assertEqual(err.exception.balance, 120)
        self.assertEqual(err.exception.requested, 500)
        self.assertIn("500", str(err.exception))

    def test_insufficient_funds_error_is_an_exception(self):
        self.assertTrue(issubclass(InsufficientFundsError, Exception))
        self.assertFalse(issubclass(InsufficientFundsError, ValueError))

    def test_amounts_with_cents(self):
        account = BankAccount("Ada")
        account.deposit(0.1)
        account.deposit(0.2)
        self.assertAlmostEqual(account.balance, 0.3)


class TransferTest(unittest.TestCase):
    def test_transfer_moves_money(self):
        ada, bob = BankAccount("Ada", 100), BankAccount("Bob")
        ada.transfer(20, bob)
        self.assertEqual((ada.balance, bob.balance), (80, 20))

    def test_failed_transfer_changes_neither_account(self):
        ada, bob = BankAccount("Ada", 10), BankAccount("Bob", 5)
        with self.assertRaises(InsufficientFundsError):
            ada.transfer(20, bob)
        self.assertEqual((ada.balance, bob.balance), (10, 5))
        self.assertEqual(bob.history(), [])

    def test_transfer_of_a_negative_amount_raises_value_error(self):
        ada, bob = BankAccount("Ada", 10), BankAccount("Bob", 5)
        with self.assertRaises(ValueError):
            ada.transfer(-5, bob)
        self.assertEqual((ada.balance, bob.balance), (10, 5))


class HistoryTest(unittest.TestCase):
    def test_history_lists_successful_operations_in_order(self):
        ada, bob = BankAccount("Ada", 100), BankAccount("Bob")
        ada.deposit(50)
        ada.withdraw(30)
        try:
            ada.withdraw(1000)
        except InsufficientFundsError:
            pass
        ada.transfer(20, bob)
        self.assertEqual(ada.history(), [("deposit", 50), ("withdraw", 30), ("withdraw", 20)])
        self.assertEqual(bob.history(), [("deposit", 20)])

    def test_changing_the_returned_history_does_not_change_the_account(self):
        account = BankAccount("Ada")
        account.deposit(5)
        account.history().append(("deposit", 1_000_000))
        self.assertEqual(account.history(), [("deposit", 5)])


if __name__ == "__main__":
    unittest.main()
