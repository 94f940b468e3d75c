def count_words(text):
    """Return a dict mapping each lower-cased word in ``text`` to how often it appears.

    Words are runs of letters and digits; an apostrophe inside a word belongs to it.
    """
    raise NotImplementedError("Remove this line and implement the function")
