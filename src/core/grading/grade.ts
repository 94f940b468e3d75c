// gradeExercise: one local grading run, from the learner's files to a GradeResult. It owns the
// order of things (runtime, throw-away folder, child process under limits, report, clean-up) and
// the words the learner reads when the run itself fails; per-test results come only from the
// structured report the runner writes, never from the runner's text output.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Exercise, ExerciseFile, GradeResult, TestCaseResult } from '../exercises/model';
import { nullLogger } from '../log';
import { sandboxEnv } from './env';
import { runProcess, type RunOutcome } from './process';
import { runners, type LanguageRunner } from './runners';
import { findRuntime, missingRuntimeMessage } from './runtimes';
import { defaultMemoryLimitMb, defaultOutputLimitBytes, type GradeOptions, type ReportEvent, type RuntimeName, type RuntimeSpec } from './types';
import type { WarmSpec } from './warm';
import { createWorkspace, safeRelativePath } from './workspace';

type GradeError = NonNullable<GradeResult['error']>;

export async function gradeExercise(exercise: Exercise, learnerFiles: readonly ExerciseFile[], options: GradeOptions): Promise<GradeResult> {
	const started = performance.now();
	const log = options.logger ?? nullLogger;
	const finish = (result: Omit<GradeResult, 'exerciseId' | 'durationMs'>): GradeResult => {
		const graded: GradeResult = { exerciseId: exercise.id, ...result, durationMs: Math.round(performance.now() - started) };
		log.debug(
			`Graded ${exercise.id}: ${graded.passed} passed, ${graded.failed} failed${graded.error ? ` (${graded.error.kind})` : ''} in ${graded.durationMs} ms`,
		);
		return graded;
	};
	const failedRun = (error: GradeError, output = ''): GradeResult => finish({ passed: 0, failed: 0, tests: [], error, output });

	if (options.signal?.aborted) {
		return failedRun(cancelledError);
	}
	const runner = runners[exercise.language];
	if (!runner) {
		return failedRun({ kind: 'crashed', message: `CodeMentor cannot grade ${String(exercise.language)} exercises.` });
	}
	const testFiles = exercise.testFiles.map(f => safeRelativePath(f.path)).filter((p): p is string => p !== undefined && runner.isTestEntry(p));
	if (testFiles.length === 0) {
		return failedRun({ kind: 'crashed', message: `The exercise ${exercise.id} has no ${exercise.language} test files to run.` });
	}
	if (!fs.existsSync(path.join(options.harnessDir, runner.script))) {
		return failedRun({ kind: 'crashed', message: `CodeMentor's test runner is missing (${runner.script} in ${options.harnessDir}); reinstall CodeMentor or run \`npm run build\`.` });
	}

	const configured = options.runtimes?.[runner.runtime];
	const runtime = await resolveRuntime(runner.runtime, configured);
	if (!runtime) {
		return failedRun({ kind: 'missing_runtime', message: missingRuntimeMessage(runner.runtime, typeof configured === 'string' ? configured : undefined) });
	}
	if (options.signal?.aborted) {
		return failedRun(cancelledError);
	}

	const memoryLimitMb = options.memoryLimitMb ?? defaultMemoryLimitMb;
	const outputLimitBytes = options.outputLimitBytes ?? defaultOutputLimitBytes;
	const timeLimitSeconds = exercise.timeLimitSeconds > 0 ? exercise.timeLimitSeconds : 10;
	const workspace = await createWorkspace(learnerFiles, [...exercise.supportFiles, ...exercise.testFiles], options.tempRoot, runner.prepare);
	const warm = options.warm && waitingSpec(runner, runtime, options);
	try {
		const command = runner.command(runtime, { harnessDir: options.harnessDir, reportPath: workspace.reportPath, testFiles, memoryLimitMb });
		const request = {
			command: runtime.path,
			args: command.args,
			cwd: workspace.workDir,
			env: sandboxEnv(process.env, workspace.workDir, { ...command.env, ...runtime.env }),
			timeoutMs: timeLimitSeconds * 1000,
			outputLimitBytes,
			signal: options.signal,
		};
		const child = warm && options.warm!.take(warm);
		log.trace(`Grading ${exercise.id} with ${child ? `a prewarmed ${runtime.path}` : `${runtime.path} ${command.args.join(' ')}`}`);
		let outcome = await runProcess({
			...request,
			prewarmed: child ? { child, message: `${JSON.stringify({ cwd: request.cwd, report: workspace.reportPath, files: testFiles, env: request.env })}\n` } : undefined,
		});
		if (outcome.stale) {
			log.debug(`Grading ${exercise.id}: the prewarmed runner had exited (${outcome.exitCode ?? outcome.exitSignal}); starting one now`);
			outcome = await runProcess(request);
		}
		if (outcome.spawnError) {
			const missing = outcome.spawnError.code === 'ENOENT' || outcome.spawnError.code === 'EACCES';
			return failedRun(
				missing
					? { kind: 'missing_runtime', message: missingRuntimeMessage(runner.runtime, runtime.path) }
					: { kind: 'crashed', message: `The tests could not be started: ${outcome.spawnError.message}` },
			);
		}
		let report = '';
		try {
			report = fs.readFileSync(workspace.reportPath, 'utf8');
		} catch {
			// The runner never started writing: summarize() explains from the exit status.
		}
		return finish(summarize(parseReport(report), outcome, { timeLimitSeconds, outputLimitBytes, memoryLimitMb }));
	} finally {
		await workspace.dispose().catch(error => log.warn(`Could not remove the grading folder ${workspace.runDir}`, error));
		// The next submission finds a runner already loaded.
		if (warm) {
			options.warm!.prepare(warm);
		}
	}
}

