// Review on save: what a scripted editing session costs through ReviewScheduler (debounce, hash
// cache, changed functions only) against reviewing the whole file on every save, with the same
// fake model, which counts calls and the input tokens of each real request (chars / 4).
//   session   a generated 2,000-line Python file and a 2,000-line JavaScript file; 50 saves each:
//             40 with a small edit in a different function or method, 10 of unchanged content
//   rows      model calls, tokens sent (ours vs baseline, ratio), calls for unchanged saves
//             (target 0), and the median time of hunk selection on the 2,000-line file
'use strict';

const LINES = 2000;
const SAVES = 50;
const UNCHANGED_EVERY = 5; // every 5th save re-saves unchanged content: 10 of 50
const RUNS = Number(process.env.CODEMENTOR_BENCH_RUNS || 5);

/** Deterministic pseudo-random numbers, so every run edits the same places. */
function rng(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

// ---- generated sources ------------------------------------------------------------------------------

function pythonModule(lines) {
	const random = rng(7);
	const pick = xs => xs[Math.floor(random() * xs.length)];
	const out = [
		'"""Inventory toolkit: parsing, pricing and stock keeping (generated for the review benchmark)."""',
		'import json',
		'import math',
		'from dataclasses import dataclass, field',
		'from typing import Dict, List, Optional',
		'',
		'TAX_RATE = 0.2',
		'MAX_BATCH = 500',
	];
	const units = [];
	const fns = [
		k => [
			`def parse_record_${k}(line: str) -> Optional[dict]:`,
			`    """Parse one CSV record of batch ${k}; None when it is malformed."""`,
			'    parts = [p.strip() for p in line.split(",")]',
			`    if len(parts) < ${3 + (k % 3)}:`,
			'        return None',
			'    try:',
			'        qty = int(parts[1])',
			'        price = float(parts[2])',
			'    except ValueError:',
			'        return None',
			'    return {"name": parts[0], "qty": qty, "price": price * (1 + TAX_RATE)}',
		],
		k => [
			`def moving_average_${k}(values: List[float], window: int = ${2 + (k % 5)}) -> List[float]:`,
			'    result = []',
			'    total = 0.0',
			'    for i, v in enumerate(values):',
			'        total += v',
			'        if i >= window:',
			'            total -= values[i - window]',
			'        if i >= window - 1:',
			'            result.append(total / window)',
			'    return result',
		],
		k => [
			`def summarize_orders_${k}(orders: List[dict]) -> Dict[str, float]:`,
			`    """Totals per customer for report ${k}."""`,
			'    totals: Dict[str, float] = {}',
			'    for order in orders:',
			'        customer = order.get("customer", "unknown")',
			`        amount = order["qty"] * order["price"] * ${(1 + (k % 4) / 10).toFixed(1)}`,
			'        totals[customer] = totals.get(customer, 0.0) + amount',
			'    return {name: round(value, 2) for name, value in sorted(totals.items())}',
		],
		k => [
			`def distance_${k}(a: tuple, b: tuple) -> float:`,
			'    dx = a[0] - b[0]',
			'    dy = a[1] - b[1]',
			`    return math.sqrt(dx * dx + dy * dy) * ${1 + (k % 3)}`,
		],
		k => [
			`def load_config_${k}(path: str) -> dict:`,
			'    with open(path, encoding="utf-8") as handle:',
			'        data = json.load(handle)',
			'    if not isinstance(data, dict):',
			`        raise ValueError("config ${k} must be an object")`,
			`    data.setdefault("batch", min(MAX_BATCH, ${50 * (1 + (k % 4))}))`,
			'    return data',
		],
	];
	const cls = k => [
		'@dataclass',
		`class Warehouse${k}:`,
		`    """Stock kept in warehouse ${k}."""`,
		'    name: str',
		'    items: Dict[str, int] = field(default_factory=dict)',
		'',
		'    def add(self, sku: str, qty: int) -> None:',
		'        if qty <= 0:',
		'            raise ValueError("qty must be positive")',
		'        self.items[sku] = self.items.get(sku, 0) + qty',
		'',
		'    def remove(self, sku: str, qty: int) -> bool:',
		'        have = self.items.get(sku, 0)',
		'        if have < qty:',
		'            return False',
		'        self.items[sku] = have - qty',
		'        return True',
		'',
		'    def total(self) -> int:',
		'        return sum(self.items.values())',
		'',
		'    def report(self) -> str:',
		`        lines = [f"{sku}: {qty}" for sku, qty in sorted(self.items.items())][:${10 + k}]`,
		'        return "\\n".join(lines)',
	];
	for (let k = 0; ; k++) {
		const unit = k % 6 === 5 ? cls(k) : pick(fns)(k);
		if (out.length + unit.length + 2 > lines - 3) {
			break;
		}
		out.push('', '', ...unit);
		units.push(unit[0].startsWith('@') ? unit[1] : unit[0]);
	}
	while (out.length < lines - 3) {
		out.push('');
	}
	out.push('', 'if __name__ == "__main__":', '    print(parse_record_0("apple, 3, 1.5"))');
	return { text: `${out.join('\n')}\n`, units };
}

function javascriptModule(lines) {
	const out = [
		"// Inventory toolkit: parsing, pricing and stock keeping (generated for the review benchmark).",
		"import { readFile } from 'node:fs/promises';",
		'',
		'const TAX_RATE = 0.2;',
		'const MAX_BATCH = 500;',
	];
	const units = [];
	const fns = [
		k => [
			`export function parseRecord${k}(line) {`,
			"  const parts = line.split(',').map((p) => p.trim());",
			`  if (parts.length < ${3 + (k % 3)}) {`,
			'    return undefined;',
			'  }',
			'  const qty = Number.parseInt(parts[1], 10);',
			'  const price = Number.parseFloat(parts[2]);',
			'  if (Number.isNaN(qty) || Number.isNaN(price)) {',
			'    return undefined;',
			'  }',
			'  return { name: parts[0], qty, price: price * (1 + TAX_RATE) };',
			'}',
		],
		k => [
			`export const movingAverage${k} = (values, window = ${2 + (k % 5)}) => {`,
			'  const result = [];',
			'  let total = 0;',
			'  values.forEach((v, i) => {',
			'    total += v;',
			'    if (i >= window) {',
			'      total -= values[i - window];',
			'    }',
			'    if (i >= window - 1) {',
			'      result.push(total / window);',
			'    }',
			'  });',
			'  return result;',
			'};',
		],
		k => [
			`export async function loadConfig${k}(path) {`,
			"  const data = JSON.parse(await readFile(path, 'utf8'));",
			"  if (typeof data !== 'object' || data === null) {",
			`    throw new Error(\`config ${k} must be an object, got \${typeof data}\`);`,
			'  }',
			`  data.batch ??= Math.min(MAX_BATCH, ${50 * (1 + (k % 4))});`,
			'  return data;',
			'}',
		],
	];
	const cls = k => [
		`export class Warehouse${k} {`,
		'  constructor(name) {',
		'    this.name = name;',
		'    this.items = new Map();',
		'  }',
		'',
		'  add(sku, qty) {',
		'    if (qty <= 0) {',
		"      throw new RangeError('qty must be positive');",
		'    }',
		'    this.items.set(sku, (this.items.get(sku) ?? 0) + qty);',
		'  }',
		'',
		'  remove(sku, qty) {',
		'    const have = this.items.get(sku) ?? 0;',
		'    if (have < qty) {',
		'      return false;',
		'    }',
		'    this.items.set(sku, have - qty);',
		'    return true;',
		'  }',
		'',
		'  get total() {',
		'    let sum = 0;',
		'    for (const qty of this.items.values()) {',
		'      sum += qty;',
		'    }',
		'    return sum;',
		'  }',
		'',
		'  report() {',
		`    return [...this.items].sort().slice(0, ${10 + k}).map(([sku, qty]) => \`\${sku}: \${qty}\`).join('\\n');`,
		'  }',
		'}',
	];
	for (let k = 0; ; k++) {
		const unit = k % 6 === 5 ? cls(k) : fns[k % fns.length](k);
		if (out.length + unit.length + 1 > lines) {
			break;
		}
		out.push('', ...unit);
		units.push(unit[0]);
	}
	while (out.length < lines) {
		out.push('');
	}
	return { text: `${out.join('\n')}\n`, units };
}

// ---- the editing session ------------------------------------------------------------------------------

/**
 * A small edit in a different unit each time: a number bumped, a comment added, or a line
 * inserted, somewhere in the body of a function or a class's method. Returns the new text and the
 * edited line (what the editor would report as the latest edit).
 */
function editOnce(text, units, random, step, python) {
	const lines = text.split('\n');
	const header = units[Math.floor(random() * units.length)];
	const start = lines.indexOf(header);
	let end = start + 1;
	const closes = python ? l => l !== '' && !/^\s/.test(l) : l => l === '}' || l === '};';
	while (end < lines.length && !closes(lines[end])) {
		end++;
	}
	const body = [];
	for (let i = start + 1; i < end; i++) {
		if (lines[i].trim().length > 4) {
			body.push(i);
		}
	}
	const at = body[Math.floor(random() * body.length)];
	const indent = /^\s*/.exec(lines[at])[0];
	const kind = random();
	if (kind < 0.4 && /\d/.test(lines[at])) {
		lines[at] = lines[at].replace(/\d+/, n => String(Number(n) + 1));
	} else if (kind < 0.7) {
		lines[at] = `${lines[at]} ${python ? '#' : '//'} checked in step ${step}`;
	} else {
		lines.splice(at + 1, 0, python ? `${indent}print("step ${step}")` : `${indent}console.log('step ${step}');`);
		return { text: lines.join('\n'), line: at + 2 };
	}
	return { text: lines.join('\n'), line: at + 1 };
}

function session(source, python) {
	const random = rng(python ? 11 : 13);
	const saves = [];
	let text = source.text;
	for (let i = 0; i < SAVES; i++) {
		if (i % UNCHANGED_EVERY === UNCHANGED_EVERY - 1) {
			saves.push({ text, line: undefined, unchanged: true });
			continue;
		}
		const edit = editOnce(text, source.units, random, i, python);
		text = edit.text;
		saves.push({ text, line: edit.line, unchanged: false });
	}
	return saves;
}

function fakeModel() {
	const counts = { calls: 0, tokens: 0 };
	const provider = {
		id: 'openai',
		label: 'Bench',
		defaultModel: 'bench',
		async *chat(request) {
			counts.calls++;
			const chars = (request.system ?? []).reduce((n, b) => n + b.text.length, 0) + request.messages.reduce((n, m) => n + m.content.length, 0);
			counts.tokens += Math.ceil(chars / 4);
			// One finding on the first line shown, as a model with something to say would give.
			const first = /Lines shown: (\d+)/.exec(request.messages[0].content);
			const findings = first ? [{ startLine: Number(first[1]), endLine: Number(first[1]), severity: 'info', category: 'readability', message: 'Could a clearer name help here?' }] : [];
			const text = JSON.stringify({ findings });
			yield { type: 'done', result: { text, toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 }, stopReason: 'stop', model: 'bench' } };
		},
		listModels: async () => [],
	};
	return { provider, counts };
}

