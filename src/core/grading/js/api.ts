// The shape of the Jest-compatible API the harness offers to specs (through '@jest/globals' and as
// globals), shared by the harness that implements it and the facade module that re-exports it.
import type { expect } from 'expect';

export type DoneCallback = ((error?: unknown) => void) & { fail(message?: string): void };
export type TestFn = (done: DoneCallback) => unknown;
export type HookFn = TestFn;
export type Title = string | number | ((...args: never[]) => unknown);

export interface EachApi<F> {
	each(table: readonly unknown[] | TemplateStringsArray, ...values: unknown[]): (title: Title, fn: F, timeoutMs?: number) => void;
}

export interface TestApi extends EachApi<(...args: any[]) => unknown> {
	(title: Title, fn?: TestFn, timeoutMs?: number): void;
	/** Run anyway: a learner's grade covers every test, as in Exercism's runner. */
	skip: TestApi;
	only: TestApi;
	concurrent: TestApi;
	todo(title: Title): void;
}

export interface DescribeApi extends EachApi<(...args: any[]) => void> {
	(title: Title, fn: () => void): void;
	skip: DescribeApi;
	only: DescribeApi;
}

export interface JestApi {
	readonly describe: DescribeApi;
	readonly fdescribe: DescribeApi;
	readonly xdescribe: DescribeApi;
	readonly test: TestApi;
	readonly it: TestApi;
	readonly fit: TestApi;
	readonly xtest: TestApi;
	readonly xit: TestApi;
	readonly beforeAll: (fn: HookFn, timeoutMs?: number) => void;
	readonly afterAll: (fn: HookFn, timeoutMs?: number) => void;
	readonly beforeEach: (fn: HookFn, timeoutMs?: number) => void;
	readonly afterEach: (fn: HookFn, timeoutMs?: number) => void;
	readonly expect: typeof expect;
}

export const apiKey = Symbol.for('codementor.jestHarness');
