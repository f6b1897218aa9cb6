# Dossier: build, test and run the example governance repository.
#
#   make site    build dossier and render examples/acme into site/
#   make test    build and run the whole test suite
#   make bench   benchmarks (none yet)

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOSSIER := .build/debug/dossier

.PHONY: all deps build site templates test bench clean

all: build

# libcmark is the one system dependency (Debian's libcmark-dev, found with pkg-config).
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
		echo "installing libcmark-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev; }

build: deps
	$(SWIFT) build

site: build
	$(DOSSIER) build examples/acme --out site

# Re-embed templates/ into the binary after editing them.
templates:
	python3 scripts/embed-templates.py

test: deps
	$(SWIFT) test

bench: build
	@echo "no benchmarks yet"

clean:
	rm -rf .build

# Every page of site/ in headless Chromium (console, links, CSP, 375/1280 px
# overflow); screenshots and a print PDF into .build/screens/.
.PHONY: browser-test screenshots
browser-test: site
	bash scripts/browser-deps.sh && python3 Tests/browser/check_site.py site

screenshots: site
	bash scripts/browser-deps.sh && bash scripts/screenshots.sh site .build/screens
