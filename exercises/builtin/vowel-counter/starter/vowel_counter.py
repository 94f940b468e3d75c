def count_vowels(text):
    """Return how many of the characters in ``text`` are a, e, i, o or u (either case)."""
    raise NotImplementedError("Remove this line and implement the function")
