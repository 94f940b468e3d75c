// Finding the Python and Node.js runtimes that grade exercises, and the message shown when one is
// missing. Probing costs a process start, so successful lookups are remembered for the process's
// lifetime (failures are not: the learner may install Python and try again).
// Python is resolved to the real interpreter (`sys.executable`) so every run skips launcher shims
// such as pyenv's, which can cost more than the tests themselves. Node falls back to the binary
// running this code: inside VS Code that is Electron, which behaves as Node with ELECTRON_RUN_AS_NODE.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuntimeName, RuntimeSpec } from './types';

export interface FindRuntimeOptions {
	/** A configured path (codementor.grading.pythonPath / nodePath); when set, nothing else is tried. */
	readonly configured?: string;
	/** The environment whose PATH is searched and that probes run with (default: process.env). */
	readonly env?: NodeJS.ProcessEnv;
	readonly platform?: NodeJS.Platform;
	/** The fallback Node binary (default: process.execPath). */
	readonly execPath?: string;
	/** The fallback binary's Node version (default: process.versions.node). */
	readonly execPathVersion?: string;
}

/** module.register (or the newer registerHooks) is what the JavaScript harness needs. */
const minimumNode: readonly [number, number] = [20, 6];
const probeTimeoutMs = 10_000;

const cache = new Map<string, Promise<RuntimeSpec | undefined>>();

/** Forgets remembered runtimes (tests, and after the user changed a path setting). */
export function clearRuntimeCache(): void {
	cache.clear();
}

export function findRuntime(name: RuntimeName, options: FindRuntimeOptions = {}): Promise<RuntimeSpec | undefined> {
	const env = options.env ?? process.env;
	const key = [name, options.configured ?? '', pathValue(env), options.execPath ?? '', options.execPathVersion ?? ''].join('\0');
	let found = cache.get(key);
	if (!found) {
		found = name === 'python' ? findPython(options, env) : findNode(options, env);
		cache.set(key, found);
		void found.then(
			spec => spec === undefined && cache.delete(key),
			() => cache.delete(key),
		);
	}
	return found;
}

export function missingRuntimeMessage(name: RuntimeName, configured?: string, platform: NodeJS.Platform = process.platform): string {
	if (name === 'python') {
		if (configured) {
			return `Python 3 was not found at "${configured}" (codementor.grading.pythonPath). Fix the setting, or clear it to use python3 from your PATH.`;
		}
		const install =
			platform === 'win32' ? 'winget install Python.Python.3.12' : platform === 'darwin' ? 'brew install python' : 'sudo apt install python3';
		return `Python 3 was not found. Install it from python.org or your package manager (${install}), or set codementor.grading.pythonPath.`;
	}
	if (configured) {
		return `Node.js ${minimumNode.join('.')} or newer was not found at "${configured}" (codementor.grading.nodePath). Fix the setting, or clear it to use node from your PATH.`;
	}
	return `Node.js ${minimumNode.join('.')} or newer was not found. Install it from nodejs.org or your package manager, or set codementor.grading.nodePath.`;
}

async function findPython(options: FindRuntimeOptions, env: NodeJS.ProcessEnv): Promise<RuntimeSpec | undefined> {
	const platform = options.platform ?? process.platform;
	const candidates = options.configured
		? [options.configured]
		: platform === 'win32'
			? ['python', 'py', 'python3']
			: ['python3', 'python'];
	for (const candidate of candidates) {
		const exe = locate(candidate, env, platform);
		if (!exe) {
			continue;
		}
		const launcherArgs = path.basename(candidate).toLowerCase().replace(/\.exe$/, '') === 'py' ? ['-3'] : [];
		const out = await probe(exe, [...launcherArgs, '-c', 'import sys; print(sys.version_info[0]); print(sys.version.split()[0]); print(sys.executable)'], env);
		const [major, version, executable] = (out ?? '').split(/\r?\n/);
		if (major?.trim() !== '3') {
			continue;
		}
		// The real interpreter when it is known; the `py` launcher and shims otherwise run every time.
		const real = executable?.trim();
		if (real && fs.existsSync(real)) {
			return { path: real, version: version?.trim() };
		}
		return { path: exe, args: launcherArgs, version: version?.trim() };
	}
	return undefined;
}

async function findNode(options: FindRuntimeOptions, env: NodeJS.ProcessEnv): Promise<RuntimeSpec | undefined> {
	const platform = options.platform ?? process.platform;
	// Harmless on a plain Node; required when the path is an Electron app such as VS Code.
	const electronEnv = { ELECTRON_RUN_AS_NODE: '1' };
	if (options.configured) {
		const exe = locate(options.configured, env, platform);
		const version = exe && parseNodeVersion(await probe(exe, ['--version'], { ...env, ...electronEnv }));
		return exe && version && atLeast(version, minimumNode) ? { path: exe, env: electronEnv, version } : undefined;
	}
	const onPath = locate('node', env, platform);
	if (onPath) {
		const version = parseNodeVersion(await probe(onPath, ['--version'], env));
		if (version && atLeast(version, minimumNode)) {
			return { path: onPath, version };
		}
	}
	const execPath = options.execPath ?? process.execPath;
	const version = options.execPathVersion ?? process.versions.node;
	return atLeast(version, minimumNode) ? { path: execPath, env: electronEnv, version } : undefined;
}

function pathValue(env: NodeJS.ProcessEnv): string {
	return env.PATH ?? env.Path ?? env.path ?? '';
}

/** A command name looked up on PATH (with PATHEXT on Windows), or a path used as given. */
export function locate(command: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
	const isFile = (p: string) => {
		try {
			if (!fs.statSync(p).isFile()) {
				return false;
			}
			if (platform !== 'win32') {
				fs.accessSync(p, fs.constants.X_OK);
			}
			return true;
		} catch {
			return false;
		}
	};
	if (command.includes('/') || (platform === 'win32' && command.includes('\\'))) {
		return isFile(command) ? command : undefined;
	}
	const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
	for (const dir of pathValue(env).split(platform === 'win32' ? ';' : ':')) {
		if (!dir) {
			continue;
		}
		for (const ext of exts) {
			const candidate = path.join(dir, command + ext);
			if (isFile(candidate)) {
				return candidate;
			}
		}
	}
	return undefined;
}

function probe(exe: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
	return new Promise(resolve => {
		execFile(exe, args, { env, timeout: probeTimeoutMs, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
			resolve(error ? undefined : stdout);
		});
	});
}

function parseNodeVersion(out: string | undefined): string | undefined {
	return /^v?(\d+\.\d+\.\d+)/.exec(out?.trim() ?? '')?.[1];
}

function atLeast(version: string, [major, minor]: readonly [number, number]): boolean {
	const [a = 0, b = 0] = version.split('.').map(Number);
	return a > major || (a === major && b >= minor);
}
