# The two commands in README.md are `make serve` and `make test`; the rest are helpers.
.PHONY: serve test size ci bench bench-raci

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# Release sizes of the wasm, JS and CSS, raw and gzipped. Not part of `make test`.
size:
	./scripts/size.sh

ci:
	./.ci/run

# RACI grid edit latency at 200 functions × 12 parties (prints median and p95). Not a test.
bench-raci:
	./scripts/setup.sh --browser
	bash -c 'source scripts/env.sh && trunk build --release'
	node scripts/bench-raci.mjs