/**
 * Starts a runner for `language` ahead of the first submission (an exercise was opened), when the
 * language's runner can wait and a pool is given. Resolves once it is started, not once it is ready.
 */
export async function prewarmGrading(language: Exercise['language'], options: GradeOptions): Promise<void> {
	const runner = runners[language];
	if (!options.warm || !runner?.waitingCommand || !fs.existsSync(path.join(options.harnessDir, runner.script))) {
		return;
	}
	const runtime = await resolveRuntime(runner.runtime, options.runtimes?.[runner.runtime]);
	const spec = runtime && waitingSpec(runner, runtime, options);
	if (spec) {
		options.warm.prepare(spec);
	}
}

/** How a waiting runner for this language and runtime is started (undefined: the runner cannot wait). */
export function waitingSpec(runner: LanguageRunner, runtime: RuntimeSpec, options: GradeOptions): WarmSpec | undefined {
	const command = runner.waitingCommand?.(runtime, { harnessDir: options.harnessDir, memoryLimitMb: options.memoryLimitMb ?? defaultMemoryLimitMb });
	if (!command) {
		return undefined;
	}
	// It waits with nothing of the learner's around; its run gives it the run's folder and HOME.
	const cwd = options.tempRoot ?? os.tmpdir();
	return { command: runtime.path, args: command.args, env: sandboxEnv(process.env, cwd, { ...command.env, ...runtime.env }), cwd };
}

const cancelledError: GradeError = { kind: 'cancelled', message: 'Grading was cancelled.' };

function resolveRuntime(name: RuntimeName, configured: string | RuntimeSpec | undefined): Promise<RuntimeSpec | undefined> {
	if (typeof configured === 'object') {
		return Promise.resolve(configured);
	}
	return findRuntime(name, { configured: configured?.trim() || undefined });
}

/** The report's lines; a line cut short by a killed process is ignored. */
export function parseReport(text: string): ReportEvent[] {
	const events: ReportEvent[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) {
			continue;
		}
		try {
			const event = JSON.parse(line) as ReportEvent;
			if (event && typeof event === 'object' && typeof event.event === 'string') {
				events.push(event);
			}
		} catch {
			// Partial last line.
		}
	}
	return events;
}

interface Limits {
	readonly timeLimitSeconds: number;
	readonly outputLimitBytes: number;
	readonly memoryLimitMb: number;
}

