"""
Onboard people from a CSV every weekday: the organization's members mirror the file.

``members.csv`` has ``invitee`` (Docker ID or email), ``org``, ``team`` and ``role``. A dry run first
logs the plan (who would be invited, whose role would change, who would be removed); then the sync
invites newcomers in bulk (grouped by team and role), updates roles, and removes members and pending
invites that are not in the file (never the account the connection logs in with). Team membership of
existing members follows with a second sync. A rerun with an unchanged file makes no write at all.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

DATA = Path(__file__).parent / "data"

with DAG(
    dag_id="dockerhub_onboard_members",
    description="Make the organization's members and teams match a CSV",
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
    def read_members(members_path: str) -> dict[str, list[dict]]:
        """Who should be in the organization, and which existing members belong to which team."""
        with open(members_path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        members = [{"org": row["org"], "username": row["invitee"], "role": row["role"], "team": row["team"]}
                   for row in rows]
        teams = [{"org": row["org"], "group": row["team"], "username": row["invitee"]}
                 for row in rows if row["already_member"] == "true"]
        return {"members": members, "teams": teams}

    wanted = read_members("{{ params.members_path }}")
    mirror = {"resource": "org_members", "mode": "mirror", "records": wanted["members"],
              "max_deletes": 5, "on_error": "continue"}  # refuse to remove more than 5 members
    plan = DockerHubSyncOperator(task_id="plan_members", dry_run=True, **mirror)
    apply = DockerHubSyncOperator(
        task_id="sync_members",
        rejects_path="{{ params.output_dir }}/member-rejects-{{ run_id | safe_filename }}.jsonl",  # no ':' or '+'
        **mirror)
    teams = DockerHubSyncOperator(task_id="sync_teams", resource="group_members", records=wanted["teams"])
    plan >> apply >> teams
