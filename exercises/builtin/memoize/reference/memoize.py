import functools


def memoize(func):
    """Return a wrapper that calls ``func`` once per distinct tuple of positional arguments.

    Later calls with the same arguments return the remembered result. The wrapper has a
    ``cache_clear()`` method that forgets every remembered result.
    """
    cache = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]

    wrapper.cache_clear = cache.clear
    return wrapper
