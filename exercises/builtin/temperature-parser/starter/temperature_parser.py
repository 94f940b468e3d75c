class TemperatureFormatError(ValueError):
    """Raised when a reading is not a temperature, such as "warm" or "21.5X"."""


class BelowAbsoluteZeroError(ValueError):
    """Raised when a reading is colder than absolute zero (-273.15 degrees Celsius)."""


def parse_temperature(text):
    """Return the reading ``text`` ("21.5C", "70 F", "300k") in degrees Celsius as a float.

    Raises TemperatureFormatError (with the text in its message) when it is not a temperature,
    and BelowAbsoluteZeroError when it is colder than -273.15 C.
    """
    raise NotImplementedError("Remove this line and implement the function")


def parse_many(texts):
    """Return (temperatures in C, rejected texts) for a list of readings, both in input order."""
    raise NotImplementedError("Remove this line and implement the function")
