"""
``make e2e``: the example DAGs on a real Airflow deployment, driven as a user would, then torn down.

PostgreSQL (metadata database) and Redis (Celery broker), the API server, scheduler, DAG processor,
triggerer and two Celery workers run as separate processes, with the Docker Hub emulator as the
Hub. The run creates the connection and tests it through the REST API, checks the connection form
in headless Chromium, triggers every example through the REST API with no logical date, checks the
emulated Hub, triggers the scheduled examples again (they must make no write), scans every log for
secrets, prints a report (also written to ``.e2e/report.md``) and stops every process it started.
Exit code 0 only when every check passed.
"""

from __future__ import annotations

import shutil
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator  # noqa: E402
from airflow_provider_dockerhub.testing.examples import (  # noqa: E402
    EXAMPLE_LOGIN,
    EXAMPLE_PASSWORD,
    seed_example_repositories,
    seed_examples,
)
from e2e import checks, deployment  # noqa: E402
from e2e.browser import check_connection_form  # noqa: E402
from e2e.checks import Check  # noqa: E402
from e2e.processes import DeploymentError  # noqa: E402
from e2e.rest import AirflowClient  # noqa: E402

WORK = ROOT / ".e2e"
DAGS = ROOT / "example_dags"
MAPPED_COUNT, CHUNK_SIZE = 40, 5
RUN_TIMEOUT = 300.0  # per wave of runs; a wave takes under a minute here


class Run:
    """One e2e run: the checks so far and the DAG runs made, for the report."""

    def __init__(self, hub: DockerHubEmulator, client: AirflowClient, output: Path, lineage_events: Path) -> None:
        self.hub, self.client, self.output, self.lineage_events = hub, client, output, lineage_events
        self.checks: list[Check] = []
        self.runs: list[dict[str, Any]] = []

    def check(self, name: str, passed: bool, detail: str = "") -> None:
        self.checks.append(Check(name, passed, detail))
        print(f"  [{'ok' if passed else 'FAILED'}] {name}{f': {detail}' if detail else ''}", flush=True)

    def trigger_wave(self, phase: str, confs: dict[str, dict[str, Any]]) -> dict[str, str]:
        """Trigger every DAG of ``confs`` at once through the REST API, wait for all, check each run."""
        started = time.monotonic()
        run_ids = {dag_id: self.client.trigger(dag_id, conf) for dag_id, conf in confs.items()}
        states = self.client.wait_for_runs(run_ids, RUN_TIMEOUT)
        for dag_id, run_id in run_ids.items():
            instances = self.client.task_instances(dag_id, run_id)
            failed = sorted(f"{ti['task_id']}[{ti['map_index']}]={ti['state']}" for ti in instances
                            if ti["state"] != "success")
            self.runs.append({"phase": phase, "dag_id": dag_id, "run_id": run_id, "state": states[dag_id],
                              "tasks": len(instances), "instances": instances})
            self.check(f"{phase}: {dag_id} run {states[dag_id]}", states[dag_id] == "success" and not failed,
                       f"{len(instances)} task instances" + (f", not successful: {failed}" if failed else ""))
        print(f"  ({phase}: {len(run_ids)} runs in {time.monotonic() - started:.0f} s)", flush=True)
        return run_ids


def connection_checks(run: Run, hub: DockerHubEmulator) -> None:
    """The connection in the metadata database, its password hidden by the API, tested with good and bad creds."""
    good = {"connection_id": "dockerhub_default", "conn_type": "dockerhub", "host": hub.url,
            "login": EXAMPLE_LOGIN, "password": EXAMPLE_PASSWORD}
    run.client.call("POST", "/connections", json=good)
    stored = run.client.call("GET", "/connections/dockerhub_default")
    run.check("connection stored; the API answers its password masked", stored["password"] != EXAMPLE_PASSWORD,
              f"password shown as {stored['password']!r}")
    answer = run.client.test_connection(good)
    run.check("REST test-connection, good credentials: succeeds naming host and login",
              answer["status"] is True and hub.url in answer["message"] and EXAMPLE_LOGIN in answer["message"],
              answer["message"])
    wrong = "wrong-" + EXAMPLE_PASSWORD
    answer = run.client.test_connection(dict(good, connection_id="dockerhub_wrong", password=wrong))
    run.check("REST test-connection, bad password: fails naming the login, without the password",
              answer["status"] is False and EXAMPLE_LOGIN in answer["message"] and wrong not in answer["message"],
              answer["message"])


