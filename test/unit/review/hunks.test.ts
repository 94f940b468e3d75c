// What a review sends after a save: only the changed functions, with true line numbers, within a
// token cap, fast on big files.
import * as assert from 'node:assert/strict';
import { changedRanges, selectHunks, splitLines } from '../../../src/core/review/hunks';

const python = `import math


def area(radius):
    """Area of a circle."""
    return math.pi * radius ** 2


def perimeter(radius):
    return 2 * math.pi * radius


class Counter:
    def __init__(self):
        self.count = 0

    @staticmethod
    def describe():
        return "counts things"

    def increment(self, by=1):
        self.count += by
        return self.count


if __name__ == "__main__":
    print(area(2))
`;

const javascript = `import { readFile } from 'node:fs/promises'

export class Store {
  constructor(path) {
    this.path = path
  }

  async load() {
    const text = await readFile(this.path, 'utf8')
    return text.split('\\n').map((line) => {
      return line.trim()
    })
  }

  size(items) {
    return items.length
  }
}

export function total(
  prices,
  tax,
) {
  const label = \`total \${prices.length}\`
  return prices.reduce((a, b) => a + b, 0) * (1 + tax)
}
`;

const lineOf = (text: string, needle: string) => splitLines(text).findIndex(l => l.includes(needle)) + 1;
const edit = (text: string, from: string, to: string) => {
	assert.ok(text.includes(from), `fixture lacks ${from}`);
	return text.replace(from, to);
};

