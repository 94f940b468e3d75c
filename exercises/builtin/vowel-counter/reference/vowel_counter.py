VOWELS = "aeiou"


def count_vowels(text):
    """Return how many of the characters in ``text`` are a, e, i, o or u (either case)."""
    count = 0
    for ch in text.lower():
        if ch in VOWELS:
            count += 1
    return count
