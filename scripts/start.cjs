#!/usr/bin/env node
// `npm start`: builds and packages CodeMentor, installs the .vsix into the pinned VS Code
// (code-server 1.139.1, installed on first run into .cache/vscode-box), opens a sample workspace,
// serves it on 127.0.0.1 and prints the URL. Ctrl-C stops everything.
//   npm start                  port 8080 (or $PORT)
//   npm start -- --port 9000   another port
// Your VS Code profile (settings, progress, conversations) persists in .cache/start between runs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const box = require('./lib/box.cjs');
const { packageVsix, vsixPath } = require('./package.cjs');

const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port');
const port = Number(portArg >= 0 ? argv[portArg + 1] : process.env.PORT || 8080);

async function main() {
	box.ensureInstalled();
	console.log('Building and packaging CodeMentor…');
	packageVsix({ quiet: true });
	const home = path.join(box.ROOT, '.cache', 'start');
	const workspace = path.join(home, 'workspace');
	if (!fs.existsSync(workspace)) {
		fs.cpSync(path.join(__dirname, 'sample-workspace'), workspace, { recursive: true });
	}
	const userDataDir = path.join(home, 'user-data');
	const extensionsDir = path.join(home, 'extensions');
	fs.mkdirSync(extensionsDir, { recursive: true });
	box.installVsix(vsixPath, { scratch: home, extensionsDir, userDataDir });
	const server = await box.startCodeServer({
		port, scratch: home, workspace, userDataDir, extensionsDir,
		settings: { 'chat.disableAIFeatures': false, 'workbench.startupEditor': 'welcomePage' },
	});
	console.log(`\nCodeMentor is running in VS Code ${'1.139.1'} at:\n\n    ${server.url}\n\nOpen it in a browser. Press Ctrl-C to stop.`);
	console.log(`(server log: ${path.relative(process.cwd(), server.logFile)})`);
	const stop = async () => { await server.stop(); process.exit(0); };
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	await server.exited;
	console.error(`code-server stopped unexpectedly; see ${server.logFile}`);
	process.exit(1);
}

main().catch(e => { console.error(e.message || e); process.exit(1); });
