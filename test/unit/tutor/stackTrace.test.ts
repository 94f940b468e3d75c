// Reading traces out of real terminal output: the samples are what CPython 3.11, pytest 9, unittest
// and Node 20/22 print (captured, with the paths moved to a learner's folder), plus Windows forms.
import * as assert from 'node:assert/strict';
import { findTraces, fromFileUrl, isInternalFile, parseTrace, primaryFrame, type ParsedTrace } from '../../../src/core/tutor/stackTrace';

const root = '/home/ana/exercises';

function only(text: string): ParsedTrace {
	const traces = findTraces(text);
	assert.equal(traces.length, 1, `expected one trace, got ${traces.length}`);
	return traces[0];
}

const where = (trace: ParsedTrace, roots = [root]) => {
	const f = primaryFrame(trace, { workspaceRoots: roots });
	return f && `${f.file}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}${f.functionName ? ` ${f.functionName}` : ''}`;
};

describe('Python tracebacks', () => {
	it('reads a plain traceback innermost first and points at the learner\'s line', () => {
		const trace = only(`$ python3 last.py
Traceback (most recent call last):
  File "/home/ana/exercises/last.py", line 7, in <module>
    main()
  File "/home/ana/exercises/last.py", line 5, in main
    print(last([1, 2, 3]))
          ^^^^^^^^^^^^^^^
  File "/home/ana/exercises/last.py", line 2, in last
    return nums[len(nums)]
           ~~~~^^^^^^^^^^^
IndexError: list index out of range
$ `);
		assert.equal(trace.language, 'python');
		assert.equal(trace.errorType, 'IndexError');
		assert.equal(trace.message, 'list index out of range');
		assert.deepEqual(trace.frames.map(f => `${f.line} ${f.functionName}`), ['2 last', '5 main', '7 <module>']);
		assert.equal(where(trace), '/home/ana/exercises/last.py:2 last');
	});

	it('keeps a chained traceback as one error with its earlier exceptions, skipping library frames', () => {
		const trace = only(`Traceback (most recent call last):
  File "/home/ana/exercises/config.py", line 11, in read
    return d['name']
           ~^^^^^^^^
KeyError: 'name'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/home/ana/exercises/config.py", line 4, in load
    return json.loads(text)
           ^^^^^^^^^^^^^^^^
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/json/decoder.py", line 353, in raw_decode
    obj, end = self.scan_once(s, idx)
               ^^^^^^^^^^^^^^^^^^^^^^
json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/home/ana/exercises/config.py", line 15, in <module>
    read()
  File "/home/ana/exercises/config.py", line 13, in read
    return load("{oops")
           ^^^^^^^^^^^^^
  File "/home/ana/exercises/config.py", line 6, in load
    raise ValueError("bad config") from e
ValueError: bad config
`);
		assert.equal(trace.errorType, 'ValueError');
		assert.equal(trace.message, 'bad config');
		assert.deepEqual(trace.chain?.map(c => c.errorType), ['KeyError', 'json.decoder.JSONDecodeError']);
		const json = trace.chain![1];
		assert.deepEqual(json.frames.map(f => f.internal), [true, true, false], 'the standard library is not the learner\'s code');
		assert.equal(where(json), '/home/ana/exercises/config.py:4 load');
		assert.equal(where(trace), '/home/ana/exercises/config.py:6 load');
	});

	it('reads SyntaxError and IndentationError blocks that have no traceback', () => {
		const [syntax, indent] = findTraces(`  File "/home/ana/exercises/leap.py", line 2
    if year % 4 == 0
                    ^
SyntaxError: expected ':'
  File "/home/ana/exercises/ind.py", line 3
    return x
IndentationError: unexpected indent
`);
		assert.equal(syntax.errorType, 'SyntaxError');
		assert.equal(syntax.message, "expected ':'");
		assert.equal(where(syntax), '/home/ana/exercises/leap.py:2');
		assert.equal(indent.errorType, 'IndentationError');
		assert.equal(where(indent), '/home/ana/exercises/ind.py:3');
	});

	it('puts the SyntaxError location innermost when an import triggered it', () => {
		const trace = only(`Traceback (most recent call last):
  File "/home/ana/exercises/test_leap.py", line 1, in <module>
    from leap import leap_year
  File "/home/ana/exercises/leap.py", line 2
    if year % 4 == 0
                    ^
SyntaxError: expected ':'`);
		assert.equal(where(trace), '/home/ana/exercises/leap.py:2');
		assert.equal(trace.frames.length, 2);
	});

	it('reads Windows paths and treats Python\'s Lib folder and site-packages as internal', () => {
		const trace = only(String.raw`Traceback (most recent call last):
  File "C:\Users\Ana\exercises\word_count.py", line 9, in <module>
    print(count_words(open("words.txt").read()))
  File "C:\Users\Ana\exercises\word_count.py", line 4, in count_words
    return collections.Counter(text.split(sep=None, maxsplit="x"))
  File "C:\Users\Ana\AppData\Local\Programs\Python\Python312\Lib\collections\__init__.py", line 607, in __init__
    self.update(iterable, **kwds)
TypeError: 'str' object cannot be interpreted as an integer`);
		assert.equal(trace.frames[0].internal, true);
		assert.equal(where(trace, ['c:\\users\\ana\\exercises\\']), String.raw`C:\Users\Ana\exercises\word_count.py:4 count_words`, 'drive letter and case do not matter on Windows');
		assert.equal(isInternalFile('/home/ana/.venv/lib/python3.12/site-packages/requests/api.py'), true);
		assert.equal(isInternalFile('<frozen importlib._bootstrap>'), true);
		assert.equal(isInternalFile('/home/ana/exercises/library.py'), false);
	});

	it('names the failing test in unittest output and keeps the assertion diff', () => {
		const traces = findTraces(`EFF
======================================================================
ERROR: test_last (test_two_sum.TwoSumTest.test_last)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/home/ana/exercises/two-sum/test_two_sum.py", line 9, in test_last
    self.assertEqual(last([1, 2]), 2)
                     ^^^^^^^^^^^^
  File "/home/ana/exercises/two-sum/two_sum.py", line 8, in last
    return nums[len(nums)]
           ~~~~^^^^^^^^^^^
IndexError: list index out of range

======================================================================
FAIL: test_pair (test_two_sum.TwoSumTest.test_pair)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/home/ana/exercises/two-sum/test_two_sum.py", line 6, in test_pair
    self.assertEqual(two_sum([2, 7, 11, 15], 9), [0, 1])
AssertionError: Lists differ: [0, 2] != [0, 1]

First differing element 1:
2
1

- [0, 2]
?     ^

+ [0, 1]
?     ^


======================================================================
FAIL: test_total (test_two_sum.TwoSumTest.test_total)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/home/ana/exercises/two-sum/test_two_sum.py", line 12, in test_total
    self.assertEqual(total([1, 2, 3]), 6)
AssertionError: None != 6

----------------------------------------------------------------------
Ran 3 tests in 0.002s

FAILED (failures=2, errors=1)
`);
		assert.deepEqual(traces.map(t => t.test), [
			'test_last (test_two_sum.TwoSumTest.test_last)',
			'test_pair (test_two_sum.TwoSumTest.test_pair)',
			'test_total (test_two_sum.TwoSumTest.test_total)',
		]);
		assert.equal(where(traces[0]), '/home/ana/exercises/two-sum/two_sum.py:8 last');
		assert.match(traces[1].message, /^Lists differ: \[0, 2\] != \[0, 1\]\n\nFirst differing element 1:/);
		assert.doesNotMatch(traces[1].message, /={10}/, 'the diff stops at the separator');
		assert.equal(traces[2].message, 'None != 6');
	});
});

