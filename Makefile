# Roost's two entry points:
#   make test   install what the tests need, build, run every test
#   make run    install what roost needs, build and install roost, run the demo
# Debian packages come from apt-get; `make deps` installs only what is missing.

SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
SWIFT ?= swift
PREFIX ?= /usr/local

# Debian packages: the reference evaluator, the container engine and what
# containers run, the tools tests and benchmarks use (time: peak memory in
# bench/run.sh), and mimalloc, the allocator the roost binary links.
DEB_PACKAGES := nix-bin systemd-container systemd iproute2 nftables socat \
	openssh-server openssh-client hyperfine dbus time libmimalloc-dev

# Only the benchmarks need these: perf counts instructions (bench/constructs.sh).
BENCH_PACKAGES := linux-perf

.PHONY: all deps bench-deps build release test run install bench clean

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

bench-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BENCH_PACKAGES)"

build: deps
	$(SWIFT) build

# The release binary carries the Swift runtime inside it: retains and
# releases become direct calls and start-up resolves no Swift symbols (about
# 12% fewer cycles per evaluation; docs/benchmarks.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: release
	install -m 0755 .build/release/roost $(PREFIX)/bin/roost

run: install
	@scripts/demo.sh

# Benchmarks: the evaluator, the module system, and (as root) containers.
bench: release bench-deps
	bench/run.sh
	bench/constructs.sh
	bench/modules/run.sh
	bench/containers.sh

clean:
	rm -rf .build
