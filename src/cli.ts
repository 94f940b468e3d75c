// The `codementor` executable (dist/cli.js, package.json "bin"): grade, validate and list exercises
// from a terminal, with the same grading engine the extension uses. Ctrl+C cancels a run and
// kills its process tree.
import * as path from 'node:path';
import { runCli } from './cli/run';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

void runCli(process.argv.slice(2), {
	stdout: text => process.stdout.write(text),
	stderr: text => process.stderr.write(text),
	// The bundle is dist/cli.js; the harness and reporter are built into dist/grading.
	harnessDir: path.join(__dirname, 'grading'),
	signal: controller.signal,
}).then(code => {
	process.exitCode = code;
});
