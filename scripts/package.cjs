#!/usr/bin/env node
// Writes codementor-<version>.vsix (production build, no node_modules: everything is bundled).
// Installs in desktop VS Code (`code --install-extension`), VSCodium and code-server alike.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${name}-${version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function packageVsix({ quiet = false } = {}) {
	// vsce runs `vscode:prepublish` (the production build) itself.
	execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
	return out;
}

module.exports = { packageVsix, vsixPath: out };

if (require.main === module) {
	packageVsix();
	console.log(`${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
}
