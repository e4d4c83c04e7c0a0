# newsweave: `make demo` sets up and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= $(if $(wildcard ../shared/seeds),../shared/seeds,examples/corpus)
DB ?= newsweave.db

.PHONY: install install-test demo test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	$(BIN)/newsweave run $(CORPUS) --db $(DB)
	$(BIN)/newsweave summary --db $(DB)

test: install-test
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/newsweave eval ../shared/data --write benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