describe('Review hunks', () => {
	it('sends only the Python function that changed, with its real line numbers', () => {
		const after = edit(python, '2 * math.pi * radius', '2 * math.pi * radius  # circumference');
		const selection = selectHunks(python, after, { languageId: 'python' });
		assert.deepEqual(selection.ranges, [{ startLine: lineOf(after, 'def perimeter'), endLine: lineOf(after, '# circumference') }]);
		// Numbers are padded to the width of the file's last line number.
		assert.equal(selection.snippet, ' 9 | def perimeter(radius):\n10 |     return 2 * math.pi * radius  # circumference');
		assert.equal(lineOf(after, 'def perimeter'), 9);
		assert.doesNotMatch(selection.snippet, /def area|class Counter/);
	});

	it('sends a method rather than its whole class, decorators included', () => {
		const after = edit(python, '"counts things"', '"counts things, one by one"');
		const [range] = selectHunks(python, after, { languageId: 'python' }).ranges;
		assert.deepEqual(range, { startLine: lineOf(after, '@staticmethod'), endLine: lineOf(after, 'one by one') });
	});

	it('sends a few lines of context for a change outside any function', () => {
		const after = edit(python, 'print(area(2))', 'print(area(3))');
		const [range] = selectHunks(python, after, { languageId: 'python', contextLines: 2 }).ranges;
		const changed = lineOf(after, 'area(3)');
		assert.deepEqual(range, { startLine: changed - 2, endLine: Math.min(changed + 2, splitLines(after).length) });
	});

	it('matches JavaScript braces: a method, not its class; a whole function with a multi-line signature', () => {
		const inCallback = edit(javascript, 'return line.trim()', 'return line.trimEnd()');
		assert.deepEqual(selectHunks(javascript, inCallback, { languageId: 'javascript' }).ranges, [{ startLine: lineOf(javascript, 'async load()'), endLine: lineOf(javascript, 'async load()') + 5 }]);
		const inTotal = edit(javascript, '* (1 + tax)', '* (1 + tax / 100)');
		const [range] = selectHunks(javascript, inTotal, { languageId: 'javascript' }).ranges;
		assert.deepEqual(range, { startLine: lineOf(inTotal, 'export function total('), endLine: splitLines(inTotal).length - 1 });
	});

	it('numbers lines by the new text when lines were inserted above', () => {
		const reviewed = python;
		const after = edit(python, 'import math\n', 'import math\nimport sys\nimport os\n').replace('self.count += by', 'self.count += by * 2');
		const ranges = changedRanges(reviewed, after);
		assert.deepEqual(ranges, [
			{ startLine: 2, endLine: 3 },
			{ startLine: lineOf(after, 'by * 2'), endLine: lineOf(after, 'by * 2') },
		]);
		const selection = selectHunks(reviewed, after, { languageId: 'python' });
		assert.match(selection.snippet, new RegExp(`^${lineOf(after, 'by * 2')} \\|         self\\.count \\+= by \\* 2$`, 'm'));
		assert.equal(lineOf(after, 'by * 2'), lineOf(python, 'self.count += by') + 2);
	});

	it('marks a deletion by the lines around it', () => {
		const after = edit(python, '    """Area of a circle."""\n', '');
		assert.deepEqual(changedRanges(python, after), [{ startLine: lineOf(after, 'def area'), endLine: lineOf(after, 'def area') + 1 }]);
		const [range] = selectHunks(python, after, { languageId: 'python' }).ranges;
		assert.equal(range.startLine, lineOf(after, 'def area'));
	});

	it('sends nothing when nothing changed', () => {
		assert.deepEqual(selectHunks(python, python, { languageId: 'python' }), { ranges: [], snippet: '', tokens: 0 });
	});

	it('reviews a new file whole when it fits, else around the latest edits, within the cap', () => {
		const whole = selectHunks(undefined, python, { languageId: 'python' });
		assert.deepEqual(whole.ranges, [{ startLine: 1, endLine: splitLines(python).length }]);
		const big = generatePython(2000);
		const around = selectHunks(undefined, big, { languageId: 'python', maxTokens: 1500, recentLines: [1200] });
		assert.ok(around.tokens <= 1500, `${around.tokens} tokens`);
		assert.ok(around.ranges.some(r => r.startLine <= 1200 && 1200 <= r.endLine));
		const head = selectHunks(undefined, big, { languageId: 'python', maxTokens: 1500 });
		assert.equal(head.ranges[0].startLine, 1);
		assert.ok(head.tokens <= 1500 && head.tokens > 1000, `${head.tokens} tokens`);
	});

	it('keeps many scattered changes within the cap, most recent first', () => {
		const big = generatePython(2000);
		const lines = splitLines(big);
		const changedAt = [150, 700, 1300, 1900];
		for (const l of changedAt) {
			lines[l - 1] += '  # edited';
		}
		const selection = selectHunks(big, lines.join('\n'), { languageId: 'python', maxTokens: 200, recentLines: [1900] });
		assert.ok(selection.tokens <= 200, `${selection.tokens} tokens`);
		assert.ok(selection.ranges.some(r => r.startLine <= 1900 && 1900 <= r.endLine), 'the latest edit is kept');
	});

	it('selects hunks in a 2,000-line file in milliseconds', () => {
		const big = generatePython(2000);
		const lines = splitLines(big);
		const times: number[] = [];
		for (let run = 0; run < 15; run++) {
			const edited = [...lines];
			edited[100 + run * 120] += '  # edit';
			const started = performance.now();
			const selection = selectHunks(big, edited.join('\n'), { languageId: 'python' });
			times.push(performance.now() - started);
			assert.equal(selection.ranges.length, 1);
			assert.ok(selection.ranges[0].endLine - selection.ranges[0].startLine < 20, 'one function, not the file');
		}
		const median = times.sort((a, b) => a - b)[7];
		// About 1 ms on an idle machine; the margin is for a loaded CI runner, not for a slower algorithm.
		assert.ok(median < 50, `median ${median.toFixed(2)} ms`);
	});
});

/** A module of small functions and classes, `lines` long. */
function generatePython(lines: number): string {
	const out = ['import math', ''];
	for (let k = 0; out.length < lines; k++) {
		if (k % 4 === 0) {
			out.push('', `class Shape${k}:`, `    def __init__(self, size):`, `        self.size = size`, '', `    def area(self):`, `        return self.size * ${k}`, '');
		} else {
			out.push('', `def compute_${k}(values):`, `    total = 0`, `    for v in values:`, `        if v > ${k}:`, `            total += v`, `    return total`, '');
		}
	}
	return `${out.slice(0, lines).join('\n')}\n`;
}
