# Dossier: build, test and run the example governance repository.
#
#   make site    build dossier and render examples/acme into site/
#   make test    build and run the whole test suite, with the browser test
#   make bench   portfolio benchmarks (1,000 and 10,000 agents, against Hugo)
#   make browser-test / make screenshots   the browser checks on site/

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

# The browser test (the checker's self-test, then a fresh build of
# examples/acme loaded page by page in headless Chromium), then the Swift suites.
test: deps
	bash scripts/browser-deps.sh
	bash Tests/browser/selftest.sh
	$(SWIFT) build
	rm -rf .build/browser-site
	$(DOSSIER) build examples/acme --out .build/browser-site
	python3 Tests/browser/check_site.py .build/browser-site
	$(SWIFT) test --disable-xctest

bench: build
	bash Benchmarks/portfolio/run.sh

clean:
	rm -rf .build

# Every page of site/ in headless Chromium (console, links, CSP, 375/1280 px
# overflow); screenshots and a print PDF into .build/screens/.
.PHONY: browser-test screenshots
browser-test: site
	bash scripts/browser-deps.sh && python3 Tests/browser/check_site.py site

screenshots: site
	bash scripts/browser-deps.sh && bash scripts/screenshots.sh site .build/screens
