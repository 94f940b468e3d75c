import unittest

from rational_numbers import Rational


def parts(r):
    return (r.numerator, r.denominator)


class ConstructionTest(unittest.TestCase):
    def test_keeps_numerator_and_denominator(self):
        self.assertEqual(parts(Rational(3, 4)), (3, 4))

    def test_denominator_defaults_to_one(self):
        self.assertEqual(parts(Rational(5)), (5, 1))

    def test_reduces_to_lowest_terms(self):
        self.assertEqual(parts(Rational(6, 8)), (3, 4))

    def test_negative_denominator_moves_the_sign_to_the_numerator(self):
        self.assertEqual(parts(Rational(2, -4)), (-1, 2))

    def test_two_negatives_make_a_positive(self):
        self.assertEqual(parts(Rational(-3, -9)), (1, 3))

    def test_zero_is_zero_over_one(self):
        self.assertEqual(parts(Rational(0, -7)), (0, 1))

    def test_zero_denominator_raises(self):
        with self.assertRaises(ZeroDivisionError):
            Rational(1, 0)


class ArithmeticTest(unittest.TestCase):
    def test_add(self):
        self.assertEqual(parts(Rational(1, 2) + Rational(1, 3)), (5, 6))

    def test_add_gives_a_reduced_result(self):
        self.assertEqual(parts(Rational(1, 4) + Rational(1, 4)), (1, 2))

    def test_exact_where_floats_are_not(self):
        self.assertEqual(Rational(1, 10) + Rational(2, 10), Rational(3, 10))

    def test_subtract(self):
        self.assertEqual(parts(Rational(1, 2) - Rational(3, 4)), (-1, 4))

    def test_subtract_to_zero(self):
        self.assertEqual(parts(Rational(2, 3) - Rational(4, 6)), (0, 1))

    def test_multiply(self):
        self.assertEqual(parts(Rational(-2, 3) * Rational(3, 4)), (-1, 2))

    def test_divide(self):
        self.assertEqual(parts(Rational(3, 4) / Rational(3, 8)), (2, 1))

    def test_divide_by_a_negative(self):
        self.assertEqual(parts(Rational(1, 2) / Rational(-1, 4)), (-2, 1))

    def test_divide_by_zero_raises(self):
        with self.assertRaises(ZeroDivisionError):
            Rational(1, 2) / Rational(0, 5)

    def test_results_are_new_objects(self):
        a = Rational(1, 2)
        b = a + Rational(0)
        self.assertIsNot(a, b)
        self.assertEqual(parts(a), (1, 2))

    def test_int_on_the_right(self):
        self.assertEqual(parts(Rational(1, 2) + 1), (3, 2))
        self.assertEqual(parts(Rational(1, 2) - 1), (-1, 2))
        self.assertEqual(parts(Rational(1, 2) * 4), (2, 1))
        self.assertEqual(parts(Rational(1, 2) / 2), (1, 4))

    def test_int_on_the_left(self):
        self.assertEqual(parts(1 + Rational(1, 2)), (3, 2))
        self.assertEqual(parts(1 - Rational(1, 4)), (3, 4))
        self.assertEqual(parts(3 * Rational(1, 6)), (1, 2))
        self.assertEqual(parts(2 / Rational(4, 3)), (3, 2))

    def test_unsupported_operand_raises_type_error(self):
        with self.assertRaises(TypeError):
            Rational(1, 2) + "1/2"

    def test_negation_and_abs(self):
        self.assertEqual(parts(-Rational(3, 5)), (-3, 5))
        self.assertEqual(parts(abs(Rational(-3, 5))), (3, 5))


class ComparisonTest(unittest.TestCase):
    def test_equal_values_in_different_forms(self):
        self.assertEqual(Rational(2, 4), Rational(1, 2))

    def test_different_values_are_not_equal(self):
        self.assertNotEqual(Rational(1, 2), Rational(1, 3))

    def test_equal_to_an_int(self):
        self.assertTrue(Rational(4, 2) == 2)
        self.assertFalse(Rational(1, 2) == 0)

    def test_not_equal_to_a_string(self):
        self.assertFalse(Rational(1, 2) == "1/2")

    def test_less_than(self):
        self.assertTrue(Rational(1, 3) < Rational(1, 2))
        self.assertFalse(Rational(1, 2) < Rational(1, 3))

    def test_less_than_with_negatives(self):
        self.assertTrue(Rational(-1, 2) < Rational(-1, 3))

    def test_float_conversion(self):
        self.assertEqual(float(Rational(1, 8)), 0.125)
        self.assertAlmostEqual(float(Rational(-1, 3)), -0.3333333333333333)


class TextTest(unittest.TestCase):
    def test_str_of_a_fraction(self):
        self.assertEqual(str(Rational(6, -8)), "-3/4")

    def test_str_of_a_whole_number(self):
        self.assertEqual(str(Rational(10, 5)), "2")

    def test_repr(self):
        self.assertEqual(repr(Rational(3, 4)), "Rational(3, 4)")
        self.assertEqual(repr(Rational(4, 2)), "Rational(2, 1)")


if __name__ == "__main__":
    unittest.main()
