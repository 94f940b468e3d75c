def find_anagrams(word, candidates):
    """Return the candidates that are anagrams of ``word``, ignoring case.

    A word is not its own anagram. The result keeps the candidates' order and spelling.
    """
    lowered = word.lower()
    key = sorted(lowered)
    return [
        candidate
        for candidate in candidates
        if candidate.lower() != lowered and sorted(candidate.lower()) == key
    ]
