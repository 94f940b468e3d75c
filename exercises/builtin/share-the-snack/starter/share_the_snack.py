def share(name="you"):
    """Return "One for <name>, one for me.".

    Spaces around ``name`` are removed; an empty or blank name means "you".
    """
    raise NotImplementedError("Remove this line and implement the function")
