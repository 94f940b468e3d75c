def flatten(nested):
    """Return a new flat list of the values in ``nested``, opening lists and tuples at any depth.

    None values are dropped; strings and other values are kept whole.
    """
    flat = []
    for item in nested:
        if item is None:
            continue
        if isinstance(item, (list, tuple)):
            flat.extend(flatten(item))
        else:
            flat.append(item)
    return flat
