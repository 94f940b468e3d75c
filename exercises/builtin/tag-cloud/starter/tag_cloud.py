def normalise(tags):
    """Return the set of tags with surrounding spaces removed, lower-cased, empty ones dropped."""
    raise NotImplementedError("Remove this line and implement the function")


def all_tags(posts):
    """Return the set of every normalised tag used on any of the posts (a list of tag lists)."""
    raise NotImplementedError("Remove this line and implement the function")


def shared_tags(a, b):
    """Return the set of normalised tags that appear in both tag lists."""
    raise NotImplementedError("Remove this line and implement the function")


def similarity(a, b):
    """Return shared tags / distinct tags of both lists, from 0.0 to 1.0 (0.0 when both are empty)."""
    raise NotImplementedError("Remove this line and implement the function")
