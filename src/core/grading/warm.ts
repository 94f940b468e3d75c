// Prewarmed grading processes. Much of a grading run is not the learner's tests: it is starting the
// runtime and loading the runner — Node, the harness, `expect` and the module hooks (on Node 20 a
// hooks thread); Python, unittest and the reporter. A WarmPool starts that process ahead of time,
// before the learner submits, and keeps it waiting for its run (js/harness.ts and the Python
// reporter, --wait); runProcess() then hands it the run and supervises it exactly like a process it
// spawned itself: same scrubbed environment, the same limits counted from the hand-over, the whole
// tree killed at the end. A process serves one run only (learner code never shares a process with
// another run), and the next one is started after the run, in the background.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { nullLogger, type Logger } from '../log';
import { killProcessTree, spawnOptions } from './process';

/** What a waiting process is started with; runs may only use a process started with the same. */
export interface WarmSpec {
	readonly command: string;
	readonly args: readonly string[];
	readonly env: Readonly<Record<string, string>>;
	/** A neutral folder to wait in; the run moves the process to its own. */
	readonly cwd: string;
}

interface Waiting {
	readonly child: ChildProcess;
	readonly ready: Promise<boolean>;
	readonly idleTimer: NodeJS.Timeout;
}

export interface WarmPoolOptions {
	/** A waiting process nobody used for this long is stopped (default 10 minutes). */
	readonly idleMs?: number;
	/** At most this many processes wait at once (one per language is typical); the oldest goes (default 2). */
	readonly maxWaiting?: number;
	readonly logger?: Logger;
}

export class WarmPool {
	private readonly waiting = new Map<string, Waiting>();
	private disposed = false;
	private readonly idleMs: number;
	private readonly maxWaiting: number;
	private readonly logger: Logger;
	/** How many runs were handed a waiting process, and how many had to start cold (for tests and the bench). */
	readonly stats = { warm: 0, cold: 0 };

	constructor(options: WarmPoolOptions = {}) {
		this.idleMs = options.idleMs ?? 10 * 60_000;
		this.maxWaiting = options.maxWaiting ?? 2;
		this.logger = options.logger ?? nullLogger;
	}

	/** Starts a process waiting for a run with `spec`, unless one already is. */
	prepare(spec: WarmSpec): void {
		const key = keyOf(spec);
		if (this.disposed || this.waiting.has(key)) {
			return;
		}
		// A changed runtime setting leaves a process for the old one behind: the oldest makes room.
		for (const [oldKey, entry] of [...this.waiting].slice(0, Math.max(0, this.waiting.size - this.maxWaiting + 1))) {
			clearTimeout(entry.idleTimer);
			this.waiting.delete(oldKey);
			killProcessTree(entry.child);
		}
		let child: ChildProcess;
		try {
			child = spawn(spec.command, spec.args, spawnOptions(spec.cwd, spec.env, 'pipe', ['pipe']));
		} catch (error) {
			this.logger.debug(`Grading: could not prewarm ${spec.command}: ${String(error)}`);
			return;
		}
		const forget = () => {
			const entry = this.waiting.get(key);
			if (entry?.child === child) {
				clearTimeout(entry.idleTimer);
				this.waiting.delete(key);
			}
		};
		child.on('error', forget);
		child.on('exit', forget);
		child.stdin?.on('error', () => undefined);
		const control = child.stdio[3] as NodeJS.ReadableStream | null;
		const ready = new Promise<boolean>(resolve => {
			if (!control) {
				resolve(false);
				return;
			}
			control.on('data', (chunk: Buffer) => chunk.includes('ready') && resolve(true));
			control.on('error', () => resolve(false));
			control.on('end', () => resolve(false));
			child.on('exit', () => resolve(false));
		});
		const idleTimer = setTimeout(() => {
			forget();
			killProcessTree(child);
		}, this.idleMs);
		idleTimer.unref();
		// A waiting process must not keep its parent alive (a CLI run, a test process) once it has
		// loaded; until then it does, so that whoever awaits ready() gets an answer.
		void ready.then(() => {
			if (this.waiting.get(key)?.child === child) {
				keepParentAlive(child, false);
			}
		});
		this.waiting.set(key, { child, ready, idleTimer });
	}

	/** The process waiting for a run with `spec` (it leaves the pool), or undefined: start one cold. */
	take(spec: WarmSpec): ChildProcess | undefined {
		const key = keyOf(spec);
		const entry = this.waiting.get(key);
		if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) {
			this.stats.cold++;
			return undefined;
		}
		clearTimeout(entry.idleTimer);
		this.waiting.delete(key);
		this.stats.warm++;
		keepParentAlive(entry.child, true);
		return entry.child;
	}

	/** Resolves true once the process waiting for `spec` has loaded and says so (false: none, or it died). */
	ready(spec: WarmSpec): Promise<boolean> {
		return this.waiting.get(keyOf(spec))?.ready ?? Promise.resolve(false);
	}

	dispose(): void {
		this.disposed = true;
		for (const { child, idleTimer } of this.waiting.values()) {
			clearTimeout(idleTimer);
			killProcessTree(child);
		}
		this.waiting.clear();
	}
}

/** Whether the child (the process and its pipes) keeps this process's event loop alive. */
function keepParentAlive(child: ChildProcess, keep: boolean): void {
	if (keep) {
		child.ref();
	} else {
		child.unref();
	}
	for (const stream of child.stdio) {
		const handle = stream as { ref?: () => void; unref?: () => void } | null;
		if (keep) {
			handle?.ref?.();
		} else {
			handle?.unref?.();
		}
	}
}

function keyOf(spec: WarmSpec): string {
	return JSON.stringify([spec.command, spec.args, Object.entries(spec.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), spec.cwd]);
}
