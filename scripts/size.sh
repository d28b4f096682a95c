#!/usr/bin/env bash
# Builds the release app and prints the raw, gzip and brotli size of every file it serves,
# and the wasm each page loads.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
trunk build --release >/dev/null
node scripts/sizes.mjs
