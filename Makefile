# Two commands for a fresh machine: `make demo` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo runs with DEBUG off, like production; only the secret is a throwaway one and the
# second factor is off so demo users can sign in without an authenticator app.
DEMO_ENV := HUB_INSECURE_DEV_SECRET=1 HUB_REQUIRE_2FA=0

.PHONY: install demo serve test lint security format clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

hatehub/static/build/.built: node_modules/.installed frontend/build.mjs $(wildcard frontend/*.js frontend/*.css frontend/*.svg)
	npm run --silent build
	touch $@

install: $(BIN)/.installed hatehub/static/build/.built

demo: install
	$(DEMO_ENV) $(BIN)/python manage.py migrate --verbosity 0
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(BIN)/python manage.py load_reference_data
	$(DEMO_ENV) $(BIN)/python manage.py generate_demo_data
	$(DEMO_ENV) $(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest -n 2  # two workers: this machine has two cores

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Static security check (bandit, medium severity and up) and known vulnerabilities in the
# installed packages (pip-audit; it can only audit what the package index it reaches describes).
security: install
	$(BIN)/bandit -c pyproject.toml -r hatehub -q -ll
	$(BIN)/pip-audit --skip-editable --progress-spinner off 2>&1 | grep -v "could not be audited"; test $${PIPESTATUS[0]} -eq 0

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules hatehub/static/build var
