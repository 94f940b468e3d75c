// Per language: which runtime grades it, which files are test entry points, what the working folder
// needs besides the exercise's files, and the command line for the runner inside the child process
// (the Python reporter or the JavaScript harness, both in GradeOptions.harnessDir).
import * as path from 'node:path';
import type { ExerciseLanguage } from '../exercises/model';
import { harnessFiles, type RuntimeName, type RuntimeSpec } from './types';

export interface RunnerCommand {
	readonly args: readonly string[];
	readonly env: Readonly<Record<string, string>>;
}

export interface LanguageRunner {
	readonly runtime: RuntimeName;
	/** The runner script in harnessDir. */
	readonly script: string;
	isTestEntry(relativePath: string): boolean;
	/** Adds or adjusts files in the working folder (relative path → content) before they are written. */
	prepare?(files: Map<string, string>): void;
	command(runtime: RuntimeSpec, options: { harnessDir: string; reportPath: string; testFiles: readonly string[]; memoryLimitMb: number }): RunnerCommand;
	/** The command line of a runner started ahead of time that waits for its run on stdin (see warm.ts), if it can. */
	waitingCommand?(runtime: RuntimeSpec, options: { harnessDir: string; memoryLimitMb: number }): RunnerCommand;
}

const pythonEnv = { PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1' };

const python: LanguageRunner = {
	runtime: 'python',
	script: harnessFiles.pythonReporter,
	isTestEntry: p => p.endsWith('.py'),
	command: (runtime, o) => ({
		// -B: nothing is ever imported twice from a fresh folder, so writing bytecode is wasted work
		// (the reporter lets Python cache only its own module's bytecode).
		args: [...(runtime.args ?? []), '-B', path.join(o.harnessDir, harnessFiles.pythonReporter), '--report', o.reportPath, '--memory-mb', String(o.memoryLimitMb), '--', ...o.testFiles],
		env: pythonEnv,
	}),
	// Python sees the extra pipe the pool talks on (fd 3) on POSIX only.
	waitingCommand:
		process.platform === 'win32'
			? undefined
			: (runtime, o) => ({
					args: [...(runtime.args ?? []), '-B', path.join(o.harnessDir, harnessFiles.pythonReporter), '--memory-mb', String(o.memoryLimitMb), '--wait'],
					env: pythonEnv,
				}),
};

// expect's messages are for a report, not a terminal.
const jsEnv = { FORCE_COLOR: '0', NO_COLOR: '1' };

const javascript: LanguageRunner = {
	runtime: 'node',
	script: harnessFiles.jestHarness,
	isTestEntry: p => /\.[cm]?js$/.test(p),
	prepare(files) {
		// Specs and solutions are ES modules in .js files (Exercism's track relies on Babel for this);
		// an exercise's own package.json is kept, with "type" forced.
		let pkg: Record<string, unknown> = {};
		try {
			const parsed: unknown = JSON.parse(files.get('package.json') ?? '{}');
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
				pkg = parsed as Record<string, unknown>;
			}
		} catch {
			// Not JSON: replaced below.
		}
		files.set('package.json', JSON.stringify({ ...pkg, type: 'module' }));
	},
	command: (runtime, o) => ({
		args: [...(runtime.args ?? []), `--max-old-space-size=${o.memoryLimitMb}`, path.join(o.harnessDir, harnessFiles.jestHarness), '--report', o.reportPath, '--', ...o.testFiles],
		env: jsEnv,
	}),
	waitingCommand: (runtime, o) => ({
		args: [...(runtime.args ?? []), `--max-old-space-size=${o.memoryLimitMb}`, path.join(o.harnessDir, harnessFiles.jestHarness), '--wait'],
		env: jsEnv,
	}),
};

export const runners: Readonly<Record<ExerciseLanguage, LanguageRunner>> = { python, javascript };
