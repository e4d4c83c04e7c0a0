# newsweave: `make demo` sets up and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= $(if $(wildcard ../shared/seeds),../shared/seeds,examples/corpus)
DB ?= newsweave.db

.PHONY: install install-test web browser postgresql demo lint test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python web
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python web
	$(BIN)/pip install --quiet -e ".[test]"

# The web UI: npm packages from package-lock.json, bundled by esbuild into the server's static folder.
WEB_BUILT := src/newsweave/server/static/app.js
web: $(WEB_BUILT)
$(WEB_BUILT): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
	@if command -v npm >/dev/null; then cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	else echo "npm not found: the web UI is not built (the REST API still works)"; fi

# Browser tests drive Debian's Chromium; install it when missing and we may (root), else they skip.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -q chromium chromium-driver >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null); \
	  else echo "no /usr/bin/chromium and not root: browser tests will be skipped (apt-get install -y chromium chromium-driver)"; fi; fi

# The PostgreSQL store's tests start a throwaway server from Debian's postgresql package; install it
# when missing and we may (root), else they skip (and fail under CI=true).
postgresql:
	@if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -q postgresql >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null); \
	  else echo "no PostgreSQL server binaries and not root: PostgreSQL tests will be skipped (apt-get install -y postgresql)"; fi; fi

demo: install
	$(BIN)/newsweave run $(CORPUS) --db $(DB)
	$(BIN)/newsweave summary --db $(DB)
	@echo "Open: run \`$(BIN)/newsweave serve --db $(DB)\` and follow the address it prints (http://127.0.0.1:8000/?token=...)"

# Static checks (settings in pyproject.toml): the linter over the code and tests, the type checker over src/.
lint: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint browser postgresql
	$(BIN)/python -m pytest -q -rs

eval: install
	$(BIN)/newsweave eval ../shared/data --write benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
