# Two commands do everything on a fresh machine:
#   make run    build exports/ from sources/
#   make test   run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime

.PHONY: run test eval sysdeps screenshot bench bench-html clean

# System packages the tests need: Virtuoso (tests/db load the graph into it),
# Chromium (tests/export/test_html_browser.py drive it with Playwright) and Firefox ESR
# (tests/export/test_html_firefox.py).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
sysdeps:
	@command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 && [ -x /usr/bin/chromium ] \
	  && command -v firefox-esr >/dev/null 2>&1 || { \
	  echo "installing virtuoso-opensource, chromium and firefox-esr (Debian)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    virtuoso-opensource chromium firefox-esr >/dev/null; }

# A picture of the seed graph for the README, made with the same browser as the tests.
screenshot: $(STAMP) sysdeps
	$(BIN)/kg build sources/ -o exports/ >/dev/null
	$(BIN)/python tools/screenshot.py exports/graph.html docs/graph.png

# Two installs into one .venv: the runtime alone for `make run` ($(RUNTIME)), and the
# runtime with the test extras (pytest, Playwright, Dask, ...) for everything else ($(STAMP)).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUNTIME)

run: $(RUNTIME)
	$(BIN)/kg build sources/ -o exports/

test: $(STAMP) sysdeps
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python tools/evaluate.py --shared $(SHARED)

# Scale benchmark: a synthetic corpus and a real-article one (the seed and dev articles of
# $(SHARED) replicated under new ids in a temporary file) of 10k and 100k articles (1M with
# BENCH_FULL=1; quick mode: BENCH_SIZES=1000,10000), built end to end with --formats
# turtle,ntriples; prints speed, CPU per article, peak memory (main process and all),
# output bytes, growth and the scan floor, appends to bench/results.md. Not a test:
# nothing here is timed in the test suite.
bench: $(STAMP)
	$(BIN)/python bench/run.py --shared $(SHARED)

# Load time of the HTML view at 500, 2,000 and 10,000 nodes (Chromium).
bench-html: $(STAMP) sysdeps
	$(BIN)/python bench/html_load.py

clean:
	rm -rf $(VENV) build *.egg-info .test-venvs
