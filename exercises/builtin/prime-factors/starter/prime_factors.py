def prime_factors(n):
    """Return the prime factors of ``n`` in ascending order, with repeats (60 -> [2, 2, 3, 5]).

    Raises ValueError when n is less than 1.
    """
    raise NotImplementedError("Remove this line and implement the function")
