# kyr: the two set-up commands are `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kyr-installed
NODE_STAMP := node_modules/.kyr-installed

# Material prints an end-of-life notice on every build (see ARCHITECTURE.md); it reads like a
# build warning to volunteers scanning the log, so it is silenced here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench system-deps node-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Fonts for the printable PDFs and the tools the tests use, from Debian's packages.
# Needs root; without it, prints the command to run.
system-deps:
	@sh scripts/install-system-deps.sh

# Build the whole site, every language and every printable, into site/: one MkDocs build per
# language in parallel processes (JOBS=N, default: the number of CPUs), languages whose inputs did
# not change reused from .cache/site/. site/ is replaced only once every language has built.
JOBS ?=
site: $(STAMP) system-deps
	$(BIN)/kyr build $(if $(JOBS),--jobs $(JOBS))
	@echo
	@echo "Built: open $(CURDIR)/site/index.html, or run 'make serve' and open http://127.0.0.1:8000/"

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

test: $(STAMP) system-deps $(NODE_STAMP)
	$(BIN)/python -m pytest

# Lighthouse for `make bench` only: large, and the tests do not need it.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.kyr-installed
$(LIGHTHOUSE_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --ignore-scripts
	touch $(LIGHTHOUSE_STAMP)

bench: $(STAMP) $(LIGHTHOUSE_STAMP)
	$(BIN)/python -m kyr.bench

clean:
	rm -rf site .site-build .site-old .cache
