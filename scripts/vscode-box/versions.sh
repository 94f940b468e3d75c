# Pinned versions of the test VS Code. Keep in sync with scripts/lib/box.cjs.
CODE_SERVER_VERSION=4.139.1   # = VS Code 1.139.1
NODE_MAJOR=24
