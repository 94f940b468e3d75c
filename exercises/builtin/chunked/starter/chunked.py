def chunked(iterable, size):
    """Yield lists of ``size`` consecutive items from ``iterable``; the last one may be shorter.

    Raises ValueError when size is less than 1.
    """
    raise NotImplementedError("Remove this line and implement the function")


def windows(iterable, size):
    """Yield each run of ``size`` consecutive items of ``iterable`` as a tuple, sliding by one.

    Raises ValueError when size is less than 1.
    """
    raise NotImplementedError("Remove this line and implement the function")
