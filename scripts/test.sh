#!/usr/bin/env bash
# Runs every test: native (domain core), browser (wasm-bindgen-test in headless
# Chromium) and end-to-end (Playwright driving Chromium against the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests"
cargo test --locked

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release
step "release build served from a sub-path"
trunk build --release --public-url /splitline/app/ --dist target/e2e-subpath/splitline/app

step "end-to-end tests (Playwright, Chromium)"
node tests/e2e/run.mjs
