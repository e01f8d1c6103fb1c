"""
Scale out with dynamic task mapping: an upstream task makes records, chunks fan out to mapped tasks.

Each mapped task sends one chunk with its own concurrency; on Celery or Kubernetes executors the
chunks run on different workers. The records travel through XCom.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateRepositoryOperator

with DAG(
    dag_id="dockerhub_mapped_repositories",
    description="Create many repositories in parallel chunks",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={"count": Param(30, type="integer", minimum=1), "chunk_size": Param(10, type="integer", minimum=1)},
    tags=["dockerhub", "example"],
) as dag:

    @task
    def make_records(count: int) -> list[dict]:
        """The repositories to create (in real life: a query, an API, a file listing)."""
        return [{"namespace": "acme", "name": f"service-{n:03d}", "is_private": True} for n in range(int(count))]

    @task
    def chunk(records: list[dict], chunk_size: int) -> list[list[dict]]:
        """Split the records into chunks, one mapped task each."""
        size = int(chunk_size)
        return [records[i:i + size] for i in range(0, len(records), size)]

    chunks = chunk(make_records("{{ params.count }}"), "{{ params.chunk_size }}")
    DockerHubCreateRepositoryOperator.partial(task_id="create_repositories", max_concurrency=4).expand(records=chunks)
