class Rational:
    """An exact fraction numerator/denominator, always in lowest terms with denominator > 0.

    Supports +, -, *, / with Rational or int operands on either side, ==, <, unary -, abs(),
    float(), str() ("3/4" or "3") and repr() ("Rational(3, 4)").
    """

    def __init__(self, numerator, denominator=1):
        """Raises ZeroDivisionError when ``denominator`` is 0."""
        raise NotImplementedError("Remove this line and implement the class")
