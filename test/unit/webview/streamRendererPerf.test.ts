import * as assert from 'node:assert/strict';
import { installDom, manualFrames, type TestDom } from './dom';
import { decorateCodeBlocks } from '../../../webview-ui/tutor/codeBlocks';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../../webview-ui/tutor/markdown';
import { StreamRenderer } from '../../../webview-ui/tutor/streamRenderer';

/**
 * About 10,000 tokens of tutor answer, dense with markup: every paragraph has bold text, inline code
 * and a link (all different, so nothing rendered once can be reused), with lists and code blocks.
 */
function longAnswer(): { text: string; paragraphs: number; lists: number; codeBlocks: number } {
	const parts: string[] = [];
	let paragraphs = 0;
	let lists = 0;
	let codeBlocks = 0;
	for (let i = 0; parts.join('\n\n').length < 40_000; i++) {
		paragraphs++;
		parts.push(
			`Paragraph ${i} explains **recursion, case ${i}** with \`f${i}(n - 1)\`: every call works on a smaller problem until it reaches the base case, and see https://docs.python.org/3/tutorial/${i}.html for more. Then the results combine on the way back up the call stack.`,
		);
		if (i % 5 === 2) {
			lists++;
			parts.push(`- step one for ${i}\n- step two, with *emphasis*\n- step three`);
		}
		if (i % 7 === 3) {
			codeBlocks++;
			parts.push('```python\n' + Array.from({ length: 12 }, (_, k) => `def f${k}(n):\n    return n if n < 2 else f${k}(n - 1) + ${k}`).join('\n') + '\n```');
		}
	}
	return { text: parts.join('\n\n'), paragraphs, lists, codeBlocks };
}

/** `text` cut into `n` chunks of (nearly) equal length. */
function cut(text: string, n: number): string[] {
	return Array.from({ length: n }, (_, i) => text.slice(Math.floor((i * text.length) / n), Math.floor(((i + 1) * text.length) / n)));
}

describe('StreamRenderer speed', () => {
	let dom: TestDom;
	let markdown: MarkdownRenderer;

	before(() => {
		dom = installDom();
		markdown = createMarkdownRenderer(dom.window);
	});
	after(() => dom.restore());

	/** Streams the chunks with one frame (one render) per chunk; returns the milliseconds each half took. */
	function stream(pieces: string[]): { renderer: StreamRenderer; halves: [number, number] } {
		const frames = manualFrames();
		const renderer = new StreamRenderer(dom.document, { markdown, decorate: block => decorateCodeBlocks(block, true), schedule: frames.schedule });
		dom.document.body.append(renderer.element);
		const halves: [number, number] = [0, 0];
		pieces.forEach((piece, i) => {
			const started = performance.now();
			renderer.append(piece);
			frames.run();
			halves[i < pieces.length / 2 ? 0 : 1] += performance.now() - started;
		});
		const started = performance.now();
		renderer.finish();
		halves[1] += performance.now() - started;
		return { renderer, halves };
	}

	it('renders a 10,000-token answer streamed in 2,000 chunks well under a second, in time linear in its length', function () {
		this.timeout(20_000);
		const answer = longAnswer();
		const tokens = Math.round(answer.text.length / 4);
		assert.ok(tokens >= 10_000, `about ${tokens} tokens`);
		// Twice, keeping the faster: the first pass also pays for compiling the code paths, and
		// other processes on the machine add noise to either.
		const passes = [stream(cut(answer.text, 2000)), stream(cut(answer.text, 2000))];
		const totals = passes.map(p => p.halves[0] + p.halves[1]);
		const best = passes[totals[0] <= totals[1] ? 0 : 1];
		const total = Math.min(...totals);
		console.log(`      ${tokens} tokens in 2000 chunks, one render per chunk: ${totals.map(t => `${t.toFixed(0)} ms`).join(', then ')} (halves of the faster: ${best.halves.map(t => t.toFixed(0)).join(' + ')} ms)`);
		for (const { renderer } of passes) {
			const root = renderer.element;
			assert.equal(root.querySelectorAll('p').length, answer.paragraphs);
			assert.equal(root.querySelectorAll('ul').length, answer.lists);
			assert.equal(root.querySelectorAll('.code-block').length, answer.codeBlocks);
			assert.equal(root.querySelectorAll('.code-block .hljs-keyword').length, answer.codeBlocks * 48, 'def, return, if and else in each of the 12 functions of every code block');
			assert.equal(root.querySelectorAll('a[href^="https://docs.python.org/3/tutorial/"]').length, answer.paragraphs);
			assert.equal(renderer.text, answer.text);
		}
		assert.ok(total < 1000, `took ${total.toFixed(0)} ms`);
		// Rendering everything again per chunk would make the second half about three times the first.
		assert.ok(best.halves[1] < best.halves[0] * 2, `the second half took ${best.halves[1].toFixed(0)} ms, the first ${best.halves[0].toFixed(0)} ms`);
	});
});
