def _identity(value):
    return value


def merge(left, right, key=None):
    """Merge two sorted lists into one new sorted list; on ties, items of ``left`` come first.

    ``key`` works as in ``sorted``: items are compared by key(item) when it is given.
    """
    key = key or _identity
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        # <= takes from the left on ties, which is what makes the sort stable.
        if key(left[i]) <= key(right[j]):
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def merge_sort(items, key=None):
    """Return a new list with ``items`` sorted (stable), without using sorted() or list.sort()."""
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    return merge(merge_sort(items[:middle], key), merge_sort(items[middle:], key), key)
