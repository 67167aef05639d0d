# Two entry points for a fresh machine: `make run` (demo on embedded defaults) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint format messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	@# seed_demo refuses to run without DEBUG: its logins share a published password.
	DEBUG=true $(BIN)/python manage.py seed_demo
	@# Without STRIPE_SECRET_KEY, payments go to localstripe on 127.0.0.1:8420 (test payments).
	if [ -z "$$STRIPE_SECRET_KEY" ]; then \
		$(BIN)/python manage.py run_localstripe & LOCALSTRIPE=$$!; \
		trap "kill $$LOCALSTRIPE" EXIT INT TERM; \
	fi; \
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:8000

# The test database is built once per set of migrations and database: later runs reuse it
# (--reuse-db) while the migrations are unchanged; CI (CI=true) always builds it afresh.
TEST_DB_STAMP = $(VENV)/.test-db-$(shell cat $$(git ls-files -co --exclude-standard '*/migrations/*.py') 2>/dev/null | sha1sum | cut -c1-12)-$(shell printf '%s' "$$DATABASE_URL" | sha1sum | cut -c1-8)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	if [ -z "$$CI" ] && [ -f "$(TEST_DB_STAMP)" ]; then \
		$(BIN)/pytest --reuse-db; \
	else \
		rm -f $(VENV)/.test-db-*; \
		$(BIN)/pytest --reuse-db --create-db && touch "$(TEST_DB_STAMP)"; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages --no-obsolete -l fr -l ar -l es --ignore ".venv/*" --ignore "tests/*"
	$(BIN)/python manage.py compilemessages --ignore ".venv/*"

clean:
	rm -rf $(VENV) db.sqlite3 test_db.sqlite3 media private-media staticfiles

.PHONY: bench lighthouse

bench: install
	$(BIN)/python bench/run.py --products 10000

lighthouse: install
	$(BIN)/python bench/lighthouse.py
