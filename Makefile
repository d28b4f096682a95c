# The two commands in README.md are `make serve` and `make test`; the rest are helpers.
.PHONY: serve test size ci bench

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# Release sizes of the wasm, JS and CSS, raw and gzipped. Not part of `make test`.
size:
	./scripts/size.sh

ci:
	./.ci/run
