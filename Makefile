# Every target sets itself up from nothing but Python 3.10+: a virtual environment in .venv,
# the provider installed in it with Apache Airflow and the test tools.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
AIRFLOW_VERSION ?= 3.3.2
STAMP := $(VENV)/.installed-$(AIRFLOW_VERSION)
E2E_STAMP := $(VENV)/.installed-e2e-$(AIRFLOW_VERSION)

.PHONY: install test e2e demo bench docs dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "apache-airflow==$(AIRFLOW_VERSION)" -e ".[test,bench]"
	touch $(STAMP)

install: $(STAMP)

$(E2E_STAMP): $(STAMP) e2e/requirements.txt
	$(PY) -m pip install --quiet "apache-airflow==$(AIRFLOW_VERSION)" -r e2e/requirements.txt
	touch $(E2E_STAMP)

## Lint and type-check, then run the test suite (unit tests, emulator integration tests, example DAG runs).
test: $(STAMP)
	$(PY) -m ruff check airflow_provider_dockerhub tests bench scripts example_dags e2e
	$(PY) -m mypy
	$(PY) -m pytest -q -p no:cacheprovider

## The examples on a real deployment (PostgreSQL, Redis, Celery with two workers, API server, scheduler,
## DAG processor, triggerer, headless Chromium), driven through the REST API; report in .e2e/report.md.
e2e: $(E2E_STAMP)
	e2e/install-packages.sh
	$(PY) e2e/run.py

## Run an example DAG end to end against the local Docker Hub emulator and print what happened.
demo: $(STAMP)
	$(PY) scripts/demo.py

## Run the benchmarks; writes bench/results/latest.json and docs/performance.md.
bench: $(STAMP)
	$(PY) bench/run.py

## Regenerate the generated tables in docs/ (presets, connection extras, operator parameters) and operators/endpoints.py.
docs: $(STAMP)
	$(PY) scripts/gen_docs.py

## Build the sdist and wheel into dist/, check them with twine, and install the wheel alone in a fresh venv.
dist: $(STAMP)
	$(PY) scripts/check_dist.py --dist dist

clean:
	rm -rf $(VENV) .demo .e2e bench/results dist
