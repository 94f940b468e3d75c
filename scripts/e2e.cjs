#!/usr/bin/env node
// Runs the end-to-end tests: packages the .vsix (unless --no-package and it exists), installs it
// once into a template extensions folder, then runs test/e2e/**/*.e2e.ts with mocha. Extra
// arguments go to mocha (e.g. --grep Tutor). Screenshots land in test-results/e2e/.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const box = require('./lib/box.cjs');
const { packageVsix, vsixPath } = require('./package.cjs');

const args = process.argv.slice(2);
const noPackage = args.includes('--no-package');
const mochaArgs = args.filter(a => a !== '--no-package');

box.ensureInstalled();
if (!noPackage || !fs.existsSync(vsixPath)) {
	packageVsix({ quiet: true });
}
const scratch = box.makeScratch('e2e-template');
const extensionsDir = path.join(scratch, 'exts');
fs.mkdirSync(extensionsDir, { recursive: true });
box.installVsix(vsixPath, { scratch, extensionsDir, userDataDir: path.join(scratch, 'ud') });
console.log(`e2e: installed ${path.basename(vsixPath)} into a fresh VS Code ${'1.139.1'} profile`);

const mocha = path.join(box.ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--config', 'test/e2e/.mocharc.json', ...mochaArgs], {
	cwd: box.ROOT,
	stdio: 'inherit',
	env: { ...process.env, CODEMENTOR_E2E_EXTENSIONS: extensionsDir },
});
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
