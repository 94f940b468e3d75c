from string import ascii_lowercase

ALPHABET = frozenset(ascii_lowercase)


def is_pangram(sentence):
    """Return True when ``sentence`` uses every letter a-z at least once (case-insensitive)."""
    return ALPHABET <= set(sentence.lower())
