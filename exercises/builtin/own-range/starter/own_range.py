def stepper(start, stop=None, step=1):
    """Yield start, start + step, start + 2*step, ... up to (not including) stop, like range().

    Works with floats. stepper(stop) counts from 0. Raises ValueError when step is 0.
    """
    raise NotImplementedError("Remove this line and implement the function")
