// Where a started exercise lives and what is written there. Starting is idempotent and never
// overwrites the learner's work: only missing files are written. Each exercise folder holds a
// `.codementor.json` marker that ties it to its source, so the extension and the CLI
// (`codementor grade <dir>`) know which tests to grade it with.
import * as path from 'node:path';
import type { Exercise, ExerciseFile } from './model';

export const MARKER_FILE = '.codementor.json';
export const BACKUP_DIR = '.codementor-backup';

export interface ExerciseMarker {
	readonly version: 1;
	readonly exerciseId: string;
	/** Absolute path of the pack or track root the exercise came from. */
	readonly source: string;
	readonly startedAt: string;
}

export function parseMarker(text: string): ExerciseMarker | undefined {
	try {
		const m = JSON.parse(text) as Partial<ExerciseMarker>;
		return typeof m.exerciseId === 'string' && typeof m.source === 'string' ? { version: 1, exerciseId: m.exerciseId, source: m.source, startedAt: String(m.startedAt ?? '') } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The folder that holds started exercises: the setting when set; else `codementor-exercises` in
 * the first workspace folder; else `~/CodeMentor`.
 */
export function exercisesRoot(options: { readonly configured: string; readonly workspaceFolder?: string; readonly home: string }): string {
	const configured = options.configured.trim();
	if (configured) {
		const expanded = configured === '~' ? options.home : configured.startsWith('~/') ? path.join(options.home, configured.slice(2)) : configured;
		return path.resolve(options.workspaceFolder ?? options.home, expanded);
	}
	return options.workspaceFolder ? path.join(options.workspaceFolder, 'codementor-exercises') : path.join(options.home, 'CodeMentor');
}

/** `<root>/<source>/<slug>`: one folder per exercise, stable across restarts. */
export function exerciseFolder(root: string, exercise: { readonly sourceId: string; readonly slug: string }): string {
	return path.join(root, safeSegment(exercise.sourceId), safeSegment(exercise.slug));
}

function safeSegment(s: string): string {
	return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '') || 'exercise';
}

/** Everything the learner's folder starts with, flattened: starter, tests and support files side by side. */
export function scaffoldFiles(exercise: Exercise): readonly ExerciseFile[] {
	const seen = new Set<string>();
	const out: ExerciseFile[] = [];
	for (const f of [...exercise.starterFiles, ...exercise.testFiles, ...exercise.supportFiles]) {
		if (!seen.has(f.path)) {
			seen.add(f.path);
			out.push(f);
		}
	}
	return out;
}

export interface ScaffoldPlan {
	/** Files to create (missing now). */
	readonly write: readonly ExerciseFile[];
	/** Files already there, left as they are. */
	readonly kept: readonly string[];
}

export function planScaffold(exercise: Exercise, existing: ReadonlySet<string>): ScaffoldPlan {
	const write: ExerciseFile[] = [];
	const kept: string[] = [];
	for (const f of scaffoldFiles(exercise)) {
		if (existing.has(f.path)) {
			kept.push(f.path);
		} else {
			write.push(f);
		}
	}
	return { write, kept };
}

/** The README written beside a started exercise: its instructions, under its title unless they open with one. */
export function instructionsMarkdown(exercise: Pick<Exercise, 'title' | 'instructions'>): string {
	const body = exercise.instructions.trim();
	return /^#\s/.test(body) ? `${body}\n` : `# ${exercise.title}\n\n${body}\n`;
}

/** The solution file to open first: the first starter file, which the learner edits. */
export function primaryFile(exercise: Exercise): string | undefined {
	return exercise.starterFiles[0]?.path;
}

/** Folder (relative to the exercise folder) to back the learner's files up to before a reset. */
export function backupFolder(now: Date): string {
	return path.join(BACKUP_DIR, now.toISOString().replace(/[:.]/g, '-'));
}

/** Paths that hold the learner's solution: what grading copies, what reset backs up. */
export function solutionPaths(exercise: Exercise): readonly string[] {
	return exercise.starterFiles.map(f => f.path);
}
