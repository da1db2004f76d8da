# kubec — build, test and benchmark. `make run` and `make test` work on a fresh Debian machine:
# they install what is missing (apt-get, as root) before building.

SHELL      := /bin/bash
SWIFT      ?= swift
OUT        ?= out
# System packages: libyaml for the loader; the rest are the real tools the end-to-end tests use as oracles
# (and linux-perf, to profile the release binary: `perf record -g .build/release/kubec ...`).
# Services are kept from starting during the install (policy-rc.d): the tests start their own on free ports.
APT_PACKAGES := libyaml-dev pkg-config iptables ipset iproute2 nginx-light openssl bind9-utils bind9 knot knot-dnsutils nsd dnsutils python3 nftables chromium poppler-utils linux-perf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release run test bench schemas check-peers docs clean fuzz

# Python peers the tests compare against (PyPI): kubernetes-validate (schema verdicts), jsonschema (SARIF).
KV_INSTALL = python3 -c 'import kubernetes_validate, jsonschema' 2>/dev/null || python3 -m pip install --quiet kubernetes-validate jsonschema

all: build

## deps: install the system packages that are missing (apt-get update once, then install only what lacks)
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	pkg-config --exists yaml-0.1 2>/dev/null || case "$$missing" in *libyaml-dev*) ;; *) missing="$$missing libyaml-dev pkg-config";; esac; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  guard=""; if [ ! -e /usr/sbin/policy-rc.d ]; then \
	    printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee /usr/sbin/policy-rc.d >/dev/null && $(SUDO) chmod +x /usr/sbin/policy-rc.d && guard=1; fi; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  status=$$?; [ -n "$$guard" ] && $(SUDO) rm -f /usr/sbin/policy-rc.d; exit $$status; \
	else echo "deps: all system packages present"; fi

build: deps
	$(SWIFT) build

## The release binary links the Swift runtime and Foundation statically: no dynamic loading of twenty libraries
## at start-up (about 12 ms a run), and one file to copy onto a CI runner.
RELEASE = $(SWIFT) build -c release --static-swift-stdlib

release: deps
	$(RELEASE) --product kubec

## run: build, lint and compile the bundled manifests, and say where the outputs went
run: release
	./.build/release/kubec lint manifests/
	./.build/release/kubec compile manifests/ -o $(OUT)
	@echo "outputs: $(OUT)/ (placement.txt/json, nodes/*/ iptables, IPVS and policy rules, dns/*.zone, ingress/nginx.conf)"

## test: everything, including the end-to-end tests with real iptables, ipset, nginx and DNS servers
test: deps
	@$(KV_INSTALL)
	@scripts/lint/fetch-sarif-schema.sh >/dev/null
	$(SWIFT) build --build-tests
	./.build/debug/kubec-fuzz --mutations $(FUZZ_MUTATIONS) --seed 1 Fuzz/corpus Fuzz/regressions
	@# Tests make scratch folders under $$TMPDIR; one folder per run, removed after it, keeps /tmp from filling up.
	@set -o pipefail; scratch=$$(mktemp -d /tmp/kubec-test.XXXXXX); \
	  TMPDIR=$$scratch $(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; status=$$?; rm -rf "$$scratch"; \
	  passed=$$(sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\} in .* passed after.*/\1/p' .build/test-output.txt | tail -n 1); \
	  failed=$$(grep -c 'recorded an issue' .build/test-output.txt); \
	  if [ $$status -eq 0 ] && [ -n "$$passed" ]; then echo "tests: $$passed passed, 0 failed"; \
	  else echo "tests: $${passed:-0} passed, $$failed failed"; fi; exit $$status

## schemas: regenerate schemas/ and Sources/KubeSchema/Generated/ from the PyPI package kubernetes-validate
schemas:
	@$(KV_INSTALL)
	python3 scripts/schemas/generate.py

## check-peers: kubec and kubernetes-validate --strict agree per document (deliberate differences listed)
check-peers: deps
	scripts/schemas/check-peers.sh

## bench: generate inputs, time the kubec process per command (targets, growth per doubling), then every stage
## in-process against its floor, all in the same run (release build). BENCH="targets growth" picks suites.
BENCH ?=
bench: deps
	$(RELEASE) --product kubec
	$(RELEASE) --product kubec-bench
	./.build/release/kubec-bench $(BENCH)

## docs: regenerate docs/rules.md (from the rule catalogue), the man page and the shell completions
docs: release
	./.build/release/kubec rules --output markdown > docs/rules.md
	mkdir -p docs/man docs/completions
	$(SWIFT) package --allow-writing-to-directory docs/man generate-manual --output-directory docs/man
	./.build/release/kubec --generate-completion-script bash > docs/completions/kubec.bash
	./.build/release/kubec --generate-completion-script zsh > docs/completions/_kubec
	./.build/release/kubec --generate-completion-script fish > docs/completions/kubec.fish

## fuzz: libFuzzer (-sanitize=fuzzer,address) over Fuzz/corpus for SECONDS seconds; findings land in Fuzz/findings/
SECONDS ?= 60
FUZZ_MUTATIONS ?= 6
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product kubec-fuzz -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
	mkdir -p Fuzz/findings .build-fuzz/corpus && cp -n Fuzz/corpus/* Fuzz/regressions/* .build-fuzz/corpus/ 2>/dev/null || true
	./.build-fuzz/debug/kubec-fuzz .build-fuzz/corpus -max_total_time=$(SECONDS) -seed=1 \
	  -max_len=8192 -timeout=20 -rss_limit_mb=2048 -artifact_prefix=Fuzz/findings/ -print_final_stats=1

## screenshots: docs/images/*.png, the HTML reports of the demo (and of scripts/demo-change.sh's diff) as headless
## Chromium draws them (for the README)
.PHONY: screenshots
CHROMIUM_SHOT = chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000
screenshots: build
	mkdir -p docs/images $(OUT)
	./.build/debug/kubec plan manifests/ --output html > $(OUT)/placement.html
	./.build/debug/kubec reach --matrix manifests/ --port 2181 --output html > $(OUT)/reach.html
	$(CHROMIUM_SHOT) --screenshot=docs/images/placement.png file://$(abspath $(OUT))/placement.html 2>/dev/null
	$(CHROMIUM_SHOT) --screenshot=docs/images/reach.png file://$(abspath $(OUT))/reach.html 2>/dev/null
	scripts/demo-change.sh $(OUT)/demo-change
	./.build/debug/kubec diff $(OUT)/demo-change/before $(OUT)/demo-change/after --cluster manifests/cluster \
	  --output html > $(OUT)/diff.html
	$(CHROMIUM_SHOT) --screenshot=docs/images/diff.png file://$(abspath $(OUT))/diff.html 2>/dev/null

clean:
	rm -rf .build $(OUT)
