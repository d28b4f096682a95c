#!/usr/bin/env bash
# Structure-aware fuzzing (tests/fuzz.rs) in the `fuzz` profile (optimised, overflow checks
# and debug assertions on): 10,000,000 inputs by default (FUZZ_INPUTS=n; FUZZ_SEED,
# FUZZ_THREADS, FUZZ_SLOW_MS also apply) on every core. Prints inputs, accepted documents per
# target, panics and the slowest input; fails on any panic or input over the time limit, and
# prints each distinct finding with a replay command. Not part of `make test`: it is slow.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_INPUTS="${FUZZ_INPUTS:-10000000}"
log=$(mktemp)
status=0
cargo test --profile fuzz --test fuzz -- --ignored --nocapture decoders_never_panic_nor_stall \
  >"$log" 2>&1 || status=$?
if grep -q '^fuzz:' "$log"; then
  grep -E '^fuzz:|^  (input|replay)' "$log"
else
  tail -40 "$log"
fi
rm -f "$log"
exit "$status"
