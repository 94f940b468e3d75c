import unittest

from balanced_brackets import first_error, is_balanced


class IsBalancedTest(unittest.TestCase):
    def test_empty_text_is_balanced(self):
        self.assertIs(is_balanced(""), True)

    def test_text_without_brackets_is_balanced(self):
        self.assertIs(is_balanced("hello, world"), True)

    def test_one_pair_of_each_kind(self):
        for text in ("()", "[]", "{}"):
            with self.subTest(text=text):
                self.assertIs(is_balanced(text), True)

    def test_nested_brackets(self):
        self.assertIs(is_balanced("{[()]}"), True)

    def test_pairs_side_by_side(self):
        self.assertIs(is_balanced("()[]{}"), True)

    def test_code_like_text(self):
        self.assertIs(is_balanced("if (a[0] == {b: 1}[c]) {}"), True)

    def test_interleaved_pairs_are_not_balanced(self):
        self.assertIs(is_balanced("([)]"), False)

    def test_closer_before_opener(self):
        self.assertIs(is_balanced(")("), False)

    def test_unclosed_opener(self):
        self.assertIs(is_balanced("((()"), False)

    def test_wrong_kind_of_closer(self):
        self.assertIs(is_balanced("(]"), False)

    def test_deep_nesting(self):
        self.assertIs(is_balanced("(" * 500 + ")" * 500), True)
        self.assertIs(is_balanced("(" * 500 + ")" * 499), False)


class FirstErrorTest(unittest.TestCase):
    def test_balanced_text_has_no_error(self):
        self.assertIsNone(first_error("{[()]}"))

    def test_empty_text_has_no_error(self):
        self.assertIsNone(first_error(""))

    def test_closer_with_nothing_open(self):
        self.assertEqual(first_error("}"), 0)

    def test_extra_closer_after_balanced_part(self):
        self.assertEqual(first_error("(a))"), 3)

    def test_mismatched_closer_is_reported_at_its_index(self):
        self.assertEqual(first_error("([)]"), 2)

    def test_mismatch_in_code(self):
        self.assertEqual(first_error("x = (1 + [2)"), 11)

    def test_first_unclosed_opener(self):
        self.assertEqual(first_error("((()"), 0)

    def test_unclosed_opener_after_balanced_part(self):
        self.assertEqual(first_error("() [ {}"), 3)

    def test_a_wrong_closer_is_reported_before_unclosed_openers(self):
        self.assertEqual(first_error("(( ]"), 3)

    def test_non_ascii_text_is_ignored(self):
        self.assertEqual(first_error("«(été)» [🙂"), 8)


if __name__ == "__main__":
    unittest.main()
