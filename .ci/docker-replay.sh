#!/usr/bin/env bash
# CI cannot pull node:20-slim, so this replays the Dockerfile's install and build steps in a clean folder
# (scripts/replay-dockerfile.js) and starts the result: it must answer /healthz, pass the HEALTHCHECK
# and stop with status 0 on SIGTERM. Needs the npm registry, like `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/replay-dockerfile.js Dockerfile
