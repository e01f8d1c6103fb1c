"""
Any endpoint by hand: custom URL template, headers, excluded attributes and batching, previewed first.

The same settings run twice: first as a dry run (nothing is sent; the log and the return value show
the rendered requests, which reflect the batching), then for real.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, Param

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator

INVITEES = [
    {"email": "gina@example.com", "org": "acme", "team": "frontend", "role": "member", "source": "hr-sync"},
    {"email": "hank@example.com", "org": "acme", "team": "backend", "role": "member", "source": "hr-sync"},
    {"email": "iris@example.com", "org": "acme", "team": "frontend", "role": "member", "source": "hr-sync"},
    {"email": "jack@example.com", "org": "acme", "team": "frontend", "role": "member", "source": "hr-sync"},
]

with DAG(
    dag_id="dockerhub_manual_configuration",
    description="Bulk invites configured by hand, dry run first",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={"invitees": Param(INVITEES, type="array")},
    render_template_as_native_obj=True,
    tags=["dockerhub", "example"],
) as dag:
    settings = {
        "records": "{{ params.invitees }}",
        "method": "POST",
        "endpoint": "/v2/invites/bulk",
        "headers": "X-Analytics-Client-Feature:airflow-provider-dockerhub",
        "exclude_attributes": ["source"],
        "batching": True,
        "grouping": "by_attributes",
        "group_by": ["org", "team", "role"],
        "batch_size": 2,
        "body": '{"org": {{ group.org | tojson }}, "team": {{ group.team | tojson }}, '
                '"role": {{ group.role | tojson }}, '
                '"invitees": {{ records | map(attribute="email") | list | tojson }}}',
    }
    preview = DockerHubSendOperator(task_id="preview_requests", dry_run=True, **settings)
    send = DockerHubSendOperator(task_id="send_requests", push_responses="all", **settings)
    preview >> send
