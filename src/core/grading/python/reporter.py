# CodeMentor's Python test reporter, the script every Python grading run starts:
#   python -B reporter.py --report <file> [--memory-mb N] -- <test files relative to cwd>...
#   python -B reporter.py [--memory-mb N] --wait      (prewarmed: the run arrives on stdin)
# The work is in codementor_reporter.py, imported rather than run so that Python can keep its
# compiled bytecode beside it (where the folder is writable) instead of compiling it every run.
# Learner code still never writes bytecode: the reporter turns that off again before importing it.
import os
import sys

sys.dont_write_bytecode = False
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codementor_reporter  # noqa: E402

del sys.path[0]
codementor_reporter.main(sys.argv[1:])
