// Error helpers shared by every layer: cancellation is not an error, and every error the user sees
// is one sentence with an optional action.

/** Thrown (or recognised) when the user cancelled: callers stay quiet instead of showing an error. */
export class CancelledError extends Error {
	constructor(message = 'Cancelled') {
		super(message);
		this.name = 'CancelledError';
	}
}

export function isCancellation(error: unknown): boolean {
	if (error instanceof CancelledError) {
		return true;
	}
	if (error instanceof Error) {
		// AbortController/AbortSignal.timeout in Node, the SDKs' abort errors, and vscode's CancellationError.
		return error.name === 'AbortError' || error.name === 'APIUserAbortError' || error.name === 'Canceled';
	}
	return false;
}

/** An action the UI offers next to an error message; `command` is a `codementor.*` command id. */
export interface ErrorAction {
	readonly title: string;
	readonly command: string;
	readonly args?: readonly unknown[];
}

/** An error meant for the user: its message is a complete sentence; `actions` say what to do next. */
export class UserFacingError extends Error {
	constructor(
		message: string,
		readonly actions: readonly ErrorAction[] = [],
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = 'UserFacingError';
	}
}

export function errorMessage(error: unknown): string {
	if (error instanceof Error) {
		return error.message;
	}
	return typeof error === 'string' ? error : 'Unknown error';
}
