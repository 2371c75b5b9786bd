# WireFeed: `make run` on a fresh Debian machine installs what is missing, builds and starts the daemon;
# `make test` installs likewise, builds once and runs every test.

SWIFT   ?= swift
CONFIG  ?= pipeline.json
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libxml2-dev libsqlite3-dev pkg-config

.PHONY: all deps build release run test check schema eval bench-clean clean eval-dedupe bench-dedupe-index

all: build

# Installs the C libraries' headers only when they are missing (apt-get update first: a fresh image has no lists).
deps:
	@if ! pkg-config --exists libxml-2.0 sqlite3 2>/dev/null; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -q && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	mkdir -p var/inbox var/out var/state
	.build/release/wirefeed run --config $(CONFIG)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

check: release
	.build/release/wirefeed check $(CONFIG)

# Scores clean (and, as they land, the other stages) on Fixtures/eval and prints the table; language
# identification on ../shared/data/lingua-testdata (skipped without it).
eval: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter Eval

# Throughput of clean on the eval corpus repeated to about 50 MB (release build, one core).
bench-clean: deps
	Scripts/bench-clean.sh

schema: build
	.build/debug/wirefeed schema > pipeline.schema.json

clean:
	rm -rf .build var

# Dedupe quality on a generated 10k corpus (ITEMS=100000 for the larger one), scored as the peers were.
eval-dedupe:
	Scripts/dedupe-eval.sh $(or $(ITEMS),10000)

# Dedupe index cost: µs per lookup+insert and bytes per stored item up to 1M stored items.
bench-dedupe-index:
	Scripts/dedupe-index-bench.sh $(or $(ITEMS),1000000)
