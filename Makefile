# Plotline: `make run` renders seeds/ into output/, `make test` runs the test suite.
# Both install the Debian packages Plotline needs first, only when they are missing.

APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libdeflate-dev fonts-dejavu-core fonts-wqy-microhei
# The tests also open the HTML report in a real browser.
TEST_PACKAGES := $(APT_PACKAGES) chromium
SWIFT ?= swift

.PHONY: run test deps test-deps install-packages release clean bench

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
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	@command -v gnuplot >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; $$sudo apt-get install -y --no-install-recommends gnuplot-nox; }
	@python3 -c "import matplotlib, vl_convert" 2>/dev/null || python3 -m pip install --quiet matplotlib vl-convert-python
	$(SWIFT) build -c release --static-swift-stdlib --product plotline-bench
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build
