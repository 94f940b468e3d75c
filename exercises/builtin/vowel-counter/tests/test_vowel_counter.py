import unittest

from vowel_counter import count_vowels


class VowelCounterTest(unittest.TestCase):
    def test_empty_text_has_no_vowels(self):
        self.assertEqual(count_vowels(""), 0)

    def test_single_vowel(self):
        self.assertEqual(count_vowels("a"), 1)

    def test_single_consonant(self):
        self.assertEqual(count_vowels("b"), 0)

    def test_repeated_vowels_are_each_counted(self):
        self.assertEqual(count_vowels("banana"), 3)

    def test_every_vowel_once(self):
        self.assertEqual(count_vowels("education"), 5)

    def test_uppercase_vowels_count(self):
        self.assertEqual(count_vowels("AEIOU"), 5)

    def test_mixed_case_sentence(self):
        self.assertEqual(count_vowels("HELLO there"), 4)

    def test_y_is_not_a_vowel_here(self):
        self.assertEqual(count_vowels("rhythm"), 0)

    def test_digits_spaces_and_punctuation_are_ignored(self):
        self.assertEqual(count_vowels("1, 2, 3... go!"), 1)

    def test_accented_letters_are_not_plain_vowels(self):
        self.assertEqual(count_vowels("naïve café"), 3)

    def test_long_text(self):
        self.assertEqual(count_vowels("ab" * 1000), 1000)


if __name__ == "__main__":
    unittest.main()
