def prime_factors(n):
    """Return the prime factors of ``n`` in ascending order, with repeats (60 -> [2, 2, 3, 5]).

    Raises ValueError when n is less than 1.
    """
    if n < 1:
        raise ValueError(f"n must be a positive integer, got {n}")
    factors = []
    divisor = 2
    while divisor * divisor <= n:
        while n % divisor == 0:
            factors.append(divisor)
            n //= divisor
        divisor += 1
    if n > 1:
        factors.append(n)
    return factors