function fakeClock() {
	let now = Date.parse('2026-01-05T10:00:00Z');
	const pending = new Map();
	let seq = 0;
	return {
		now: () => now,
		timers: {
			setTimeout: (run, ms) => {
				pending.set(++seq, { at: now + ms, run });
				return seq;
			},
			clearTimeout: handle => pending.delete(handle),
		},
		advance(ms) {
			const until = now + ms;
			for (;;) {
				const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) {
					break;
				}
				pending.delete(due[0]);
				now = due[1].at;
				due[1].run();
			}
			now = until;
		},
	};
}

async function ours(saves, languageId, path) {
	const { ReviewScheduler } = require('../../src/core/review/reviewer.ts');
	const { TokenBudget } = require('../../src/core/review/budget.ts');
	const model = fakeModel();
	const clock = fakeClock();
	const scheduler = new ReviewScheduler({
		resolveModel: async () => model.provider,
		ensureConsent: async () => true,
		onFindings: () => undefined,
		timers: clock.timers,
		now: clock.now,
		// The budget is not what is measured here.
		budget: new TokenBudget({ tokensPerHour: Infinity, now: clock.now }),
	});
	const settings = { mode: 'workspace', languages: [], exclude: [] };
	let unchangedCalls = 0;
	for (const save of saves) {
		const before = model.counts.calls;
		scheduler.onSave({ uri: `file:///bench/${path}`, path, languageId, text: save.text, isExerciseFile: false, recentLines: save.line ? [save.line] : undefined }, settings);
		clock.advance(5000); // the learner pauses longer than the debounce between saves
		await scheduler.settled();
		if (save.unchanged) {
			unchangedCalls += model.counts.calls - before;
		}
	}
	return { ...model.counts, unchangedCalls, stats: scheduler.stats };
}

