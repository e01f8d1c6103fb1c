"""
Provision Docker Hub repositories for teams from a JSON Lines file.

Each line of ``records_path`` is one repository (``namespace``, ``name``, ``description``,
``is_private``, plus bookkeeping columns that are not sent). Bad lines are rejected, kept in a
rejects file with their reason, and the run carries on; a report task reads the summary from XCom.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateRepositoryOperator

DATA = Path(__file__).parent / "data"

with DAG(
    dag_id="dockerhub_provision_repositories",
    description="Create Docker Hub repositories listed in a JSON Lines file",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={
        "records_path": Param(str(DATA / "repositories.jsonl"), type="string",
                              description="local path or object storage URI of the JSON Lines file"),
        "output_dir": Param("/tmp/dockerhub-examples", type="string", description="where rejects are written"),
    },
    tags=["dockerhub", "example"],
) as dag:
    create_repositories = DockerHubCreateRepositoryOperator(
        task_id="create_repositories",
        records_path="{{ params.records_path }}",
        exclude_attributes=["team", "cost_center"],
        max_concurrency=4,
        on_error="continue",
        rejects_path="{{ params.output_dir }}/repositories-rejects-{{ ds }}.jsonl",
    )

    @task
    def report(summary: dict) -> dict:
        """Log what happened to every record and fail when nothing at all succeeded."""
        print(f"{summary['succeeded'] - summary['unchanged']} repositories created, {summary['unchanged']} already "
              f"there, {summary['failed']} failed, {summary['rejected']} rejected of {summary['records_read']} records")
        for failure in summary["first_failures"]:
            print(f"  {failure['location']}: {failure['outcome']}: {failure['reason']}")
        if summary["records_read"] and not summary["succeeded"]:
            raise ValueError("no repository was created or found")
        return {"created": summary["succeeded"] - summary["unchanged"], "unchanged": summary["unchanged"]}

    report(create_repositories.output)
