import unittest

from pangram import is_pangram


class PangramTest(unittest.TestCase):
    def test_empty_sentence_is_not_a_pangram(self):
        self.assertIs(is_pangram(""), False)

    def test_the_alphabet_in_order_is_a_pangram(self):
        self.assertIs(is_pangram("abcdefghijklmnopqrstuvwxyz"), True)

    def test_classic_pangram(self):
        self.assertIs(is_pangram("The quick brown fox jumps over the lazy dog"), True)

    def test_missing_the_letter_x(self):
        self.assertIs(is_pangram("a quick movement of the enemy will jeopardize five gunboats"), False)

    def test_missing_the_letter_h(self):
        self.assertIs(is_pangram("five boxing wizards jump quickly at it"), False)

    def test_upper_and_lower_case_are_the_same_letter(self):
        self.assertIs(is_pangram("the quick brown fox jumps over THE LAZY DOG"), True)

    def test_all_uppercase(self):
        self.assertIs(is_pangram("PACK MY BOX WITH FIVE DOZEN LIQUOR JUGS"), True)

    def test_with_underscores_and_numbers(self):
        self.assertIs(is_pangram("the_1_quick_brown_fox_jumps_over_the_2_lazy_dogs"), True)

    def test_repeated_letters_do_not_make_up_for_missing_ones(self):
        self.assertIs(is_pangram("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), False)

    def test_missing_letters_replaced_by_numbers(self):
        self.assertIs(is_pangram("7h3 qu1ck brown fox jumps ov3r 7h3 lazy dog"), False)

    def test_accented_letter_does_not_replace_a_missing_plain_one(self):
        self.assertIs(is_pangram("abcdéfghijklmnopqrstuvwxyz"), False)

    def test_accented_letters_do_not_spoil_a_pangram(self):
        self.assertIs(is_pangram("Voilà: the quick brown fox jumps over the lazy dog, très bien"), True)


if __name__ == "__main__":
    unittest.main()
