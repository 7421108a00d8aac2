# Parley — two commands for a newcomer: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
LOCK := requirements/lock.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck pytest pytest-sqlite pytest-postgres system-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP_RUN): pyproject.toml $(LOCK) | $(BIN)/python
	$(PIP) install -q -c $(LOCK) -e .
	touch $@

$(STAMP_DEV): pyproject.toml $(LOCK) | $(BIN)/python
	$(PIP) install -q -c $(LOCK) -e '.[dev]'
	touch $@ $(STAMP_RUN)

## make run: install, migrate, seed the demo world and serve on http://127.0.0.1:8080
run: $(STAMP_RUN)
	$(BIN)/parley db upgrade
	$(BIN)/parley demo seed --if-empty
	$(BIN)/parley serve --host 127.0.0.1 --port 8080

## make test: lint, strict type check, and the whole suite twice: on the embedded default
## (SQLite, in-memory bus) and on the scaled deployment (PostgreSQL + Redis)
test: $(STAMP_DEV) system-deps lint typecheck pytest

system-deps:
	@bash scripts/system-deps.sh

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

pytest: pytest-sqlite pytest-postgres

pytest-sqlite: $(STAMP_DEV)
	PARLEY_TEST_BACKEND=sqlite $(BIN)/pytest -q $(PYTEST_ARGS)

pytest-postgres: $(STAMP_DEV) system-deps
	PARLEY_TEST_BACKEND=postgres $(BIN)/pytest -q $(PYTEST_ARGS)

bench: $(STAMP_DEV)
	$(BIN)/python bench/core.py

clean:
	rm -rf $(VENV) parley-data .mypy_cache .ruff_cache .pytest_cache
