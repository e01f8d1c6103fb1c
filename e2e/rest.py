"""The Airflow REST API (v2) as the e2e run uses it: log in, trigger, wait, read task instances and logs."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import requests

from e2e.processes import DeploymentError

FINISHED = {"success", "failed"}


@dataclass
class AirflowClient:
    """A logged-in session against one API server."""

    url: str
    session: requests.Session
    token: str

    @classmethod
    def login(cls, url: str, username: str, password: str) -> AirflowClient:
        """``POST /auth/token`` with the user's password; the JWT goes into every later call."""
        session = requests.Session()
        answer = session.post(f"{url}/auth/token", json={"username": username, "password": password}, timeout=30)
        if answer.status_code != 201:
            raise DeploymentError(f"logging in to {url} as {username} answered {answer.status_code}: {answer.text[:200]}")
        token = answer.json()["access_token"]
        session.headers["Authorization"] = f"Bearer {token}"
        return cls(url, session, token)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """One API call; a non-2xx answer raises with the method, path and the answer's text."""
        answer = self.session.request(method, f"{self.url}/api/v2{path}", timeout=60, **kwargs)
        if not answer.ok:
            raise DeploymentError(f"{method} /api/v2{path} answered {answer.status_code}: {answer.text[:500]}")
        return answer.json() if answer.content else None

    @staticmethod
    def healthy(url: str) -> bool:
        """Whether the API server at ``url`` answers and reports the metadatabase and scheduler healthy
        (the health endpoint needs no login)."""
        try:
            health = requests.get(f"{url}/api/v2/monitor/health", timeout=5).json()
        except (requests.RequestException, ValueError):
            return False
        return all(health.get(part, {}).get("status") == "healthy" for part in ("metadatabase", "scheduler"))

    def wait_for_dags(self, dag_ids: list[str], timeout: float) -> None:
        """Wait until the DAG processor has stored every one of ``dag_ids``; import errors end the wait at once."""
        deadline = time.monotonic() + timeout
        while True:
            errors = self.call("GET", "/importErrors")["import_errors"]
            if errors:
                raise DeploymentError("the DAG processor could not import: " +
                                      "; ".join(f"{e['filename']}: {e['stack_trace'][-300:]}" for e in errors))
            known = {dag["dag_id"] for dag in self.call("GET", "/dags", params={"limit": 100})["dags"]}
            missing = sorted(set(dag_ids) - known)
            if not missing:
                return
            if time.monotonic() > deadline:
                raise DeploymentError(f"DAGs not parsed within {timeout:.0f} s: {', '.join(missing)}")
            time.sleep(2)

    def trigger(self, dag_id: str, conf: dict[str, Any]) -> str:
        """Start a run as a user of the API does, with no logical date; returns its run id."""
        run = self.call("POST", f"/dags/{dag_id}/dagRuns", json={"logical_date": None, "conf": conf})
        return run["dag_run_id"]

    def wait_for_runs(self, runs: dict[str, str], timeout: float) -> dict[str, str]:
        """Wait until every ``{dag_id: run_id}`` has finished; returns their states (``timed out`` if not)."""
        deadline, states = time.monotonic() + timeout, {}
        while len(states) < len(runs) and time.monotonic() < deadline:
            for dag_id, run_id in runs.items():
                if dag_id not in states:
                    state = self.call("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]
                    if state in FINISHED:
                        states[dag_id] = state
            time.sleep(2)
        return {dag_id: states.get(dag_id, "timed out") for dag_id in runs}

    def task_instances(self, dag_id: str, run_id: str) -> list[dict[str, Any]]:
        return self.call("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 100})["task_instances"]

    def test_connection(self, connection: dict[str, Any]) -> dict[str, Any]:
        """``POST /connections/test``: Airflow builds the hook from ``connection`` and calls its ``test_connection``."""
        return self.call("POST", "/connections/test", json=connection)
