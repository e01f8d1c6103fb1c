from __future__ import annotations

import json
import os

import pytest

from tests.helpers import BASE, SECRET

os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "True")



@pytest.fixture
def hub_conn(monkeypatch: pytest.MonkeyPatch):
    """Define an AIRFLOW_CONN_* connection (no database) and return its id."""

    def define(conn_id: str = "dockerhub_default", *, host: str = BASE, login: str | None = "alice",
               password: str | None = SECRET, **extra: object) -> str:
        conn = {"conn_type": "dockerhub", "host": host, "login": login, "password": password,
                "extra": {"backoff_seconds": 0.001, **extra}}
        monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps(conn))
        return conn_id

    return define


@pytest.fixture
def log_text(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture):
    """Everything logged so far: stdlib records and Airflow's structlog output (stdout/stderr)."""
    caplog.set_level("DEBUG")

    def read() -> str:
        captured = capsys.readouterr()
        return caplog.text + captured.out + captured.err

    return read
