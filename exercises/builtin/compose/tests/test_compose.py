import unittest

from compose import compose, pipe


def double(x):
    return x * 2


def increment(x):
    return x + 1


def square(x):
    return x * x


class PipeTest(unittest.TestCase):
    def test_returns_a_function(self):
        self.assertTrue(callable(pipe(double)))

    def test_one_function_behaves_like_that_function(self):
        self.assertEqual(pipe(double)(21), 42)

    def test_two_functions_run_left_to_right(self):
        self.assertEqual(pipe(double, increment)(5), 11)

    def test_three_functions_run_left_to_right(self):
        self.assertEqual(pipe(increment, double, square)(2), 36)

    def test_no_functions_is_the_identity(self):
        self.assertEqual(pipe()("unchanged"), "unchanged")

    def test_first_function_receives_every_argument(self):
        self.assertEqual(pipe(max, str)(3, 9, 4), "9")

    def test_first_function_may_take_two_arguments(self):
        self.assertEqual(pipe(pow, increment)(2, 10), 1025)

    def test_works_with_builtins_and_lambdas(self):
        shout = pipe(str.strip, str.upper, lambda s: s + "!")
        self.assertEqual(shout("  hello "), "HELLO!")

    def test_functions_are_not_called_until_the_result_is_called(self):
        calls = []

        def record(x):
            calls.append(x)
            return x

        piped = pipe(record, record)
        self.assertEqual(calls, [])
        piped(1)
        self.assertEqual(calls, [1, 1])

    def test_returned_function_can_be_reused(self):
        add_then_double = pipe(increment, double)
        self.assertEqual([add_then_double(n) for n in range(3)], [2, 4, 6])


class ComposeTest(unittest.TestCase):
    def test_one_function_behaves_like_that_function(self):
        self.assertEqual(compose(double)(21), 42)

    def test_two_functions_run_right_to_left(self):
        self.assertEqual(compose(double, increment)(5), 12)

    def test_three_functions_run_right_to_left(self):
        self.assertEqual(compose(increment, double, square)(3), 19)

    def test_no_functions_is_the_identity(self):
        self.assertEqual(compose()([1, 2]), [1, 2])

    def test_last_function_receives_every_argument(self):
        self.assertEqual(compose(len, str, max)(30, 400, 2), 3)

    def test_compose_is_pipe_reversed(self):
        fns = (square, increment, double)
        for x in (-2, 0, 5):
            with self.subTest(x=x):
                self.assertEqual(compose(*fns)(x), pipe(*reversed(fns))(x))


if __name__ == "__main__":
    unittest.main()
