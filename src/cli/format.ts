// The readable output of the CLI: a grade report (✓/✗ per test, the failure with expected/actual
// and file:line), a validation line per exercise, and the exercise list.
import type { ExerciseSummary, GradeResult, TestCaseResult } from '../core/exercises/model';

const marks: Record<TestCaseResult['status'], string> = { passed: '✓', failed: '✗', errored: '✗', skipped: '○' };

function indent(text: string, by: string): string {
	return text
		.trimEnd()
		.split('\n')
		.map(line => (line ? by + line : line))
		.join('\n');
}

function formatTest(test: TestCaseResult): string {
	const time = test.durationMs !== undefined && test.status !== 'skipped' ? ` (${Math.round(test.durationMs)} ms)` : '';
	const lines = [`  ${marks[test.status]} ${test.name}${time}`];
	if (test.status === 'failed' || test.status === 'errored') {
		if (test.message) {
			lines.push(indent(test.message, '      '));
		}
		// Jest's messages already spell out both values; unittest's only sometimes do.
		const shown = test.message ?? '';
		if (test.expected !== undefined && !(shown.includes(test.expected) && shown.includes(test.actual ?? ''))) {
			lines.push(indent(`expected: ${test.expected}`, '      '), indent(`actual:   ${test.actual ?? ''}`, '      '));
		}
		if (test.location) {
			lines.push(`      at ${test.location.path}:${test.location.line}`);
		}
	} else if (test.status === 'skipped' && test.message) {
		lines[0] += ` — skipped: ${test.message}`;
	}
	return lines.join('\n');
}

export function formatGrade(title: string, result: GradeResult): string {
	const lines = [title, ''];
	for (const test of result.tests) {
		lines.push(formatTest(test));
	}
	if (result.tests.length) {
		lines.push('');
	}
	if (result.error) {
		lines.push(`✗ ${result.error.message}`, '');
	}
	const skipped = result.tests.filter(t => t.status === 'skipped').length;
	lines.push(`${result.passed} passed, ${result.failed} failed${skipped ? `, ${skipped} skipped` : ''} in ${result.durationMs} ms`);
	return lines.join('\n') + '\n';
}

export function formatList(exercises: readonly ExerciseSummary[]): string {
	const idWidth = Math.max(2, ...exercises.map(e => e.id.length));
	return (
		exercises
			.map(e => `${e.id.padEnd(idWidth)}  ${e.language.padEnd(10)}  ${e.difficulty.padEnd(8)}  ${e.title}  [${e.concepts.join(', ')}]`)
			.join('\n') + (exercises.length ? '\n' : '')
	);
}
