import types
import unittest
from itertools import islice

from own_range import stepper


class StepperTest(unittest.TestCase):
    def test_returns_a_generator(self):
        self.assertIsInstance(stepper(3), types.GeneratorType)

    def test_single_argument_counts_from_zero(self):
        self.assertEqual(list(stepper(4)), [0, 1, 2, 3])

    def test_start_and_stop(self):
        self.assertEqual(list(stepper(3, 7)), [3, 4, 5, 6])

    def test_custom_step_stops_before_passing_stop(self):
        self.assertEqual(list(stepper(2, 10, 3)), [2, 5, 8])

    def test_stop_itself_is_never_produced(self):
        self.assertEqual(list(stepper(0, 10, 5)), [0, 5])

    def test_negative_step_counts_down(self):
        self.assertEqual(list(stepper(5, 0, -2)), [5, 3, 1])

    def test_negative_numbers(self):
        self.assertEqual(list(stepper(-3, 1)), [-3, -2, -1, 0])

    def test_empty_when_start_equals_stop(self):
        self.assertEqual(list(stepper(3, 3)), [])

    def test_empty_when_counting_the_wrong_way(self):
        self.assertEqual(list(stepper(5, 1)), [])
        self.assertEqual(list(stepper(1, 5, -1)), [])

    def test_zero_and_negative_single_arguments_are_empty(self):
        self.assertEqual(list(stepper(0)), [])
        self.assertEqual(list(stepper(-2)), [])

    def test_matches_range_for_integers(self):
        for args in [(10,), (1, 10), (1, 10, 4), (10, 1, -3), (-5, 5, 2), (0, -1, -1)]:
            with self.subTest(args=args):
                self.assertEqual(list(stepper(*args)), list(range(*args)))

    def test_float_step(self):
        values = list(stepper(0, 1, 0.25))
        self.assertEqual(len(values), 4)
        for actual, expected in zip(values, [0.0, 0.25, 0.5, 0.75]):
            self.assertAlmostEqual(actual, expected)

    def test_float_step_does_not_drift(self):
        values = list(stepper(0, 1, 0.1))
        self.assertEqual(len(values), 10)
        self.assertEqual(values[8], 8 * 0.1)
        self.assertEqual(values[-1], 9 * 0.1)

    def test_is_lazy_for_a_huge_stop(self):
        self.assertEqual(list(islice(stepper(10**18), 3)), [0, 1, 2])

    def test_next_gives_one_value_at_a_time(self):
        gen = stepper(2)
        self.assertEqual(next(gen), 0)
        self.assertEqual(next(gen), 1)
        with self.assertRaises(StopIteration):
            next(gen)

    def test_zero_step_raises_value_error(self):
        with self.assertRaises(ValueError):
            list(stepper(0, 10, 0))


if __name__ == "__main__":
    unittest.main()
