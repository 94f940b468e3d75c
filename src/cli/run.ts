// The `codementor` CLI's commands (grade, validate, list) on top of the exercise sources and the
// local grading engine. In-process and with injected output, so tests call runCli() directly;
// src/cli.ts is the executable's entry point.
import * as path from 'node:path';
import { errorMessage } from '../core/errors';
import type { GradeResult } from '../core/exercises/model';
import { writePackIndex } from '../core/exercises/packIndex';
import { gradeExercise, validateExercises, type GradeOptions, type ValidationEntry } from '../core/grading';
import type { Logger } from '../core/log';
import { createRedactingLogger, nullLogger } from '../core/log';
import { parseArgs, usage, UsageError, type CliArgs } from './args';
import { formatGrade, formatList } from './format';
import { openSource, resolveGradeTarget } from './target';

export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** dist/grading; the bundled CLI passes the folder next to itself. */
	readonly harnessDir: string;
	readonly signal?: AbortSignal;
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Exercises graded at once by validate: two keeps a laptop responsive and halves the wall time. */
const validateConcurrency = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	let args: CliArgs;
	try {
		args = parseArgs(argv);
	} catch (error) {
		io.stderr(`codementor: ${errorMessage(error)}\nRun "codementor --help" for usage.\n`);
		return exitCodes.usage;
	}
	if (args.help || !args.command) {
		io.stdout(usage + '\n');
		return exitCodes.ok;
	}
	const options: GradeOptions = {
		harnessDir: args.harnessDir ? path.resolve(args.harnessDir) : io.harnessDir,
		runtimes: { python: args.python, node: args.node },
		signal: io.signal,
		logger: args.verbose ? stderrLogger(io) : nullLogger,
	};
	try {
		switch (args.command) {
			case 'grade':
				return await grade(args, options, io);
			case 'validate':
				return await validate(args, options, io);
			case 'list':
				return await list(args, io);
			case 'index':
				return await index(args, io);
		}
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`codementor: ${error.message}\n`);
			return exitCodes.usage;
		}
		io.stderr(`codementor: ${errorMessage(error)}\n`);
		return exitCodes.failed;
	}
}

function stderrLogger(io: CliIo): Logger {
	const line =
		(level: string) =>
		(message: string | Error, ...rest: unknown[]) =>
			io.stderr(`[${level}] ${message instanceof Error ? message.message : message}${rest.length ? ' ' + rest.map(String).join(' ') : ''}\n`);
	return createRedactingLogger({ trace: line('trace'), debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') });
}

export function allPassed(result: GradeResult): boolean {
	return !result.error && result.failed === 0 && result.passed > 0;
}

async function grade(args: CliArgs, options: GradeOptions, io: CliIo): Promise<number> {
	const target = await resolveGradeTarget(args.dir!, args.reference);
	const result = await gradeExercise(target.exercise, target.files, options);
	if (args.json) {
		io.stdout(JSON.stringify(result, null, 2) + '\n');
	} else {
		const what = target.what === 'learner' ? '' : ` — its ${target.what}`;
		io.stdout(formatGrade(`${target.exercise.title} (${target.exercise.id}, ${target.exercise.language})${what}`, result));
	}
	return allPassed(result) ? exitCodes.ok : exitCodes.failed;
}

async function validate(args: CliArgs, options: GradeOptions, io: CliIo): Promise<number> {
	const source = await openSource(args.dir!);
	let summaries = source.summaries;
	if (args.only) {
		const wanted = new Set(args.only);
		summaries = summaries.filter(s => wanted.has(s.id) || wanted.has(s.slug));
		const unknown = args.only.filter(id => !source.summaries.some(s => s.id === id || s.slug === id));
		if (unknown.length) {
			throw new UsageError(`No exercise ${unknown.map(u => `"${u}"`).join(', ')} in ${source.title} (${source.root}).`);
		}
	}
	const exercises = await validateExercises(
		summaries.map(s => s.id),
		id => source.load(id),
		{ ...options, concurrency: validateConcurrency, onResult: entry => !args.json && io.stdout(formatValidation(entry) + '\n') },
	);
	const result = {
		summary: {
			total: exercises.length,
			valid: exercises.filter(e => e.valid).length,
			invalid: exercises.filter(e => !e.valid).length,
			errors: exercises.filter(e => e.error !== undefined).length,
		},
		exercises,
		problems: source.problems.map(p => p.message),
	};
	if (args.json) {
		io.stdout(JSON.stringify(result, null, 2) + '\n');
	} else {
		for (const problem of result.problems) {
			io.stdout(`✗ ${problem}\n`);
		}
		const s = result.summary;
		io.stdout(`\n${s.valid} of ${s.total} valid, ${s.invalid} invalid (${s.errors} with errors)${result.problems.length ? `, ${result.problems.length} not loaded` : ''}\n`);
	}
	return result.summary.invalid === 0 && result.problems.length === 0 ? exitCodes.ok : exitCodes.failed;
}

function formatValidation(e: ValidationEntry): string {
	const runs =
		e.reference && e.starter
			? `  reference ${e.reference.passed}/${e.reference.passed + e.reference.failed} passed (${e.reference.ms} ms), starter fails ${e.starter.failed}/${e.starter.passed + e.starter.failed} (${e.starter.ms} ms)`
			: '';
	return `${e.valid ? '✓' : '✗'} ${e.id}${runs}${e.error ? `\n    ${e.error}` : ''}${e.reason ? `\n    ${e.reason}` : ''}`;
}

async function list(args: CliArgs, io: CliIo): Promise<number> {
	const source = await openSource(args.dir!);
	if (args.json) {
		const { id, title, kind, root, summaries, problems } = source;
		io.stdout(JSON.stringify({ source: { id, title, kind, root }, exercises: summaries, problems: problems.map(p => p.message) }, null, 2) + '\n');
	} else {
		io.stdout(`${source.title} (${source.kind}, ${source.summaries.length} exercises) — ${source.root}\n\n${formatList(source.summaries)}`);
		for (const problem of source.problems) {
			io.stderr(`✗ ${problem.message}\n`);
		}
	}
	return exitCodes.ok;
}

async function index(args: CliArgs, io: CliIo): Promise<number> {
	const source = await openSource(args.dir!);
	if (source.kind !== 'pack') {
		throw new UsageError(`${source.root} is an Exercism track: only exercise packs (with a pack.json) have an index.`);
	}
	const written = await writePackIndex(source);
	io.stdout(`Wrote ${written.file}: ${written.exercises} exercises.\n`);
	for (const problem of source.problems) {
		io.stderr(`✗ not indexed: ${problem.message}\n`);
	}
	return exitCodes.ok;
}
