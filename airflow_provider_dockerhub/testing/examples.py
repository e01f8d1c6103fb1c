"""The accounts the example DAGs and the demo expect, seeded into an emulator."""

from __future__ import annotations

import json
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
