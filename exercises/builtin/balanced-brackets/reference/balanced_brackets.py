PAIRS = {")": "(", "]": "[", "}": "{"}
OPENERS = set(PAIRS.values())


def is_balanced(text):
    """Return True when every (, [ and { in ``text`` is closed by its partner in the right order."""
    return first_error(text) is None


def first_error(text):
    """Return the index of the first bracket problem in ``text``, or None when it is balanced.

    A wrong or unexpected closer is reported at its own index; otherwise the first opener that is
    never closed.
    """
    stack = []
    for index, ch in enumerate(text):
        if ch in OPENERS:
            stack.append((index, ch))
        elif ch in PAIRS:
            if not stack or stack[-1][1] != PAIRS[ch]:
                return index
            stack.pop()
    if stack:
        return stack[0][0]
    return None