describe('pytest output', () => {
	const long = `============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
rootdir: /home/ana/exercises/two-sum
collected 4 items

test_two_sum.py FFFF                                                     [100%]

=================================== FAILURES ===================================
__________________________________ test_pair ___________________________________

    def test_pair():
>       assert two_sum([2, 7, 11, 15], 9) == [0, 1]
E       assert [0, 2] == [0, 1]
E         
E         At index 1 diff: 2 != 1
E         Use -v to get more diff

test_two_sum.py:4: AssertionError
__________________________________ test_last ___________________________________

    def test_last():
>       assert last([1, 2]) == 2
               ^^^^^^^^^^^^

test_two_sum.py:7: 
_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ 

nums = [1, 2]

    def last(nums):
>       return nums[len(nums)]
               ^^^^^^^^^^^^^^^
E       IndexError: list index out of range

two_sum.py:8: IndexError
__________________________________ test_total __________________________________

    def test_total():
>       assert total([1, 2, 3]) == 6
E       assert None == 6
E        +  where None = total([1, 2, 3])

test_two_sum.py:10: AssertionError
___________________________________ test_str ___________________________________

    def test_str():
>       assert "a" + 1 == "a1"
               ^^^^^^^
E       TypeError: can only concatenate str (not "int") to str

test_two_sum.py:13: TypeError
=========================== short test summary info ============================
FAILED test_two_sum.py::test_pair - assert [0, 2] == [0, 1]
FAILED test_two_sum.py::test_last - IndexError: list index out of range
FAILED test_two_sum.py::test_total - assert None == 6
FAILED test_two_sum.py::test_str - TypeError: can only concatenate str (not "...
============================== 4 failed in 0.79s ===============================
`;

	it('reads each failure of the long report: test, type, message and the learner\'s frame', () => {
		const traces = findTraces(long);
		assert.deepEqual(traces.map(t => [t.test, t.errorType]), [
			['test_pair', 'AssertionError'],
			['test_last', 'IndexError'],
			['test_total', 'AssertionError'],
			['test_str', 'TypeError'],
		]);
		assert.match(traces[0].message, /^assert \[0, 2\] == \[0, 1\]\n[\s\S]*At index 1 diff: 2 != 1/);
		assert.equal(traces[1].message, 'list index out of range');
		assert.deepEqual(traces[1].frames.map(f => `${f.file}:${f.line} ${f.functionName}`), ['two_sum.py:8 last', 'test_two_sum.py:7 test_last']);
		assert.equal(where(traces[1]), 'two_sum.py:8 last', 'relative paths count as the workspace');
		assert.equal(traces[3].message, 'can only concatenate str (not "int") to str');
	});

	it('reads the --tb=short report the same way', () => {
		const traces = findTraces(`=================================== FAILURES ===================================
__________________________________ test_pair ___________________________________
test_two_sum.py:4: in test_pair
    assert two_sum([2, 7, 11, 15], 9) == [0, 1]
E   assert [0, 2] == [0, 1]
E     
E     At index 1 diff: 2 != 1
E     Use -v to get more diff
__________________________________ test_last ___________________________________
test_two_sum.py:7: in test_last
    assert last([1, 2]) == 2
           ^^^^^^^^^^^^
two_sum.py:8: in last
    return nums[len(nums)]
           ^^^^^^^^^^^^^^^
E   IndexError: list index out of range
=========================== short test summary info ============================`);
		assert.deepEqual(traces.map(t => `${t.test} ${t.errorType} ${where(t)}`), [
			'test_pair AssertionError test_two_sum.py:4 test_pair',
			'test_last IndexError two_sum.py:8 last',
		]);
	});

	it('finds the learner\'s SyntaxError behind pytest\'s own import frames in a collection error', () => {
		const trace = only(`==================================== ERRORS ====================================
________________________ ERROR collecting test_leap.py _________________________
/home/ana/.venv/lib/python3.11/site-packages/_pytest/python.py:507: in importtestmodule
    mod = import_path(
/home/ana/.venv/lib/python3.11/site-packages/_pytest/pathlib.py:587: in import_path
    importlib.import_module(module_name)
/usr/lib/python3.11/importlib/__init__.py:126: in import_module
    return _bootstrap._gcd_import(name[level:], package, level)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
<frozen importlib._bootstrap>:1204: in _gcd_import
    ???
<frozen importlib._bootstrap>:690: in _load_unlocked
    ???
/home/ana/.venv/lib/python3.11/site-packages/_pytest/assertion/rewrite.py:197: in exec_module
    exec(co, module.__dict__)
test_leap.py:1: in <module>
    from leap import leap
E     File "/home/ana/exercises/leap/leap.py", line 2
E       if year % 4 == 0
E                       ^
E   SyntaxError: expected ':'
=========================== short test summary info ============================
ERROR test_leap.py`);
		assert.equal(trace.errorType, 'SyntaxError');
		assert.equal(trace.message, "expected ':'");
		assert.equal(trace.test, undefined, 'a collection error is not a test');
		assert.equal(where(trace), '/home/ana/exercises/leap/leap.py:2');
		assert.equal(where(trace, ['/somewhere/else']), 'test_leap.py:1 <module>');
	});
});

