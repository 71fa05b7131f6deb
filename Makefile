# kyr: the two set-up commands are `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kyr-installed
NODE_STAMP := node_modules/.kyr-installed

# Material prints an end-of-life notice on every build (see ARCHITECTURE.md); it reads like a
# build warning to volunteers scanning the log, so it is silenced here.
export NO_MKDOCS_2_WARNING := 1

# Exact versions, with hashes, of everything installed from PyPI (made by `make lock`).
LOCK   := requirements.lock
# The build backend of pyproject.toml's [build-system]; it is locked too, so the editable install
# of kyr itself builds without fetching anything unpinned.
BUILD_REQUIRES := setuptools>=77
UV_VERSION := 0.13.8
MIN_PYTHON := 3.11
LATEST := .venv-latest

.PHONY: site test serve bench system-deps test-deps node-deps clean lock test-latest python-check

# Refuse an unsupported Python before anything is created (README: "Python 3.11 or newer").
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= tuple(map(int, "$(MIN_PYTHON)".split("."))) else 1)' 2>/dev/null || { \
	    echo "kyr: needs Python $(MIN_PYTHON) or newer, but '$(PYTHON)' is: $$($(PYTHON) --version 2>/dev/null || echo 'not found')" >&2; \
	    echo "kyr: install a newer Python (Debian/Ubuntu: apt-get install python3 python3-venv), then run: make site PYTHON=python3.12 (or the version you have)" >&2; \
	    exit 1; }

$(BIN)/python: | python-check
	$(PYTHON) -m venv $(VENV)

# Installs exactly the locked versions (hash-checked), then kyr itself, editable, with no further download.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Regenerate requirements.lock from pyproject.toml's ranges: the newest versions they allow, for
# every supported Python and platform (uv's universal resolution), one version of each package.
lock: python-check
	$(PYTHON) -m venv .cache/uv
	.cache/uv/bin/python -m pip install --quiet uv==$(UV_VERSION)
	printf '%s\n' '$(BUILD_REQUIRES)' | .cache/uv/bin/uv pip compile pyproject.toml - --extra test \
	    --universal --python-version $(MIN_PYTHON) --fork-strategy fewest --generate-hashes \
	    --no-header --quiet --output-file $(LOCK).tmp
	{ echo '# Exact versions, with hashes, of all that kyr installs from PyPI. Made by `make lock` from'; \
	  echo "# pyproject.toml with uv $(UV_VERSION); do not edit by hand. Python $(MIN_PYTHON) or newer, any platform."; \
	  cat $(LOCK).tmp; } > $(LOCK).new
	rm $(LOCK).tmp
	mv $(LOCK).new $(LOCK)
	@echo "kyr: $(LOCK) rewritten; run 'make test', then commit pyproject.toml and $(LOCK) together"

# The newest versions pyproject.toml allows, in a separate environment, and the whole test suite on
# them: what an upgrade would break. The versions that differ from the lock are printed first.
test-latest: python-check test-deps $(NODE_STAMP)
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	$(LATEST)/bin/python scripts/lock-diff.py $(LOCK)
	$(LATEST)/bin/python -m pytest

# From Debian's packages: fonts for the printable PDFs (system-deps), and also the tools the tests use
# (test-deps). Needs root; without it, prints the command to run.
system-deps:
	@sh scripts/install-system-deps.sh site

test-deps:
	@sh scripts/install-system-deps.sh test

# Build the whole site, every language and every printable, into site/: one MkDocs build per
# language in parallel processes (JOBS=N, default: the number of CPUs), languages whose inputs did
# not change reused from .cache/site/. site/ is replaced only once every language has built.
JOBS ?=
site: $(STAMP) system-deps
	$(BIN)/kyr build $(if $(JOBS),--jobs $(JOBS))
	@echo
	@echo "Built: open $(CURDIR)/site/index.html, or run 'make serve' and open http://127.0.0.1:8000/"
	@$(BIN)/kyr next-steps

# Preview one language, rebuilt on every save: `make serve` (English), `make serve LANG=es`.
# LANG counts only when given on the command line (the environment's LANG is the system locale);
# `lang=es` works too. Print materials only when asked: `make serve LANG=es PRINT=1`.
SERVE_LANG = $(if $(filter command line,$(origin LANG)),$(LANG),$(lang))
serve: $(STAMP)
	$(if $(filter command line,$(origin LANG)),LANG=C.UTF-8 )$(BIN)/kyr serve $(if $(SERVE_LANG),--lang $(SERVE_LANG)) $(if $(PRINT),--print)

# JavaScript the browser tests inject into pages (axe-core), at the exact versions of package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

node-deps: $(NODE_STAMP)

test: $(STAMP) test-deps $(NODE_STAMP)
	$(BIN)/python -m pytest

# Lighthouse for `make bench` only: large, and the tests do not need it.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.kyr-installed
$(LIGHTHOUSE_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --ignore-scripts
	touch $(LIGHTHOUSE_STAMP)

bench: $(STAMP) $(LIGHTHOUSE_STAMP)
	$(BIN)/python -m kyr.bench

clean:
	rm -rf site .site-build .site-old .cache $(LATEST)
