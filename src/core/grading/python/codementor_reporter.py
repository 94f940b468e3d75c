# CodeMentor's Python test reporter, imported by reporter.py: runs an exercise's unittest files in
# the current folder and writes one JSON object per line to the report file (the protocol in
# src/core/grading/types.ts): a "begin" before each test, a "result" after it, a "loadError" for a
# test file that cannot be imported (a syntax or import error in it or in the learner's module),
# and "done" at the end. Standard library only, and nothing imported that a plain
# `python -m unittest` would not also import (but `resource`, for the memory cap), so grading costs
# about what running the tests directly does.

import importlib
import os
import sys
import time
import unittest
import unittest.case

_MAX_REPR = 2000


def _short_repr(value):
    try:
        text = repr(value)
    except Exception as error:  # a learner's __repr__ can raise too
        text = '<repr failed: %s>' % type(error).__name__
    return text if len(text) <= _MAX_REPR else text[:_MAX_REPR] + '…'


def _set_memory_limit(megabytes):
    # RLIMIT_AS is the closest POSIX has to "memory"; macOS refuses it and Windows has no resource
    # module, and there the time limit still stops a runaway test.
    try:
        import resource
        limit = megabytes * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError, AttributeError):
        pass


# A small JSON encoder for the report's flat events: `import json` alone costs more (≈3 ms) than
# everything else the reporter adds to a run.
_ESCAPES = {i: '\\u%04x' % i for i in range(0x20)}
_ESCAPES.update({ord('"'): '\\"', ord('\\'): '\\\\', ord('\n'): '\\n', ord('\t'): '\\t', ord('\r'): '\\r'})


def _json(value):
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, (int, float)):
        return repr(value) if value == value and value not in (float('inf'), float('-inf')) else 'null'
    if isinstance(value, dict):
        return '{' + ','.join(_json(str(k)) + ':' + _json(v) for k, v in value.items()) + '}'
    if isinstance(value, (list, tuple)):
        return '[' + ','.join(_json(v) for v in value) + ']'
    return '"' + str(value).translate(_ESCAPES) + '"'


class _Report:
    def __init__(self, path):
        # Line-buffered: each event reaches the file as it happens, so a run killed at its time
        # limit still reports what finished.
        # backslashreplace turns a lone surrogate into a \\uXXXX escape, which is still valid JSON.
        self._file = open(path, 'w', encoding='utf-8', errors='backslashreplace', buffering=1)

    def write(self, **event):
        self._file.write(_json(event) + '\n')

    def close(self):
        self._file.close()


class _Locator:
    """Maps tracebacks to the exercise folder: the deepest frame in a test or learner file."""

    def __init__(self, root):
        self.root = root
        self._prefix = root.rstrip(os.sep) + os.sep

    def relative(self, filename):
        if not filename:
            return None
        full = os.path.realpath(filename)
        if not full.startswith(self._prefix):
            return None
        return full[len(self._prefix):].replace(os.sep, '/')

    def location(self, error):
        if isinstance(error, SyntaxError) and error.lineno:
            rel = self.relative(error.filename)
            if rel:
                return {'path': rel, 'line': error.lineno}
        found = None
        tb = error.__traceback__
        while tb is not None:
            rel = self.relative(tb.tb_frame.f_code.co_filename)
            if rel:
                found = {'path': rel, 'line': tb.tb_lineno}
            tb = tb.tb_next
        return found


def _message(error, location, root):
    if isinstance(error, SyntaxError):
        return '%s: %s' % (type(error).__name__, error.msg)
    text = str(error)
    if isinstance(error, AssertionError):
        if text:
            return text
        # A bare `assert`: the failing line says more than "AssertionError".
        if location:
            import linecache
            line = linecache.getline(os.path.join(root, location['path']), location['line']).strip()
            if line:
                return 'AssertionError: ' + line
        return 'AssertionError'
    return '%s: %s' % (type(error).__name__, text) if text else type(error).__name__


# --- expected/actual: unittest keeps them only inside its message, so the assert methods are wrapped
# to attach them to the failure as it is raised. Pairs are (expected, actual) from the call's args.

