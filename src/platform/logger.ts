// The "CodeMentor" LogOutputChannel behind core's Logger interface. Every message and argument is
// redacted before it reaches the channel. Warnings and errors are also counted so the integration
// tests can assert that activation logged none.
import * as vscode from 'vscode';
import { createRedactingLogger, type Logger } from '../core/log';
import { OUTPUT_CHANNEL_NAME } from '../shared/ids';

export interface ChannelLogger extends Logger {
	readonly channel: vscode.LogOutputChannel;
	/** Warnings and errors logged so far, newest last (bounded), for diagnostics and tests. */
	readonly problems: readonly string[];
}

export function createChannelLogger(): ChannelLogger {
	const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
	const problems: string[] = [];
	const remember = (level: string, message: string) => {
		problems.push(`${level}: ${message}`);
		if (problems.length > 100) {
			problems.shift();
		}
	};
	const logger = createRedactingLogger({
		trace: (m, ...a) => channel.trace(m, ...a),
		debug: (m, ...a) => channel.debug(m, ...a),
		info: (m, ...a) => channel.info(m, ...a),
		warn: (m, ...a) => {
			remember('warn', m);
			channel.warn(m, ...a);
		},
		error: (m, ...a) => {
			remember('error', String(m));
			channel.error(m as string, ...a);
		},
	});
	return Object.assign(logger, { channel, problems });
}
