# Two commands on a fresh machine: `make run` (index the bundled corpus and
# serve it) and `make test`.  Everything lives in .venv and var/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX := var/index
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install index run dev test bench clean

$(BIN)/python: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/python

$(INDEX)/CURRENT: $(BIN)/python $(shell find corpus -type f)
	$(BIN)/python -m indexer build --index $(INDEX) corpus

index: $(INDEX)/CURRENT

run: index
	$(BIN)/python -m search_web --index $(INDEX) --host $(HOST) --port $(PORT)

dev: index
	INDEX=$(INDEX) $(BIN)/flask --app search_web run --debug

test: install
	$(BIN)/python -m pytest

# Needs ../shared (the real corpora); about 45 minutes in all.
bench: install
	$(BIN)/python bench/build.py
	$(BIN)/python bench/queries.py --profile 3
	$(BIN)/python bench/incremental.py
	$(BIN)/python bench/http_load.py
	$(BIN)/python bench/soak.py
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/entities.py

clean:
	rm -rf var .pytest_cache .hypothesis
