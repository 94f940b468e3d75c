import unittest

from temperature_parser import (
    BelowAbsoluteZeroError,
    TemperatureFormatError,
    parse_many,
    parse_temperature,
)


class ParseTemperatureTest(unittest.TestCase):
    def test_celsius(self):
        self.assertAlmostEqual(parse_temperature("21.5C"), 21.5)

    def test_returns_a_float_for_a_whole_number(self):
        result = parse_temperature("20C")
        self.assertIsInstance(result, float)
        self.assertEqual(result, 20.0)

    def test_negative_celsius(self):
        self.assertAlmostEqual(parse_temperature("-3.5C"), -3.5)

    def test_fahrenheit_boiling_point(self):
        self.assertAlmostEqual(parse_temperature("212F"), 100.0)

    def test_fahrenheit_below_zero(self):
        self.assertAlmostEqual(parse_temperature("-40F"), -40.0)

    def test_kelvin(self):
        self.assertAlmostEqual(parse_temperature("300K"), 26.85)

    def test_absolute_zero_itself_is_allowed(self):
        self.assertAlmostEqual(parse_temperature("0K"), -273.15)

    def test_lower_case_units(self):
        self.assertAlmostEqual(parse_temperature("50f"), 10.0)
        self.assertAlmostEqual(parse_temperature("273.15k"), 0.0)

    def test_spaces_around_and_before_the_unit(self):
        self.assertAlmostEqual(parse_temperature("  212 f "), 100.0)

    def test_word_is_a_format_error(self):
        with self.assertRaises(TemperatureFormatError):
            parse_temperature("warm")

    def test_unknown_unit_is_a_format_error(self):
        with self.assertRaises(TemperatureFormatError):
            parse_temperature("21.5X")

    def test_missing_unit_is_a_format_error(self):
        with self.assertRaises(TemperatureFormatError):
            parse_temperature("21.5")

    def test_missing_number_is_a_format_error(self):
        with self.assertRaises(TemperatureFormatError):
            parse_temperature("C")

    def test_empty_text_is_a_format_error(self):
        with self.assertRaises(TemperatureFormatError):
            parse_temperature("")

    def test_not_a_number_and_infinity_are_format_errors(self):
        for text in ("nanC", "infF", "-infK"):
            with self.subTest(text=text):
                with self.assertRaises(TemperatureFormatError):
                    parse_temperature(text)

    def test_format_error_message_contains_the_text(self):
        with self.assertRaises(TemperatureFormatError) as err:
            parse_temperature("12..5C")
        self.assertIn("12..5C", str(err.exception))

    def test_format_error_is_a_value_error(self):
        self.assertTrue(issubclass(TemperatureFormatError, ValueError))
        with self.assertRaises(ValueError):
            parse_temperature("hot")

    def test_below_absolute_zero_in_celsius(self):
        with self.assertRaises(BelowAbsoluteZeroError):
            parse_temperature("-300C")

    def test_below_absolute_zero_in_kelvin(self):
        with self.assertRaises(BelowAbsoluteZeroError):
            parse_temperature("-1K")

    def test_below_absolute_zero_in_fahrenheit(self):
        with self.assertRaises(BelowAbsoluteZeroError):
            parse_temperature("-500F")

    def test_below_absolute_zero_is_not_a_format_error(self):
        with self.assertRaises(BelowAbsoluteZeroError) as err:
            parse_temperature("-300C")
        self.assertNotIsInstance(err.exception, TemperatureFormatError)
        self.assertIsInstance(err.exception, ValueError)


class ParseManyTest(unittest.TestCase):
    def test_no_readings(self):
        self.assertEqual(parse_many([]), ([], []))

    def test_all_good(self):
        temperatures, rejected = parse_many(["10C", "50F"])
        self.assertEqual(len(temperatures), 2)
        self.assertAlmostEqual(temperatures[0], 10.0)
        self.assertAlmostEqual(temperatures[1], 10.0)
        self.assertEqual(rejected, [])

    def test_bad_readings_are_collected_in_order(self):
        temperatures, rejected = parse_many(["10C", "oops", "-300C", "273.15K", ""])
        self.assertEqual(len(temperatures), 2)
        self.assertAlmostEqual(temperatures[0], 10.0)
        self.assertAlmostEqual(temperatures[1], 0.0)
        self.assertEqual(rejected, ["oops", "-300C", ""])


if __name__ == "__main__":
    unittest.main()
