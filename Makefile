# Dossier: build, test and run the example governance repository.
#
#   make site    build dossier and check examples/acme
#   make test    build and run the whole test suite
#   make bench   benchmarks (none yet)

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOSSIER := .build/debug/dossier

.PHONY: all deps build site test bench clean

all: build

# libcmark is the one system dependency (Debian's libcmark-dev, found with pkg-config).
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
		echo "installing libcmark-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev; }

build: deps
	$(SWIFT) build

site: build
	$(DOSSIER) check examples/acme --fail-on none

test: deps
	$(SWIFT) test

bench: build
	@echo "no benchmarks yet"

clean:
	rm -rf .build
