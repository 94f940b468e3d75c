import unittest

from memoize import memoize


def make_counted(func):
    """Return (counted_func, calls): calls lists the arguments of each real call."""
    calls = []

    def counted(*args):
        calls.append(args)
        return func(*args)

    return counted, calls


class MemoizeTest(unittest.TestCase):
    def test_returns_the_same_result_as_the_function(self):
        square = memoize(lambda n: n * n)
        self.assertEqual(square(4), 16)

    def test_second_call_with_same_argument_uses_the_cache(self):
        counted, calls = make_counted(lambda n: n * n)
        square = memoize(counted)
        square(4)
        self.assertEqual(square(4), 16)
        self.assertEqual(calls, [(4,)])

    def test_different_arguments_are_computed_separately(self):
        counted, calls = make_counted(lambda n: n + 1)
        inc = memoize(counted)
        self.assertEqual([inc(1), inc(2), inc(1), inc(2)], [2, 3, 2, 3])
        self.assertEqual(calls, [(1,), (2,)])

    def test_several_positional_arguments(self):
        counted, calls = make_counted(lambda a, b: a - b)
        sub = memoize(counted)
        self.assertEqual(sub(5, 3), 2)
        self.assertEqual(sub(3, 5), -2)
        self.assertEqual(sub(5, 3), 2)
        self.assertEqual(len(calls), 2)

    def test_no_arguments(self):
        counted, calls = make_counted(lambda: "hello")
        greet = memoize(counted)
        greet()
        self.assertEqual(greet(), "hello")
        self.assertEqual(len(calls), 1)

    def test_falsy_results_are_cached_too(self):
        for falsy in (0, "", None, False):
            with self.subTest(result=falsy):
                counted, calls = make_counted(lambda _x, value=falsy: value)
                f = memoize(counted)
                f("a")
                self.assertEqual(f("a"), falsy)
                self.assertEqual(len(calls), 1)

    def test_memoized_functions_do_not_share_their_cache(self):
        double = memoize(lambda n: n * 2)
        triple = memoize(lambda n: n * 3)
        self.assertEqual(double(10), 20)
        self.assertEqual(triple(10), 30)

    def test_cache_clear_forgets_results(self):
        counted, calls = make_counted(lambda n: n)
        f = memoize(counted)
        f(1)
        f.cache_clear()
        f(1)
        self.assertEqual(calls, [(1,), (1,)])

    def test_cache_clear_of_one_function_leaves_others_alone(self):
        counted_a, calls_a = make_counted(lambda n: n)
        counted_b, calls_b = make_counted(lambda n: n)
        a, b = memoize(counted_a), memoize(counted_b)
        a(1)
        b(1)
        a.cache_clear()
        b(1)
        self.assertEqual(len(calls_b), 1)

    def test_memoized_recursion_is_fast(self):
        @memoize
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        self.assertEqual(fib(80), 23416728348467685)


if __name__ == "__main__":
    unittest.main()
