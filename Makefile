# The two commands in README.md are `make serve` and `make test`; the rest are helpers.
.PHONY: serve test size ci bench bench-scorecard

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# Release sizes of the wasm, JS and CSS, raw and gzipped. Not part of `make test`.
size:
	./scripts/size.sh

ci:
	./.ci/run

# Scorecard edit latency at 20 providers x 100 criteria (release build, headless Chromium).
bench-scorecard:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release && node scripts/bench-scorecard.mjs'