async function baseline(saves, languageId, path) {
	const { generateObject } = require('../../src/core/llm/structured.ts');
	const { reviewPrompt, reviewResultSchema } = require('../../src/core/review/findings.ts');
	const { selectHunks } = require('../../src/core/review/hunks.ts');
	const model = fakeModel();
	let unchangedCalls = 0;
	for (const save of saves) {
		const before = model.counts.calls;
		const whole = selectHunks(undefined, save.text, { languageId, maxTokens: Infinity });
		const prompt = reviewPrompt({ path, language: languageId, snippet: whole.snippet, ranges: whole.ranges });
		await generateObject(model.provider, { ...prompt, signal: new AbortController().signal, userInitiated: false, purpose: 'review', schemaName: 'review' }, reviewResultSchema);
		if (save.unchanged) {
			unchangedCalls += model.counts.calls - before;
		}
	}
	return { ...model.counts, unchangedCalls };
}

function hunkTimes(saves, languageId) {
	const { selectHunks } = require('../../src/core/review/hunks.ts');
	const times = [];
	let previous;
	for (const save of saves) {
		if (!save.unchanged && previous !== undefined) {
			for (let r = 0; r < RUNS; r++) {
				const t0 = performance.now();
				selectHunks(previous, save.text, { languageId, recentLines: [save.line] });
				times.push(performance.now() - t0);
			}
		}
		previous = save.text;
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

module.exports = {
	title: 'Review on save (changed functions + hash cache vs the whole file on every save, fake model)',
	async run({ log } = {}) {
		const rows = [];
		for (const [name, languageId, path, make] of [
			['Python', 'python', 'inventory.py', () => pythonModule(LINES)],
			['JavaScript', 'javascript', 'inventory.js', () => javascriptModule(LINES)],
		]) {
			const source = make();
			const saves = session(source, languageId === 'python');
			const a = await ours(saves, languageId, path);
			const b = await baseline(saves, languageId, path);
			const medianMs = hunkTimes(saves, languageId);
			log?.(`${name}: ${source.text.split('\n').length - 1} lines, ${saves.length} saves (${saves.filter(s => s.unchanged).length} unchanged); skipped ${JSON.stringify(a.stats.skipped)}`);
			rows.push({ metric: `${name}: model calls for ${saves.length} saves`, value: a.calls, baseline: b.calls, ratio: a.calls / b.calls });
			rows.push({ metric: `${name}: input tokens sent`, value: a.tokens, unit: 'tok', baseline: b.tokens, ratio: a.tokens / b.tokens });
			rows.push({ metric: `${name}: input tokens per review`, value: Math.round(a.tokens / Math.max(1, a.calls)), unit: 'tok', baseline: Math.round(b.tokens / b.calls) });
			rows.push({ metric: `${name}: calls for unchanged saves`, value: a.unchangedCalls, baseline: b.unchangedCalls, target: '0', ok: a.unchangedCalls === 0 });
			rows.push({ metric: `${name}: hunk selection, ${LINES}-line file (median)`, value: medianMs, unit: 'ms', target: '< 10 ms', ok: medianMs < 10 });
		}
		return rows;
	},
};
