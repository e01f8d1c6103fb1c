"""
The demo behind ``make demo``: example DAGs end to end against a local Docker Hub emulator.

It sets up a throw-away AIRFLOW_HOME (SQLite) in ``.demo/``, starts the emulator with the example
accounts, runs three example DAGs with ``airflow dags test``, prints what happened in the emulated
Docker Hub, and exits non-zero if any DAG run failed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from airflow_provider_dockerhub.testing.dag_runner import airflow_environment, migrate_database
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.examples import example_connection, seed_examples

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".demo"
DAGS = ["dockerhub_provision_repositories", "dockerhub_onboard_members", "dockerhub_rotate_access_tokens"]


def airflow(args: list[str], env: dict[str, str], log: Path) -> int:
    """Run an ``airflow`` CLI command, its output to ``log``; return the exit code."""
    with log.open("w") as handle:
        return subprocess.run([sys.executable, "-m", "airflow", *args], env=env, stdout=handle,
                              stderr=subprocess.STDOUT, timeout=600).returncode


def print_summary(hub: DockerHubEmulator, output: Path) -> None:
    """What the DAGs did to the emulated Docker Hub, for humans."""
    state = hub.summary()
    print("\nWhat happened in the emulated Docker Hub")
    print(f"  repositories created:  {', '.join(state['repositories']) or 'none'}")
    print(f"  invites sent:          {len(state['pending_invites'])}")
    for invite in state["pending_invites"]:
        print(f"    {invite}")
    for org, groups in state["groups"].items():
        for group, members in groups.items():
            print(f"  team {org}/{group}: {', '.join(members) or '(empty)'}")
    tokens = state["personal_access_tokens"]
    print(f"  access tokens:         {tokens['active']} active after rotation (old ones deactivated and deleted)")
    print(f"  API calls served:      {state['requests_served']}")
    for path in sorted(output.glob("*.jsonl")):
        lines = path.read_text().splitlines()
        print(f"  {path.relative_to(ROOT)}: {len(lines)} line(s)")
        if "rejects" in path.name:
            for line in lines:
                record = json.loads(line)
                print(f"    {record['location']}: {record['outcome']}: {record['reason']}")
    print("  (new token secrets are only in the new-tokens file: masked in logs, kept out of XCom)")


def main() -> int:
    """Run the demo; return the exit code."""
    shutil.rmtree(WORK, ignore_errors=True)
    home, output, logs = WORK / "airflow-home", WORK / "output", WORK / "logs"
    for folder in (home, output, logs):
        folder.mkdir(parents=True)
    env = airflow_environment(home, ROOT / "example_dags")
    print(f"Setting up Airflow (SQLite) in {home.relative_to(ROOT)} ...", flush=True)
    try:
        migrate_database(env)
    except subprocess.CalledProcessError as exc:
        (logs / "db-migrate.log").write_text(exc.stdout + exc.stderr)
        print(f"airflow db migrate failed; see {logs / 'db-migrate.log'}")
        return 1
    failed = []
    with DockerHubEmulator() as hub:
        seed_examples(hub)
        env["AIRFLOW_CONN_DOCKERHUB_DEFAULT"] = example_connection(hub)
        print(f"Docker Hub emulator on {hub.url}: user alice owns org acme (members bob, carol)", flush=True)
        for dag_id in DAGS:
            started = time.monotonic()
            log = logs / f"{dag_id}.log"
            code = airflow(["dags", "test", dag_id, "-c", json.dumps({"output_dir": str(output)})], env, log)
            verdict = "succeeded" if code == 0 else f"FAILED (see {log.relative_to(ROOT)})"
            print(f"  airflow dags test {dag_id}: {verdict} in {time.monotonic() - started:.1f}s", flush=True)
            if code:
                failed.append(dag_id)
        print_summary(hub, output)
    print(f"\nLogs: {logs.relative_to(ROOT)}/  Outputs: {output.relative_to(ROOT)}/")
    if failed:
        print(f"Demo failed: {', '.join(failed)}")
        return 1
    print("Demo finished: all DAG runs succeeded.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
