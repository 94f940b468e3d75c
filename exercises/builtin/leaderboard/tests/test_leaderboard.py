import unittest

from leaderboard import ranked, ranks, top

SCORES = {"Ada": 90, "carl": 80, "Bea": 80, "Dan": 70}


class RankedTest(unittest.TestCase):
    def test_no_players(self):
        self.assertEqual(ranked({}), [])

    def test_one_player(self):
        self.assertEqual(ranked({"Ada": 3}), [("Ada", 3)])

    def test_highest_score_first(self):
        self.assertEqual(ranked({"a": 1, "b": 3, "c": 2}), [("b", 3), ("c", 2), ("a", 1)])

    def test_ties_are_ordered_by_name_ignoring_case(self):
        self.assertEqual(ranked(SCORES), [("Ada", 90), ("Bea", 80), ("carl", 80), ("Dan", 70)])

    def test_lower_case_name_is_not_pushed_after_capitals(self):
        self.assertEqual(ranked({"Zed": 5, "amy": 5, "Bob": 5}), [("amy", 5), ("Bob", 5), ("Zed", 5)])

    def test_negative_scores(self):
        self.assertEqual(ranked({"x": -5, "y": 0, "z": -1}), [("y", 0), ("z", -1), ("x", -5)])

    def test_scores_are_not_changed(self):
        scores = dict(SCORES)
        ranked(scores)
        self.assertEqual(scores, SCORES)


class TopTest(unittest.TestCase):
    def test_top_two(self):
        self.assertEqual(top(SCORES, 2), ["Ada", "Bea"])

    def test_top_zero(self):
        self.assertEqual(top(SCORES, 0), [])

    def test_more_than_there_are_players(self):
        self.assertEqual(top(SCORES, 10), ["Ada", "Bea", "carl", "Dan"])

    def test_no_players(self):
        self.assertEqual(top({}, 3), [])


class RanksTest(unittest.TestCase):
    def test_no_players(self):
        self.assertEqual(ranks({}), {})

    def test_distinct_scores(self):
        self.assertEqual(ranks({"a": 10, "b": 30, "c": 20}), {"b": 1, "c": 2, "a": 3})

    def test_tied_players_share_a_rank_and_the_next_is_skipped(self):
        self.assertEqual(ranks(SCORES), {"Ada": 1, "Bea": 2, "carl": 2, "Dan": 4})

    def test_tie_for_first_place(self):
        self.assertEqual(ranks({"a": 5, "b": 5, "c": 1}), {"a": 1, "b": 1, "c": 3})

    def test_everyone_tied(self):
        self.assertEqual(ranks({"a": 0, "b": 0, "c": 0}), {"a": 1, "b": 1, "c": 1})

    def test_tie_at_the_bottom_after_a_tie(self):
        self.assertEqual(
            ranks({"a": 9, "b": 7, "c": 7, "d": 4, "e": 4}),
            {"a": 1, "b": 2, "c": 2, "d": 4, "e": 4},
        )


if __name__ == "__main__":
    unittest.main()
