import unittest

from tag_cloud import all_tags, normalise, shared_tags, similarity


class NormaliseTest(unittest.TestCase):
    def test_no_tags_gives_an_empty_set(self):
        self.assertEqual(normalise([]), set())

    def test_returns_a_set(self):
        self.assertIsInstance(normalise(["python"]), set)

    def test_case_and_spaces_are_normalised(self):
        self.assertEqual(normalise(["Python", " python ", "PYTHON"]), {"python"})

    def test_empty_and_blank_tags_are_dropped(self):
        self.assertEqual(normalise(["", "   ", "web"]), {"web"})

    def test_non_ascii_tags_are_lower_cased_too(self):
        self.assertEqual(normalise(["Ünïcode", "ünïcode"]), {"ünïcode"})


class AllTagsTest(unittest.TestCase):
    def test_no_posts(self):
        self.assertEqual(all_tags([]), set())

    def test_tags_from_every_post_once_each(self):
        self.assertEqual(all_tags([["python", "web"], ["Web", "css"], []]), {"python", "web", "css"})

    def test_posts_are_not_changed(self):
        posts = [["B", "a"], [" c"]]
        all_tags(posts)
        self.assertEqual(posts, [["B", "a"], [" c"]])


class SharedTagsTest(unittest.TestCase):
    def test_one_shared_tag_in_different_case(self):
        self.assertEqual(shared_tags(["python", "Testing"], ["testing", "ci"]), {"testing"})

    def test_nothing_shared(self):
        self.assertEqual(shared_tags(["a", "b"], ["c"]), set())

    def test_one_side_empty(self):
        self.assertEqual(shared_tags([], ["c"]), set())

    def test_duplicates_do_not_matter(self):
        self.assertEqual(shared_tags(["x", "x", "y"], ["X"]), {"x"})


class SimilarityTest(unittest.TestCase):
    def test_half_of_the_tags_shared(self):
        self.assertAlmostEqual(similarity(["a", "b", "c"], ["b", "c", "d"]), 0.5)

    def test_identical_after_normalising(self):
        self.assertAlmostEqual(similarity(["Go", "Rust"], ["rust ", "go", "GO"]), 1.0)

    def test_nothing_in_common(self):
        self.assertAlmostEqual(similarity(["a"], ["b"]), 0.0)

    def test_one_third(self):
        self.assertAlmostEqual(similarity(["a", "b"], ["b", "c"]), 1 / 3)

    def test_both_empty_is_zero_not_an_error(self):
        self.assertEqual(similarity([], []), 0.0)

    def test_one_empty(self):
        self.assertEqual(similarity([], ["a"]), 0.0)


if __name__ == "__main__":
    unittest.main()
