"""Benchmark B3: the same records through DockerHubSendOperator in one task."""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, task

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator

with DAG(dag_id="bench_dockerhub_one_task", schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
         params={"count": 200}) as dag:

    @task
    def make_records(count: int) -> list[dict]:
        return [{"namespace": "acme", "name": f"repo-{n:05d}"} for n in range(int(count))]

    DockerHubSendOperator(task_id="send", dockerhub_conn_id="bench_sink", records=make_records("{{ params.count }}"),
                          endpoint="/v2/namespaces/{{ record.namespace }}/repositories")
