"""Provider metadata read by Airflow through the ``apache_airflow_provider`` entry point."""

from __future__ import annotations

from typing import Any

from airflow_provider_dockerhub import __version__
from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS, HIDDEN_FIELDS, PLACEHOLDERS, RELABELING

__all__ = ["get_provider_info"]


def _conn_fields() -> dict[str, Any]:
    return {f.name: {"label": f.label, "description": f.description, "schema": f.schema()} for f in EXTRA_FIELDS}


def get_provider_info() -> dict[str, Any]:
    """Return the provider's metadata, including the ``dockerhub`` connection form (Airflow 3.2.2+)."""
    return {
        "package-name": "airflow-provider-dockerhub",
        "name": "Docker Hub",
        "description": "Send dataset records to the Docker Hub API: repositories, tokens, members, teams, SCIM.",
        "versions": [__version__],
        "integrations": [
            {
                "integration-name": "Docker Hub",
                "external-doc-url": "https://docs.docker.com/reference/api/hub/latest/",
                "tags": ["software"],
            }
        ],
        "hooks": [
            {"integration-name": "Docker Hub", "python-modules": ["airflow_provider_dockerhub.hooks.dockerhub"]}
        ],
        "operators": [
            {
                "integration-name": "Docker Hub",
                "python-modules": [
                    "airflow_provider_dockerhub.operators.send",
                    "airflow_provider_dockerhub.operators.endpoints",
                    "airflow_provider_dockerhub.operators.sync",
                    "airflow_provider_dockerhub.operators.retention",
                ],
            }
        ],
        "extra-links": ["airflow_provider_dockerhub.operators.links.DockerHubLink"],
        "connection-types": [
            {
                "connection-type": "dockerhub",
                "hook-class-name": "airflow_provider_dockerhub.hooks.dockerhub.DockerHubHook",
                "hook-name": "Docker Hub",
                "ui-field-behaviour": {
                    "hidden-fields": HIDDEN_FIELDS,
                    "relabeling": RELABELING,
                    "placeholders": PLACEHOLDERS,
                },
                "conn-fields": _conn_fields(),
            }
        ],
    }
