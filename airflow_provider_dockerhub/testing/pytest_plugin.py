"""pytest fixtures shipped with the provider: ``dockerhub_emulator`` and ``dockerhub_connection``.

Installed as a pytest plugin by the package, so a user's own DAG tests can write::

    def test_my_dag(dockerhub_emulator, dockerhub_connection):
        dockerhub_emulator.add_user("alice", password="pw")
        ...
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator


@pytest.fixture
def dockerhub_emulator() -> Iterator[DockerHubEmulator]:
    """A running emulator on 127.0.0.1 with a free port, stopped after the test."""
    from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

    with DockerHubEmulator() as emulator:
        yield emulator


@pytest.fixture
def dockerhub_connection(dockerhub_emulator: DockerHubEmulator, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """Point ``dockerhub_default`` at the emulator; returns a function to (re)configure it."""

    def configure(login: str, password: str, conn_id: str = "dockerhub_default", **extra: object) -> str:
        conn: dict[str, object] = {"conn_type": "dockerhub", "host": dockerhub_emulator.url, "login": login,
                                   "password": password}
        conn["extra"] = {"backoff_seconds": 0.01, **extra}
        monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps(conn))
        return conn_id

    return configure
