import itertools
import math
import unittest
from unittest import mock

from unique_permutations import unique_permutations


class UniquePermutationsTest(unittest.TestCase):
    def test_empty_string_has_one_empty_permutation(self):
        self.assertEqual(unique_permutations(""), [""])

    def test_single_character(self):
        self.assertEqual(unique_permutations("a"), ["a"])

    def test_two_characters(self):
        self.assertEqual(unique_permutations("ba"), ["ab", "ba"])

    def test_three_characters_sorted(self):
        self.assertEqual(unique_permutations("cab"), ["abc", "acb", "bac", "bca", "cab", "cba"])

    def test_repeated_character_gives_no_duplicates(self):
        self.assertEqual(unique_permutations("aab"), ["aab", "aba", "baa"])

    def test_all_characters_the_same(self):
        self.assertEqual(unique_permutations("zzzz"), ["zzzz"])

    def test_two_pairs(self):
        self.assertEqual(
            unique_permutations("abab"), ["aabb", "abab", "abba", "baab", "baba", "bbaa"]
        )

    def test_upper_and_lower_case_are_different_characters(self):
        self.assertEqual(unique_permutations("aA"), ["Aa", "aA"])

    def test_spaces_and_digits(self):
        self.assertEqual(unique_permutations("1 "), [" 1", "1 "])

    def test_emoji_are_single_characters(self):
        self.assertEqual(unique_permutations("🙂a"), ["a🙂", "🙂a"])

    def test_count_for_distinct_characters(self):
        result = unique_permutations("abcdefg")
        self.assertEqual(len(result), math.factorial(7))
        self.assertEqual(len(set(result)), len(result))

    def test_count_with_repeats(self):
        # 8! / (3! * 2!) arrangements of "aaabbcde"
        self.assertEqual(len(unique_permutations("aaabbcde")), 3360)

    def test_each_result_uses_exactly_the_same_characters(self):
        for p in unique_permutations("hello"):
            self.assertEqual(sorted(p), sorted("hello"))

    def test_does_not_use_itertools_permutations(self):
        with mock.patch.object(itertools, "permutations", side_effect=AssertionError("write the recursion yourself")):
            self.assertEqual(unique_permutations("ab"), ["ab", "ba"])


if __name__ == "__main__":
    unittest.main()
