// The throw-away folder one grading run works in: the learner's solution files, then the exercise's
// own support and test files on top (so a learner's edited copy of a test never counts), and the
// report file beside it. Paths that would escape the folder are refused.
// Synchronous on purpose: a handful of small files, where each async call's thread-pool round trip
// costs more than the write itself and grading time is what the learner waits for.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExerciseFile } from '../exercises/model';

export interface Workspace {
	/** The run's folder: the report and the working folder live in it; removed by dispose(). */
	readonly runDir: string;
	/** Where the tests run (cwd, HOME). */
	readonly workDir: string;
	readonly reportPath: string;
	dispose(): Promise<void>;
}

/** A relative, forward-slash path that stays inside its folder, or undefined. */
export function safeRelativePath(file: string): string | undefined {
	const normal = path.posix.normalize(file.replace(/\\/g, '/'));
	if (!normal || normal === '.' || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || /^[A-Za-z]:/.test(normal)) {
		return undefined;
	}
	return normal;
}

export async function createWorkspace(
	learnerFiles: readonly ExerciseFile[],
	trustedFiles: readonly ExerciseFile[],
	tempRoot: string = os.tmpdir(),
	adjust?: (files: Map<string, string>) => void,
): Promise<Workspace> {
	const runDir = fs.mkdtempSync(path.join(tempRoot, 'codementor-grade-'));
	const workDir = path.join(runDir, 'work');
	const workspace: Workspace = {
		runDir,
		workDir,
		reportPath: path.join(runDir, 'report.jsonl'),
		dispose: async () => fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }),
	};
	try {
		const files = new Map<string, string>();
		for (const file of [...learnerFiles, ...trustedFiles]) {
			const rel = safeRelativePath(file.path);
			if (rel) {
				files.set(rel, file.content);
			}
		}
		adjust?.(files);
		const dirs = new Set([workDir, ...[...files.keys()].map(rel => path.join(workDir, path.posix.dirname(rel)))]);
		for (const dir of [...dirs].sort()) {
			fs.mkdirSync(dir, { recursive: true });
		}
		for (const [rel, content] of files) {
			fs.writeFileSync(path.join(workDir, rel), content);
		}
		return workspace;
	} catch (error) {
		await workspace.dispose();
		throw error;
	}
}
