def make_counter(start=0, step=1):
    """Return a function that returns start, start + step, start + 2*step, ... on successive calls."""
    current = start

    def next_value():
        nonlocal current
        value = current
        current += step
        return value

    return next_value


def make_accumulator(total=0):
    """Return a function add(amount) that adds amount to a running total and returns the new total."""

    def add(amount):
        nonlocal total
        total += amount
        return total

    return add
