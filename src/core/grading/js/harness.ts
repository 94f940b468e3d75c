// CodeMentor's Jest-compatible test harness (dist/grading/jest-harness.cjs, with the standalone
// `expect` bundled in). It runs Exercism-style specs with no npm install: it installs a module
// resolution hook for '@jest/globals' and extensionless relative imports, imports each spec,
// runs EVERY test it declared (xtest/skip/only included, as Exercism's runner does), and writes
// one JSON line per event to the report file (protocol: ../types.ts).
//
//   node jest-harness.cjs --report <file> -- <spec files relative to cwd>...
//   node jest-harness.cjs --wait    (prewarmed: the run arrives on stdin, see waitForRun)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'expect';
import { stringify } from 'jest-matcher-utils';
import type { ReportEvent, ReportLocation } from '../types';
import { apiKey, type DescribeApi, type DoneCallback, type HookFn, type JestApi, type TestApi, type TestFn, type Title } from './api';
import { isGlobalsSpecifier, rewriteSpecifier } from './resolve';
import { locateInStack } from './stack';

/** Jest's default per-test timeout; the grading run's own wall-clock limit still applies on top. */
const defaultTimeoutMs = 5000;
// Colour codes, in case a learner's code or a custom matcher forces them on.
// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

interface Hook {
	readonly fn: HookFn;
	readonly timeoutMs: number;
}

interface TestEntry {
	readonly kind: 'test';
	readonly title: string;
	readonly fn?: TestFn;
	readonly timeoutMs: number;
	readonly parent: Suite;
	readonly todo?: boolean;
}

interface Suite {
	readonly kind: 'suite';
	readonly title: string;
	readonly parent?: Suite;
	/** Spec file, relative to the exercise folder. */
	readonly file: string;
	readonly children: Array<Suite | TestEntry>;
	readonly beforeAll: Hook[];
	readonly afterAll: Hook[];
	readonly beforeEach: Hook[];
	readonly afterEach: Hook[];
	/** The describe callback threw after declaring some (or none) of its tests. */
	error?: { readonly value: unknown };
}

interface Failure {
	readonly value: unknown;
	/** An assertion failed without a matcher result (expect.assertions counts). */
	readonly assertion?: boolean;
}

class Harness {
	private current: Suite | undefined;
	private running: TestEntry | undefined;
	private activeReject: ((error: unknown) => void) | undefined;
	private readonly stray: unknown[] = [];
	private readonly usedIds = new Set<string>();

	constructor(
		private readonly root: string,
		private readonly fd: number,
	) {}

	write(event: ReportEvent): void {
		fs.writeSync(this.fd, JSON.stringify(event) + '\n');
	}

	// --- declaring ---------------------------------------------------------------------------

	private suite(): Suite {
		if (!this.current) {
			throw new Error('describe/test can only be called while a spec file is loading.');
		}
		return this.current;
	}

	addTest(title: Title, fn: TestFn | undefined, timeoutMs: number | undefined, todo = false): void {
		if (this.running) {
			throw new Error(`Tests cannot be nested: test "${titleText(title)}" is declared inside test "${this.running.title}".`);
		}
		const parent = this.suite();
		parent.children.push({ kind: 'test', title: titleText(title), fn, timeoutMs: timeoutMs ?? defaultTimeoutMs, parent, todo: todo || !fn });
	}

	addSuite(title: Title, fn: () => void): void {
		const parent = this.suite();
		const suite = newSuite(titleText(title), parent.file, parent);
		parent.children.push(suite);
		this.current = suite;
		try {
			const returned = fn() as unknown;
			if (isThenable(returned)) {
				suite.error = { value: new Error('A describe callback must not return a Promise: declare the tests synchronously and make the test functions async.') };
			}
		} catch (error) {
			suite.error = { value: error };
		} finally {
			this.current = parent;
		}
	}

	addHook(kind: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach', fn: HookFn, timeoutMs: number | undefined): void {
		this.suite()[kind].push({ fn, timeoutMs: timeoutMs ?? defaultTimeoutMs });
	}

	// --- running -----------------------------------------------------------------------------

