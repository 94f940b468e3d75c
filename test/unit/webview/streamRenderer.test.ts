import * as assert from 'node:assert/strict';
import { installDom, manualFrames, type TestDom } from './dom';
import { decorateCodeBlocks } from '../../../webview-ui/tutor/codeBlocks';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../../webview-ui/tutor/markdown';
import { StreamRenderer } from '../../../webview-ui/tutor/streamRenderer';

const tricky = [
	'# Heading',
	'',
	'A paragraph with **bold**, *em*, `code`, a [link](https://example.com) and www.example.org.',
	'It continues on a second line.',
	'',
	'1. first',
	'2. second',
	'',
	'   continued paragraph in the item',
	'',
	'3. third',
	'   ```python',
	'   def f(x):',
	'       return x * 2',
	'   ```',
	'',
	'- bullet',
	'  - nested',
	'- another',
	'',
	'> quote line',
	'lazy continuation',
	'',
	'| Left | Right | Center |',
	'|:-----|------:|:------:|',
	'| a    |     1 |   x    |',
	'| b    |     2 |   y    |',
	'',
	'```js',
	'const a = 1;',
	'',
	'const b = 2;',
	'```',
	'',
	'Setext heading',
	'==============',
	'',
	'    indented code',
	'',
	'    more indented',
	'',
	'para',
	'#',
	'#hashtag line',
	'para two',
	'- item interrupts',
	'',
	'---',
	'',
	'~~~',
	'tilde fence',
	'~~~',
	'````md',
	'```',
	'nested fence text',
	'```',
	'````',
	'Final paragraph with a trailing fence:',
	'```',
	'unclosed',
].join('\n');

function chunks(text: string, size: number | (() => number)): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length;) {
		const n = typeof size === 'number' ? size : size();
		out.push(text.slice(i, i + n));
		i += n;
	}
	return out;
}

/** A deterministic pseudo-random generator, so a failing chunking can be reproduced. */
function random(seed: number): () => number {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
}