describe('Node and V8 stacks', () => {
	it('reads a CommonJS TypeError with Node\'s source header, dropping the repeated location', () => {
		const trace = only(`/home/ana/exercises/two-sum/two-sum.js:2
  return nums.map(x => x.foo.bar);
                             ^

TypeError: Cannot read properties of undefined (reading 'bar')
    at /home/ana/exercises/two-sum/two-sum.js:2:30
    at Array.map (<anonymous>)
    at twoSum (/home/ana/exercises/two-sum/two-sum.js:2:15)
    at Object.<anonymous> (/home/ana/exercises/two-sum/two-sum.js:4:13)
    at Module._compile (node:internal/modules/cjs/loader:1521:14)
    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
    at Module.load (node:internal/modules/cjs/loader:1266:32)
    at Module._load (node:internal/modules/cjs/loader:1091:12)
    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
    at node:internal/main/run_main_module:28:49

Node.js v20.20.2`);
		assert.equal(trace.language, 'javascript');
		assert.equal(trace.errorType, 'TypeError');
		assert.equal(trace.message, "Cannot read properties of undefined (reading 'bar')");
		assert.equal(trace.frames.length, 9, 'native frames (Array.map) have no location and are left out; the header is not counted twice');
		assert.equal(where(trace), '/home/ana/exercises/two-sum/two-sum.js:2:30');
		assert.equal(trace.frames[1].functionName, 'twoSum');
		assert.equal(trace.frames.at(-1)!.file, 'node:internal/main/run_main_module');
		assert.ok(trace.frames.slice(3).every(f => f.internal));
	});

	it('takes a SyntaxError\'s place from the caret header, since every frame is Node\'s', () => {
		const trace = only(`/home/ana/exercises/add/add.js:2
  return a +;
            ^

SyntaxError: Unexpected token ';'
    at wrapSafe (node:internal/modules/cjs/loader:1464:18)
    at Module._compile (node:internal/modules/cjs/loader:1495:20)
    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
    at Module.load (node:internal/modules/cjs/loader:1266:32)
    at Module._load (node:internal/modules/cjs/loader:1091:12)
    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
    at node:internal/main/run_main_module:28:49

Node.js v20.20.2`);
		assert.equal(trace.errorType, 'SyntaxError');
		assert.equal(where(trace), '/home/ana/exercises/add/add.js:2:13', 'the column is the caret\'s');
	});

	it('reads ESM file URLs, async frames and an ESM SyntaxError header', () => {
		const [reference, syntax] = findTraces(`file:///home/ana/exercises/total/total.mjs:2
  return nums.reduce((a, b) => a + b, totl);
                                      ^

ReferenceError: totl is not defined
    at total (file:///home/ana/exercises/total/total.mjs:2:39)
    at file:///home/ana/exercises/total/total.mjs:4:13
    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)
    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)
    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)

Node.js v20.20.2
file:///home/ana/exercises/My%20Pack/obj.mjs:3
  b: 2
  ^

SyntaxError: Unexpected identifier 'b'
    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)
    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)
    at #translate (node:internal/modules/esm/loader:497:12)
    at async ModuleJob._link (node:internal/modules/esm/module_job:148:19)`);
		assert.equal(reference.errorType, 'ReferenceError');
		assert.equal(where(reference), '/home/ana/exercises/total/total.mjs:2:39 total');
		assert.equal(reference.frames.find(f => f.functionName === 'ModuleLoader.import')?.internal, true, '"async " is not part of the name');
		assert.equal(where(syntax), '/home/ana/exercises/My Pack/obj.mjs:3:3', 'percent-escapes are decoded');
	});

	it('reads a Node 22 stack with a module-not-found message over several lines', () => {
		const trace = only(`node:internal/modules/cjs/loader:1228
  throw err;
  ^

Error: Cannot find module './missing'
Require stack:
- /home/ana/exercises/app/index.js
    at Function._resolveFilename (node:internal/modules/cjs/loader:1225:15)
    at Function._load (node:internal/modules/cjs/loader:1055:27)
    at TracingChannel.traceSync (node:diagnostics_channel:322:14)
    at wrapModuleLoad (node:internal/modules/cjs/loader:220:24)
    at Module.require (node:internal/modules/cjs/loader:1311:12)
    at require (node:internal/modules/helpers:136:16)
    at Object.<anonymous> (/home/ana/exercises/app/index.js:1:11)
    at Module._compile (node:internal/modules/cjs/loader:1554:14)
    at Object..js (node:internal/modules/cjs/loader:1706:10)
    at Module.load (node:internal/modules/cjs/loader:1289:32) {
  code: 'MODULE_NOT_FOUND',
  requireStack: [ '/home/ana/exercises/app/index.js' ]
}

Node.js v22.14.0`);
		assert.equal(trace.errorType, 'Error');
		assert.equal(trace.message, "Cannot find module './missing'\nRequire stack:\n- /home/ana/exercises/app/index.js");
		assert.equal(trace.frames[0].file, 'node:internal/modules/cjs/loader', 'the header location is Node\'s own');
		assert.equal(where(trace), '/home/ana/exercises/app/index.js:1:11 Object.<anonymous>');
		assert.equal(trace.frames.at(-1)!.line, 1289, 'the trailing "{" of the error\'s properties is not part of the frame');
	});

	it('reads Windows paths, file:///C:/ URLs and node_modules frames', () => {
		const trace = only(String.raw`C:\Users\Ana\exercises\sort\sort.js:5
    return list.sort((a, b) => a.value - b.value).map(x => x.label.trim());
                                                                   ^

TypeError: Cannot read properties of undefined (reading 'trim')
    at C:\Users\Ana\exercises\sort\sort.js:5:68
    at Array.map (<anonymous>)
    at sortItems (C:\Users\Ana\exercises\sort\sort.js:5:51)
    at C:\Users\Ana\exercises\sort\node_modules\lodash\lodash.js:5005:15
    at main (file:///C:/Users/Ana/exercises/sort/main.mjs:3:1)`);
		assert.equal(trace.frames[0].file, String.raw`C:\Users\Ana\exercises\sort\sort.js`);
		assert.equal(trace.frames[0].column, 68);
		assert.equal(trace.frames[2].internal, true, 'node_modules is not the learner\'s code');
		assert.equal(trace.frames[3].file, String.raw`C:\Users\Ana\exercises\sort\main.mjs`);
		assert.equal(where(trace, [String.raw`C:\Users\Ana\exercises`]), String.raw`C:\Users\Ana\exercises\sort\sort.js:5:68`);
		assert.equal(fromFileUrl('file:///C:/Users/Ana/a%20b.mjs'), String.raw`C:\Users\Ana\a b.mjs`);
	});

	it('reads node:test\'s indented failures and keeps the assertion diff as the message', () => {
		const traces = findTraces(`\u2716 sums (2.521138ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
  
  5 !== 6
  
      at TestContext.<anonymous> (file:///home/ana/exercises/sum/sum.test.mjs:5:29)
      at Test.runInAsyncScope (node:async_hooks:206:9)
      at Test.run (node:internal/test_runner/test:796:25)
      at node:internal/process/task_queues:140:7 {
    generatedMessage: true,
    code: 'ERR_ASSERTION',
    actual: 5,
    expected: 6,
    operator: 'strictEqual'
  }

\u2716 crash (0.318169ms)
  TypeError [Error]: Cannot read properties of null (reading 'x')
      at TestContext.<anonymous> (file:///home/ana/exercises/sum/sum.test.mjs:7:28)
      at Test.runInAsyncScope (node:async_hooks:206:9)
`);
		assert.deepEqual(traces.map(t => t.errorType), ['AssertionError', 'TypeError']);
		assert.equal(traces[0].message, 'Expected values to be strictly equal:\n\n5 !== 6');
		assert.equal(where(traces[1]), '/home/ana/exercises/sum/sum.test.mjs:7:28 TestContext.<anonymous>');
	});

	it('leaves Jest\'s code frame out of the message and strips terminal colours', () => {
		const trace = only(`\u001b[1m\u001b[31m  \u25cf \u001b[1mtotal \u203a adds numbers\u001b[39m\u001b[22m

    TypeError: nums.reduce is not a function

    \u001b[0m \u001b[90m 1 |\u001b[39m \u001b[36mfunction\u001b[39m total(nums) {
    \u001b[31m\u001b[1m>\u001b[22m\u001b[39m\u001b[90m 2 |\u001b[39m   \u001b[36mreturn\u001b[39m nums\u001b[33m.\u001b[39mreduce((a\u001b[33m,\u001b[39m b) \u001b[33m=>\u001b[39m a \u001b[33m+\u001b[39m b)\u001b[33m;\u001b[39m
     \u001b[90m   |\u001b[39m               \u001b[31m\u001b[1m^\u001b[22m\u001b[39m

      at reduce (total.js:2:15)
      at Object.<anonymous> (total.test.js:4:12)`);
		assert.equal(trace.message, 'nums.reduce is not a function');
		assert.equal(where(trace), 'total.js:2:15 reduce');
	});

	it('follows an eval frame to the file that called eval', () => {
		const trace = only(`ReferenceError: x is not defined
    at eval (eval at run (/home/ana/exercises/repl/run.js:3:10), <anonymous>:1:1)
    at run (/home/ana/exercises/repl/run.js:3:10)`);
		assert.equal(trace.frames[0].file, '/home/ana/exercises/repl/run.js');
		assert.equal(trace.frames[0].line, 3);
	});
});

