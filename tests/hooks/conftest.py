from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook


@pytest.fixture
def hook(hub_conn) -> DockerHubHook:
    """A hook on ``dockerhub_default`` pointing at https://hub.example.test (mocked with requests-mock)."""
    return DockerHubHook(hub_conn())
