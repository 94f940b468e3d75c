import unittest

from share_the_snack import share


class ShareTheSnackTest(unittest.TestCase):
    def test_no_name_given_shares_with_you(self):
        self.assertEqual(share(), "One for you, one for me.")

    def test_a_name_given(self):
        self.assertEqual(share("Ada"), "One for Ada, one for me.")

    def test_another_name_given(self):
        self.assertEqual(share("Grace"), "One for Grace, one for me.")

    def test_name_with_spaces_inside_is_kept_whole(self):
        self.assertEqual(share("Mary Ann"), "One for Mary Ann, one for me.")

    def test_spaces_around_the_name_are_removed(self):
        self.assertEqual(share("  Linus \t"), "One for Linus, one for me.")

    def test_empty_name_means_you(self):
        self.assertEqual(share(""), "One for you, one for me.")

    def test_blank_name_means_you(self):
        self.assertEqual(share("   "), "One for you, one for me.")

    def test_non_ascii_name(self):
        self.assertEqual(share("Zoë"), "One for Zoë, one for me.")


if __name__ == "__main__":
    unittest.main()
