"""B8 and B9: the sync operator against the emulator (imported by bench/run.py)."""

from __future__ import annotations

import json
import math
import os
import time
from typing import Any
from urllib.parse import urljoin

import requests

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

PAGE_SIZE = 100


def _hub_with_account() -> DockerHubEmulator:
    hub = DockerHubEmulator().start()
    hub.add_user("bench", password="bench-password")
    hub.add_org("acme", owners=["bench"])
    os.environ["AIRFLOW_CONN_DOCKERHUB_DEFAULT"] = json.dumps(
        {"conn_type": "dockerhub", "host": hub.url, "login": "bench", "password": "bench-password"})
    return hub


def _sync(**kwargs: Any) -> tuple[float, dict[str, Any]]:
    from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

    started = time.perf_counter()
    summary = DockerHubSyncOperator(task_id="bench", **kwargs).execute({})
    return time.perf_counter() - started, summary


def session_by_hand(hub: DockerHubEmulator) -> requests.Session:
    """A plain requests session logged in as the bench user, as a hand-written script would make."""
    session = requests.Session()
    token = session.post(f"{hub.url}/v2/auth/token",
                         json={"identifier": "bench", "secret": "bench-password"}).json()["access_token"]
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def names_by_hand(session: requests.Session, url: str) -> list[str]:
    """The names on every page from ``url`` on, read by a hand-written loop that follows ``next``."""
    names: list[str] = []
    page_url: str | None = f"{url}?page_size={PAGE_SIZE}"
    while page_url:
        page = session.get(page_url)
        page.raise_for_status()
        body = page.json()
        names += [item["name"] for item in body["results"]]
        page_url = urljoin(page_url, body["next"]) if body.get("next") else None
    return names


def paginate_by_hand(hub: DockerHubEmulator, path: str) -> set[str]:
    """The baseline: a hand-written requests loop over the same pages, keeping the names."""
    with session_by_hand(hub) as session:
        return set(names_by_hand(session, f"{hub.url}{path}"))


def b8(count: int) -> dict[str, Any]:
    """A no-change sync of ``count`` repositories: no write, one list pass, close to a hand-written loop."""
    hub = _hub_with_account()
    try:
        records = [{"namespace": "acme", "name": f"repo-{n:05d}", "description": "d"} for n in range(count)]
        for record in records:
            hub.add_repository("acme", record["name"], description="d")
        path = "/v2/namespaces/acme/repositories"
        paginate_by_hand(hub, path)  # warm up both
        _sync(resource="repositories", records=records[:10])
        base_s = min(_timed_baseline(hub, path) for _ in range(3))
        hub.clear_requests()
        ours_s, summary = _sync(resource="repositories", records=records)
        writes, lists = len(hub.writes()), summary["reads"]
    finally:
        hub.stop()
    limit = math.ceil(count / PAGE_SIZE) + 1
    ratio = ours_s / base_s
    return {"id": "B8", "what": f"no-change sync of {count:,} repositories ({writes} writes, {lists} list calls, "
                                f"at most {limit})",
            "ours": round(count / ours_s, 1), "baseline": round(count / base_s, 1), "unit": "records/s",
            "baseline_name": "hand-written paginate loop over the same pages", "measure": round(ratio, 2),
            "target": "0 writes, <= ceil(n/100)+1 list calls, <= 1.25 x baseline time",
            "met": writes == 0 and lists <= limit and ratio <= 1.25 and summary["unchanged"] == count}


def _timed_baseline(hub: DockerHubEmulator, path: str) -> float:
    started = time.perf_counter()
    paginate_by_hand(hub, path)
    return time.perf_counter() - started


def b9(count: int) -> dict[str, Any]:
    """``count`` group members of which 1 % differ (half missing, half extra): exactly that many writes."""
    hub = _hub_with_account()
    try:
        usernames = [f"user{n:05d}" for n in range(count)]
        for name in usernames:
            hub.add_user(name)
        hub.add_org("big", owners=["bench"], members=dict.fromkeys(usernames, "member"))
        differ = max(count // 100, 2)
        present = usernames[: count - differ // 2]  # the last differ/2 are missing on Hub
        hub.add_group("big", "all", present)
        desired = usernames[differ - differ // 2:]  # the first differ - differ/2 are extra on Hub
        records = [{"org": "big", "group": "all", "username": name} for name in desired]
        hub.clear_requests()
        ours_s, summary = _sync(resource="group_members", mode="mirror", records=records, max_deletes=differ)
        writes = len(hub.writes())
    finally:
        hub.stop()
    return {"id": "B9", "what": f"mirror of {count:,} group members, {differ} differ", "ours": writes,
            "baseline": differ, "unit": "writes", "measure": writes,
            "target": "writes == differences", "met": writes == differ and summary["failed"] == 0,
            "seconds": round(ours_s, 2)}

