"""Run one operator in a test the way Airflow's task runner does: render its templates, then ``execute``.

Calling ``operator.execute({})`` directly logs "execute cannot be called outside of the Task Runner!" and skips
rendering; ``run_task`` renders the template fields with a context like Airflow's (``params``, ``run_id``,
``ds``, ``ti``), then runs ``execute`` as the task runner does (no warning) and records the XComs::

    ti = run_task(DockerHubCreateRepositoryOperator(task_id="create", records=[...]))
    assert ti.return_value["succeeded"] == 1

A whole DAG is better tested with ``dag.test()`` (see ``testing.dag_runner``).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

__all__ = ["RecordingTaskInstance", "run_task"]

DEFAULT_RUN_ID = "manual__2026-01-01T00:00:00+00:00"


class RecordingTaskInstance:
    """Stands in for the task instance: keeps what the task pushes to XCom (as JSON, like XCom stores it)."""

    def __init__(self, dag_id: str = "test_dag", task_id: str = "task", run_id: str = DEFAULT_RUN_ID,
                 map_index: int = -1, try_number: int = 1) -> None:
        self.dag_id, self.task_id, self.run_id = dag_id, task_id, run_id
        self.map_index, self.try_number = map_index, try_number
        self.xcom: dict[str, Any] = {}

    def xcom_push(self, key: str, value: Any) -> None:
        self.xcom[key] = json.loads(json.dumps(value))

    def xcom_pull(self, task_ids: Any = None, key: str = "return_value", **_: Any) -> Any:
        return self.xcom.get(key)

    @property
    def return_value(self) -> Any:
        """What ``execute`` returned (XCom ``return_value``)."""
        return self.xcom.get("return_value")


def _in_task_runner(operator: Any) -> contextvars.Context:
    """A context in which the operator's ``execute`` passes Airflow's ExecutorSafeguard, as in the task runner."""
    ctx = contextvars.copy_context()
    try:
        from airflow.sdk.bases.operator import ExecutorSafeguard
    except ImportError:  # an Airflow without the safeguard: nothing to do
        return ctx
    ctx.run(ExecutorSafeguard.tracker.set, operator)
    return ctx


def run_task(operator: Any, *, params: Mapping[str, Any] | None = None, run_id: str = DEFAULT_RUN_ID,
             logical_date: dt.datetime | None = None, context: Mapping[str, Any] | None = None,
             ti: RecordingTaskInstance | None = None) -> RecordingTaskInstance:
    """Render ``operator``'s templates and run it; return the task instance holding its XComs.

    An exception from the task is raised as it is (pass your own ``ti`` to read the XComs pushed before it).
    ``context`` adds or replaces context values.
    """
    dag = getattr(operator, "dag", None) if getattr(operator, "has_dag", lambda: False)() else None
    ti = ti or RecordingTaskInstance(getattr(dag, "dag_id", "test_dag"), operator.task_id, run_id)
    when = logical_date or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    own_params = dict(getattr(operator, "params", None) or {})
    full: dict[str, Any] = {
        "ti": ti, "task_instance": ti, "task": operator, "run_id": run_id, "params": {**own_params, **(params or {})},
        "logical_date": when, "ds": when.strftime("%Y-%m-%d"), "ds_nodash": when.strftime("%Y%m%d"),
        "dag_run": SimpleNamespace(run_id=run_id, conf={}, logical_date=when, run_after=when),
        **dict(context or {}),
    }
    operator.render_template_fields(full, dag.get_template_env() if dag is not None else None)
    result = _in_task_runner(operator).run(operator.execute, full)
    if getattr(operator, "do_xcom_push", True) and result is not None:
        ti.xcom_push("return_value", result)
    return ti
