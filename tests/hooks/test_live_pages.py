"""The hook reads Docker Hub's pages as the live service serves them (docs/docker-hub-api.md P1 to P3, R4)."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def hook(dockerhub_emulator, dockerhub_connection):
    dockerhub_emulator.add_user("alice", password="pw-alice-1")
    dockerhub_emulator.add_org("acme", owners=["alice"])
    dockerhub_connection("alice", "pw-alice-1")
    hook = DockerHubHook()
    yield hook
    hook.close()


def test_absolute_next_links_are_followed_to_the_last_page_and_never_past_it(hook, dockerhub_emulator):
    for index in range(205):
        dockerhub_emulator.add_repository("acme", f"r{index:03d}")
    dockerhub_emulator.clear_requests()
    names = [repo["name"] for repo in hook.paginate("/v2/namespaces/acme/repositories")]
    assert names == [f"r{index:03d}" for index in range(205)]
    pages = [r for r in dockerhub_emulator.requests if r.path.endswith("/repositories")]
    seen = [(r.query.get("page", "1"), r.query["page_size"], r.status) for r in pages]
    # The first page comes first (it gives the count); the rest may arrive in any order, fetched concurrently.
    assert seen[0] == ("1", "100", 200)
    assert sorted(seen) == [("1", "100", 200), ("2", "100", 200), ("3", "100", 200)]  # page_size kept; no 404 page


def test_an_unknown_namespace_reads_as_empty_not_as_an_error(hook):
    assert list(hook.paginate("/v2/namespaces/nobody-here/repositories")) == []
