// Shared by the grading tests: builds dist/grading and the CLI bundle once per mocha run into a
// temporary folder (with esbuild.js's own target list, so the tests grade with exactly what ships),
// small Exercise builders, and process probes.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Exercise, ExerciseFile, ExerciseLanguage } from '../../../src/core/exercises/model';
import type { RuntimeSpec } from '../../../src/core/grading';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures', 'grading');

export interface Built {
	readonly distDir: string;
	readonly harnessDir: string;
	readonly cli: string;
}

let building: Promise<Built> | undefined;

export function buildGrading(): Promise<Built> {
	building ??= (async () => {
		const requireHere = createRequire(__filename);
		const esbuild = requireHere('esbuild') as typeof import('esbuild');
		const { gradingTargets } = requireHere(path.join(repoRoot, 'esbuild.js')) as {
			gradingTargets(distDir: string, options?: object): Array<{ name: string } & import('esbuild').BuildOptions>;
		};
		const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codementor-grading-build-'));
		process.once('exit', () => fs.rmSync(distDir, { recursive: true, force: true }));
		await Promise.all(gradingTargets(distDir).map(({ name: _name, ...options }) => esbuild.build({ ...options, logLevel: 'error' })));
		return { distDir, harnessDir: path.join(distDir, 'grading'), cli: path.join(distDir, 'cli.js') };
	})();
	return building;
}

/** VS Code's way of running Node: this binary with ELECTRON_RUN_AS_NODE (ignored by plain Node). */
export const nodeRuntime: RuntimeSpec = { path: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } };

export function files(record: Record<string, string>): ExerciseFile[] {
	return Object.entries(record).map(([p, content]) => ({ path: p, content }));
}

export function makeExercise(options: {
	readonly language: ExerciseLanguage;
	readonly tests: Record<string, string>;
	readonly starter?: Record<string, string>;
	readonly reference?: Record<string, string>;
	readonly support?: Record<string, string>;
	readonly timeLimitSeconds?: number;
	readonly slug?: string;
}): Exercise {
	const slug = options.slug ?? 'fixture';
	return {
		id: `test/${slug}`,
		sourceId: 'test',
		slug,
		title: slug,
		language: options.language,
		concepts: ['functions'],
		prerequisites: [],
		difficulty: 'beginner',
		instructions: 'A test exercise.',
		starterFiles: files(options.starter ?? {}),
		testFiles: files(options.tests),
		supportFiles: files(options.support ?? {}),
		hints: ['none'],
		referenceFiles: files(options.reference ?? {}),
		timeLimitSeconds: options.timeLimitSeconds ?? 10,
	};
}

/** Whether a process exists and is not a zombie waiting for a parent that never reaps it. */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return process.platform !== 'linux';
	}
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (check()) {
			return true;
		}
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	return check();
}
