"""
Provision Docker Hub repositories for teams from a JSON Lines file, every day, converging.

Each line of ``records_path`` is one repository (``namespace``, ``name``, ``description``,
``is_private``, plus bookkeeping columns). The sync operator reads what exists, creates only what is
missing, and reports what differs: a rerun (or tomorrow's run) makes no write at all when nothing
changed. Bad lines are rejected before anything is sent and kept in a rejects file with their reason.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

DATA = Path(__file__).parent / "data"

with DAG(
    dag_id="dockerhub_provision_repositories",
    description="Make the Docker Hub repositories match a JSON Lines file",
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
    provision = DockerHubSyncOperator(
        task_id="provision_repositories",
        resource="repositories",
        mode="create",  # repositories cannot be updated or deleted through the API
        records_path="{{ params.records_path }}",
        max_concurrency=4,
        on_error="continue",
        rejects_path="{{ params.output_dir }}/repositories-rejects-{{ run_id | safe_filename }}.jsonl",
    )

    @task
    def report(summary: dict) -> dict:
        """Log what happened to every record and fail when nothing at all is in place."""
        print(f"{summary['created']} repositories created, {summary['unchanged']} already there, "
              f"{summary['failed']} failed, {summary['rejected']} rejected of {summary['records_read']} records")
        for failure in summary["first_failures"]:
            print(f"  {failure['location']}: {failure['reason']}")
        if summary["records_read"] and not (summary["created"] or summary["unchanged"]):
            raise ValueError("no repository was created or found")
        return {"created": summary["created"], "unchanged": summary["unchanged"]}

    report(provision.output)
