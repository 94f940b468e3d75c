// The logger interface every layer writes to, and the redaction that keeps secrets out of logs.
// The VS Code adapter (src/platform/logger.ts) sends it to the "CodeMentor" LogOutputChannel;
// tests and the CLI use their own sinks. Prompt and response bodies belong at trace level only.

export interface Logger {
	trace(message: string, ...args: unknown[]): void;
	debug(message: string, ...args: unknown[]): void;
	info(message: string, ...args: unknown[]): void;
	warn(message: string, ...args: unknown[]): void;
	error(messageOrError: string | Error, ...args: unknown[]): void;
}

export const nullLogger: Logger = {
	trace() {},
	debug() {},
	info() {},
	warn() {},
	error() {},
};

// Shapes of credentials we might ever hold or echo back from a server. Each keeps a short
// recognisable prefix so a log reader can still tell *which* kind of secret was there.
const secretPatterns: readonly RegExp[] = [
	/\b(sk-ant-[a-z]+\d*-)[A-Za-z0-9_-]{8,}/g, // Anthropic
	/\b(sk-(?:proj-|svcacct-|admin-)?)[A-Za-z0-9_-]{16,}/g, // OpenAI
	/\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, // GitHub tokens
	/\b(github_pat_)[A-Za-z0-9_]{20,}/g,
	/\b(xox[abpr]-)[A-Za-z0-9-]{10,}/g, // Slack, occasionally pasted by learners
	/\b(AKIA)[A-Z0-9]{16}\b/g, // AWS access key id
	/\b(eyJ)[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, // JWTs (platform tokens)
	/((?:authorization|x-api-key|api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?secret|password)["']?\s*[:=]\s*["']?(?:Bearer\s+|token\s+)?)[^\s"',;}]{6,}/gi,
	/((?:Bearer|token)\s+)[A-Za-z0-9._~+/-]{16,}=*/g,
];

/** Replaces anything that looks like a credential with a marker. Idempotent. */
export function redactSecrets(text: string): string {
	let out = text;
	for (const pattern of secretPatterns) {
		out = out.replace(pattern, (_match, prefix: string) => `${prefix}[REDACTED]`);
	}
	return out;
}

/** Renders a log argument as text, with secrets redacted and errors shown with their cause chain. */
export function formatLogArg(arg: unknown): string {
	if (arg instanceof Error) {
		const parts = [arg.stack ?? `${arg.name}: ${arg.message}`];
		let cause = (arg as { cause?: unknown }).cause;
		for (let depth = 0; cause !== undefined && depth < 5; depth++) {
			parts.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
			cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
		}
		return redactSecrets(parts.join('\n'));
	}
	if (typeof arg === 'string') {
		return redactSecrets(arg);
	}
	try {
		return redactSecrets(JSON.stringify(arg) ?? String(arg));
	} catch {
		return redactSecrets(String(arg));
	}
}

/** A logger that redacts every message and argument before handing it to `sink`. */
export function createRedactingLogger(sink: Logger): Logger {
	const wrap =
		(level: 'trace' | 'debug' | 'info' | 'warn') =>
		(message: string, ...args: unknown[]) =>
			sink[level](redactSecrets(message), ...args.map(formatLogArg));
	return {
		trace: wrap('trace'),
		debug: wrap('debug'),
		info: wrap('info'),
		warn: wrap('warn'),
		error: (messageOrError, ...args) =>
			sink.error(
				typeof messageOrError === 'string' ? redactSecrets(messageOrError) : formatLogArg(messageOrError),
				...args.map(formatLogArg),
			),
	};
}
