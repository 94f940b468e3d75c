// The `codementor` command line: commands, flags and the help text. Parsing only; run.ts acts.

export const usage = `codementor — grade CodeMentor exercises on this machine

Usage:
  codementor grade <exercise-dir> [--json] [--reference]
      Grade a started exercise folder (one with .codementor.json), an Exercism exercise
      folder (one with .meta/config.json inside a track checkout), or a pack exercise folder
      (one with exercise.json: grades its starter/, or its reference/ with --reference).
  codementor validate <pack-or-track-dir> [--json] [--only <id,...>]
      Check every exercise: its reference passes every test and its starter fails at least one.
  codementor list <pack-or-track-dir> [--json]
      List the exercises of a pack or an Exercism track.
  codementor index <pack-dir>
      Write the pack's index.json (every exercise.json in one file), so that CodeMentor shows
      a big pack at once the first time. Run it again after changing exercises.

Options:
  --json             print one JSON object instead of the readable report
  --reference        (grade) grade the exercise's reference solution
  --only <ids>       (validate) only these exercises (ids or slugs, comma-separated)
  --python <path>    the Python 3 to grade with (default: python3, then python, on PATH)
  --node <path>      the Node.js to grade with (default: node on PATH, else this one)
  --verbose          log what the grader does to stderr
  -h, --help         show this help

Exit status: 0 when everything passed (grade), is valid (validate) or was written (index), 1 when not,
2 when the command line or a folder is not what was expected.`;

export type CommandName = 'grade' | 'validate' | 'list' | 'index';

export interface CliArgs {
	readonly command?: CommandName;
	readonly dir?: string;
	readonly json: boolean;
	readonly reference: boolean;
	readonly only?: readonly string[];
	readonly python?: string;
	readonly node?: string;
	readonly verbose: boolean;
	readonly help: boolean;
	readonly harnessDir?: string;
}

/** Raised for a command line that is not what was expected; the CLI exits with status 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

const commands: readonly CommandName[] = ['grade', 'validate', 'list', 'index'];

export function parseArgs(argv: readonly string[]): CliArgs {
	const positional: string[] = [];
	let json = false;
	let reference = false;
	let verbose = false;
	let help = false;
	let only: string[] | undefined;
	let python: string | undefined;
	let node: string | undefined;
	let harnessDir: string | undefined;
	const value = (i: number, flag: string): string => {
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--')) {
			throw new UsageError(`${flag} needs a value.`);
		}
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const take = () => inline ?? value(i++, flag);
		switch (flag) {
			case '--json':
				json = true;
				break;
			case '--reference':
				reference = true;
				break;
			case '--verbose':
				verbose = true;
				break;
			case '-h':
			case '--help':
				help = true;
				break;
			case '--only':
				only = take().split(',').map(s => s.trim()).filter(Boolean);
				break;
			case '--python':
				python = take();
				break;
			case '--node':
				node = take();
				break;
			// Where dist/grading is; for running the CLI from somewhere other than its bundle.
			case '--harness-dir':
				harnessDir = take();
				break;
			default:
				if (arg.startsWith('-')) {
					throw new UsageError(`Unknown option ${arg}.`);
				}
				positional.push(arg);
		}
	}
	if (help) {
		return { json, reference, verbose, help, harnessDir };
	}
	const [command, dir, ...extra] = positional;
	if (!command) {
		throw new UsageError('Expected a command: grade, validate, list or index.');
	}
	if (!commands.includes(command as CommandName)) {
		throw new UsageError(`Unknown command "${command}": expected grade, validate, list or index.`);
	}
	if (!dir) {
		throw new UsageError(command === 'grade' ? 'Expected the exercise folder to grade: codementor grade <exercise-dir>.' : `Expected a pack or track folder: codementor ${command} <pack-or-track-dir>.`);
	}
	if (extra.length > 0) {
		throw new UsageError(`Unexpected argument "${extra[0]}".`);
	}
	if (only && command !== 'validate') {
		throw new UsageError('--only is an option of validate.');
	}
	if (reference && command !== 'grade') {
		throw new UsageError('--reference is an option of grade.');
	}
	return { command: command as CommandName, dir, json, reference, only, python, node, verbose, help, harnessDir };
}