/** Compiler style, `file:line`, which terminals and VS Code's output turn into links. */
function where(location: { path: string; line: number } | undefined, fallback: string): string {
	return location ? `${location.path}:${location.line}` : fallback;
}

export function summarize(events: readonly ReportEvent[], outcome: RunOutcome, limits: Limits): Omit<GradeResult, 'exerciseId' | 'durationMs'> {
	const results = new Map<string, TestCaseResult>();
	const loadErrors: Array<Extract<ReportEvent, { event: 'loadError' }>> = [];
	let running: { id: string; name: string } | undefined;
	let done = false;
	for (const event of events) {
		switch (event.event) {
			case 'begin':
				running = { id: event.id, name: event.name };
				break;
			case 'result': {
				const { event: _event, ...test } = event;
				results.set(event.id, test);
				if (running?.id === event.id) {
					running = undefined;
				}
				break;
			}
			case 'loadError':
				loadErrors.push(event);
				break;
			case 'done':
				done = true;
				break;
		}
	}
	const during = running ? ` while running "${running.name}"` : '';
	const interrupted = (message: string) => {
		if (running) {
			results.set(running.id, { id: running.id, name: running.name, status: 'errored', message });
		}
	};

	let error: GradeError | undefined;
	const output = outcome.output;
	if (outcome.stopped === 'cancelled') {
		error = cancelledError;
	} else if (outcome.stopped === 'timeout') {
		error = {
			kind: 'timeout',
			message: `The tests did not finish within ${limits.timeLimitSeconds} s and were stopped${during}. Look for a loop that never ends or a wait that never finishes.`,
		};
		interrupted(`This test did not finish within the time limit (${limits.timeLimitSeconds} s).`);
	} else if (outcome.stopped === 'output_limit') {
		error = {
			kind: 'output_limit',
			message: `The tests printed more than ${formatBytes(limits.outputLimitBytes)} of output and were stopped${during}. Look for a print inside a loop that never ends.`,
		};
		interrupted(`This test printed more than ${formatBytes(limits.outputLimitBytes)} of output.`);
	} else if (loadErrors.length > 0 && results.size === 0) {
		const first = loadErrors[0];
		error = { kind: 'crashed', message: `The tests could not run: ${where(first.location, first.file)}: ${first.message}` };
	} else if (!done) {
		const outOfMemory = /heap out of memory|Reached heap limit|MemoryError/.test(output);
		// The error line, not the stack frames under it or the "Node.js v20" footer Node prints last.
		const tail = output
			.split('\n')
			.map(line => line.trim())
			.filter(line => line && !line.startsWith('at ') && !/^Node\.js v\d/.test(line))
			.pop();
		error = {
			kind: 'crashed',
			message: outOfMemory
				? `The tests ran out of memory (the limit is ${limits.memoryLimitMb} MB)${during}. Look for a list or string that grows without end.`
				: `The test run stopped unexpectedly${outcome.exitCode !== null ? ` (exit code ${outcome.exitCode})` : outcome.exitSignal ? ` (${outcome.exitSignal})` : ''}${during}${tail ? `: ${tail}` : '.'}`,
		};
		interrupted(outOfMemory ? 'This test ran out of memory.' : 'The test run stopped during this test.');
	}
	if (!error || error.kind !== 'crashed' || results.size > 0) {
		// Some tests ran: a file that could not load still counts against the grade.
		for (const load of loadErrors) {
			const id = `${load.file} (could not load)`;
			results.set(id, { id, name: id, status: 'errored', message: load.message, location: load.location });
		}
	}
	const tests = [...results.values()];
	return {
		passed: tests.filter(t => t.status === 'passed').length,
		failed: tests.filter(t => t.status === 'failed' || t.status === 'errored').length,
		tests,
		...(error && { error }),
		output,
	};
}

function formatBytes(bytes: number): string {
	return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : bytes >= 1000 ? `${Math.round(bytes / 1000)} KB` : `${bytes} bytes`;
}
