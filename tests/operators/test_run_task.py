"""``testing.tasks.run_task`` runs a task as Airflow's task runner does: templates rendered, no safeguard warning."""

from __future__ import annotations

import pendulum
import pytest

from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateGroupOperator
from airflow_provider_dockerhub.testing.tasks import RecordingTaskInstance, run_task


@pytest.fixture
def safeguard_on(monkeypatch):
    """Airflow's ExecutorSafeguard as in production (unit-test mode switches it off)."""
    from airflow.sdk.bases.operator import ExecutorSafeguard

    monkeypatch.setattr(ExecutorSafeguard, "test_mode", False)


def test_no_task_runner_warning_and_templates_rendered(hub, log_text, safeguard_on):
    op = DockerHubCreateGroupOperator(task_id="t", records='[{"org": "acme", "name": "{{ params.team }}"}]')
    ti = run_task(op, params={"team": "ops"})
    assert ti.return_value["succeeded"] == 1 and "ops" in hub.state.orgs["acme"].groups
    assert "cannot be called outside of the Task Runner" not in log_text()


def test_calling_execute_directly_is_what_warns(hub, log_text, safeguard_on):
    DockerHubCreateGroupOperator(task_id="t", records=[{"org": "acme", "name": "qa"}]).execute({})
    assert "cannot be called outside of the Task Runner" in log_text()


def test_a_dag_s_params_and_filters_are_used(hub, tmp_path):
    from airflow.sdk import DAG

    with DAG(dag_id="groups", schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
             params={"team": "platform"}, user_defined_macros={"prefix": "team"}):
        op = DockerHubCreateGroupOperator(
            task_id="create", records='[{"org": "acme", "name": "{{ prefix }}-{{ params.team }}"}]',
            rejects_path=str(tmp_path / "rejects-{{ run_id | safe_filename }}.jsonl"))
    ti = run_task(op)
    assert ti.dag_id == "groups" and "team-platform" in hub.state.orgs["acme"].groups
    assert (tmp_path / "rejects-manual__2026-01-01T00_00_00_00_00.jsonl").exists()


def test_a_failing_task_raises_and_keeps_its_xcoms(hub):
    ti = RecordingTaskInstance()
    with pytest.raises(Exception, match="1 of 1 records failed"):
        run_task(DockerHubCreateGroupOperator(task_id="t", records=[{"org": "nope", "name": "x"}], on_error="fail"),
                 ti=ti)
    assert ti.xcom["summary"]["failed"] == 1
