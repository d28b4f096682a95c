#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/, compressed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
trunk build --release
# Serves the precompressed .br/.gz files the build wrote, as a static host would.
exec node scripts/static-server.mjs dist "${PORT:-8080}"
