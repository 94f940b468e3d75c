import math

ABSOLUTE_ZERO_C = -273.15

TO_CELSIUS = {
    "c": lambda value: value,
    "f": lambda value: (value - 32) * 5 / 9,
    "k": lambda value: value + ABSOLUTE_ZERO_C,
}


class TemperatureFormatError(ValueError):
    """Raised when a reading is not a temperature, such as "warm" or "21.5X"."""


class BelowAbsoluteZeroError(ValueError):
    """Raised when a reading is colder than absolute zero (-273.15 degrees Celsius)."""


def parse_temperature(text):
    """Return the reading ``text`` ("21.5C", "70 F", "300k") in degrees Celsius as a float.

    Raises TemperatureFormatError (with the text in its message) when it is not a temperature,
    and BelowAbsoluteZeroError when it is colder than -273.15 C.
    """
    cleaned = text.strip()
    convert = TO_CELSIUS.get(cleaned[-1:].lower())
    if convert is None:
        raise TemperatureFormatError(f"not a temperature: {text!r}")
    try:
        value = float(cleaned[:-1])
    except ValueError as err:
        raise TemperatureFormatError(f"not a temperature: {text!r}") from err
    if not math.isfinite(value):
        raise TemperatureFormatError(f"not a temperature: {text!r}")
    celsius = convert(value)
    if celsius < ABSOLUTE_ZERO_C:
        raise BelowAbsoluteZeroError(f"colder than absolute zero: {text!r}")
    return celsius


def parse_many(texts):
    """Return (temperatures in C, rejected texts) for a list of readings, both in input order."""
    temperatures, rejected = [], []
    for text in texts:
        try:
            temperatures.append(parse_temperature(text))
        except ValueError:
            rejected.append(text)
    return temperatures, rejected
