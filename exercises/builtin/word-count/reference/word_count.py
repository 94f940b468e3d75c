import re
from collections import Counter

# Letters or digits (any script, no underscore), optionally joined by single inner apostrophes.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def count_words(text):
    """Return a dict mapping each lower-cased word in ``text`` to how often it appears.

    Words are runs of letters and digits; an apostrophe inside a word belongs to it.
    """
    return dict(Counter(WORD.findall(text.lower())))
