# Two commands for a newcomer: `make run` and `make test`. Everything they
# need is installed from this repository's own files (requirements.lock,
# package-lock.json, scripts/), so a fresh machine needs nothing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
MANAGE := $(PY) manage.py
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: compilemessages run serve test check lint unit browser bench lock messages install install-browser install-pdf-tools install-shellcheck install-java install-tools clean postgres-test cluster cluster-test bench-cluster install-cluster-tools

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

## Java first: vnu-jar's postinstall uses the system's Java (else it downloads one).
node_modules/.installed: package.json package-lock.json | install-java
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed compilemessages

## Debian packages the tests need, each from its script (a no-op when present;
## FORCE_INSTALL=1 takes the install path anyway, as .ci/run does).
## Chromium for the browser tests (Playwright's own download cannot work here).
install-browser:
	@scripts/install-chromium.sh

## poppler-utils: the certificate tests read the QR code off the rendered PDF.
install-pdf-tools:
	@scripts/install-pdf-tools.sh

## shellcheck: the tests lint every shell script.
install-shellcheck:
	@scripts/install-shellcheck.sh

## Java (default-jre-headless) for the Nu HTML Checker (vnu.jar, from npm's vnu-jar).
install-java:
	@scripts/install-java.sh

## nginx and redis-server for the local cluster (make cluster).
install-cluster-tools:
	@scripts/install-cluster-tools.sh

install-tools: install-browser install-pdf-tools install-shellcheck install-java

compilemessages: $(BIN)/.installed
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

## Links printed and mailed by the dev server point at the port it serves on.
run: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	@mkdir -p var
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) credentials_keygen
	$(MANAGE) seed_demo
	$(MANAGE) credentials_backfill
	$(MANAGE) collectstatic --no-input -v 0
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/beheer/)"
	@# The task worker (certificates) runs beside the web server and stops with it. Its own
	@# sweep finishes what an earlier, killed worker left, once that one's heartbeat is stale.
	@# The dev server reloads on code changes through inotify (django-watchfiles), the
	@# worker not at all (restart `make run` after changing a task): idle, they stay idle.
	@$(MANAGE) run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## Production: config.settings.production, gunicorn (gunicorn.conf.py) and a task
## worker. Needs SECRET_KEY, ALLOWED_HOSTS and usually DATABASE_URL in the
## environment or .env; see README "Production notes".
serve: export DJANGO_SETTINGS_MODULE := config.settings.production
serve: install
	@mkdir -p var
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --no-input -v 0
	@$(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn config.wsgi

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(PY) scripts/check_translations.py

## The suite (the browser tests save every page they load), the Nu HTML Checker over
## those pages, then the time-sensitive tests again at fixed moments of the week and
## year (Monday afternoon, Sunday night in summer and winter time, New Year's Eve).
test: install node_modules/.installed install-tools lint check
	rm -rf var/html-pages
	HTML_CHECK_DIR=var/html-pages $(BIN)/pytest -q
	$(PY) scripts/check_html.py var/html-pages
	PYTEST=$(BIN)/pytest scripts/check_clock_moments.sh

## The same pytest suite against a local PostgreSQL 15 that the script starts.
postgres-test: install node_modules/.installed install-tools
	scripts/with-postgres.sh $(BIN)/pytest -q

## The production layout on this machine (README "Running on more than one
## machine"): PostgreSQL, Redis, S3 (moto), nginx, two app servers, two workers.
cluster: install
	scripts/cluster.sh

## The smoke suite against it (tests/cluster, marker `cluster`), then it stops.
cluster-test: install
	scripts/cluster.sh $(BIN)/pytest -q -m cluster tests/cluster

bench: install
	$(PY) scripts/bench.py
	$(PY) scripts/bench_reflections.py
	$(PY) scripts/bench_autosave.py
	$(PY) scripts/bench_scaling.py
	$(PY) scripts/bench_http.py
	$(PY) scripts/bench_idle.py

## The capacity curve and the stress figure (1,000 seeded learners) on the cluster; not in CI.
bench-cluster: install
	scripts/cluster.sh $(PY) scripts/bench_cluster.py

## Regenerate the lock file from pyproject.toml (needs the dev venv).
lock: $(BIN)/.installed
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -q -o requirements.lock

## Refresh the message catalogues after changing UI strings.
messages: $(BIN)/.installed
	$(MANAGE) makemessages -l nl --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete --no-wrap
	$(MANAGE) makemessages -d djangojs -l nl --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete --no-wrap

clean:
	rm -rf $(VENV) node_modules var
