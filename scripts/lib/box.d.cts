// Types for box.cjs (used from TypeScript tests and benchmarks).
import type { BrowserContext } from 'playwright-core';

export interface CodeServer {
	readonly port: number;
	readonly base: string;
	readonly url: string;
	readonly authority: string;
	readonly scratch: string;
	readonly userDataDir: string;
	readonly extensionsDir: string;
	readonly logFile: string;
	readonly pid: number;
	readonly exited: Promise<unknown>;
	stop(): Promise<void>;
}

export interface StartOptions {
	port?: number;
	workspace?: string;
	scratch?: string;
	settings?: Record<string, unknown>;
	userDataDir?: string;
	extensionsDir?: string;
	smokeTestDriver?: boolean;
	env?: Record<string, string>;
	args?: string[];
}

export const ROOT: string;
export const BOX: string;
export const CODE_SERVER: string;
export const NODE24_DIR: string;
export const CHROMIUM: string;
export const QUIET_SETTINGS: Record<string, unknown>;
export function ensureInstalled(): void;
export function isolatedEnv(scratch: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
export function freePort(): Promise<number>;
export function get(url: string): Promise<{ status: number; body: string }>;
export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs: number, what: string): Promise<T>;
export function makeScratch(prefix: string): string;
export function installVsix(vsix: string, dirs: { scratch: string; extensionsDir: string; userDataDir: string }): void;
export function startCodeServer(options: StartOptions): Promise<CodeServer>;
export function launchBrowser(scratch: string, options?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<BrowserContext>;
export function tmpdir(): string;
