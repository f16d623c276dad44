# Two commands do everything: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test docs system-packages lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f relata.duckdb relata.duckdb.wal
	$(BIN)/relata ingest examples/ --db relata.duckdb
	$(BIN)/relata docs --db relata.duckdb
	$(BIN)/relata events --db relata.duckdb

# The Debian packages the tests need (chromium for the dashboard test): installed when
# missing and running as root, otherwise one line says what to install.
system-packages:
	sh scripts/system_packages.sh

test: $(STAMP) system-packages docs
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

# The documentation site, from docs/ into site/: strict, so a broken link or reference
# fails the build; the examples on its pages run in the test suite (tests/test_docs_examples.py).
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py ../shared/data/factrueval-2016-dev
	$(BIN)/python benchmarks/robustness.py

clean:
	rm -rf $(VENV) relata.duckdb relata.duckdb.wal .pytest_cache site