def example_runs(run: Run) -> None:
    """Every example through the REST API (no logical date), then the scheduled ones again: no write."""
    out = {"output_dir": str(run.output)}
    # Each repository create takes a quarter second, so a mapped instance (5 creates) outlasts its queueing: one
    # worker (2 slots) cannot drain all 8 before the other takes some, whatever else the other is running.
    run.hub.add_fault(delay=0.25, method="POST", path=r"/repositories$")
    run.trigger_wave("first run", {
        "dockerhub_manual_configuration": {},
        "dockerhub_mapped_repositories": {"count": MAPPED_COUNT, "chunk_size": CHUNK_SIZE},
        "dockerhub_provision_repositories": out,
        "dockerhub_rotate_access_tokens": out,
    })
    # The onboarding mirror owns the org's members: it runs after the manual example's invites and removes them.
    # The README and tag-retention examples work on the provisioned acme/web and acme/api, given tags to clean up.
    seed_example_repositories(run.hub)
    run.trigger_wave("first run", {"dockerhub_onboard_members": out, "dockerhub_repository_readmes": {},
                                   "dockerhub_tag_retention": {}})
    for check in [*checks.hub_after_first_runs(run.hub, MAPPED_COUNT), *checks.readmes_and_tags(run.hub, DAGS)]:
        run.check(f"emulator: {check.name}", check.passed, check.detail)
    lineage_checks(run)
    mapped = next(r for r in run.runs if r["dag_id"] == "dockerhub_mapped_repositories")
    hosts = Counter(ti["hostname"] for ti in mapped["instances"] if ti["task_id"] == "create_repositories")
    run.check("mapped instances ran on both Celery workers", set(hosts) == set(deployment.WORKERS),
              ", ".join(f"{host}: {count}" for host, count in sorted(hosts.items())))

    scheduled = [d["dag_id"] for d in run.client.call("GET", "/dags", params={"limit": 100})["dags"]
                 if d["timetable_summary"] and d["dag_id"].startswith("dockerhub_")]
    before = len(run.hub.requests)
    run.trigger_wave("second run", {dag_id: out for dag_id in scheduled})
    second = run.hub.writes(since=before)
    run.check(f"second run of the {len(scheduled)} scheduled examples converged: no write", not second,
              f"{len(run.hub.requests) - before} calls, writes: {second}")


def lineage_checks(run: Run) -> None:
    """The OpenLineage provider's listener, on the workers, reported the file read and the resources written."""
    events = checks.lineage_of(run.lineage_events, "dockerhub_provision_repositories.provision_repositories")
    expected = ([("file", str(DAGS / "data" / "repositories.jsonl"))],
                [(f"dockerhub://{run.hub.url.removeprefix('http://')}", "/v2/namespaces/acme/repositories")])
    run.check("OpenLineage: the provisioning task reported its records file and the repositories it created",
              events == [expected], str(events)[:500])


def secret_checks(run: Run, home: Path, admin_password: str) -> None:
    """Every task log is there and none holds a secret; the scanner does find the captured secrets."""
    task_logs = sorted((home / "logs").rglob("attempt=*.log"))
    attempts = sum(ti["try_number"] for r in run.runs for ti in r["instances"])
    run.check("every task instance attempt has its log", len(task_logs) == attempts,
              f"{len(task_logs)} log files, {attempts} attempts")
    secrets = run.hub.state.secrets() | {admin_password}
    leaks = checks.secrets_in(home / "logs", secrets) | checks.secrets_in(WORK / "logs", secrets)
    run.check(f"no password, JWT or token secret in any task or component log ({len(secrets)} secrets known)",
              not leaks, str(leaks)[:1000])
    captured = checks.captured_secrets(run.output)
    run.check("control: the new token secrets are in the response file the example asked for",
              len(captured) == 2 and bool(checks.secrets_in(run.output, captured)), f"{len(captured)} captured")


def report(run: Run | None, seconds: float, error: str | None, stopped: str) -> bool:
    """Print the report and write it to ``.e2e/report.md``; True when everything passed."""
    lines = ["# make e2e report", ""]
    if run:
        lines += ["| phase | DAG | state | task instances | run id |", "|---|---|---|---|---|"]
        lines += [f"| {r['phase']} | {r['dag_id']} | {r['state']} | {r['tasks']} | {r['run_id']} |" for r in run.runs]
        lines += ["", *[f"- [{'x' if c.passed else ' '}] {c.name}: {c.detail}" for c in run.checks]]
    passed = bool(run) and all(c.passed for c in run.checks) and error is None
    lines += ["", f"Error: {error}" if error else "", f"Processes: {stopped}",
              f"Result: {'PASSED' if passed else 'FAILED'} in {seconds:.0f} s"]
    text = "\n".join(lines)
    WORK.mkdir(exist_ok=True)
    (WORK / "report.md").write_text(text + "\n")
    print("\n" + text, flush=True)
    return passed


def interrupt(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    signal.signal(signal.SIGTERM, interrupt)
    started = time.monotonic()
    shutil.rmtree(WORK, ignore_errors=True)
    output = WORK / "outputs"
    output.mkdir(parents=True)
    run, error, stopped, airflow = None, None, "none left running", None
    try:
        with DockerHubEmulator(port=0) as hub:
            seed_examples(hub)
            print(f"Docker Hub emulator on {hub.url}; starting PostgreSQL, Redis and Airflow ...", flush=True)
            airflow = deployment.start(WORK, DAGS)
            print(f"Airflow API server on {airflow.api_url}, {len(airflow.processes.started)} processes "
                  f"({time.monotonic() - started:.0f} s)", flush=True)
            run = Run(hub, airflow.client(), output, airflow.lineage_events())
            run.client.wait_for_dags(sorted(p.stem for p in DAGS.glob("dockerhub_*.py")), timeout=180)
            connection_checks(run, hub)
            for check in check_connection_form(airflow.api_url, deployment.ADMIN, airflow.admin_password,
                                               WORK / "connection-form.png"):
                run.check(check.name, check.passed, check.detail)
            example_runs(run)
            airflow.processes.check_running("during the runs")
            secret_checks(run, airflow.home, airflow.admin_password)
    except DeploymentError as exc:
        error = str(exc)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - reported, and the processes still stopped
        error = "".join(traceback.format_exception_only(exc)).strip()
    finally:
        if airflow:
            killed = airflow.processes.stop_all()
            stopped = (f"{len(airflow.processes.started)} stopped by PID, none left running"
                       + (f" ({', '.join(killed)} needed SIGKILL)" if killed else ""))
    return 0 if report(run, time.monotonic() - started, error, stopped) else 1


if __name__ == "__main__":
    sys.exit(main())
