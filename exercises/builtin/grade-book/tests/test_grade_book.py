import unittest

from grade_book import letter_grade


class LetterGradeTest(unittest.TestCase):
    def test_perfect_score_is_an_a(self):
        self.assertEqual(letter_grade(100), "A")

    def test_exactly_90_is_an_a(self):
        self.assertEqual(letter_grade(90), "A")

    def test_just_below_90_is_a_b_not_rounded_up(self):
        self.assertEqual(letter_grade(89.9), "B")

    def test_exactly_80_is_a_b(self):
        self.assertEqual(letter_grade(80), "B")

    def test_middle_of_the_c_band(self):
        self.assertEqual(letter_grade(75), "C")

    def test_exactly_70_is_a_c(self):
        self.assertEqual(letter_grade(70), "C")

    def test_exactly_60_is_a_d(self):
        self.assertEqual(letter_grade(60), "D")

    def test_just_below_60_is_an_f(self):
        self.assertEqual(letter_grade(59.99), "F")

    def test_zero_is_an_f(self):
        self.assertEqual(letter_grade(0), "F")

    def test_score_above_100_raises_value_error(self):
        with self.assertRaises(ValueError) as err:
            letter_grade(101)
        self.assertTrue(str(err.exception), "the error should have a message")

    def test_slightly_above_100_raises_value_error(self):
        with self.assertRaises(ValueError):
            letter_grade(100.5)

    def test_negative_score_raises_value_error(self):
        with self.assertRaises(ValueError) as err:
            letter_grade(-1)
        self.assertTrue(str(err.exception), "the error should have a message")


if __name__ == "__main__":
    unittest.main()