_CAPTURED = {
    'assertEqual': lambda a: (a[1], a[0]),
    'assertAlmostEqual': lambda a: (a[1], a[0]),
    'assertCountEqual': lambda a: (a[1], a[0]),
    'assertListEqual': lambda a: (a[1], a[0]),
    'assertTupleEqual': lambda a: (a[1], a[0]),
    'assertDictEqual': lambda a: (a[1], a[0]),
    'assertSetEqual': lambda a: (a[1], a[0]),
    'assertSequenceEqual': lambda a: (a[1], a[0]),
    'assertMultiLineEqual': lambda a: (a[1], a[0]),
    'assertIs': lambda a: (a[1], a[0]),
    'assertIsNone': lambda a: (None, a[0]),
}
_DESCRIBED = {
    'assertTrue': lambda a: ('a true value', _short_repr(a[0])),
    'assertFalse': lambda a: ('a false value', _short_repr(a[0])),
    'assertIsNotNone': lambda a: ('not None', 'None'),
    'assertNotEqual': lambda a: ('not ' + _short_repr(a[1]), _short_repr(a[0])),
    'assertIn': lambda a: ('a container holding ' + _short_repr(a[0]), _short_repr(a[1])),
    'assertNotIn': lambda a: ('a container without ' + _short_repr(a[0]), _short_repr(a[1])),
    'assertIsInstance': lambda a: ('an instance of ' + getattr(a[1], '__name__', _short_repr(a[1])), _short_repr(a[0])),
}


