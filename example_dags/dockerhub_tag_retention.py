"""
Clean up old tags every week: a dry run first, then the deletions, under a delete limit.

Docker Hub has no free retention policy; this DAG is one. For each repository in ``repositories`` it
keeps the newest ``keep_last`` tags, every release (``vX.Y.Z``) and ``latest``, and every tag pushed or
pulled in the last ``days`` days; every other tag is deleted. The dry run logs the plan (each tag, and
why it goes or stays) and its counts; the deletion task plans again and refuses to run, before any
write, when a repository would lose more than ``max_deletes`` of its tags. A rerun deletes nothing more.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, Param

from airflow_provider_dockerhub.operators.retention import DockerHubTagRetentionOperator

RULES = {
    "records": "{{ params.repositories | tojson }}",
    "keep_last": "{{ params.keep_last }}",
    "keep_patterns": [r"^v\d+\.\d+\.\d+$", "^latest$"],
    "delete_older_than_days": "{{ params.days }}",
    "max_deletes": "{{ params.max_deletes }}",
}

with DAG(
    dag_id="dockerhub_tag_retention",
    description="Delete the tags no retention rule keeps, after a dry run",
    schedule="@weekly",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={
        "repositories": Param([{"namespace": "acme", "repository": "web"}, {"namespace": "acme", "repository": "api"}],
                              type="array", description="the repositories, as namespace + repository"),
        "keep_last": Param(5, type="integer", minimum=0, description="always keep the newest N tags"),
        "days": Param(30, type="integer", minimum=0, description="keep tags pushed or pulled within N days"),
        "max_deletes": Param("50%", type="string", description="the most tags one repository may lose (N or N%)"),
    },
    tags=["dockerhub", "example"],
) as dag:
    preview = DockerHubTagRetentionOperator(task_id="preview", dry_run=True, **RULES)
    apply = DockerHubTagRetentionOperator(task_id="delete_tags", **RULES)
    preview >> apply
