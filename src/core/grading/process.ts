// Runs one grading child process under limits: a wall-clock timeout, an output cap, stdin closed,
// cancellation by AbortSignal, and the whole process tree killed when any of them trips (and after
// a normal exit too, so a test that started a background process leaves nothing behind).
// On POSIX the child leads its own process group (spawn `detached`), so one kill(-pgid) reaches
// every descendant that did not deliberately leave the group; on Windows `taskkill /T` walks the tree.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface RunRequest {
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd: string;
	readonly env: Readonly<Record<string, string>>;
	readonly timeoutMs: number;
	readonly outputLimitBytes: number;
	readonly signal?: AbortSignal;
	/**
	 * A process started ahead of time with this request's command, arguments and environment (see
	 * warm.ts) that waits for its run on stdin: `message` is written to it, stdin is closed, and from then
	 * on it is limited, watched and killed exactly like a process spawned here. One that had already
	 * exited, or exits without acknowledging the run, is reported as `stale`: none of the run's code ran.
	 */
	readonly prewarmed?: { readonly child: ChildProcess; readonly message: string };
}

export type StopReason = 'timeout' | 'output_limit' | 'cancelled';

export interface RunOutcome {
	readonly exitCode: number | null;
	readonly exitSignal: NodeJS.Signals | null;
	/** stdout and stderr interleaved as they arrived, cut at the output limit. */
	readonly output: string;
	/** Why the run was stopped early, if it was. */
	readonly stopped?: StopReason;
	/** Set when the process could not be started at all (ENOENT: the runtime is missing). */
	readonly spawnError?: NodeJS.ErrnoException;
	/** The prewarmed process died before it took the run: nothing ran (start the run again, cold). */
	readonly stale?: boolean;
	readonly durationMs: number;
}

/** How long to wait for the pipes to close after the tree was killed before giving up on them. */
const closeGraceMs = 2000;

export function killProcessTree(child: ChildProcess, platform: NodeJS.Platform = process.platform): void {
	const pid = child.pid;
	if (pid === undefined) {
		return;
	}
	if (platform === 'win32') {
		// taskkill finds the descendants by parent pid; ignore failures (the tree may be gone already).
		const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
		killer.on('error', () => child.kill('SIGKILL'));
		return;
	}
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// ESRCH: the group is already empty.
	}
}

/** How every grading process is spawned: its own process group (so the tree can be killed), no window. */
export function spawnOptions(cwd: string, env: Readonly<Record<string, string>>, stdin: 'ignore' | 'pipe', extra: readonly 'pipe'[] = []): SpawnOptions {
	return { cwd, env, stdio: [stdin, 'pipe', 'pipe', ...extra], detached: process.platform !== 'win32', windowsHide: true };
}

export function runProcess(request: RunRequest): Promise<RunOutcome> {
	const started = performance.now();
	return new Promise(resolve => {
		const chunks: Buffer[] = [];
		let bytes = 0;
		let stopped: StopReason | undefined;
		let spawnError: NodeJS.ErrnoException | undefined;
		let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
		let settled = false;

		if (request.signal?.aborted) {
			resolve({ exitCode: null, exitSignal: null, output: '', stopped: 'cancelled', durationMs: 0 });
			return;
		}

		const warm = request.prewarmed?.child;
		if (warm && (warm.exitCode !== null || warm.signalCode !== null || !warm.stdin?.writable)) {
			resolve({ exitCode: warm.exitCode, exitSignal: warm.signalCode, output: '', stale: true, durationMs: 0 });
			return;
		}
		const child = warm ?? spawn(request.command, request.args, spawnOptions(request.cwd, request.env, 'ignore'));
		// A prewarmed runner says "go" on its control pipe once it has the run: one that never does died
		// waiting (or hangs), and ran none of the learner's code.
		let acknowledged = !warm;
		if (warm) {
			(warm.stdio[3] as NodeJS.ReadableStream | null | undefined)?.on('data', (chunk: Buffer) => {
				acknowledged ||= chunk.includes('go');
			});
			warm.ref();
			// A process that dies while the run is written gets EPIPE here; its exit is reported below.
			warm.stdin!.on('error', () => undefined);
			warm.stdin!.end(request.prewarmed!.message);
		}

		const stop = (reason: StopReason) => {
			if (stopped === undefined && exit === undefined) {
				stopped = reason;
			}
			killProcessTree(child);
		};
		const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
		const onAbort = () => stop('cancelled');
		request.signal?.addEventListener('abort', onAbort, { once: true });
		let graceTimer: NodeJS.Timeout | undefined;

		const finish = () => {
			if (settled) {
				return;
			}
			settled = true;
			clearTimeout(timer);
			clearTimeout(graceTimer);
			request.signal?.removeEventListener('abort', onAbort);
			resolve({
				exitCode: exit?.code ?? null,
				exitSignal: exit?.signal ?? null,
				output: Buffer.concat(chunks).toString('utf8'),
				stopped,
				spawnError,
				...(!acknowledged && stopped !== 'cancelled' && { stale: true }),
				durationMs: performance.now() - started,
			});
		};

		const collect = (chunk: Buffer) => {
			const room = request.outputLimitBytes - bytes;
			if (room <= 0) {
				return;
			}
			chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
			bytes += chunk.length;
			if (bytes > request.outputLimitBytes) {
				stop('output_limit');
			}
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);

		child.on('error', error => {
			spawnError = error;
			finish();
		});
		child.on('exit', (code, signal) => {
			exit = { code, signal };
			// Descendants may still hold the pipes open; they are not wanted once the runner is done.
			// (Not on Windows: there the tree is found by pid, which may already belong to someone else.)
			if (process.platform !== 'win32') {
				killProcessTree(child);
			}
			graceTimer = setTimeout(finish, closeGraceMs);
		});
		child.on('close', finish);
	});
}
