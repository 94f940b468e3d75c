// The mistake classifier against the messages learners actually see (CPython, Node, Pylance,
// TypeScript, ESLint, the graders' test messages), and the Progress view's counts.
import * as assert from 'node:assert/strict';
import type { ProgressEvent } from '../../../src/core/progress/events';
import {
	classifyError,
	countErrorPatterns,
	errorKindDescription,
	errorKindLabel,
	errorKinds,
	recurringPatterns,
	type ErrorKind,
	type ErrorSample,
} from '../../../src/core/tutor/errorPatterns';

const table: readonly (readonly [ErrorKind | undefined, ErrorSample])[] = [
	// none-attribute
	['none-attribute', { message: "AttributeError: 'NoneType' object has no attribute 'value'" }],
	['none-attribute', { message: "'NoneType' object is not subscriptable", errorType: 'TypeError' }],
	['none-attribute', { message: "TypeError: Cannot read properties of undefined (reading 'bar')" }],
	['none-attribute', { message: "Cannot set properties of null (setting 'textContent')", errorType: 'TypeError' }],
	['none-attribute', { message: 'TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))' }],
	['none-attribute', { message: '"value" is not a known attribute of "None"', source: 'Pylance' }],
	['none-attribute', { message: "'node' is possibly 'undefined'.", source: 'ts' }],
	// off-by-one
	['off-by-one', { message: 'IndexError: list index out of range' }],
	['off-by-one', { message: 'string index out of range', errorType: 'IndexError' }],
	['off-by-one', { message: 'RangeError: Invalid array length' }],
	['off-by-one', { message: '[0, 2] != [0, 1]', source: 'test', expected: '[0, 1]', actual: '[0, 2]' }],
	['off-by-one', { message: 'Lists differ: [1, 2, 3] != [1, 2, 3, 4]', source: 'test' }],
	['off-by-one', { message: 'assert [2, 3, 4] == [1, 2, 3]\n\nAt index 0 diff: 2 != 1', source: 'test' }],
	['off-by-one', { message: 'Expected values to be strictly equal:\n\n5 !== 6\n', source: 'test' }],
	['off-by-one', { message: 'expect(received).toBe(expected) // Object.is equality\n\nExpected: 10\nReceived: 9', source: 'test' }],
	['off-by-one', { message: "'hell' != 'hello'", source: 'test' }],
	// indentation
	['indentation', { message: 'IndentationError: unexpected indent' }],
	['indentation', { message: "expected an indented block after 'for' statement on line 3", errorType: 'IndentationError' }],
	['indentation', { message: 'TabError: inconsistent use of tabs and spaces in indentation' }],
	['indentation', { message: 'Unindent not expected', source: 'Pylance' }],
	// undefined-variable
	['undefined-variable', { message: "NameError: name 'totl' is not defined. Did you mean: 'total'?" }],
	['undefined-variable', { message: 'ReferenceError: totl is not defined' }],
	['undefined-variable', { message: '"totl" is not defined', source: 'Pylance' }],
	['undefined-variable', { message: "Cannot find name 'totl'. Did you mean 'total'?", source: 'ts' }],
	['undefined-variable', { message: "UnboundLocalError: cannot access local variable 'count' where it is not associated with a value" }],
	['undefined-variable', { message: "'x' is not defined.", source: 'eslint' }],
	// type-mismatch
	['type-mismatch', { message: "TypeError: unsupported operand type(s) for +: 'int' and 'str'" }],
	['type-mismatch', { message: 'TypeError: can only concatenate str (not "int") to str' }],
	['type-mismatch', { message: 'TypeError: o.count is not a function' }],
	['type-mismatch', { message: "AttributeError: 'list' object has no attribute 'push'" }],
	['type-mismatch', { message: "ValueError: invalid literal for int() with base 10: 'abc'" }],
	['type-mismatch', { message: "Argument of type 'string' is not assignable to parameter of type 'number'.", source: 'ts' }],
	// syntax
	['syntax', { message: "SyntaxError: expected ':'" }],
	['syntax', { message: "SyntaxError: Unexpected token ';'" }],
	['syntax', { message: "'(' was never closed", errorType: 'SyntaxError' }],
	['syntax', { message: 'Unexpected identifier \'b\'', language: 'javascript' }],
	['syntax', { message: "';' expected.", source: 'ts' }],
	// key-error
	['key-error', { message: "KeyError: 'name'" }],
	['key-error', { message: "'name'", errorType: 'KeyError' }],
	// missing-return
	['missing-return', { message: 'None != 6', source: 'test', expected: '6', actual: 'None' }],
	['missing-return', { message: 'assert None == 6\n +  where None = total([1, 2, 3])', source: 'test' }],
	['missing-return', { message: 'AssertionError: None != 6', source: 'test' }],
	['missing-return', { message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ undefined\n- [\n-   1\n- ]', source: 'test' }],
	['missing-return', { message: 'expect(received).toEqual(expected)\n\nExpected: [1, 2]\nReceived: undefined', source: 'test' }],
	// infinite-loop
	['infinite-loop', { message: 'This test did not finish within the time limit (10 s).', source: 'test' }],
	['infinite-loop', { message: 'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called' }],
	['infinite-loop', { message: 'RecursionError: maximum recursion depth exceeded in comparison' }],
	['infinite-loop', { message: 'RangeError: Maximum call stack size exceeded' }],
	// wrong-result
	['wrong-result', { message: "Lists differ: [1, 2] != [2, 1]\n\nFirst differing element 0:", source: 'test' }],
	['wrong-result', { message: 'AssertionError: 4 != 7', source: 'test' }],
	['wrong-result', { message: 'assert False', errorType: 'AssertionError' }],
	['wrong-result', { message: 'Expected values to be strictly equal:\n\n2 !== 7\n', source: 'test' }],
	['wrong-result', { message: 'values differ', source: 'test', expected: "'b'", actual: "'a'" }],
	// none of the above
	[undefined, { message: 'ZeroDivisionError: division by zero' }],
	[undefined, { message: "ModuleNotFoundError: No module named 'numpy'" }],
	[undefined, { message: "'total' is assigned a value but never used.", source: 'eslint' }],
];

describe('classifyError', () => {
	for (const [kind, sample] of table) {
		it(`${kind ?? 'nothing'} ← ${sample.message.split('\n')[0]}`, () => {
			assert.equal(classifyError(sample), kind);
		});
	}

	it('counts only the right "nothing" as a missing return for the language', () => {
		assert.equal(classifyError({ message: 'undefined != 6', source: 'test', expected: '6', actual: 'undefined', language: 'javascript' }), 'missing-return');
		assert.equal(classifyError({ message: 'x', source: 'test', expected: '6', actual: 'undefined', language: 'python' }), 'wrong-result', '"undefined" is just a string in Python');
	});

	it('does not call a value that is only one away by chance off-by-one unless it is one away', () => {
		assert.equal(classifyError({ message: 'x', source: 'test', expected: '[1, 2, 3]', actual: '[1, 3]' }), 'wrong-result', 'a missing middle element is not an end-of-range mistake');
		assert.equal(classifyError({ message: 'x', source: 'test', expected: '[0, 1]', actual: '[0, 3]' }), 'wrong-result');
		assert.equal(classifyError({ message: 'x', source: 'test', expected: '[0, 1]', actual: '[0, 1, 2]' }), 'off-by-one');
	});
});

describe('Error kind labels', () => {
	it('has a label and a one-line description for every kind, and a readable fallback for unknown ones', () => {
		for (const [kind, info] of Object.entries(errorKinds)) {
			assert.ok(info.label.length > 0 && info.label.length <= 24, kind);
			assert.doesNotMatch(info.description, /\n/);
			assert.match(info.description, /\.$/);
			assert.equal(errorKindLabel(kind), info.label);
		}
		assert.equal(errorKindLabel('off-by-one'), 'Off by one');
		assert.equal(errorKindLabel('import-cycle'), 'Import cycle', 'an older or newer version\'s kind still shows');
		assert.equal(errorKindDescription('import-cycle'), undefined);
	});
});

describe('countErrorPatterns', () => {
	let n = 0;
	const seen = (kind: string, at: string): ProgressEvent => ({ id: `e${n++}`, at, type: 'error.seen', kind });
	const events: ProgressEvent[] = [
		seen('off-by-one', '2026-03-01T10:00:00+01:00'),
		seen('none-attribute', '2026-03-02T09:00:00Z'),
		{ id: 'h', at: '2026-03-02T10:00:00Z', type: 'hint.used', level: 2, source: 'model' },
		seen('off-by-one', '2026-03-03T08:00:00-05:00'),
		seen('none-attribute', '2026-03-03T12:00:00Z'),
		seen('off-by-one', '2026-03-02T10:00:00Z'),
		seen('syntax', '2026-03-04T10:00:00Z'),
	];

	it('counts each kind from error.seen events only, most frequent first, with the latest time', () => {
		const counts = countErrorPatterns(events);
		assert.deepEqual(counts, [
			{ kind: 'off-by-one', count: 3, lastAt: '2026-03-03T08:00:00-05:00' },
			{ kind: 'none-attribute', count: 2, lastAt: '2026-03-03T12:00:00Z' },
			{ kind: 'syntax', count: 1, lastAt: '2026-03-04T10:00:00Z' },
		]);
	});

	it('breaks ties by the most recent, comparing instants rather than strings', () => {
		// 13:00+05:00 is 08:00Z: earlier than 09:00Z even though the string sorts later.
		const counts = countErrorPatterns([seen('syntax', '2026-03-01T13:00:00+05:00'), seen('key-error', '2026-03-01T09:00:00Z')]);
		assert.deepEqual(counts.map(c => c.kind), ['key-error', 'syntax']);
	});

	it('keeps the kinds seen at least three times (or the given minimum) as recurring', () => {
		const counts = countErrorPatterns(events);
		assert.deepEqual(recurringPatterns(counts).map(c => c.kind), ['off-by-one']);
		assert.deepEqual(recurringPatterns(counts, 2).map(c => c.kind), ['off-by-one', 'none-attribute']);
		assert.deepEqual(recurringPatterns(countErrorPatterns([])), []);
	});
});
