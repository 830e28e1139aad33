# Socialøkonomi — the two commands of the quick start are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

APT_PACKAGES := python3 python3-venv python3-dev build-essential \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-liberation2 fonts-dejavu-core poppler-utils \
	chromium libatomic1 postgresql postgresql-client

.PHONY: setup apt venv migrate demo run serve test test-postgres lint format bench backup restore clean

setup: apt venv ## install everything (safe to run again)

apt:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			echo "apt: installing $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else echo "apt: all packages present"; fi; \
	else echo "apt: not root or no apt-get; skipping system packages"; fi

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed

migrate: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0

demo: migrate
	$(PY) manage.py load_demo

# A task worker (django-tasks' db_worker) runs beside the web server and stops with it.
WORKER = $(PY) manage.py db_worker --no-reload --interval 1
with_worker = $(WORKER) & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM;

run: demo ## set up, migrate, load the demo, serve on http://$(HOST):$(PORT) with a task worker
	export DJANGO_HTTPS=$${DJANGO_HTTPS:-false}; $(with_worker) \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-like: gunicorn, DEBUG off, static files through WhiteNoise, loopback only.
# TLS belongs to the proxy in front (DJANGO_HTTPS=true and DJANGO_BEHIND_PROXY=true there).
WORKERS ?= 3
# Request line, header count and header size bounded (the body: socialeconomy/bounds.py).
GUNICORN_LIMITS := --limit-request-line 4094 --limit-request-fields 50 --limit-request-field_size 8190
serve: migrate ## gunicorn on http://$(HOST):$(PORT), production settings, with a task worker
	export DJANGO_DEBUG=false DJANGO_HTTPS=$${DJANGO_HTTPS:-false}; $(with_worker) \
	$(VENV)/bin/gunicorn socialeconomy.wsgi:application --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --threads 2 --access-logfile - --timeout 120 $(GUNICORN_LIMITS)

test: setup ## the test suite (README's test command)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_HTTPS=false $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -q

# The same suite against a throwaway PostgreSQL cluster (started and stopped here).
test-postgres: setup
	scripts/with_postgres.sh $(VENV)/bin/pytest -q

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3

# Speed at 100,000 courses on SQLite and on a throwaway PostgreSQL, printed beside the targets
# (README, "Speed"). About 10 minutes; the figures are kept in var/bench/.
BENCH_DIR := var/bench
bench: setup ## speed figures and the load test, SQLite beside PostgreSQL
	@mkdir -p $(BENCH_DIR)
	$(PY) -m bench --pdf --json $(BENCH_DIR)/sqlite.json
	scripts/with_postgres.sh $(PY) -m bench --postgres --json $(BENCH_DIR)/postgresql.json
	$(PY) -m bench --compare $(BENCH_DIR)/sqlite.json $(BENCH_DIR)/postgresql.json

backup: setup ## a backup of the database in var/backups/ (pg_dump, or SQLite's backup API)
	$(PY) manage.py backup_data

restore: setup ## make restore FILE=var/backups/… (replaces everything in the database)
	@test -n "$(FILE)" || (echo "make restore FILE=var/backups/<file>"; exit 2)
	$(PY) manage.py restore_data "$(FILE)"
