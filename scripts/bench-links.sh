#!/usr/bin/env bash
# Prints the share-link length of sample documents beside plain deflate+base64url of
# their JSON. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
if ! cargo test --release --test link_sizes -- --ignored --nocapture >"$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
sed -n '/^sample document/,/^plain JSON/p' "$log"
