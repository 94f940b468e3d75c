import unittest

from word_count import count_words


class WordCountTest(unittest.TestCase):
    def test_empty_text_has_no_words(self):
        self.assertEqual(count_words(""), {})

    def test_only_punctuation_has_no_words(self):
        self.assertEqual(count_words(" ... !!! ?? "), {})

    def test_one_word(self):
        self.assertEqual(count_words("word"), {"word": 1})

    def test_repeated_words_are_counted(self):
        self.assertEqual(
            count_words("one fish two fish red fish blue fish"),
            {"one": 1, "fish": 4, "two": 1, "red": 1, "blue": 1},
        )

    def test_counting_is_case_insensitive(self):
        self.assertEqual(count_words("Go go GO Stop stop"), {"go": 3, "stop": 2})

    def test_punctuation_is_not_part_of_words(self):
        self.assertEqual(
            count_words("car: carpet as java: javascript!!&@$%^&"),
            {"car": 1, "carpet": 1, "as": 1, "java": 1, "javascript": 1},
        )

    def test_comma_without_space_separates_words(self):
        self.assertEqual(count_words("one,two,three"), {"one": 1, "two": 1, "three": 1})

    def test_numbers_are_words(self):
        self.assertEqual(count_words("testing, 1, 2 testing"), {"testing": 2, "1": 1, "2": 1})

    def test_tabs_and_new_lines_separate_words(self):
        self.assertEqual(count_words("rah\trah\n\nah ah"), {"rah": 2, "ah": 2})

    def test_contractions_keep_their_apostrophe(self):
        self.assertEqual(
            count_words("First: don't laugh. Then: don't cry. You're getting it."),
            {"first": 1, "don't": 2, "laugh": 1, "then": 1, "cry": 1, "you're": 1, "getting": 1, "it": 1},
        )

    def test_quotes_around_words_are_removed(self):
        self.assertEqual(
            count_words("Joe can't tell between 'large' and large."),
            {"joe": 1, "can't": 1, "tell": 1, "between": 1, "large": 2, "and": 1},
        )

    def test_underscore_separates_words(self):
        self.assertEqual(count_words("snake_case_name"), {"snake": 1, "case": 1, "name": 1})

    def test_accented_letters_are_part_of_words(self):
        self.assertEqual(count_words("Café, café, CAFÉ! naïve"), {"café": 3, "naïve": 1})

    def test_words_in_other_alphabets(self):
        self.assertEqual(count_words("Привет, мир! привет"), {"привет": 2, "мир": 1})


if __name__ == "__main__":
    unittest.main()
