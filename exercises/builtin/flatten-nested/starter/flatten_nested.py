def flatten(nested):
    """Return a new flat list of the values in ``nested``, opening lists and tuples at any depth.

    None values are dropped; strings and other values are kept whole.
    """
    raise NotImplementedError("Remove this line and implement the function")
