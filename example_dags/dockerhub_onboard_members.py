"""
Onboard people from a CSV: bulk invites for newcomers, then team membership for existing members.

``members.csv`` has ``invitee`` (Docker ID or email), ``org``, ``team``, ``role`` and
``already_member``. Newcomers are invited with ``/v2/invites/bulk``, grouped by org, team and role;
each invitee's status in the answer becomes its record's outcome. People who are already members
of the organization are added to their team.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.endpoints import DockerHubAddGroupMemberOperator, DockerHubBulkInviteOperator

DATA = Path(__file__).parent / "data"

with DAG(
    dag_id="dockerhub_onboard_members",
    description="Invite newcomers and add existing members to their teams",
    schedule="0 6 * * 1-5",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={
        "members_path": Param(str(DATA / "members.csv"), type="string"),
        "output_dir": Param("/tmp/dockerhub-examples", type="string"),
    },
    tags=["dockerhub", "example"],
) as dag:

    @task(multiple_outputs=True)
    def split_members(members_path: str) -> dict[str, list[dict]]:
        """Newcomers get an invite; existing members get a team membership."""
        with open(members_path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        invites = [{k: row[k] for k in ("invitee", "org", "team", "role")}
                   for row in rows if row["already_member"] != "true"]
        memberships = [{"org": row["org"], "group_name": row["team"], "member": row["invitee"]}
                       for row in rows if row["already_member"] == "true"]
        return {"invites": invites, "memberships": memberships}

    members = split_members("{{ params.members_path }}")

    invite = DockerHubBulkInviteOperator(
        task_id="invite_newcomers",
        records=members["invites"],
        batch_size=50,
        on_error="continue",
        rejects_path="{{ params.output_dir }}/invite-rejects-{{ ds }}.jsonl",
    )
    add_to_teams = DockerHubAddGroupMemberOperator(
        task_id="add_members_to_teams",
        records=members["memberships"],
        max_concurrency=2,
    )
    invite >> add_to_teams
