def ranked(scores):
    """Return (name, score) pairs from the ``scores`` dict, highest score first, ties by name (A-Z, any case)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0].casefold()))


def top(scores, n):
    """Return the names of the first ``n`` players in ranked order."""
    return [name for name, _ in ranked(scores)[:n]]


def ranks(scores):
    """Return {name: rank}; tied scores share a rank and the next rank is skipped (1, 2, 2, 4)."""
    result = {}
    previous_score, previous_rank = None, 0
    for position, (name, score) in enumerate(ranked(scores), start=1):
        rank = previous_rank if score == previous_score else position
        result[name] = rank
        previous_score, previous_rank = score, rank
    return result
