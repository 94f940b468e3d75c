def share(name="you"):
    """Return "One for <name>, one for me.".

    Spaces around ``name`` are removed; an empty or blank name means "you".
    """
    name = name.strip() or "you"
    return f"One for {name}, one for me."
