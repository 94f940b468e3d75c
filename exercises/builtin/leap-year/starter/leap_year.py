def is_leap_year(year):
    """Return True when ``year`` (an int) is a leap year in the Gregorian calendar."""
    raise NotImplementedError("Remove this line and implement the function")
