# Newsroom: `make serve` to preview the demo portal, `make test` to run everything.
# Each target sets up what it needs in .venv first, so both work on a fresh clone.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve build test lint typecheck unit system-deps bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package was once named `newsroom`: its installed distribution, or the egg-info it left,
# would register a second plugin under the same name (and MkDocs may pick the old one).
$(VENV)/.installed: $(BIN)/python pyproject.toml
	rm -rf plugins/*.egg-info
	$(BIN)/python -m pip uninstall --yes --quiet newsroom 2>/dev/null || true
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT) --watch plugins/mkdocs_newsroom/templates

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

# Browser and validator the tests use: Debian's chromium (apt) and the Nu validator (npm).
system-deps:
	tools/install-system-deps

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

unit: $(VENV)/.installed-test
	$(BIN)/pytest

test: system-deps lint typecheck unit

# Material's end-of-life notice is silenced for the tests and benchmarks only: what a user runs
# (make serve, make build, the newsroom command) shows MkDocs' and Material's notices as they are.
unit screenshots bench: export NO_MKDOCS_2_WARNING := 1

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# The README's screenshots, taken again by tests/test_look.py (a test run takes them into a
# temporary folder; NEWSROOM_SCREENSHOTS names the folder they go to).
screenshots: $(VENV)/.installed-test
	NEWSROOM_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -q -p no:cacheprovider tests/test_look.py

clean:
	rm -rf site .cache .venv node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis build plugins/*.egg-info
