def ranked(scores):
    """Return (name, score) pairs from the ``scores`` dict, highest score first, ties by name (A-Z, any case)."""
    raise NotImplementedError("Remove this line and implement the function")


def top(scores, n):
    """Return the names of the first ``n`` players in ranked order."""
    raise NotImplementedError("Remove this line and implement the function")


def ranks(scores):
    """Return {name: rank}; tied scores share a rank and the next rank is skipped (1, 2, 2, 4)."""
    raise NotImplementedError("Remove this line and implement the function")
