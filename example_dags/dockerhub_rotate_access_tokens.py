"""
Rotate personal access tokens: create new ones, capture their secrets, deactivate then delete the old.

The new tokens are named after the run's date (``dag_run.run_after``, set for every kind of run), and
created with a sync in ``create`` mode: a retry or a rerun the same day creates nothing twice.
The secrets of new tokens are returned by Docker Hub once. They are masked in the logs and kept out
of XCom; they are captured in a response file (and, when ``webhook_url`` is set, POSTed to a
webhook, e.g. a secrets-manager bridge). Managing personal access tokens needs a connection that
logs in with a password (Docker Hub refuses it to tokens issued from a PAT).
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.operators.endpoints import (
    DockerHubDeleteAccessTokenOperator,
    DockerHubUpdateAccessTokenOperator,
)
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

with DAG(
    dag_id="dockerhub_rotate_access_tokens",
    description="Create new CI tokens, capture them, retire the old ones",
    schedule="@monthly",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={
        "label_prefix": Param("ci", type="string"),
        "output_dir": Param("/tmp/dockerhub-examples", type="string"),
        "webhook_url": Param("", type="string", description="optional: also POST new tokens here"),
    },
    tags=["dockerhub", "example"],
) as dag:

    @task
    def new_tokens(label_prefix: str, dag_run=None) -> list[dict]:
        """The tokens this rotation creates, named after the day the run was asked for."""
        day = dag_run.run_after.strftime("%Y-%m-%d")
        return [
            {"token_label": f"{label_prefix}-deploy-{day}", "scopes": ["repo:write"]},
            {"token_label": f"{label_prefix}-read-{day}", "scopes": ["repo:read"]},
        ]

    create = DockerHubSyncOperator(
        task_id="create_tokens",
        resource="access_tokens",
        mode="create",
        records=new_tokens("{{ params.label_prefix }}"),
        # one file per rotation day: a retry or rerun finds the secrets it captured and creates nothing again
        response_path="{{ params.output_dir }}/new-tokens-{{ dag_run.run_after.strftime('%Y-%m-%d') }}.jsonl",
        response_webhook_url="{{ params.webhook_url }}",
    )

    @task
    def old_tokens(label_prefix: str, dag_run=None) -> list[dict]:
        """Tokens with our prefix that this rotation did not create."""
        day = dag_run.run_after.strftime("%Y-%m-%d")
        tokens = DockerHubHook().paginate("/v2/access-tokens")  # every page; raises on a non-2xx answer
        return [{"uuid": t["uuid"], "is_active": False} for t in tokens
                if t["token_label"].startswith(f"{label_prefix}-") and not t["token_label"].endswith(day)]

    retired = old_tokens("{{ params.label_prefix }}")
    deactivate = DockerHubUpdateAccessTokenOperator(task_id="deactivate_old_tokens", records=retired)
    delete = DockerHubDeleteAccessTokenOperator(task_id="delete_old_tokens", records=retired)

    create >> retired >> deactivate >> delete
