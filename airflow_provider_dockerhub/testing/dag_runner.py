"""Run DAG files with ``dag.test()`` in a throw-away Airflow (SQLite), for tests, the demo and benchmarks.

    python -m airflow_provider_dockerhub.testing.dag_runner DAG_FILE DAG_ID [RUN_CONF_JSON]

The DAG file must lie inside ``AIRFLOW__CORE__DAGS_FOLDER`` and the metadata database must exist
(``airflow db migrate``). The last line printed is ``DAG_RUN_RESULT {json}`` with the run's state and
each task instance's state; the exit code is 0 only when the run succeeded. From Python,
``airflow_environment`` + ``migrate_database`` set such an Airflow up and ``run_dag_file`` runs a DAG in it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

RESULT_PREFIX = "DAG_RUN_RESULT "

__all__ = ["RESULT_PREFIX", "airflow_environment", "load_dag", "main", "migrate_database", "run_dag_file"]


NO_LOGICAL_DATE = "--no-logical-date"


def airflow_environment(home: str | Path, dags_folder: str | Path, **config: str) -> dict[str, str]:
    """This process's environment with Airflow's configuration replaced: ``home``, ``dags_folder``, no
    example DAGs, plus ``config`` as ``AIRFLOW__SECTION__KEY`` values. Connection variables are kept."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__") and k != "AIRFLOW_HOME"}
    env.update(AIRFLOW_HOME=str(home), AIRFLOW__CORE__DAGS_FOLDER=str(dags_folder), AIRFLOW__CORE__LOAD_EXAMPLES="False")
    env.update(config)
    return env


def migrate_database(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``airflow db migrate`` in ``env`` (SQLite by default); CalledProcessError carries its output."""
    return subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], env=env, check=True,
                          capture_output=True, text=True, timeout=600)


def run_dag_file(env: dict[str, str], dag_file: str | Path, dag_id: str, conf: dict[str, Any] | None = None,
                 *, logical_date: bool = True) -> tuple[dict[str, Any], str]:
    """Run ``dag_id`` from ``dag_file`` in a child process; return its result and everything it printed.

    ``logical_date=False`` runs it as the REST API or ``airflow dags trigger`` do: with no logical date,
    so ``{{ ds }}`` is undefined and only ``run_id`` and ``dag_run.run_after`` can date the run.
    """
    flags = [] if logical_date else [NO_LOGICAL_DATE]
    proc = subprocess.run([sys.executable, "-m", __name__, str(dag_file), dag_id, json.dumps(conf or {}), *flags],
                          env=env, capture_output=True, text=True, timeout=1800)
    output = proc.stdout + proc.stderr
    results = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if not results:
        raise RuntimeError(f"{dag_id} printed no result:\n{output[-3000:]}")
    return json.loads(results[-1].removeprefix(RESULT_PREFIX)), output


def load_dag(path: str, dag_id: str) -> Any:
    """Import ``path`` and return its DAG ``dag_id``."""
    spec = importlib.util.spec_from_file_location(f"dag_file_{dag_id}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path} cannot be imported as a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from airflow.sdk import DAG

    for value in vars(module).values():
        if isinstance(value, DAG) and value.dag_id == dag_id:
            return value
    raise SystemExit(f"{path} defines no DAG {dag_id!r}")


def main(argv: list[str]) -> int:
    """Run the DAG and report; returns the process exit code."""
    path, dag_id = argv[0], argv[1]
    run_conf = json.loads(argv[2]) if len(argv) > 2 else None
    when = {"logical_date": None} if NO_LOGICAL_DATE in argv[3:] else {}
    dag_run = load_dag(path, dag_id).test(run_conf=run_conf, **when)
    tasks, durations = {}, {}
    for ti in dag_run.get_task_instances():
        key = ti.task_id if ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
        tasks[key] = str(ti.state)
        if ti.start_date and ti.end_date:
            durations[key] = (ti.end_date - ti.start_date).total_seconds()
    state = str(dag_run.state)
    run_seconds = (dag_run.end_date - dag_run.start_date).total_seconds() if dag_run.end_date else None
    print(RESULT_PREFIX + json.dumps({"dag_id": dag_id, "state": state, "tasks": tasks,
                                          "task_seconds": durations, "run_seconds": run_seconds}), flush=True)
    return 0 if state == "success" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