	async runFile(file: string): Promise<void> {
		const suite = newSuite('', file);
		this.current = suite;
		try {
			await import(pathToFileURL(path.join(this.root, file)).href);
		} catch (error) {
			this.current = undefined;
			const location = locateInStack(stackOf(error), this.root) ?? (isSyntaxError(error) ? this.findSyntaxError(file) : undefined);
			this.write({ event: 'loadError', file, message: failureMessage(error), ...(location && { location }) });
			return;
		}
		this.current = undefined;
		await this.runSuite(suite, undefined);
	}

	private async runSuite(suite: Suite, inherited: Failure | undefined): Promise<void> {
		if (suite.error) {
			this.report(this.uniqueId(`${suite.file} > ${suitePath(suite).join(' > ')} (describe)`), `${suitePath(suite).join(' > ') || suite.file} (describe)`, 0, suite.error);
		}
		if (!hasTests(suite)) {
			return;
		}
		let failure = inherited;
		for (const hook of failure ? [] : suite.beforeAll) {
			try {
				await this.call(hook.fn, hook.timeoutMs);
			} catch (error) {
				failure = { value: error };
				break;
			}
		}
		for (const child of suite.children) {
			if (child.kind === 'suite') {
				await this.runSuite(child, failure);
			} else {
				await this.runTest(child, failure);
			}
		}
		for (const hook of suite.afterAll) {
			try {
				await this.call(hook.fn, hook.timeoutMs);
			} catch (error) {
				const name = `${suitePath(suite).join(' > ') || suite.file} (afterAll)`;
				this.report(this.uniqueId(`${suite.file} > ${name}`), name, 0, { value: error });
			}
		}
	}

	private async runTest(test: TestEntry, inherited: Failure | undefined): Promise<void> {
		const name = [...suitePath(test.parent), test.title].join(' > ');
		const id = this.uniqueId(`${test.parent.file} > ${name}`);
		this.write({ event: 'begin', id, name });
		if (test.todo || !test.fn) {
			this.write({ event: 'result', id, name, status: 'skipped', durationMs: 0, message: 'todo' });
			return;
		}
		expect.setState({
			assertionCalls: 0,
			expectedAssertionsNumber: null,
			isExpectingAssertions: false,
			suppressedErrors: [],
			currentTestName: name,
			testPath: path.join(this.root, test.parent.file),
		});
		const started = performance.now();
		let failure = inherited;
		this.running = test;
		if (!failure) {
			try {
				for (const hook of beforeEachChain(test.parent)) {
					await this.call(hook.fn, hook.timeoutMs);
				}
				await this.call(test.fn, test.timeoutMs);
			} catch (error) {
				failure = { value: error };
			}
			for (const hook of afterEachChain(test.parent)) {
				try {
					await this.call(hook.fn, hook.timeoutMs);
				} catch (error) {
					failure ??= { value: error };
				}
			}
			if (!failure) {
				const [assertions] = expect.extractExpectedAssertionsErrors();
				const [suppressed] = expect.getState().suppressedErrors;
				if (assertions) {
					failure = { value: assertions.error, assertion: true };
				} else if (suppressed) {
					failure = { value: suppressed, assertion: true };
				}
			}
		}
		this.running = undefined;
		this.report(id, name, performance.now() - started, failure);
	}