describe('Mixed terminal output', () => {
	it('finds every trace in order and ignores text that only looks like an error', () => {
		const text = `ana@laptop:~/exercises$ node two-sum.js
TypeError: twoSum is not a function
    at Object.<anonymous> (/home/ana/exercises/run.js:3:1)
ana@laptop:~/exercises$ echo "ValueError: not a real traceback"
ValueError: not a real traceback
ana@laptop:~/exercises$ python3 none.py
Traceback (most recent call last):
  File "/home/ana/exercises/none.py", line 4, in <module>
    print(n.next.value)
          ^^^^^^^^^^^^
AttributeError: 'NoneType' object has no attribute 'value'
ana@laptop:~/exercises$ `;
		const traces = findTraces(text);
		assert.deepEqual(traces.map(t => `${t.language} ${t.errorType}`), ['javascript TypeError', 'python AttributeError']);
		assert.equal(parseTrace(text)?.errorType, 'TypeError');
		assert.deepEqual(findTraces('All 12 tests passed.\nDone in 0.4 s'), []);
	});

	it('says there is no learner frame when every frame is a library\'s', () => {
		const trace = only(`Error: connect ECONNREFUSED 127.0.0.1:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)
    at /home/ana/exercises/app/node_modules/pg/lib/client.js:132:73`);
		assert.equal(primaryFrame(trace), undefined);
	});
});
