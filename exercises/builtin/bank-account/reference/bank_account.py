class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance.

    Keeps ``balance`` (the balance at the time) and ``requested`` (the amount asked for).
    """

    def __init__(self, balance, requested):
        super().__init__(f"cannot withdraw {requested}: balance is only {balance}")
        self.balance = balance
        self.requested = requested


def _check_amount(amount):
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")


class BankAccount:
    """A bank account whose balance only changes through deposit, withdraw and transfer."""

    def __init__(self, owner, balance=0):
        """Open an account for ``owner``; a negative opening balance raises ValueError."""
        if balance < 0:
            raise ValueError(f"opening balance cannot be negative, got {balance}")
        self.owner = owner
        self._balance = balance
        self._history = []

    @property
    def balance(self):
        """The current balance (read-only)."""
        return self._balance

    def deposit(self, amount):
        """Add ``amount`` (> 0, else ValueError) and return the new balance."""
        _check_amount(amount)
        self._balance += amount
        self._history.append(("deposit", amount))
        return self._balance

    def withdraw(self, amount):
        """Take out ``amount`` (> 0, else ValueError) and return the new balance.

        Raises InsufficientFundsError, changing nothing, when amount is more than the balance.
        """
        _check_amount(amount)
        if amount > self._balance:
            raise InsufficientFundsError(self._balance, amount)
        self._balance -= amount
        self._history.append(("withdraw", amount))
        return self._balance

    def transfer(self, amount, other):
        """Move ``amount`` from this account to ``other``; on any error neither account changes."""
        self.withdraw(amount)
        other.deposit(amount)

    def history(self):
        """Return a new list of ("deposit" | "withdraw", amount) tuples, oldest first."""
        return list(self._history)
