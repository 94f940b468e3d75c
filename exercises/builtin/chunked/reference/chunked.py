from collections import deque


def chunked(iterable, size):
    """Yield lists of ``size`` consecutive items from ``iterable``; the last one may be shorter.

    Raises ValueError when size is less than 1.
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def windows(iterable, size):
    """Yield each run of ``size`` consecutive items of ``iterable`` as a tuple, sliding by one.

    Raises ValueError when size is less than 1.
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    window = deque(maxlen=size)
    for item in iterable:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
