"""The accounts the example DAGs and the demo expect, seeded into an emulator."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

EXAMPLE_ORG = "acme"
EXAMPLE_LOGIN = "alice"
EXAMPLE_PASSWORD = "alice-example-password"
EXAMPLE_SCIM_TOKEN = "acme-example-scim-token"


def seed_examples(emulator: DockerHubEmulator) -> None:
    """alice (password login) owns org acme; bob and carol are members; teams frontend and backend;
    alice has two old ``ci-`` access tokens for the rotation example."""
    emulator.add_user(EXAMPLE_LOGIN, password=EXAMPLE_PASSWORD, full_name="Alice Admin")
    for username in ("bob", "carol"):
        emulator.add_user(username)
    emulator.add_org(EXAMPLE_ORG, owners=[EXAMPLE_LOGIN], members={"bob": "member", "carol": "member"})
    emulator.add_group(EXAMPLE_ORG, "frontend")
    emulator.add_group(EXAMPLE_ORG, "backend")
    emulator.add_personal_access_token(EXAMPLE_LOGIN, scopes=["repo:write"], label="ci-deploy-2026-01-01")
    emulator.add_personal_access_token(EXAMPLE_LOGIN, scopes=["repo:read"], label="ci-read-2026-01-01")
    emulator.add_scim_token(EXAMPLE_ORG, EXAMPLE_SCIM_TOKEN)


def example_connection(emulator: DockerHubEmulator, **extra: Any) -> str:
    """The ``AIRFLOW_CONN_DOCKERHUB_DEFAULT`` value that points at ``emulator`` as alice."""
    return json.dumps({"conn_type": "dockerhub", "host": emulator.url, "login": EXAMPLE_LOGIN,
                       "password": EXAMPLE_PASSWORD, "extra": extra})


#: The tags of the retention example: (name, days since the last push, days since the last pull or None).
EXAMPLE_TAGS = (
    ("latest", 1, 0), ("main", 1, 0), ("v1.0.0", 400, None), ("v1.1.0", 200, None), ("v1.2.0", 90, 2),
    ("pr-101", 120, None), ("pr-102", 75, None), ("pr-103", 60, None), ("pr-104", 45, 40), ("pr-105", 3, None),
    ("sha-0a1b2c", 150, None), ("sha-3d4e5f", 100, 95), ("sha-6a7b8c", 20, None),
)


def seed_example_repositories(emulator: DockerHubEmulator) -> None:
    """acme/web and acme/api (made if missing, as ``dockerhub_provision_repositories`` makes them), each with
    ``EXAMPLE_TAGS`` (dated by the emulator's clock), for the README and tag-retention examples."""
    now = emulator.clock.now()
    for name, description, private in (("web", "Customer-facing web app", False), ("api", "Public REST API", True)):
        if (EXAMPLE_ORG, name) not in emulator.state.repositories:
            emulator.add_repository(EXAMPLE_ORG, name, description=description, is_private=private)
        for tag, pushed, pulled in EXAMPLE_TAGS:
            emulator.state.add_tag(EXAMPLE_ORG, name, tag, pushed=now - timedelta(days=pushed),
                                   pulled=None if pulled is None else now - timedelta(days=pulled))
