# WireFeed: `make run` on a fresh Debian machine installs what is missing, builds and starts the daemon;
# `make test` installs likewise, builds once and runs every test.

SWIFT   ?= swift
CONFIG  ?= pipeline.json
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libxml2-dev libsqlite3-dev pkg-config

.PHONY: all deps build release run test eval check schema clean

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

# Accuracy against the shared evaluation data (language identification, …); skips without ../shared.
eval: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter Eval

check: release
	.build/release/wirefeed check $(CONFIG)

schema: build
	.build/debug/wirefeed schema > pipeline.schema.json

clean:
	rm -rf .build var
