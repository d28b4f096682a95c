#!/usr/bin/env bash
# Feeds the share-link and file decoders 1,000,000 random and mutated inputs
# (FUZZ_INPUTS=n to change) and prints the count. Not part of `make test`: it is slow.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
if ! cargo test --release --test fuzz -- --ignored --nocapture >"$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -E '^fuzz:|panic on input' "$log"
