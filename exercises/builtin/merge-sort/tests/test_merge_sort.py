import unittest
from unittest import mock

from merge_sort import merge, merge_sort


class MergeTest(unittest.TestCase):
    def test_two_empty_lists(self):
        self.assertEqual(merge([], []), [])

    def test_one_empty_list(self):
        self.assertEqual(merge([1, 2], []), [1, 2])
        self.assertEqual(merge([], [1, 2]), [1, 2])

    def test_interleaved_lists(self):
        self.assertEqual(merge([1, 4, 9], [2, 3, 10]), [1, 2, 3, 4, 9, 10])

    def test_one_list_entirely_before_the_other(self):
        self.assertEqual(merge([5, 6], [1, 2, 3]), [1, 2, 3, 5, 6])

    def test_ties_take_the_left_item_first(self):
        left, right = [("b", 1)], [("a", 1)]
        self.assertEqual(merge(left, right, key=lambda pair: pair[1]), [("b", 1), ("a", 1)])

    def test_inputs_are_not_changed(self):
        left, right = [1, 3], [2]
        merge(left, right)
        self.assertEqual((left, right), ([1, 3], [2]))


class MergeSortTest(unittest.TestCase):
    def test_empty_list(self):
        self.assertEqual(merge_sort([]), [])

    def test_single_item(self):
        self.assertEqual(merge_sort([7]), [7])

    def test_two_items_out_of_order(self):
        self.assertEqual(merge_sort([2, 1]), [1, 2])

    def test_several_items_with_duplicates(self):
        self.assertEqual(merge_sort([5, 2, 9, 1, 5, 6]), [1, 2, 5, 5, 6, 9])

    def test_already_sorted(self):
        self.assertEqual(merge_sort([1, 2, 3, 4]), [1, 2, 3, 4])

    def test_reverse_sorted(self):
        self.assertEqual(merge_sort([9, 7, 5, 3, 1]), [1, 3, 5, 7, 9])

    def test_negative_numbers_and_floats(self):
        self.assertEqual(merge_sort([0, -2.5, 3, -10, 1.5]), [-10, -2.5, 0, 1.5, 3])

    def test_strings_sort_by_code_point(self):
        self.assertEqual(merge_sort(["pear", "Apple", "fig", "apple"]), ["Apple", "apple", "fig", "pear"])

    def test_key_function(self):
        self.assertEqual(merge_sort(["ccc", "a", "bb"], key=len), ["a", "bb", "ccc"])

    def test_sort_is_stable(self):
        words = ["pear", "fig", "apple", "kiwi", "plum", "date"]
        self.assertEqual(merge_sort(words, key=len), ["fig", "pear", "kiwi", "plum", "date", "apple"])

    def test_stable_on_records_with_equal_keys(self):
        people = [("Ada", 36), ("Bob", 25), ("Cy", 36), ("Di", 25)]
        self.assertEqual(
            merge_sort(people, key=lambda person: person[1]),
            [("Bob", 25), ("Di", 25), ("Ada", 36), ("Cy", 36)],
        )

    def test_input_is_not_changed(self):
        items = [3, 1, 2]
        merge_sort(items)
        self.assertEqual(items, [3, 1, 2])

    def test_returns_a_new_list_even_for_one_item(self):
        items = [1]
        self.assertIsNot(merge_sort(items), items)

    def test_a_thousand_items(self):
        items = [(i * 7919) % 1000 for i in range(1000)]
        self.assertEqual(merge_sort(items), list(range(1000)))

    def test_does_not_use_the_builtin_sorted(self):
        with mock.patch("builtins.sorted", side_effect=AssertionError("write your own merge instead of calling sorted()")):
            result = merge_sort([3, 1, 2])
        self.assertEqual(result, [1, 2, 3])


if __name__ == "__main__":
    unittest.main()
