import unittest

from counter_factory import make_accumulator, make_counter


class MakeCounterTest(unittest.TestCase):
    def test_returns_a_function(self):
        self.assertTrue(callable(make_counter()))

    def test_first_call_returns_the_start(self):
        self.assertEqual(make_counter()(), 0)

    def test_counts_up_by_one(self):
        tick = make_counter()
        self.assertEqual([tick(), tick(), tick()], [0, 1, 2])

    def test_custom_start(self):
        tick = make_counter(5)
        self.assertEqual([tick(), tick()], [5, 6])

    def test_custom_step(self):
        tick = make_counter(0, 10)
        self.assertEqual([tick(), tick(), tick()], [0, 10, 20])

    def test_negative_step_counts_down(self):
        countdown = make_counter(10, -5)
        self.assertEqual([countdown(), countdown(), countdown(), countdown()], [10, 5, 0, -5])

    def test_counters_are_independent(self):
        a = make_counter()
        b = make_counter(100)
        a()
        a()
        self.assertEqual(b(), 100)
        self.assertEqual(a(), 2)

    def test_keyword_arguments(self):
        tick = make_counter(step=3, start=1)
        self.assertEqual([tick(), tick()], [1, 4])


class MakeAccumulatorTest(unittest.TestCase):
    def test_starts_from_zero(self):
        add = make_accumulator()
        self.assertEqual(add(5), 5)

    def test_keeps_a_running_total(self):
        add = make_accumulator()
        add(5)
        add(10)
        self.assertEqual(add(1), 16)

    def test_custom_starting_total(self):
        add = make_accumulator(100)
        self.assertEqual(add(10), 110)

    def test_negative_amounts(self):
        add = make_accumulator(100)
        add(10)
        self.assertEqual(add(-30), 80)

    def test_adding_zero_returns_the_total(self):
        add = make_accumulator(7)
        self.assertEqual(add(0), 7)

    def test_accumulators_are_independent(self):
        a = make_accumulator()
        b = make_accumulator()
        a(50)
        self.assertEqual(b(1), 1)
        self.assertEqual(a(1), 51)


if __name__ == "__main__":
    unittest.main()
