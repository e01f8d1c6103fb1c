from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from tests.helpers import FakeTime


@pytest.fixture
def fake_time() -> FakeTime:
    """A fake clock; hooks given its ``time`` and ``sleep`` wait without sleeping."""
    return FakeTime()


@pytest.fixture
def hook(hub_conn, fake_time) -> DockerHubHook:
    """A hook on ``dockerhub_default`` pointing at https://hub.example.test (mocked with requests-mock), on
    ``fake_time``: its waits advance that clock instead of sleeping."""
    return DockerHubHook(hub_conn(), clock=fake_time.time, sleep=fake_time.sleep)
