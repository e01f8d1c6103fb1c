"""Benchmark B3 baseline: one mapped HttpOperator task per record (what Airflow users do today)."""

from __future__ import annotations

import json

import pendulum
from airflow.providers.http.operators.http import HttpOperator
from airflow.sdk import DAG, task

with DAG(dag_id="bench_http_mapped", schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
         params={"count": 200}) as dag:

    @task
    def make_bodies(count: int) -> list[str]:
        return [json.dumps({"namespace": "acme", "name": f"repo-{n:05d}"}) for n in range(int(count))]

    HttpOperator.partial(
        task_id="post", http_conn_id="bench_http", method="POST", endpoint="/v2/namespaces/acme/repositories",
        headers={"Content-Type": "application/json", "Authorization": "Bearer bench-token"},
    ).expand(data=make_bodies("{{ params.count }}"))
