# Plotline: `make run` renders seeds/ into output/, `make test` runs the test suite.
# Both install the Debian packages Plotline needs first, only when they are missing.

APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libdeflate-dev fonts-dejavu-core fonts-wqy-microhei
# The tests also open the HTML report in a real browser.
TEST_PACKAGES := $(APT_PACKAGES) chromium
SWIFT ?= swift

.PHONY: run test deps test-deps install-packages release clean bench fuzz fuzz-build fuzz-smoke

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product plotline

run: release
	.build/release/plotline build --out output seeds

test: test-deps
	$(SWIFT) build --build-tests -c release
	$(SWIFT) test -c release --skip-build

bench: deps
	@command -v gnuplot >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; $$sudo apt-get install -y --no-install-recommends gnuplot-nox; }
	@python3 -c "import matplotlib, vl_convert" 2>/dev/null || python3 -m pip install --quiet matplotlib vl-convert-python
	$(SWIFT) build -c release --static-swift-stdlib --product plotline-bench
	python3 bench/run.py $(BENCH_ARGS)

# Fuzzing with libFuzzer and AddressSanitizer: every target for FUZZ_SECONDS each (default 600),
# from the seed corpus in fuzz/corpus/TARGET; new inputs go to .build-fuzz/corpus, crashes to fuzz/crashes.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := extract csv project svg

fuzz-build: deps
	$(SWIFT) build --scratch-path .build-fuzz -c debug --product plotline-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING

fuzz: fuzz-build
	@mkdir -p fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  PLOTLINE_FUZZ_TARGET=$$t .build-fuzz/debug/plotline-fuzz .build-fuzz/corpus/$$t fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
	    -artifact_prefix=fuzz/crashes/$$t- -print_final_stats=1 $(FUZZ_ARGS) > .build-fuzz/$$t.log 2>&1; status=$$?; \
	  grep -E "^(Done|stat::new_units_added|stat::peak_rss_mb|SUMMARY)|ERROR" .build-fuzz/$$t.log | sed "s/^/  /"; \
	  if [ $$status -ne 0 ]; then echo "fuzz target $$t failed; see .build-fuzz/$$t.log and fuzz/crashes/"; exit 1; fi; \
	done

# About a minute in all, for CI, with a fixed seed so a run can be repeated.
fuzz-smoke:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=12 FUZZ_ARGS=-seed=1

clean:
	rm -rf .build
