def normalise(tags):
    """Return the set of tags with surrounding spaces removed, lower-cased, empty ones dropped."""
    return {tag.strip().lower() for tag in tags} - {""}


def all_tags(posts):
    """Return the set of every normalised tag used on any of the posts (a list of tag lists)."""
    result = set()
    for tags in posts:
        result |= normalise(tags)
    return result


def shared_tags(a, b):
    """Return the set of normalised tags that appear in both tag lists."""
    return normalise(a) & normalise(b)


def similarity(a, b):
    """Return shared tags / distinct tags of both lists, from 0.0 to 1.0 (0.0 when both are empty)."""
    left, right = normalise(a), normalise(b)
    together = left | right
    if not together:
        return 0.0
    return len(left & right) / len(together)
