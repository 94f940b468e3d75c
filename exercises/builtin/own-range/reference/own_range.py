def stepper(start, stop=None, step=1):
    """Yield start, start + step, start + 2*step, ... up to (not including) stop, like range().

    Works with floats. stepper(stop) counts from 0. Raises ValueError when step is 0.
    """
    if stop is None:
        start, stop = 0, start
    if step == 0:
        raise ValueError("step must not be zero")
    i = 0
    value = start
    while (value < stop) if step > 0 else (value > stop):
        yield value
        i += 1
        value = start + i * step
