import unittest

from leap_year import is_leap_year


class LeapYearTest(unittest.TestCase):
    def test_year_not_divisible_by_4_is_common(self):
        self.assertIs(is_leap_year(2015), False)

    def test_year_divisible_by_2_but_not_4_is_common(self):
        self.assertIs(is_leap_year(1970), False)

    def test_year_divisible_by_4_not_by_100_is_leap(self):
        self.assertIs(is_leap_year(1996), True)

    def test_recent_leap_year(self):
        self.assertIs(is_leap_year(2024), True)

    def test_year_divisible_by_4_and_5_is_still_leap(self):
        self.assertIs(is_leap_year(1960), True)

    def test_year_divisible_by_100_not_by_400_is_common(self):
        self.assertIs(is_leap_year(1900), False)

    def test_another_century_that_is_common(self):
        self.assertIs(is_leap_year(2100), False)

    def test_year_divisible_by_400_is_leap(self):
        self.assertIs(is_leap_year(2000), True)

    def test_year_divisible_by_400_but_not_125_is_leap(self):
        self.assertIs(is_leap_year(2400), True)

    def test_year_divisible_by_200_not_by_400_is_common(self):
        self.assertIs(is_leap_year(1800), False)

    def test_year_zero_is_leap(self):
        self.assertIs(is_leap_year(0), True)

    def test_negative_years_follow_the_same_rules(self):
        self.assertIs(is_leap_year(-4), True)
        self.assertIs(is_leap_year(-100), False)
        self.assertIs(is_leap_year(-1), False)


if __name__ == "__main__":
    unittest.main()
