import math


class Rational:
    """An exact fraction numerator/denominator, always in lowest terms with denominator > 0.

    Supports +, -, *, / with Rational or int operands on either side, ==, <, unary -, abs(),
    float(), str() ("3/4" or "3") and repr() ("Rational(3, 4)").
    """

    def __init__(self, numerator, denominator=1):
        """Raises ZeroDivisionError when ``denominator`` is 0."""
        if denominator == 0:
            raise ZeroDivisionError("denominator must not be zero")
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        divisor = math.gcd(numerator, denominator)
        self.numerator = numerator // divisor
        self.denominator = denominator // divisor

    @staticmethod
    def _coerce(value):
        if isinstance(value, Rational):
            return value
        if isinstance(value, int):
            return Rational(value)
        return None

    def __add__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return Rational(
            self.numerator * other.denominator + other.numerator * self.denominator,
            self.denominator * other.denominator,
        )

    __radd__ = __add__

    def __neg__(self):
        return Rational(-self.numerator, self.denominator)

    def __sub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return self + -other

    def __rsub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return other - self

    def __mul__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return Rational(self.numerator * other.numerator, self.denominator * other.denominator)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        if other.numerator == 0:
            raise ZeroDivisionError("division by zero")
        return Rational(self.numerator * other.denominator, self.denominator * other.numerator)

    def __rtruediv__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return other / self

    def __eq__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return (self.numerator, self.denominator) == (other.numerator, other.denominator)

    def __hash__(self):
        return hash((self.numerator, self.denominator))

    def __lt__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return self.numerator * other.denominator < other.numerator * self.denominator

    def __abs__(self):
        return Rational(abs(self.numerator), self.denominator)

    def __float__(self):
        return self.numerator / self.denominator

    def __str__(self):
        if self.denominator == 1:
            return str(self.numerator)
        return f"{self.numerator}/{self.denominator}"

    def __repr__(self):
        return f"Rational({self.numerator}, {self.denominator})"
