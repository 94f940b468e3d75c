import unittest

from running_totals import running_totals


class RunningTotalsTest(unittest.TestCase):
    def test_empty_list_gives_empty_list(self):
        self.assertEqual(running_totals([]), [])

    def test_single_number(self):
        self.assertEqual(running_totals([7]), [7])

    def test_several_numbers(self):
        self.assertEqual(running_totals([3, 1, 4, 1, 5]), [3, 4, 8, 9, 14])

    def test_negative_numbers_reduce_the_total(self):
        self.assertEqual(running_totals([10, -4, -6]), [10, 6, 0])

    def test_all_negative(self):
        self.assertEqual(running_totals([-1, -2, -3]), [-1, -3, -6])

    def test_zeros_repeat_the_total(self):
        self.assertEqual(running_totals([0, 5, 0, 0]), [0, 5, 5, 5])

    def test_floats(self):
        result = running_totals([0.5, 0.25, 0.25])
        self.assertEqual(len(result), 3)
        for actual, expected in zip(result, [0.5, 0.75, 1.0]):
            self.assertAlmostEqual(actual, expected)

    def test_input_list_is_not_changed(self):
        numbers = [1, 2, 3]
        running_totals(numbers)
        self.assertEqual(numbers, [1, 2, 3])

    def test_returns_a_new_list(self):
        numbers = [5]
        self.assertIsNot(running_totals(numbers), numbers)

    def test_long_list(self):
        self.assertEqual(running_totals([1] * 1000)[-1], 1000)


if __name__ == "__main__":
    unittest.main()
