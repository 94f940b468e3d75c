def make_counter(start=0, step=1):
    """Return a function that returns start, start + step, start + 2*step, ... on successive calls."""
    raise NotImplementedError("Remove this line and implement the function")


def make_accumulator(total=0):
    """Return a function add(amount) that adds amount to a running total and returns the new total."""
    raise NotImplementedError("Remove this line and implement the function")
