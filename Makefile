# The two commands in README.md are `make serve` and `make test`; the rest are helpers.
.PHONY: serve test size ci fuzz bench-links bench-raci bench-scorecard bench-pricing bench-decision bench-load

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# Raw, gzip and brotli size of every file the release build serves, and the wasm per page.
size:
	./scripts/size.sh

ci:
	./.ci/run

# 10,000,000 structure-aware inputs (FUZZ_INPUTS=n) into the link, file, CSV and storage
# decoders and the pipeline behind them; prints inputs, accepted, panics, slowest input.
# Fails on any panic or input over 200 ms. Not part of `make test` (a smoke is).
fuzz:
	./scripts/fuzz.sh

# Share-link lengths of sample documents, beside plain deflate+base64url of their JSON.
bench-links:
	./scripts/bench-links.sh

# RACI grid edit latency at 200 functions × 12 parties (prints median and p95). Not a test.
bench-raci:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release'
	node scripts/bench-raci.mjs

# Scorecard edit latency at 20 providers x 100 criteria (release build, headless Chromium).
bench-scorecard:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release && node scripts/bench-scorecard.mjs'

# Pricing edit latency with 12 quotes and the legal RACI cross-check (median and p95). Not a test.
bench-pricing:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release && node scripts/bench-pricing.mjs'

# How long the decision brief takes to compute and render for 12 scored and quoted
# providers and the legal RACI (median and p95). Not a test.
bench-decision:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release && node scripts/bench-decision.mjs'

# A new visitor on a phone: Lighthouse mobile scores of each page, the time to a usable RACI
# matrix under throttling, and the raw/gzip/brotli size of every file. Not part of `make test`.
bench-load:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release && node scripts/bench-load.mjs'
