def is_balanced(text):
    """Return True when every (, [ and { in ``text`` is closed by its partner in the right order."""
    raise NotImplementedError("Remove this line and implement the function")


def first_error(text):
    """Return the index of the first bracket problem in ``text``, or None when it is balanced.

    A wrong or unexpected closer is reported at its own index; otherwise the first opener that is
    never closed.
    """
    raise NotImplementedError("Remove this line and implement the function")
