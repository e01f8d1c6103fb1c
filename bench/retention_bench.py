"""B13: tag retention over one large repository against the emulator (imported by bench/run.py)."""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from sync_bench import PAGE_SIZE, _hub_with_account, names_by_hand, session_by_hand

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

#: The rules: the newest 100, every release, and whatever was pushed within 30 days stay.
RULES = {"keep_last": 100, "keep_patterns": ["^release-"], "delete_older_than_days": 30}


def _seed(hub: DockerHubEmulator, repository: str, count: int) -> None:
    """``count`` tags, one pushed every 2 hours back from now; every 10th a release."""
    hub.add_repository("acme", repository)
    now = datetime.now(timezone.utc)
    for n in range(count):
        name = f"release-{n}" if n % 10 == 0 else f"build-{n}"
        hub.state.add_tag("acme", repository, name, pushed=now - timedelta(hours=2 * n + 1))


def expected_deletes(count: int) -> int:
    """How many tags the rules let go: not among the newest 100, no release, pushed over 30 days ago."""
    return sum(1 for n in range(count) if n >= RULES["keep_last"] and n % 10 and 2 * n + 1 > 30 * 24)


def delete_by_hand(hub: DockerHubEmulator, repository: str, goes: set[str]) -> None:
    """The baseline: a requests loop reading every page, then one DELETE per tag that goes (no plan, no guard)."""
    with session_by_hand(hub) as session:
        for name in names_by_hand(session, f"{hub.url}/v2/repositories/acme/{repository}/tags"):
            if name in goes:
                session.delete(f"{hub.url}/v2/repositories/acme/{repository}/tags/{name}/").raise_for_status()


def b13(count: int) -> dict[str, Any]:
    """Retention over ``count`` tags: ceil(count/100) list calls, exactly one DELETE per tag that goes."""
    from airflow_provider_dockerhub.operators.retention import DockerHubTagRetentionOperator

    hub = _hub_with_account()
    try:
        _seed(hub, "baseline", count)
        _seed(hub, "web", count)
        goes = {name for name in hub.state.repositories[("acme", "baseline")].tags
                if name.startswith("build-") and int(name.split("-")[1]) >= 360}
        started = time.perf_counter()
        delete_by_hand(hub, "baseline", goes)
        base_s = time.perf_counter() - started
        hub.clear_requests()
        op = DockerHubTagRetentionOperator(task_id="bench", namespace="acme", repository="web", max_deletes="100%",
                                           **RULES)
        started = time.perf_counter()
        summary = op.execute({})
        ours_s = time.perf_counter() - started
        lists = sum(1 for r in hub.requests if r.method == "GET" and r.path.rstrip("/").endswith("/tags"))
        deletes = [r.path for r in hub.requests if r.method == "DELETE"]
        left = len(hub.state.repositories[("acme", "web")].tags)
    finally:
        hub.stop()
    planned = expected_deletes(count)
    pages = math.ceil(count / PAGE_SIZE)
    one_each = len(deletes) == len(set(deletes)) == planned == summary["deleted"] == len(goes) == count - left
    return {"id": "B13", "what": f"tag retention over {count:,} tags ({lists} list calls, {len(deletes)} deletes "
                                 f"for {planned} tags that go)",
            "ours": round(count / ours_s, 1), "baseline": round(count / base_s, 1), "unit": "tags/s",
            "baseline_name": "hand-written list-and-delete loop", "measure": round(ours_s / base_s, 2),
            "target": "ceil(n/100) list calls, exactly 1 delete per tag that goes",
            "met": lists == pages and one_each and summary["failed"] == 0, "seconds": round(ours_s, 2)}
