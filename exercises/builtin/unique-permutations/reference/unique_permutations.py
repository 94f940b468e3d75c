def _permutations(text):
    if not text:
        return {""}
    results = set()
    seen_first = set()
    for i, first in enumerate(text):
        # Choosing an equal character as "first" again would only repeat the same results.
        if first in seen_first:
            continue
        seen_first.add(first)
        for rest in _permutations(text[:i] + text[i + 1:]):
            results.add(first + rest)
    return results


def unique_permutations(text):
    """Return the sorted list of the different orderings of the characters of ``text``.

    unique_permutations("aab") == ["aab", "aba", "baa"]; unique_permutations("") == [""].
    """
    return sorted(_permutations(text))
