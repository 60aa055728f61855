# Integration Pattern Advisor. `make run` and `make test` do all the set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# The PostgreSQL run uses DATABASE_URL when it names a PostgreSQL database.
DATABASE_URL_PG := $(if $(filter postgres%,$(DATABASE_URL)),$(DATABASE_URL),postgres://postgres@127.0.0.1:5432/test)
# Fonts: emoji, Chinese, Japanese and Korean (Noto CJK) and Devanagari (Lohit), so names in those scripts print;
# nginx: tests/test_nginx.py runs it in front of gunicorn with docs/deploy/nginx.conf.
SYSTEM_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-color-emoji \
  fonts-noto-cjk fonts-lohit-deva nginx
HOST ?= 127.0.0.1
PORT ?= 8000
# Share links and decision records point here: by default the address `make run` and `make serve` listen on.
PUBLIC_URL ?= http://$(HOST):$(PORT)

.PHONY: help install system-packages run test test-sqlite test-postgres serve worker bench load fuzz audit lint clean engine-snapshot aac-golden mutation

help:
	@echo "make run    start the app on SQLite at http://$(HOST):$(PORT)"
	@echo "make test   run the whole suite on SQLite and PostgreSQL"
	@echo "make serve  production-like: gunicorn and a task worker, WhiteNoise, DEBUG off"
	@echo "make worker a task worker alone (PDF reports)"
	@echo "make bench  print the benchmark figures"
	@echo "make load   each target alone beside /healthz, the heavy body, then all at once (loopback)"
	@echo "make fuzz   schemathesis against the API: 10,000 requests, no server error"
	@echo "make audit  Lighthouse scores of four pages, as a phone and as a desktop (loopback only)"
	@echo "make lint   ruff, and mypy --strict on advisor/"
	@echo "make mutation  mutmut over advisor/engine against tests/engine: the share of mutants killed (slow)"

# Python >= 3.12: python3.13/python3.12/python3 on PATH, then pyenv's installs.
define find_python
for candidate in python3.13 python3.12 python3 \
    $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  if command -v $$candidate >/dev/null 2>&1 && \
     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    echo $$candidate; exit 0; \
  fi; \
done; exit 1
endef

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@python=$$($(find_python)) || { \
	  echo "Python 3.12 or newer is needed and none was found."; \
	  echo "Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12', then run make again."; \
	  exit 1; }; \
	echo "Using $$python ($$($$python --version))"; \
	[ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || $$python -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt 2> >(grep -v "is ignored: it is neither" >&2)
	touch $@

# The browser bundles only; the dev dependencies are for the tests (the AsyncAPI and Backstage validators)
# and `make audit` (Lighthouse).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for plotly.js: install Node.js (apt-get install nodejs npm)."; exit 1; }
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.audit-installed: package.json package-lock.json node_modules/.installed
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed $@

system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages: $$missing"; \
	    echo "Install them with: sudo apt-get install $$missing"; exit 1; \
	  fi; \
	fi

install: system-packages $(VENV)/.installed node_modules/.installed staticfiles/staticfiles.json
	@$(PY) manage.py migrate --no-input -v 0

# Hashed and compressed (gzip, brotli) for WhiteNoise; slow, so only when a source changed.
staticfiles/staticfiles.json: $(shell find static -type f) package-lock.json requirements.txt | $(VENV)/.installed node_modules/.installed
	$(PY) manage.py collectstatic --no-input -v 0

run: install
	DEBUG=1 PUBLIC_URL=$(PUBLIC_URL) $(PY) manage.py runserver $(HOST):$(PORT)

# The two passes run at once (most of a pass waits on browsers, subprocesses and the database); make
# prints each pass's output whole when it ends (--output-sync) and fails if either failed (-k lets
# the other finish first).
test: install node_modules/.audit-installed
	@echo "== Test suite on SQLite and on PostgreSQL at once; each pass prints its output when it ends"
	@$(MAKE) --no-print-directory -k -j2 --output-sync=target test-sqlite test-postgres

# Each pass keeps its own Playwright artifacts: pytest-playwright empties its folder when it starts.
# The engine imports no Django and reads no database: its tests run once, in the SQLite pass, but for the
# half of the generated assessments marked postgres_pass, which the PostgreSQL pass runs to even out the
# two passes' times. A browser test run at two widths runs each once (tests/e2e/conftest.py): the desktop
# marked sqlite_pass, the phone postgres_pass; a test whose work does not depend on the database (a
# render timed, a document validated) is marked to run in one pass only.
test-sqlite:
	@echo "== Test suite on SQLite"
	DATABASE_URL= DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m "not postgres and not postgres_pass" --output test-results/sqlite

test-postgres:
	@if $(PY) -c "import psycopg, sys; psycopg.connect('$(DATABASE_URL_PG)', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== Test suite on PostgreSQL ($(DATABASE_URL_PG))"; \
	  DATABASE_URL=$(DATABASE_URL_PG) DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m "(not engine and not sqlite_pass) or postgres_pass" --output test-results/postgres; \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then \
	  echo "PostgreSQL is not reachable at $(DATABASE_URL_PG), and REQUIRE_POSTGRES is set."; exit 1; \
	else \
	  echo "== PostgreSQL is not reachable at $(DATABASE_URL_PG): suite ran on SQLite only."; \
	fi

# Production-like on a plain local port: no TLS proxy in front, so HTTPS=0. A task worker renders
# the PDFs beside gunicorn and stops with it.
SERVE_ENV := DEBUG=0 HTTPS=0 PDF_WORKER=1 ALLOWED_HOSTS=$(HOST),localhost PUBLIC_URL=$(PUBLIC_URL)
serve: install
	$(SERVE_ENV) $(PY) manage.py worker & worker=$$!; trap "kill $$worker" EXIT; \
	$(SERVE_ENV) $(VENV)/bin/gunicorn -c python:advisor.gunicorn advisor.wsgi --bind $(HOST):$(PORT)

# One task worker alone (PDF reports), e.g. on a host of its own beside the app servers.
worker: install
	PDF_WORKER=1 $(PY) manage.py worker

bench: install
	HTTPS=0 PDF_RATE=1000/m SIMULATE_RATE=100000/m RECOMMEND_RATE=100000/m PREVIEW_RATE=100000/m $(PY) -m benchmarks

# Bounded load on loopback (hey, a Debian package): LOAD_SECONDS (20) per phase, each target alone beside /healthz, then the mix.
load: install
	@$(MAKE) --no-print-directory system-packages SYSTEM_PACKAGES="hey"
	$(PY) -m benchmarks.load

# schemathesis (a dev requirement) against the API's schema on gunicorn: >= 10,000 requests, no 5xx.
fuzz: install
	$(PY) -m benchmarks.fuzz

# Lighthouse (npm, a dev dependency) with Debian's chromium, against gunicorn on loopback.
audit: install node_modules/.audit-installed
	$(PY) -m benchmarks.audit

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy advisor

# mutmut (a dev requirement) over advisor/engine, each mutant against the engine tests that run the mutated
# function ([tool.mutmut] in pyproject.toml). From scratch every time: mutmut keeps a verdict until the mutated
# function changes, not when the tests do. Not part of `make test`: it takes the better part of an hour.
mutation: install
	rm -rf mutants
	DATABASE_URL= $(VENV)/bin/mutmut run --max-children 2
	@$(VENV)/bin/mutmut export-cicd-stats >/dev/null
	@$(PY) -c 'import json; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
	  killed, total, survived, untested = s["killed"] + s["timeout"], s["total"], s["survived"], s["no_tests"]; \
	  print(f"Mutation score: {killed} of {total} mutants killed ({100 * killed / total:.1f} %, target 85 %); " \
	        f"{survived} survived, {untested} run by no test. Survivors: mutmut results; one: mutmut show NAME")'

# After a deliberate change to the engine's output, with ENGINE_VERSION bumped.
engine-snapshot: install
	$(PY) -m tests.engine.snapshot

# After a deliberate change to an architecture-as-code export (or to the presets' advice).
aac-golden: install
	$(PY) -m tests.reports.golden

clean:
	rm -rf $(VENV) node_modules staticfiles
