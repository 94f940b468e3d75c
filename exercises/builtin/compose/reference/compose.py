def pipe(*functions):
    """Return a function that applies ``functions`` left to right: pipe(f, g)(x) == g(f(x)).

    The first function gets all the arguments; with no functions, return the identity.
    """

    def run(*args):
        if not functions:
            (value,) = args
            return value
        first, *rest = functions
        value = first(*args)
        for function in rest:
            value = function(value)
        return value

    return run


def compose(*functions):
    """Return a function that applies ``functions`` right to left: compose(f, g)(x) == f(g(x)).

    The last function gets all the arguments; with no functions, return the identity.
    """
    return pipe(*reversed(functions))
