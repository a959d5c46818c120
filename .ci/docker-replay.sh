#!/usr/bin/env bash
# CI cannot pull node:20-slim, so this replays the Dockerfile's install and build steps in a clean folder
# (scripts/replay-dockerfile.js) and starts the result: it must answer /healthz, pass the HEALTHCHECK
# and stop with status 0 on SIGTERM. Needs the npm registry, like `npm ci` (the packages come from the
# machine's npm cache when it has them), and runs after `npm ci`: the better-sqlite3 binding that install
# built stands in for the prebuilt one an image downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/replay-dockerfile.js Dockerfile
