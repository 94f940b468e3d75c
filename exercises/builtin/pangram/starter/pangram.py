def is_pangram(sentence):
    """Return True when ``sentence`` uses every letter a-z at least once (case-insensitive)."""
    raise NotImplementedError("Remove this line and implement the function")
