class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance.

    Keeps ``balance`` (the balance at the time) and ``requested`` (the amount asked for).
    """

    def __init__(self, balance, requested):
        raise NotImplementedError("Remove this line and implement the exception")


class BankAccount:
    """A bank account whose balance only changes through deposit, withdraw and transfer."""

    def __init__(self, owner, balance=0):
        """Open an account for ``owner``; a negative opening balance raises ValueError."""
        raise NotImplementedError("Remove this line and implement the class")

    @property
    def balance(self):
        """The current balance (read-only)."""
        raise NotImplementedError("Remove this line and implement the property")

    def deposit(self, amount):
        """Add ``amount`` (> 0, else ValueError) and return the new balance."""
        raise NotImplementedError("Remove this line and implement the method")

    def withdraw(self, amount):
        """Take out ``amount`` (> 0, else ValueError) and return the new balance.

        Raises InsufficientFundsError, changing nothing, when amount is more than the balance.
        """
        raise NotImplementedError("Remove this line and implement the method")

    def transfer(self, amount, other):
        """Move ``amount`` from this account to ``other``; on any error neither account changes."""
        raise NotImplementedError("Remove this line and implement the method")

    def history(self):
        """Return a new list of ("deposit" | "withdraw", amount) tuples, oldest first."""
        raise NotImplementedError("Remove this line and implement the method")
