def memoize(func):
    """Return a wrapper that calls ``func`` once per distinct tuple of positional arguments.

    Later calls with the same arguments return the remembered result. The wrapper has a
    ``cache_clear()`` method that forgets every remembered result.
    """
    raise NotImplementedError("Remove this line and implement the function")