	/** Calls a test or hook function: sync, async, or with a `done` callback, under a timeout. */
	private call(fn: TestFn, timeoutMs: number): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => settle(true, new Error(`Exceeded timeout of ${timeoutMs} ms for a test. Is an awaited promise never resolved, or is done() never called?`)), timeoutMs);
			const settle = (failed: boolean, error?: unknown) => {
				clearTimeout(timer);
				this.activeReject = undefined;
				if (failed) {
					reject(error);
				} else {
					resolve();
				}
			};
			// Errors thrown later from timers or unawaited promises fail the test that is running.
			this.activeReject = error => settle(true, error);
			try {
				if (fn.length > 0) {
					const done = ((error?: unknown) => (error === undefined || error === null ? settle(false) : settle(true, error))) as DoneCallback;
					done.fail = message => settle(true, new Error(message ?? 'done.fail() was called'));
					fn(done);
				} else {
					const returned = (fn as () => unknown)();
					if (isThenable(returned)) {
						returned.then(
							() => settle(false),
							error => settle(true, error),
						);
					} else {
						settle(false);
					}
				}
			} catch (error) {
				settle(true, error);
			}
		});
	}

	onUncaught(error: unknown): void {
		if (this.activeReject) {
			this.activeReject(error);
		} else {
			this.stray.push(error);
		}
	}

	reportStray(): void {
		for (const error of this.stray.splice(0)) {
			const name = 'An error thrown outside any test';
			this.report(this.uniqueId(name), name, 0, { value: error });
		}
	}

	private report(id: string, name: string, durationMs: number, failure: Failure | undefined): void {
		const rounded = Math.round(durationMs * 1000) / 1000;
		if (!failure) {
			this.write({ event: 'result', id, name, status: 'passed', durationMs: rounded });
			return;
		}
		const error = failure.value as { matcherResult?: Record<string, unknown>; expected?: unknown; actual?: unknown; name?: string; code?: string } | undefined;
		const matcher = error?.matcherResult;
		const nodeAssert = failure.value instanceof Error && (error?.name === 'AssertionError' || error?.code === 'ERR_ASSERTION');
		const location = locateInStack(stackOf(error), this.root);
		const values =
			matcher && ('expected' in matcher || 'actual' in matcher)
				? { expected: show(matcher.expected), actual: show(matcher.actual) }
				: nodeAssert
					? { expected: show(error?.expected), actual: show(error?.actual) }
					: {};
		this.write({
			event: 'result',
			id,
			name,
			status: matcher || nodeAssert || failure.assertion ? 'failed' : 'errored',
			durationMs: rounded,
			message: failure.assertion && failure.value instanceof Error ? failure.value.message.replace(ansi, '') : failureMessage(failure.value),
			...values,
			...(location && { location }),
		});
	}

	private uniqueId(base: string): string {
		let id = base;
		for (let n = 2; this.usedIds.has(id); n++) {
			id = `${base} #${n}`;
		}
		this.usedIds.add(id);
		return id;
	}

	/** Node's ESM SyntaxErrors carry no file or line; `--check` on each file finds the culprit. */
	private findSyntaxError(spec: string): ReportLocation | undefined {
		const files = listScripts(this.root).sort((a, b) => Number(a === spec) - Number(b === spec));
		for (const file of files) {
			const check = spawnSync(process.execPath, ['--check', file], { cwd: this.root, env: process.env, encoding: 'utf8', timeout: 5000 });
			if (check.status !== 0 && check.stderr) {
				const location = locateInStack(check.stderr.replace(/^\s+/, ''), this.root);
				if (location) {
					return location;
				}
			}
		}
		return undefined;
	}
}

function newSuite(title: string, file: string, parent?: Suite): Suite {
	return { kind: 'suite', title, file, parent, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
}

function suitePath(suite: Suite): string[] {
	const titles: string[] = [];
	for (let s: Suite | undefined = suite; s?.parent; s = s.parent) {
		titles.unshift(s.title);
	}
	return titles;
}

function hasTests(suite: Suite): boolean {
	return suite.children.some(c => c.kind === 'test' || hasTests(c));
}

function beforeEachChain(suite: Suite): Hook[] {
	const chain: Hook[] = [];
	for (let s: Suite | undefined = suite; s; s = s.parent) {
		chain.unshift(...s.beforeEach);
	}
	return chain;
}

function afterEachChain(suite: Suite): Hook[] {
	const chain: Hook[] = [];
	for (let s: Suite | undefined = suite; s; s = s.parent) {
		chain.push(...s.afterEach);
	}
	return chain;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
	return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isSyntaxError(error: unknown): boolean {
	return error instanceof SyntaxError || (error as { name?: string } | undefined)?.name === 'SyntaxError';
}

function stackOf(error: unknown): string | undefined {
	return error instanceof Error || (typeof error === 'object' && error !== null) ? (error as { stack?: string }).stack : undefined;
}

function titleText(title: Title): string {
	return typeof title === 'function' ? title.name || String(title) : String(title);
}

function show(value: unknown): string {
	try {
		return stringify(value);
	} catch {
		return String(value);
	}
}

function failureMessage(error: unknown): string {
	if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
		const e = error as { name?: string; message?: string; matcherResult?: unknown };
		const text = (e.message ?? '').replace(ansi, '');
		// Matcher messages start with the matcher hint; other errors need their type to make sense.
		return e.matcherResult !== undefined || e.name === 'AssertionError' ? text : `${e.name ?? 'Error'}: ${text}`;
	}
	return `Thrown: ${show(error)}`;
}

function listScripts(root: string, dir = ''): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
		const rel = dir ? `${dir}/${entry.name}` : entry.name;
		if (entry.isDirectory() && entry.name !== 'node_modules') {
			found.push(...listScripts(root, rel));
		} else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) {
			found.push(rel);
		}
	}
	return found;
}

