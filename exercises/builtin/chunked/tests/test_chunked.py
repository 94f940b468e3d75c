import types
import unittest
from itertools import count, islice

from chunked import chunked, windows


class ChunkedTest(unittest.TestCase):
    def test_returns_a_generator(self):
        self.assertIsInstance(chunked([1, 2], 1), types.GeneratorType)

    def test_empty_input_gives_no_chunks(self):
        self.assertEqual(list(chunked([], 3)), [])

    def test_even_split(self):
        self.assertEqual(list(chunked([1, 2, 3, 4], 2)), [[1, 2], [3, 4]])

    def test_last_chunk_is_shorter(self):
        self.assertEqual(list(chunked([1, 2, 3, 4, 5], 2)), [[1, 2], [3, 4], [5]])

    def test_size_larger_than_input(self):
        self.assertEqual(list(chunked([1, 2], 5)), [[1, 2]])

    def test_size_one(self):
        self.assertEqual(list(chunked("abc", 1)), [["a"], ["b"], ["c"]])

    def test_chunks_are_lists(self):
        self.assertEqual(list(chunked(range(3), 3)), [[0, 1, 2]])

    def test_works_on_an_endless_iterator(self):
        self.assertEqual(list(islice(chunked(count(), 3), 2)), [[0, 1, 2], [3, 4, 5]])

    def test_works_on_a_one_shot_iterator(self):
        self.assertEqual(list(chunked(iter([1, 2, 3]), 2)), [[1, 2], [3]])

    def test_zero_size_raises_value_error(self):
        with self.assertRaises(ValueError):
            list(chunked([1, 2], 0))

    def test_negative_size_raises_value_error(self):
        with self.assertRaises(ValueError):
            list(chunked([1, 2], -1))


class WindowsTest(unittest.TestCase):
    def test_returns_a_generator(self):
        self.assertIsInstance(windows([1, 2], 1), types.GeneratorType)

    def test_windows_of_three(self):
        self.assertEqual(list(windows("abcd", 3)), [("a", "b", "c"), ("b", "c", "d")])

    def test_windows_of_one(self):
        self.assertEqual(list(windows([1, 2, 3], 1)), [(1,), (2,), (3,)])

    def test_exactly_one_window(self):
        self.assertEqual(list(windows([1, 2, 3], 3)), [(1, 2, 3)])

    def test_fewer_values_than_size_gives_no_windows(self):
        self.assertEqual(list(windows([1, 2], 3)), [])

    def test_empty_input(self):
        self.assertEqual(list(windows([], 2)), [])

    def test_works_on_an_endless_iterator(self):
        self.assertEqual(list(islice(windows(count(1), 2), 3)), [(1, 2), (2, 3), (3, 4)])

    def test_moving_average_use_case(self):
        temperatures = [20, 22, 24, 23, 21]
        averages = [round(sum(w) / len(w), 2) for w in windows(temperatures, 3)]
        self.assertEqual(averages, [22.0, 23.0, 22.67])

    def test_zero_size_raises_value_error(self):
        with self.assertRaises(ValueError):
            list(windows([1, 2], 0))


if __name__ == "__main__":
    unittest.main()
