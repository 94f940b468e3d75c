import unittest

from anagram_finder import find_anagrams


class AnagramFinderTest(unittest.TestCase):
    def test_no_candidates_gives_no_anagrams(self):
        self.assertEqual(find_anagrams("abc", []), [])

    def test_no_matches(self):
        self.assertEqual(find_anagrams("diaper", ["hello", "world", "zombies", "pants"]), [])

    def test_two_anagrams(self):
        self.assertEqual(find_anagrams("solemn", ["lemons", "cherry", "melons"]), ["lemons", "melons"])

    def test_keeps_the_order_of_the_candidates(self):
        self.assertEqual(find_anagrams("master", ["stream", "pigeon", "maters"]), ["stream", "maters"])

    def test_same_letters_but_different_counts_are_not_anagrams(self):
        self.assertEqual(find_anagrams("galea", ["eagle"]), [])

    def test_a_longer_word_with_extra_letters_is_not_an_anagram(self):
        self.assertEqual(find_anagrams("ban", ["banana", "nab"]), ["nab"])

    def test_matching_ignores_case_and_keeps_the_original_spelling(self):
        self.assertEqual(
            find_anagrams("Orchestra", ["cashregister", "Carthorse", "radishes"]), ["Carthorse"]
        )

    def test_candidate_in_upper_case(self):
        self.assertEqual(find_anagrams("listen", ["enlists", "google", "inlets", "banana", "Silent"]), ["inlets", "Silent"])

    def test_a_word_is_not_its_own_anagram(self):
        self.assertEqual(find_anagrams("BANANA", ["BANANA"]), [])

    def test_a_word_is_not_its_own_anagram_in_another_case(self):
        self.assertEqual(find_anagrams("stone", ["Stone", "tones", "notes", "onset"]), ["tones", "notes", "onset"])

    def test_words_that_differ_only_by_one_letter_are_not_anagrams(self):
        self.assertEqual(find_anagrams("tapper", ["patter"]), [])

    def test_greek_letters(self):
        self.assertEqual(find_anagrams("ΑΒΓ", ["ΒΓΑ", "ΒΓΔ", "γβα", "αβγ"]), ["ΒΓΑ", "γβα"])

    def test_candidates_list_is_not_changed(self):
        candidates = ["inlets", "google"]
        find_anagrams("listen", candidates)
        self.assertEqual(candidates, ["inlets", "google"])


if __name__ == "__main__":
    unittest.main()
