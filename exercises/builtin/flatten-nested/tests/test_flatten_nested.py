import unittest

from flatten_nested import flatten


class FlattenTest(unittest.TestCase):
    def test_empty_list(self):
        self.assertEqual(flatten([]), [])

    def test_flat_list_is_unchanged(self):
        self.assertEqual(flatten([1, 2, 3]), [1, 2, 3])

    def test_one_level_of_nesting(self):
        self.assertEqual(flatten([1, [2, 3], 4]), [1, 2, 3, 4])

    def test_several_levels_keep_the_order(self):
        self.assertEqual(flatten([1, [2, [3, [4, [5]]]], 6]), [1, 2, 3, 4, 5, 6])

    def test_only_empty_lists(self):
        self.assertEqual(flatten([[], [[]], [[[]]]]), [])

    def test_tuples_are_flattened_too(self):
        self.assertEqual(flatten([(1, 2), [3, (4, (5,))]]), [1, 2, 3, 4, 5])

    def test_none_is_dropped_at_every_level(self):
        self.assertEqual(flatten([None, 1, [None, [2, None]], None]), [1, 2])

    def test_falsy_values_other_than_none_are_kept(self):
        self.assertEqual(flatten([0, [False, ""], [[0.0]]]), [0, False, "", 0.0])

    def test_strings_are_not_split_into_letters(self):
        self.assertEqual(flatten(["abc", ["de", ["f"]]]), ["abc", "de", "f"])

    def test_other_values_are_kept_whole(self):
        self.assertEqual(flatten([{"a": 1}, [{2, 3}]]), [{"a": 1}, {2, 3}])

    def test_deep_nesting(self):
        nested = [42]
        for _ in range(200):
            nested = [nested]
        self.assertEqual(flatten(nested), [42])

    def test_input_is_not_changed(self):
        nested = [1, [2, [3]]]
        flatten(nested)
        self.assertEqual(nested, [1, [2, [3]]])

    def test_returns_a_new_list(self):
        flat = [1, 2]
        self.assertIsNot(flatten(flat), flat)


if __name__ == "__main__":
    unittest.main()
