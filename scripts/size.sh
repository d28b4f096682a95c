#!/usr/bin/env bash
# Prints the release build's wasm, JS and CSS sizes, raw and gzipped (gzip -9).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
trunk build --release >/dev/null
printf '%-40s %10s %10s\n' file raw gzip
total_raw=0; total_gz=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10s %10s\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-40s %10s %10s\n' total "$total_raw" "$total_gz"
