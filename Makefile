# Everyday tasks. `make serve` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json

.PHONY: serve site test test-fast check-js extract update check-strings browser node bench bench-journal icons clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## serve: install and start the app on http://127.0.0.1:8000 (HOST, PORT, QUICK_EXIT_URL, DATABASE_PATH, PUBLIC_HOST)
serve: $(STAMP)
	$(PY) server.py

## site: the whole app as plain files in OUT (default site/), its nginx.conf on SITE_PORT (default
## 8080); PUBLIC_HOST is the site's name, as for the server (the safety page names it)
OUT ?= site
site: $(STAMP)
	$(PY) -m pwa build $(OUT) --port $(or $(SITE_PORT),8080)

## browser: install Debian's Chromium, gettext and nginx when they are missing (needs root)
browser:
	@command -v chromium >/dev/null && command -v msgfmt >/dev/null && PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium gettext nginx >/dev/null; }

## node: install Debian's nodejs and npm when they are missing (needs root)
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

# TypeScript, pinned in package.json and package-lock.json: the checks' only JavaScript dependency.
$(NODE_STAMP): package.json package-lock.json | node
	npm ci --no-audit --no-fund --silent

## check-js: type-check every JavaScript module (static/js, service-worker.js) with TypeScript
check-js: $(NODE_STAMP)
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json

## test: install everything and run the whole suite, browser tests included
test: $(STAMP) browser check-js
	$(PY) -m pytest

## test-fast: the suite without the browser tests and those against nginx
test-fast: $(STAMP) check-js
	$(PY) -m pytest -m "not browser and not nginx"

## extract / update / check-strings: the translator workflow (see TRANSLATING.md)
extract: $(STAMP)
	$(PY) -m pwa i18n extract
update: $(STAMP)
	$(PY) -m pwa i18n update
check-strings: $(STAMP)
	$(PY) -m pwa i18n check

## bench: speed and size figures (installs wrk, nginx and Lighthouse when missing; about 12 minutes)
bench: $(STAMP)
	$(PY) bench/run.py

## bench-journal: the journal's figures (200 entries, 100 photos of 3 MB; a few minutes)
bench-journal: $(STAMP)
	$(PY) bench/journal.py

## icons: draw the app icons (static/icons/*.png) again from pwa/icons.py
icons: $(STAMP)
	$(PY) -m pwa.icons

clean:
	rm -rf $(VENV) var node_modules
