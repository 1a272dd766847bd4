# Two commands for a fresh machine: `make demo` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo runs with DEBUG off, like production; only the secret is a throwaway one and the
# second factor is off so demo users can sign in without an authenticator app. Links in the
# demo's messages (Track my report, acknowledgements, callbacks) point at the address it serves on.
# The sign-ins are printed last, once the server is listening (var/demo-sign-ins.txt, owner-only).
DEMO_ENV := HUB_INSECURE_DEV_SECRET=1 HUB_REQUIRE_2FA=0 HUB_PUBLIC_URL=http://$(HOST):$(PORT)

.PHONY: install demo serve test lint typecheck imports security format clean

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
	$(DEMO_ENV) $(BIN)/python manage.py generate_demo_data --sign-ins-file var/demo-sign-ins.txt
	$(DEMO_ENV) $(BIN)/python manage.py serve --host $(HOST) --port $(PORT) --show-file var/demo-sign-ins.txt

test: install
	$(BIN)/pytest -n 2  # two workers: this machine has two cores

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with django-stubs on the modules listed in pyproject.toml ([tool.mypy] files).
typecheck: install
	$(BIN)/mypy

# The app graph (import-linter, [tool.importlinter] in pyproject.toml): apps in layers, no two
# apps importing each other round a cycle, and no app importing another app's views.
imports: install
	$(BIN)/lint-imports

# Static security check (bandit, medium severity and up) and known vulnerabilities in the
# installed packages (pip-audit; it can only audit what the package index it reaches describes).
# Packages the index does not know are not silently dropped: one line says how many, and which.
security: install
	$(BIN)/bandit -c pyproject.toml -r hatehub -q -ll
	@out=$$(mktemp); $(BIN)/pip-audit --skip-editable --progress-spinner off >"$$out" 2>&1; status=$$?; \
	grep -v "could not be audited" "$$out"; \
	count=$$(grep -c "could not be audited" "$$out"); \
	names=$$(sed -n 's/.*could not be audited: \([^ ]*\) .*/\1/p' "$$out" | paste -sd, - | sed 's/,/, /g'); \
	if [ "$$count" -eq 1 ]; then echo "1 package could not be audited (not on PyPI: $$names)"; \
	elif [ "$$count" -gt 1 ]; then echo "$$count packages could not be audited (not on PyPI: $$names)"; fi; \
	rm -f "$$out"; exit $$status

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules hatehub/static/build var
