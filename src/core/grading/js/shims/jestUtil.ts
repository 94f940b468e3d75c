// Stands in for `jest-util` inside the harness bundle (esbuild alias, see esbuild.js). `expect` uses
// three small helpers from it; the real package also loads picomatch, ci-info and graceful-fs at
// start-up, which every grading run would pay for. Behaviour is copied from jest-util 30.
export function isPromise<T = unknown>(candidate: unknown): candidate is PromiseLike<T> {
	return candidate != null && (typeof candidate === 'object' || typeof candidate === 'function') && typeof (candidate as { then?: unknown }).then === 'function';
}

export function pluralize(word: string, count: number, ending = 's'): string {
	return `${count} ${word}${count === 1 ? '' : ending}`;
}

export class ErrorWithStack extends Error {
	constructor(message: string | undefined, callsite: (...args: never[]) => unknown, stackLimit?: number) {
		const originalStackLimit = Error.stackTraceLimit;
		if (stackLimit) {
			Error.stackTraceLimit = Math.max(stackLimit, originalStackLimit || 10);
		}
		super(message);
		Error.captureStackTrace?.(this, callsite);
		Error.stackTraceLimit = originalStackLimit;
	}
}
