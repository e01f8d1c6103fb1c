"""Run one DAG file with ``dag.test()`` and print the outcome as JSON (used by tests and the demo).

    python -m airflow_provider_dockerhub.testing.dag_runner DAG_FILE DAG_ID [RUN_CONF_JSON]

The DAG file must lie inside ``AIRFLOW__CORE__DAGS_FOLDER`` and the metadata database must exist
(``airflow db migrate``). The last line printed is ``DAG_RUN_RESULT {json}`` with the run's state and
each task instance's state; the exit code is 0 only when the run succeeded.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from typing import Any


def load_dag(path: str, dag_id: str) -> Any:
    """Import ``path`` and return its DAG ``dag_id``."""
    spec = importlib.util.spec_from_file_location(f"dag_file_{dag_id}", path)
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
    dag_run = load_dag(path, dag_id).test(run_conf=run_conf)
    tasks, durations = {}, {}
    for ti in dag_run.get_task_instances():
        key = ti.task_id if ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
        tasks[key] = str(ti.state)
        if ti.start_date and ti.end_date:
            durations[key] = (ti.end_date - ti.start_date).total_seconds()
    state = str(dag_run.state)
    run_seconds = (dag_run.end_date - dag_run.start_date).total_seconds() if dag_run.end_date else None
    print("DAG_RUN_RESULT " + json.dumps({"dag_id": dag_id, "state": state, "tasks": tasks,
                                          "task_seconds": durations, "run_seconds": run_seconds}), flush=True)
    return 0 if state == "success" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