def _wrap_assert(name, pair):
    original = getattr(unittest.TestCase, name, None)
    if original is None:
        return

    def wrapper(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except self.failureException as error:
            if not hasattr(error, '_codementor_expected'):
                try:
                    error._codementor_expected, error._codementor_actual = pair(args)
                except Exception:
                    pass
            raise

    wrapper.__name__ = name
    wrapper.__doc__ = original.__doc__
    setattr(unittest.TestCase, name, wrapper)


def _install_assert_capture():
    for name, pair in _CAPTURED.items():
        _wrap_assert(name, lambda a, pair=pair: tuple(_short_repr(v) for v in pair(a)))
    for name, pair in _DESCRIBED.items():
        _wrap_assert(name, pair)
    # `with self.assertRaises(ValueError):` fails in the context manager's __exit__.
    context = getattr(unittest.case, '_AssertRaisesContext', None)
    if context is not None:
        original_exit = context.__exit__

        def exit_(self, exc_type, exc_value, tb):
            try:
                return original_exit(self, exc_type, exc_value, tb)
            except AssertionError as error:
                expected = getattr(self.expected, '__name__', str(self.expected))
                error._codementor_expected = expected + ' raised'
                error._codementor_actual = 'no exception' if exc_type is None else exc_type.__name__ + ' raised'
                raise

        context.__exit__ = exit_


class _Result(unittest.TestResult):
    """Turns unittest's callbacks into report events; one result per test method (subtests folded in)."""

    def __init__(self, report, locator):
        super().__init__()
        self._report = report
        self._locator = locator
        self._current = None

    @staticmethod
    def _ids(test):
        test_id = test.id()
        if isinstance(test, unittest.FunctionTestCase):
            return test_id, getattr(test, '_testFunc', test).__name__
        method = getattr(test, '_testMethodName', None)
        if method:
            return test_id, '%s.%s' % (type(test).__name__, method)
        return test_id, str(test)

    def _failure(self, status, err, prefix=''):
        error = err[1]
        location = self._locator.location(error)
        entry = {
            'status': status,
            'message': prefix + _message(error, location, self._locator.root),
        }
        expected = getattr(error, '_codementor_expected', None)
        if expected is not None:
            entry['expected'] = expected
            entry['actual'] = getattr(error, '_codementor_actual', None)
        if location:
            entry['location'] = location
        return entry

    def startTest(self, test):
        self.testsRun += 1
        test_id, name = self._ids(test)
        self._current = {'id': test_id, 'name': name, 'start': time.perf_counter(), 'outcome': None}
        self._report.write(event='begin', id=test_id, name=name)

    def _set(self, outcome):
        # The first failure wins: a failing subtest is more telling than the error that followed it.
        if self._current is not None and (self._current['outcome'] is None or self._current['outcome']['status'] == 'passed'):
            self._current['outcome'] = outcome

    def addSuccess(self, test):
        self._set({'status': 'passed'})

    def addFailure(self, test, err):
        if self._current is None:
            return self._standalone(test, err)
        self._set(self._failure('failed', err))

    def addError(self, test, err):
        if self._current is None:
            return self._standalone(test, err)
        status = 'failed' if isinstance(err[1], AssertionError) else 'errored'
        self._set(self._failure(status, err))

    def addSubTest(self, test, subtest, err):
        if err is not None:
            status = 'failed' if issubclass(err[0], test.failureException) else 'errored'
            self._set(self._failure(status, err, prefix='%s: ' % subtest._subDescription()))

    def addSkip(self, test, reason):
        self._set({'status': 'skipped', 'message': reason})

    def addExpectedFailure(self, test, err):
        self._set({'status': 'passed'})

    def addUnexpectedSuccess(self, test):
        self._set({'status': 'failed', 'message': 'The test was expected to fail, but it passed.'})

    def stopTest(self, test):
        current, self._current = self._current, None
        if current is None:
            return
        outcome = current['outcome'] or {'status': 'passed'}
        self._report.write(
            event='result', id=current['id'], name=current['name'],
            durationMs=round((time.perf_counter() - current['start']) * 1000, 3), **outcome)

    def _standalone(self, holder, err):
        # setUpClass/setUpModule failures arrive outside any test, on an _ErrorHolder.
        description = getattr(holder, 'description', None) or str(holder)
        entry = self._failure('errored', err)
        self._report.write(event='result', id=description, name=description, **entry)


class _SourceOrderLoader(unittest.TestLoader):
    # Tests are reported in the order the learner reads them in the file, not alphabetically.
    def getTestCaseNames(self, testCaseClass):
        names = super().getTestCaseNames(testCaseClass)

        def line(name):
            code = getattr(getattr(testCaseClass, name, None), '__code__', None)
            return code.co_firstlineno if code is not None else 0
        return sorted(names, key=line)


def _plain_test_functions(module):
    # pytest-style `def test_x():` functions with plain asserts run without pytest.
    tests = []
    for name, value in vars(module).items():
        if name.startswith('test') and callable(value) and isinstance(value, type(_plain_test_functions)) \
                and getattr(value, '__module__', None) == module.__name__:
            case = unittest.FunctionTestCase(value)
            case.id = lambda name=name: '%s.%s' % (module.__name__, name)
            tests.append(case)
    return tests


def _parse_args(argv):
    report, memory_mb, files, wait = None, 0, [], False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == '--report':
            report = argv[i + 1]
            i += 2
        elif arg == '--memory-mb':
            memory_mb = int(argv[i + 1])
            i += 2
        elif arg == '--wait':
            wait = True
            i += 1
        elif arg == '--':
            files.extend(argv[i + 1:])
            break
        else:
            files.append(arg)
            i += 1
    if not report and not wait:
        sys.stderr.write('usage: reporter.py --report <file> [--memory-mb N] -- <test files> | reporter.py [--memory-mb N] --wait\n')
        sys.exit(2)
    return report, memory_mb, files, wait


def _wait_for_run():
    """A prewarmed reporter (--wait): started before there is anything to grade, with Python, unittest
    and this module loaded and the memory cap set. It says "ready" on fd 3, reads the run as one JSON
    line on stdin (the parent then closes stdin: learner code reads end of file, as in a cold start),
    says "go" on fd 3, takes the run's folder and environment, and goes on as a cold start would.
    Stdin closing with no run means the pool let it go: it exits quietly."""
    import json
    os.write(3, b'ready\n')
    line = sys.stdin.readline()
    if not line.strip():
        sys.exit(0)
    run = json.loads(line)
    os.write(3, b'go\n')
    os.close(3)
    os.environ.clear()
    os.environ.update(run['env'])
    os.chdir(run['cwd'])
    return run['report'], list(run['files'])


def main(argv):
    report_path, memory_mb, files, wait = _parse_args(argv)
    if memory_mb > 0:
        _set_memory_limit(memory_mb)
    if wait:
        report_path, files = _wait_for_run()
    # Learner prints show up in order with the report, and before a run is stopped at its limit.
    try:
        sys.stdout.reconfigure(line_buffering=True)
    except AttributeError:
        pass
    root = os.path.realpath(os.getcwd())
    locator = _Locator(root)
    report = _Report(report_path)
    _install_assert_capture()
    # The reporter's own folder must not shadow the learner's modules.
    here = os.path.dirname(os.path.realpath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or '.') != here]
    sys.path.insert(0, root)
    # Nothing is ever imported twice from a fresh folder: writing the learner's bytecode is wasted work.
    sys.dont_write_bytecode = True

    loader = _SourceOrderLoader()
    suite = unittest.TestSuite()
    for relative in files:
        folder = os.path.dirname(os.path.join(root, relative))
        if folder not in sys.path:
            sys.path.insert(1, folder)
        name = os.path.splitext(os.path.basename(relative))[0]
        try:
            module = importlib.import_module(name)
        except BaseException as error:  # SystemExit and KeyboardInterrupt at import time too
            location = locator.location(error)
            report.write(event='loadError', file=relative.replace(os.sep, '/'),
                         message=_message(error, location, root), **({'location': location} if location else {}))
            continue
        suite.addTests(loader.loadTestsFromModule(module))
        suite.addTests(_plain_test_functions(module))

    result = _Result(report, locator)
    suite.run(result)
    report.write(event='done')
    report.close()
