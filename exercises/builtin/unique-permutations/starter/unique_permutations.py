def unique_permutations(text):
    """Return the sorted list of the different orderings of the characters of ``text``.

    unique_permutations("aab") == ["aab", "aba", "baa"]; unique_permutations("") == [""].
    """
    raise NotImplementedError("Remove this line and implement the function")
