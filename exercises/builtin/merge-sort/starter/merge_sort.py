def merge(left, right, key=None):
    """Merge two sorted lists into one new sorted list; on ties, items of ``left`` come first.

    ``key`` works as in ``sorted``: items are compared by key(item) when it is given.
    """
    raise NotImplementedError("Remove this line and implement the function")


def merge_sort(items, key=None):
    """Return a new list with ``items`` sorted (stable), without using sorted() or list.sort()."""
    raise NotImplementedError("Remove this line and implement the function")
