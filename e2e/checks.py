"""What the e2e run expects: the emulated Docker Hub after the example DAGs, and logs without secrets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.examples import EXAMPLE_ORG

JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")
PROVISIONED = {"api", "docs", "web", "worker"}  # example_dags/data/repositories.jsonl, its valid lines


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, whether it held, and what was seen."""

    name: str
    passed: bool
    detail: str = ""


def hub_after_first_runs(hub: DockerHubEmulator, mapped_count: int) -> list[Check]:
    """The emulated Hub as the five examples leave it, run once each (onboarding after the manual invites)."""
    state = hub.state
    repositories = {name for namespace, name in state.repositories if namespace == EXAMPLE_ORG}
    services = {f"service-{n:03d}" for n in range(mapped_count)}
    invites = sorted((i.invitee, i.team, i.role) for i in state.invites.values())
    groups = state.orgs[EXAMPLE_ORG].groups
    labels = sorted(p.token_label.rsplit("-", 3)[0] for p in state.pats.values())
    bulk = [r for r in hub.requests if r.path == "/v2/invites/bulk" and "X-Analytics-Client-Feature" in r.headers]
    return [
        Check("repositories: the provisioned four and every mapped one", repositories == PROVISIONED | services,
              f"{len(repositories)} in {EXAMPLE_ORG}"),
        Check("invites: the members CSV exactly (the manual example's extra invites removed by the mirror)",
              invites == [("dana@example.com", "frontend", "member"), ("erik@example.com", "backend", "member"),
                          ("frank@example.com", "backend", "editor")], str(invites)),
        Check("teams: bob in backend, carol in frontend",
              (groups["backend"].members, groups["frontend"].members) == (["bob"], ["carol"]),
              f"backend={groups['backend'].members} frontend={groups['frontend'].members}"),
        Check("access tokens: only this month's two rotated ones", labels == ["ci-deploy", "ci-read"], str(labels)),
        Check("manual example: 3 bulk invite calls with its header (batches of 2 by team)", len(bulk) == 3,
              f"{len(bulk)} calls"),
    ]


def readmes_and_tags(hub: DockerHubEmulator, dags: Path) -> list[Check]:
    """acme/web and acme/api as the README and tag-retention examples leave them."""
    repositories = {name: hub.state.repositories.get((EXAMPLE_ORG, name)) for name in ("web", "api")}
    readmes = {name: repo is not None and repo.full_description == (dags / "data" / "readmes" / f"{name}.md").read_text()
               for name, repo in repositories.items()}
    tags = {name: sorted(repo.tags) if repo else None for name, repo in repositories.items()}
    kept = sorted(["latest", "main", "pr-104", "pr-105", "sha-6a7b8c", "v1.0.0", "v1.1.0", "v1.2.0"])
    return [
        Check("README example: acme/web and acme/api hold their README files", all(readmes.values()), str(readmes)),
        Check("retention example: each repository kept its 8 tags no rule lets go",
              all(t == kept for t in tags.values()), str(tags)),
    ]


def secrets_in(folder: Path, secrets: set[str]) -> dict[str, list[str]]:
    """Files under ``folder`` holding one of ``secrets`` or anything shaped like a JWT, with what they hold."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_text(errors="replace")
        hits = [f"{s[:6]}..." for s in secrets if s in text] + [f"JWT {m[:10]}..." for m in JWT.findall(text)]
        if hits:
            found[str(path)] = hits
    return found


def captured_secrets(output: Path) -> set[str]:
    """The token secrets the rotation example captured in its response files."""
    return {json.loads(line)["response"]["token"] for path in output.glob("new-tokens-*.jsonl")
            for line in path.read_text().splitlines()}


def lineage_of(events_file: Path, job: str) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """(inputs, outputs) as (namespace, name) of every COMPLETE event of ``job`` (``dag_id.task_id``)."""
    if not events_file.exists():
        return []
    events = [json.loads(line) for line in events_file.read_text().splitlines() if line.strip()]
    return [([(d["namespace"], d["name"]) for d in e.get("inputs", [])],
             [(d["namespace"], d["name"]) for d in e.get("outputs", [])])
            for e in events if e.get("eventType") == "COMPLETE" and e["job"]["name"] == job]
