// The grading engine's options and the report protocol the runners inside the child process (the
// Python reporter and the JavaScript harness) speak back to it. The protocol is one JSON object per
// line in a report file, written as each test finishes, so a run stopped at its time limit still
// says which tests passed and which one was running.
import type { Logger } from '../log';
import type { WarmPool } from './warm';
import type { TestCaseResult } from '../exercises/model';

/** How to start a language runtime: the executable, arguments before the script, extra environment. */
export interface RuntimeSpec {
	readonly path: string;
	readonly args?: readonly string[];
	/** Added to the scrubbed environment, e.g. `ELECTRON_RUN_AS_NODE=1` for VS Code's own binary. */
	readonly env?: Readonly<Record<string, string>>;
	/** As reported by the runtime when it was probed, e.g. "3.11.7" or "20.20.2". */
	readonly version?: string;
}

export type RuntimeName = 'python' | 'node';

export interface GradeOptions {
	/**
	 * Per runtime: a RuntimeSpec is used as given; a string is a configured path
	 * (`codementor.grading.pythonPath` / `nodePath`) that is probed; absent means "find one".
	 */
	readonly runtimes?: { readonly python?: string | RuntimeSpec; readonly node?: string | RuntimeSpec };
	/** The folder holding the built harness and reporter (dist/grading). */
	readonly harnessDir: string;
	readonly signal?: AbortSignal;
	/** Combined stdout+stderr beyond this stops the run (default 1 MB). */
	readonly outputLimitBytes?: number;
	/** Heap (Node) or address-space (Python, where the OS allows) limit (default 512 MB). */
	readonly memoryLimitMb?: number;
	/** Where the per-run temporary folder is created (default: the OS temp folder). */
	readonly tempRoot?: string;
	readonly logger?: Logger;
	/** Runners started ahead of time (warm.ts): a run takes one that is waiting, then starts the next. */
	readonly warm?: WarmPool;
}

export const defaultOutputLimitBytes = 1_000_000;
export const defaultMemoryLimitMb = 512;

/** File names inside GradeOptions.harnessDir, as esbuild.js writes them. */
export const harnessFiles = {
	pythonReporter: 'reporter.py',
	pythonReporterModule: 'codementor_reporter.py',
	jestHarness: 'jest-harness.cjs',
	jestHooks: 'jest-hooks.mjs',
	jestGlobals: 'jest-globals.mjs',
} as const;

/** Where a failure is: relative path in the exercise folder, 1-based line. */
export type ReportLocation = NonNullable<TestCaseResult['location']>;

/** One line of the report file. */
export type ReportEvent =
	/** A test started: if the run is stopped before its result, this is the test that was running. */
	| { readonly event: 'begin'; readonly id: string; readonly name: string }
	/** A test finished: exactly the result the engine reports (model.ts TestCaseResult). */
	| ({ readonly event: 'result' } & TestCaseResult)
	/** A test file could not be loaded (a syntax or import error in it or in the learner's code). */
	| { readonly event: 'loadError'; readonly file: string; readonly message: string; readonly location?: ReportLocation }
	/** Every test file was run to the end. */
	| { readonly event: 'done' };
