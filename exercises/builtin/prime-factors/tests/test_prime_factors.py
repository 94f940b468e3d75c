import unittest

from prime_factors import prime_factors


class PrimeFactorsTest(unittest.TestCase):
    def test_one_has_no_prime_factors(self):
        self.assertEqual(prime_factors(1), [])

    def test_two_is_prime(self):
        self.assertEqual(prime_factors(2), [2])

    def test_another_prime(self):
        self.assertEqual(prime_factors(13), [13])

    def test_square_of_a_prime(self):
        self.assertEqual(prime_factors(9), [3, 3])

    def test_cube_of_a_prime(self):
        self.assertEqual(prime_factors(8), [2, 2, 2])

    def test_power_of_two(self):
        self.assertEqual(prime_factors(1024), [2] * 10)

    def test_product_of_two_primes(self):
        self.assertEqual(prime_factors(6), [2, 3])

    def test_repeated_and_distinct_factors_in_ascending_order(self):
        self.assertEqual(prime_factors(60), [2, 2, 3, 5])

    def test_product_of_larger_primes(self):
        self.assertEqual(prime_factors(901255), [5, 17, 23, 461])

    def test_the_last_factor_is_large(self):
        self.assertEqual(prime_factors(2 * 999983), [2, 999983])

    def test_very_large_number(self):
        self.assertEqual(prime_factors(600851475143), [71, 839, 1471, 6857])

    def test_factors_multiply_back_to_the_number(self):
        product = 1
        for factor in prime_factors(93819012551):
            product *= factor
        self.assertEqual(product, 93819012551)

    def test_large_prime_is_fast(self):
        self.assertEqual(prime_factors(2147483647), [2147483647])

    def test_zero_raises_value_error(self):
        with self.assertRaises(ValueError):
            prime_factors(0)

    def test_negative_number_raises_value_error(self):
        with self.assertRaises(ValueError):
            prime_factors(-12)


if __name__ == "__main__":
    unittest.main()
