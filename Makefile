# Two commands set everything up on a fresh machine: `make build` and `make test`.
.DEFAULT_GOAL := build
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check --only-binary=:all:
# Every task is a command of the project's own (hooks/itasite/cli.py); this file only sets up and calls it.
# PYTHONPATH keeps the command on this folder's code even when the venv was installed from another copy.
ITASITE := PYTHONPATH=hooks $(BIN)/python -m itasite
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates inside the output come from the last commit, not the clock (the tests' builds too).
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# The names a clerk gives (make import FILE=…) reach the command as environment variables that the shell reads
# in double quotes, never as text in the recipe: so neither make (`$(shell …)`) nor the shell (backquotes, `;`,
# `'`) expands them, and a report named report`touch x`.docx is a file name like any other. $(value …) takes
# the name as typed; `override` keeps the command line's own variable from being expanded on its way out.
# The *_OPTIONS hold several options: the shell splits them at spaces (unquoted), and still runs nothing in them.
ARGUMENTS := FILE YEAR DATA AGENCIES OUT JOBS ENGINE CHECK_OPTIONS IMPORT_OPTIONS BUILD_ALL_OPTIONS
$(foreach name,$(ARGUMENTS),$(eval override ITA_ARG_$(name) := $$(value $(name))))
export $(foreach name,$(ARGUMENTS),ITA_ARG_$(name))
unexport $(foreach name,$(ARGUMENTS),$(if $(filter undefined,$(origin $(name))),,$(name)))  # (unexport defines)

.PHONY: build check serve serve-en test bench lint format clean

# requirements*.txt carry the hash of every file of every pinned package (`make lock` writes them from the pins
# in requirements*.in): pip refuses anything else. The project itself is installed apart, without its deps.
$(VENV)/.runtime: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes -r requirements.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.txt
	$(PIP) --require-hashes -r requirements-test.txt
	touch $@

# uv resolves for every platform from Python 3.11.5 (pymdown-extensions 13.1's lowest), hashes from PyPI.
# Each file's header keeps the command, so Dependabot can redo it when it moves a pin.
LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5
.PHONY: lock
## lock: rewrite the hashed requirements*.txt from the pins in requirements*.in (after changing a pin there)
lock: $(VENV)/.test
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-test.in -o requirements-test.txt
	$(LOCK) requirements-forks.in -o requirements-forks.txt

# The maintained forks ProperDocs and MaterialX, which tests/test_forks.py builds the site with, in a venv
# of their own: MaterialX installs the same `material` module as mkdocs-material.
FORKS := .venv-forks
$(FORKS)/.installed: requirements-forks.txt
	$(PYTHON) -m venv $(FORKS)
	$(FORKS)/bin/pip install --quiet --disable-pip-version-check --only-binary=:all: --require-hashes \
		-r requirements-forks.txt
	touch $@

.PHONY: forks
## forks: install ProperDocs and MaterialX into .venv-forks (`make test` does it too)
forks: $(FORKS)/.installed

# axe-core, injected into the built pages by the accessibility test, and Lighthouse, which make bench runs,
# from the npm registry: exactly what package-lock.json holds, integrity hashes checked (npm ci)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used) with Thai fonts: its
# headless shell, the same Blink without the browser's window layer, which Playwright itself drives when
# headless, and which costs the suite about a quarter less CPU than the whole browser (CONTRIBUTING.md).
# Lighthouse (make bench) runs the whole browser, as a citizen's is: LIGHTHOUSE_CHROMIUM.
CHROMIUM ?= /usr/lib/chromium/chromium-headless-shell
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium-headless-shell fonts-thai-tlwg >/dev/null
LIGHTHOUSE_CHROMIUM ?= /usr/bin/chromium
$(LIGHTHOUSE_CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null

# tests/test_web_servers.py serves a build with deploy/nginx.conf and deploy/apache.conf through Debian's
# nginx and Apache, run in the foreground from a temporary folder (no service is started or needed).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
NGINX := /usr/sbin/nginx
APACHE := /usr/sbin/apache2
# (Ubuntu has no nginx-light: its nginx is the same small build.)
$(NGINX) $(APACHE):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq nginx-light apache2 >/dev/null || $(SUDO) apt-get install -y -qq nginx apache2 >/dev/null

## build: both languages into site/ (site/th, site/en); a failed build leaves the old site/ as it was; ENGINE=forks: with ProperDocs + MaterialX
# ENGINE=forks installs .venv-forks first (requirements-forks.txt); the site is the same, page for page
ENGINE ?= material
ENGINES := material forks  # written into the command as they are; any other name goes as typed, to be refused
build: $(VENV)/.runtime $(if $(filter forks,$(value ENGINE)),$(FORKS)/.installed)
	$(ITASITE) build --engine $(or $(filter $(ENGINES),$(value ENGINE)),"$$ITA_ARG_ENGINE")

## serve: live preview of the Thai site on http://127.0.0.1:8000/ (reloads on data/, docs/, hooks/, overrides/)
serve: $(VENV)/.runtime
	$(ITASITE) serve --lang th

## serve-en: the same for the English site on http://127.0.0.1:8001/
serve-en: $(VENV)/.runtime
	$(ITASITE) serve --lang en

## check: validate data/ alone (fast) and list untranslated fields
check: $(VENV)/.runtime
	$(ITASITE) check $$ITA_ARG_CHECK_OPTIONS

.PHONY: upgrade
## upgrade: rewrite data/ written for an earlier layout of the project to the current one: make upgrade [DATA=dir]
upgrade: $(VENV)/.runtime
	$(ITASITE) upgrade $${ITA_ARG_DATA:+"$$ITA_ARG_DATA"}

.PHONY: import
## import: a report (Word .docx, Excel .xlsx/.csv, or a PDF's text in .txt) into data/: make import FILE=report.docx [YEAR=2568]
import: $(VENV)/.runtime
	$(if $(value FILE),,$(error give the report: make import FILE=path/to/report.docx))
	$(ITASITE) import "$$ITA_ARG_FILE" $${ITA_ARG_YEAR:+--year "$$ITA_ARG_YEAR"} $$ITA_ARG_IMPORT_OPTIONS

.PHONY: template export
## template: an empty workbook to fill in and import: make template FILE=report.xlsx [YEAR=2569]
template: $(VENV)/.runtime
	$(ITASITE) template "$${ITA_ARG_FILE:-report-template.xlsx}" $${ITA_ARG_YEAR:+--year "$$ITA_ARG_YEAR"}

## export: all of data/ as a workbook, to review and edit in Excel: make export FILE=data.xlsx
export: $(VENV)/.runtime
	$(ITASITE) export "$${ITA_ARG_FILE:-data.xlsx}"

# pytest-xdist workers, one more than the cores: a worker waiting on Chromium leaves its core to another
# (on 2 cores, 1,726 tests: 10.3 minutes with 3 workers, 10.5 with 2, no faster with 4: the suite keeps both
# cores busy, CONTRIBUTING.md says where the time goes). The tests of a module that builds its own site stay
# on one worker (tests/conftest.py groups them), so each site is built once. PARALLEL= runs in one process.
WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
PARALLEL ?= -n $(WORKERS) --dist loadgroup
FAST_PARALLEL ?= -n auto --dist worksteal  # the fast tier waits on nothing: one worker per core, idle ones take from busy ones

# Which engines' builds `make test` tests: both by default; the CI matrix runs one job each (TEST_ENGINES=material:
# every test but the forks' builds; TEST_ENGINES=forks: only the tests of the forks' builds)
TEST_ENGINES ?= material forks

## test: lint, then the whole test suite (real builds included, with both engines)
test: $(VENV)/.test $(if $(filter forks,$(TEST_ENGINES)),$(FORKS)/.installed) $(CHROMIUM) $(NGINX) $(APACHE) node_modules/.installed lint
	CHROMIUM=$(CHROMIUM) ITA_TEST_ENGINES="$(TEST_ENGINES)" $(BIN)/pytest $(PARALLEL)

.PHONY: test-fast goldens
## test-fast: the tests that need neither a MkDocs build nor Chromium (no lint; seconds, not minutes)
test-fast: $(VENV)/.test
	$(BIN)/pytest $(FAST_PARALLEL) -m "not build and not browser"

## goldens: rewrite tests/goldens/ from the page templates, then review `git diff tests/goldens` and commit
# The same without make: .venv/bin/pytest tests/test_goldens.py --update-goldens
goldens: $(VENV)/.test
	$(BIN)/pytest -q tests/test_goldens.py --update-goldens

## bench: build-time figures and Lighthouse's phone scores behind the tested nginx (a benchmark, not a test)
bench: $(VENV)/.runtime $(LIGHTHOUSE_CHROMIUM) $(NGINX) node_modules/.installed
	$(BIN)/python bench/site.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/imports.py
	CHROME_PATH=$(LIGHTHOUSE_CHROMIUM) $(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/scale.py curve

.PHONY: lighthouse
## lighthouse: only the Lighthouse part of make bench (four scores per page type, both languages)
lighthouse: $(VENV)/.runtime $(LIGHTHOUSE_CHROMIUM) $(NGINX) node_modules/.installed
	CHROME_PATH=$(LIGHTHOUSE_CHROMIUM) $(BIN)/python bench/lighthouse.py

.PHONY: build-all bench-all
## build-all: one site per agency and a hub page: make build-all AGENCIES=folder [JOBS=2] [OUT=site-all]
build-all: $(VENV)/.runtime
	$(if $(value AGENCIES),,$(error give the folder of agency folders: make build-all AGENCIES=path))
	$(ITASITE) build-all "$$ITA_ARG_AGENCIES" $${ITA_ARG_JOBS:+--jobs "$$ITA_ARG_JOBS"} $${ITA_ARG_OUT:+--out "$$ITA_ARG_OUT"} $$ITA_ARG_BUILD_ALL_OPTIONS

## bench-all: build-all at scale: 100 synthetic agencies x 2 years and 10 x 10 years (a benchmark)
bench-all: $(VENV)/.runtime
	$(BIN)/python bench/scale.py agencies $(BENCH_AGENCIES)

## lint: ruff (lint and format) on all Python, mypy --strict on the package
lint: $(VENV)/.test
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench
	$(BIN)/mypy

## format: rewrite all Python with ruff format and ruff check --fix
format: $(VENV)/.test
	$(BIN)/ruff format hooks tests bench
	$(BIN)/ruff check --fix hooks tests bench

## clean: delete the built site and the caches (.cache, the tools' caches); .venv stays
clean:
	rm -rf site site-all .site-tmp .cache .pytest_cache .ruff_cache

.PHONY: help
## help: list these targets with what each does
help:
	@awk '/^## [a-z][a-z-]*: / { sub(/^## /, ""); name = $$0; sub(/:.*/, "", name); sub(/^[^:]*: /, ""); \
		printf "  make %-12s %s\n", name, $$0 }' $(MAKEFILE_LIST)