function interpolate(title: string, args: readonly unknown[], index: number): string {
	let next = 0;
	let out = title.replace(/%([sdifjoOp#%])/g, (match, code: string) => {
		if (code === '%') {
			return '%';
		}
		if (code === '#') {
			return String(index);
		}
		if (next >= args.length) {
			return match;
		}
		const value = args[next++];
		switch (code) {
			case 's':
				return typeof value === 'string' ? value : show(value);
			case 'd':
			case 'i':
				return String(code === 'i' ? Math.trunc(Number(value)) : Number(value));
			case 'f':
				return String(Number(value));
			case 'j':
				return JSON.stringify(value);
			default:
				return show(value);
		}
	});
	const row = args[0];
	if (args.length === 1 && typeof row === 'object' && row !== null && !Array.isArray(row)) {
		out = out.replace(/\$([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g, (match, key: string) => {
			let value: unknown = row;
			for (const part of key.split('.')) {
				value = (value as Record<string, unknown> | undefined)?.[part];
			}
			return value === undefined && !(key.split('.')[0] in row) ? match : show(value);
		});
	}
	return out;
}

/** `test.each` / `describe.each`: arrays of rows, arrays of values, or a tagged template table. */
function each<F extends (...args: any[]) => unknown>(declare: (title: string, fn: () => unknown, timeoutMs?: number) => void) {
	return (table: readonly unknown[] | TemplateStringsArray, ...values: unknown[]) =>
		(title: Title, fn: F, timeoutMs?: number) => {
			let rows: unknown[][];
			if ('raw' in table && Array.isArray((table as TemplateStringsArray).raw)) {
				const keys = table[0].split('|').map(k => k.trim()).filter(Boolean);
				rows = [];
				for (let i = 0; i + keys.length <= values.length; i += keys.length) {
					rows.push([Object.fromEntries(keys.map((k, j) => [k, values[i + j]]))]);
				}
			} else {
				rows = (table as readonly unknown[]).map(row => (Array.isArray(row) ? row : [row]));
			}
			rows.forEach((args, index) => declare(interpolate(titleText(title), args, index), () => fn(...args), timeoutMs));
		};
}

function createApi(harness: Harness): JestApi {
	const test = ((title: Title, fn?: TestFn, timeoutMs?: number) => harness.addTest(title, fn, timeoutMs)) as TestApi;
	test.each = each((title, fn, timeoutMs) => harness.addTest(title, fn, timeoutMs));
	test.todo = title => harness.addTest(title, undefined, undefined, true);
	test.skip = test;
	test.only = test;
	test.concurrent = test;
	const describe = ((title: Title, fn: () => void) => harness.addSuite(title, fn)) as DescribeApi;
	describe.each = each((title, fn) => harness.addSuite(title, fn as () => void));
	describe.skip = describe;
	describe.only = describe;
	return {
		describe,
		fdescribe: describe,
		xdescribe: describe,
		test,
		it: test,
		fit: test,
		xtest: test,
		xit: test,
		beforeAll: (fn, timeoutMs) => harness.addHook('beforeAll', fn, timeoutMs),
		afterAll: (fn, timeoutMs) => harness.addHook('afterAll', fn, timeoutMs),
		beforeEach: (fn, timeoutMs) => harness.addHook('beforeEach', fn, timeoutMs),
		afterEach: (fn, timeoutMs) => harness.addHook('afterEach', fn, timeoutMs),
		expect,
	};
}

interface ModuleHooksApi {
	registerHooks?: (hooks: {
		resolve: (specifier: string, context: { parentURL?: string }, next: (specifier: string, context?: unknown) => unknown) => unknown;
	}) => unknown;
	register?: (specifier: string, options: { parentURL: string; data: unknown }) => void;
}

function installResolution(globalsUrl: string, hooksUrl: string): void {
	const api = nodeModule as unknown as ModuleHooksApi;
	if (typeof api.registerHooks === 'function') {
		// In-thread and synchronous (Node 22.15+, VS Code's Electron): no hooks thread to start.
		api.registerHooks({
			resolve: (specifier, context, next) =>
				isGlobalsSpecifier(specifier)
					? { url: globalsUrl, format: 'module', shortCircuit: true }
					: next(rewriteSpecifier(specifier, context.parentURL, globalsUrl) ?? specifier, context),
		});
	} else if (typeof api.register === 'function') {
		api.register(hooksUrl, { parentURL: hooksUrl, data: { globalsUrl } });
	} else {
		throw new Error(`This Node.js (${process.version}) is too old for CodeMentor's test harness: it needs 20.6 or newer.`);
	}
}

interface Run {
	readonly report: string;
	readonly files: readonly string[];
}

function parseArgs(argv: readonly string[]): Run | 'wait' {
	let report: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--wait') {
			return 'wait';
		} else if (argv[i] === '--report') {
			report = argv[++i];
		} else if (argv[i] === '--') {
			files.push(...argv.slice(i + 1));
			break;
		} else {
			files.push(argv[i]);
		}
	}
	if (!report) {
		throw new Error('usage: jest-harness.cjs --report <file> -- <spec files> | jest-harness.cjs --wait');
	}
	return { report, files };
}

/** The one line a prewarmed harness reads on stdin (written by core/grading/warm.ts). */
interface RunMessage extends Run {
	/** The run's working folder. */
	readonly cwd: string;
	/** The run's whole (scrubbed) environment. */
	readonly env: Readonly<Record<string, string>>;
}

/**
 * A prewarmed harness is started before there is anything to grade, so that Node, this harness,
 * `expect` and the module hooks are loaded by the time the learner submits. It says "ready" on fd 3,
 * reads the run as one JSON line on stdin (and says "go" on fd 3) (the parent then closes stdin: learner code reads end of
 * file, as in a cold start), takes the run's folder and environment, and goes on as a cold start would.
 * Stdin closing with no run means the pool let it go: it exits quietly.
 */
async function waitForRun(): Promise<Run> {
	fs.writeSync(3, 'ready\n');
	const line = await new Promise<string>(resolve => {
		let buffered = '';
		const onEnd = () => process.exit(0);
		const onData = (chunk: string) => {
			buffered += chunk;
			const end = buffered.indexOf('\n');
			if (end >= 0) {
				process.stdin.off('data', onData);
				process.stdin.off('end', onEnd);
				process.stdin.pause();
				resolve(buffered.slice(0, end));
			}
		};
		process.stdin.setEncoding('utf8');
		process.stdin.on('data', onData);
		process.stdin.once('end', onEnd);
	});
	// The parent counts the run as started only once it hears this (a runner that died waiting never says it).
	fs.writeSync(3, 'go\n');
	fs.closeSync(3);
	const run = JSON.parse(line) as RunMessage;
	for (const name of Object.keys(process.env)) {
		if (!Object.hasOwn(run.env, name)) {
			delete process.env[name];
		}
	}
	Object.assign(process.env, run.env);
	process.chdir(run.cwd);
	return run;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	// What does not depend on the run is done before a prewarmed harness waits for one.
	installResolution(pathToFileURL(path.join(__dirname, 'jest-globals.mjs')).href, pathToFileURL(path.join(__dirname, 'jest-hooks.mjs')).href);
	const { report, files } = args === 'wait' ? await waitForRun() : args;
	const root = fs.realpathSync(process.cwd());
	const harness = new Harness(root, fs.openSync(report, 'w'));
	process.on('uncaughtException', error => harness.onUncaught(error));
	process.on('unhandledRejection', error => harness.onUncaught(error));
	const api = createApi(harness);
	const global = globalThis as Record<string | symbol, unknown>;
	global[apiKey] = api;
	// Specs written for Jest's injected globals work without the import too.
	for (const [name, value] of Object.entries(api)) {
		global[name] ??= value;
	}
	for (const file of files) {
		await harness.runFile(file);
	}
	harness.reportStray();
	harness.write({ event: 'done' });
	// Exit even if learner code left timers or sockets open; let the pipes drain first.
	process.stdout.write('', () => process.stderr.write('', () => process.exit(0)));
}

main().catch(error => {
	process.stderr.write(`CodeMentor test harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(70);
});
