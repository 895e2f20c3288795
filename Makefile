# The README's two commands: `make run` (set up everything, serve on http://$(HOST):$(PORT), default
# 127.0.0.1:5000; `make run PORT=8080 HOST=0.0.0.0` changes them) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TRIAGE := $(VENV)/bin/triage
LIGHTHOUSE := tests/browser/lighthouse/node_modules/.bin/lighthouse
SUDO   := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
HOST   ?= 127.0.0.1
PORT   ?= 5000
# The suite runs in one process per core (pytest-xdist), a test file per process at a time: each process has its
# own databases and servers. `make test TEST_WORKERS=0` runs it in this process alone.
TEST_WORKERS ?= auto

.PHONY: run setup test bench bench-classifier lint spatialite clean

run: setup
	@$(TRIAGE) serve --host $(HOST) --port $(PORT)

setup: $(VENV)/.installed spatialite
	@echo "Database, gegevens van de gemeente en classifiers klaarzetten ..."
	@$(TRIAGE) setup

test: $(VENV)/.installed spatialite $(LIGHTHOUSE)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: $(VENV)/.installed spatialite
	$(PY) tests/benchmarks/bench_intake.py --out bench-results.json $(BENCH_ARGS)
	$(PY) tests/benchmarks/bench_inbox.py --out bench-inbox.json
	$(PY) tests/benchmarks/bench_dashboard.py --out bench-dashboard.json
	$(PY) tests/benchmarks/bench_search.py --out bench-search.json
	$(PY) tests/benchmarks/bench_worker.py --out bench-worker.json
	$(PY) tests/benchmarks/bench_context.py --out bench-context.json $(BENCH_CONTEXT_ARGS)
	$(PY) tests/benchmarks/bench_region.py --out bench-region.json $(BENCH_REGION_ARGS)

bench-classifier: $(VENV)/.installed
	$(PY) tests/benchmarks/bench_classifier.py --out bench-classifier.json

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

$(VENV)/.installed: setup.cfg pyproject.toml
	@echo "Installeren: Python-omgeving in $(VENV) met de pakketten uit setup.cfg (de eerste keer een paar minuten) ..."
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@echo "Installeren klaar."
	@touch $@

# SpatiaLite comes from the OS. Install it with apt where we can; elsewhere say which package to get.
spatialite: $(VENV)/.installed
	@if $(PY) -c 'import sys; from models.database import spatialite_available; sys.exit(not spatialite_available())'; \
	then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing SpatiaLite (libsqlite3-mod-spatialite) with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libsqlite3-mod-spatialite; \
	else \
	  echo "SpatiaLite (mod_spatialite) is missing. Install it with your package manager:"; \
	  echo "  Debian/Ubuntu: libsqlite3-mod-spatialite   Fedora: libspatialite   macOS (Homebrew): libspatialite"; \
	  echo "or set SPATIALITE_LIBRARY_PATH to the mod_spatialite library."; exit 1; \
	fi

# Lighthouse (pinned in tests/browser/lighthouse) audits the pages' CSP and frame control in the browser tests.
$(LIGHTHOUSE): tests/browser/lighthouse/package.json tests/browser/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js with npm (Debian: nodejs npm)"; exit 1; }
	@echo "Installing Lighthouse for the browser tests (npm, once) ..."
	@npm install --prefix tests/browser/lighthouse --no-audit --no-fund --silent
	@touch $@

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