describe('StreamRenderer', () => {
	let dom: TestDom;
	let markdown: MarkdownRenderer;

	before(() => {
		dom = installDom();
		markdown = createMarkdownRenderer(dom.window);
	});
	after(() => dom.restore());

	function renderer(schedule = manualFrames().schedule): StreamRenderer {
		const r = new StreamRenderer(dom.document, { markdown, decorate: block => decorateCodeBlocks(block, true), schedule });
		dom.document.body.append(r.element);
		return r;
	}

	function streamed(text: string, pieces: string[]): StreamRenderer {
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		for (const piece of pieces) {
			r.append(piece);
			frames.run();
		}
		r.finish();
		assert.equal(r.text, text);
		return r;
	}

	/** The markup of the whole text rendered in one go by markdown-it, without block wrappers. */
	function wholeMarkup(text: string): string {
		const div = dom.document.createElement('div');
		div.append(markdown.render(text));
		decorateCodeBlocks(div, true);
		return div.innerHTML;
	}

	function unwrapped(r: StreamRenderer): string {
		return Array.from(r.element.children, block => block.innerHTML).join('');
	}

	it('renders the same markup chunk by chunk as for the whole text at once, however the text is cut', () => {
		const whole = wholeMarkup(tricky);
		assert.match(whole, /<table>/);
		assert.match(whole, /class="align-right"/);
		assert.match(whole, /<h1><\/h1>/, 'a lone # is an empty heading');
		const rand = random(7);
		const cuts: [string, string[]][] = [
			['9 chars', chunks(tricky, 9)],
			['lines', tricky.split(/(?<=\n)/)],
			['random', chunks(tricky, () => 1 + Math.floor(rand() * 40))],
		];
		for (const [name, pieces] of cuts) {
			const r = streamed(tricky, pieces);
			assert.equal(unwrapped(r), whole, `cut into ${name}`);
			assert.ok(r.settledBlocks.length > 10, `${name}: blocks were settled while streaming`);
		}
	});

	it('shows, after every frame, what rendering the text received so far in one go would show', () => {
		const rand = random(11);
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		let steps = 0;
		for (const piece of chunks(tricky, () => 1 + Math.floor(rand() * 30))) {
			r.append(piece);
			frames.run();
			const reference = renderer();
			reference.setText(r.text);
			reference.flush();
			assert.equal(unwrapped(r), unwrapped(reference), `after ${JSON.stringify(r.text.slice(-40))}`);
			reference.element.remove();
			steps++;
		}
		assert.ok(steps >= tricky.length / 30, `${steps} steps`);
	});

	it('adds plain words without parsing only where that cannot change the rendering', () => {
		// Endings where the next characters change what came before: links being typed, entities,
		// escapes, closing hashes, emphasis flanking, list markers, trailing spaces.
		const snippets = [
			'See example and example.com or www.example.org/path and mail me at tutor@example.com today.',
			'Entities like &amp and &copy; and escapes like \\* or \\_ stay literal, or not.',
			'# A heading #',
			'## A heading with more #words',
			'Emphasis *a*b and _a_b and __strong__ and foo*bar* and a * b * c.',
			'1 2 3 are numbers; 1) and 2. start lists only at the start of a line:\n\n1\n\nor here',
			'- item one   with spaces   \n- item two: the colon, then more',
			'> quoted words, quoted more\nlazy continuation of the quote',
			'Sentences end. Next ones start! Questions? Yes: answers (in brackets) too - and dashes.',
		];
		let steps = 0;
		for (const snippet of snippets) {
			for (const size of [1, 4]) {
				const frames = manualFrames();
				const r = renderer(frames.schedule);
				for (const piece of chunks(snippet, size)) {
					r.append(piece);
					frames.run();
					const reference = renderer();
					reference.setText(r.text);
					reference.flush();
					assert.equal(unwrapped(r), unwrapped(reference), `chunks of ${size}, after ${JSON.stringify(r.text)}`);
					reference.element.remove();
					steps++;
				}
				r.element.remove();
			}
		}
		assert.ok(steps > 600, `${steps} steps`);
	});

	it('does not settle a block on the strength of a line still being typed', () => {
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		r.append('A paragraph\n#');
		frames.run();
		assert.ok(r.element.querySelector('h1'), 'a lone # is a heading for now');
		assert.equal(r.settledBlocks.length, 0);
		r.append('hashtag continues it\n\nNext\n');
		frames.run();
		assert.equal(r.element.querySelector('h1'), null);
		assert.equal(r.settledBlocks.length, 1);
		assert.equal(r.settledBlocks[0].innerHTML, '<p>A paragraph\n#hashtag continues it</p>\n');
	});

	it('batches chunks that arrive within one frame into one render', () => {
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		for (const piece of chunks('Hello **world**, this is one frame.', 4)) {
			r.append(piece);
		}
		assert.equal(r.element.textContent, '', 'nothing is rendered before the frame');
		assert.equal(frames.run(), 1);
		assert.equal(r.element.querySelector('strong')?.textContent, 'world');
	});

	it('keeps settled blocks as the same, untouched DOM nodes while later chunks arrive', async () => {
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		const pieces = chunks(tricky, 5);
		const half = Math.floor(pieces.length / 2);
		pieces.slice(0, half).forEach(p => {
			r.append(p);
			frames.run();
		});
		const early = [...r.settledBlocks];
		assert.ok(early.length >= 5, 'several blocks settled in the first half');
		const firstHeading = r.element.querySelector('h1');
		const records: MutationRecord[] = [];
		const observer = new dom.window.MutationObserver(list => records.push(...list));
		early.forEach(block => observer.observe(block, { subtree: true, childList: true, characterData: true, attributes: true }));
		pieces.slice(half).forEach(p => {
			r.append(p);
			frames.run();
		});
		r.finish();
		await new Promise(resolve => setTimeout(resolve, 0));
		observer.disconnect();
		early.forEach((block, i) => {
			assert.equal(r.element.children[i], block, `block ${i} is the same node`);
		});
		assert.equal(r.element.querySelector('h1'), firstHeading);
		assert.deepEqual(records, [], 'no settled block was modified');
	});

	it('appends to an open code fence without re-creating it, and highlights it when it closes', () => {
		const frames = manualFrames();
		const r = renderer(frames.schedule);
		r.append('Here:\n\n```python\ndef f(x):\n');
		frames.run();
		const code = r.element.querySelector('.code-block code');
		assert.ok(code);
		r.append('    return x\n');
		frames.run();
		r.append('print(f(1))\n');
		frames.run();
		assert.equal(r.element.querySelector('.code-block code'), code, 'the open fence is the same element');
		assert.equal(code.textContent, 'def f(x):\n    return x\nprint(f(1))\n');
		assert.equal(code.querySelector('.hljs-keyword'), null, 'not highlighted while open');
		r.append('```\n\nDone.');
		frames.run();
		r.finish();
		assert.ok(r.element.querySelector('.code-block code .hljs-keyword'), 'highlighted once closed');
		assert.match(r.element.textContent!, /print\(f\(1\)\)\n\s*Done\.\s*$/);
	});

	it('replaces the text when setText does not extend it', () => {
		const r = renderer();
		r.setText('First **version**');
		r.finish();
		r.setText('First **version**, extended');
		r.finish();
		assert.equal(r.element.textContent!.trim(), 'First version, extended');
		r.setText('Something else');
		r.finish();
		assert.equal(r.element.textContent!.trim(), 'Something else');
		assert.equal(r.element.querySelector('strong'), null);
	});

	it('neutralises raw HTML, event handlers, scripts and javascript: links, streamed or not', () => {
		const evil = [
			'<script>alert(1)</script>',
			'',
			'<img src=x onerror="alert(1)"> and <svg onload=alert(1)></svg>',
			'',
			'[click](javascript:alert(1)) [caps](JAVASCRIPT:alert(1)) [spaced](  javascript:alert(1)) [ent](jav&#x61;script:alert(1))',
			'',
			'[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [cmd](command:workbench.action.terminal.new) [file](file:///etc/passwd)',
			'[relative](./notes.md) [fragment](#top) [vscode](vscode://settings) [mail](mailto:tutor@example.com)',
			'',
			'<javascript:alert(1)> ![pixel](https://evil.example/pixel.png?secret=1)',
			'',
			'<a href="javascript:alert(1)">raw link</a> <iframe src="https://evil.example"></iframe>',
			'',
			'```html',
			'<script>alert("in code is fine as text")</script>',
			'```',
			'[ok](https://example.com/safe)',
		].join('\n');
		for (const pieces of [[evil], chunks(evil, 3)]) {
			const r = streamed(evil, pieces);
			const root = r.element;
			assert.equal(root.querySelectorAll('script, img, svg, iframe, object, embed, style').length, 0);
			for (const el of Array.from(root.querySelectorAll('*'))) {
				for (const attr of Array.from(el.attributes)) {
					assert.doesNotMatch(attr.name, /^on/i, `${el.tagName} has ${attr.name}`);
				}
			}
			const hrefs = Array.from(root.querySelectorAll('[href]'), a => a.getAttribute('href')!);
			// Images are links (nothing loads by itself); a bare URL is linkified; nothing else survives.
			assert.deepEqual(hrefs, ['mailto:tutor@example.com', 'https://evil.example/pixel.png?secret=1', 'https://evil.example', 'https://example.com/safe']);
			assert.equal(root.querySelector('a[href]')?.getAttribute('rel'), 'noopener noreferrer');
			assert.match(root.textContent!, /<script>alert\(1\)<\/script>/, 'raw HTML shows as text');
			assert.match(root.querySelector('code.language-html')!.textContent!, /<script>alert/);
		}
	});

});
