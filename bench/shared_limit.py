"""
B10: several worker processes on one Docker Hub account share its rate limit.

Each process runs a ``DockerHubSendOperator`` (``max_concurrency`` 4) on its own slice of the records,
as mapped task instances on Celery workers would; they all start on the same window boundary of the
emulator's limit. The accepted rate (calls not answered 429, per second) and the share of 429 answers
are measured for 4 processes and, in the same run, for 1 process sending all the records.

    python bench/shared_limit.py child URL FIRST COUNT   (one worker process)

A worker prints ``ready`` once its operator is built, then reads the common start time from stdin.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from typing import Any

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

LOGIN, PASSWORD, CONN_ID = "bench", "bench-password", "bench_emulator"
CONCURRENCY = 4


def seed_account(hub: DockerHubEmulator) -> None:
    """The account every benchmarked call uses: LOGIN owns org acme."""
    hub.add_user(LOGIN, password=PASSWORD)
    hub.add_org("acme", owners=[LOGIN])


def group_creation(url: str, first: int, count: int, concurrency: int) -> Any:
    """A send operator creating groups ``team-<first>`` ... in acme, one call each, through ``CONN_ID``."""
    os.environ[f"AIRFLOW_CONN_{CONN_ID.upper()}"] = json.dumps(
        {"conn_type": "dockerhub", "host": url, "login": LOGIN, "password": PASSWORD})
    from airflow_provider_dockerhub.operators.send import DockerHubSendOperator

    records = [{"org": "acme", "name": f"team-{n:05d}"} for n in range(first, first + count)]
    return DockerHubSendOperator(task_id="groups", dockerhub_conn_id=CONN_ID, records=records,
                                 endpoint="/v2/orgs/{{ record.org }}/groups", max_concurrency=concurrency,
                                 exclude_attributes=["org"])


def child(url: str, first: int, count: int) -> int:
    """One worker: build the operator, say ready, wait for the common start, send its slice, print its summary."""
    op = group_creation(url, first, count, CONCURRENCY)
    print("ready", flush=True)
    start_at = float(sys.stdin.readline())
    time.sleep(max(0.0, start_at - time.time()))
    summary = op.execute({})
    print(json.dumps({"succeeded": summary["succeeded"], "failed": summary["failed"]}), flush=True)
    return 0


def wait_until_ready(worker: subprocess.Popen) -> None:
    """Read the worker's output up to its ``ready`` line (Airflow may log to stdout before it)."""
    for line in worker.stdout:
        if line.strip() == "ready":
            return
    raise RuntimeError(f"a worker exited with code {worker.wait()} before it was ready")


def run(processes: int, calls: int, limit: int, window: float) -> dict[str, Any]:
    """``calls`` group creations split over ``processes`` workers; the accepted rate and the 429 share."""
    with DockerHubEmulator(rate_limit=limit, rate_window=window, record=True) as hub:
        seed_account(hub)
        share = calls // processes
        children = [subprocess.Popen([sys.executable, __file__, "child", hub.url, str(n * share), str(share)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                    for n in range(processes)]
        for worker in children:
            wait_until_ready(worker)
        # every worker has imported Airflow and built its operator: start together on a window boundary
        start_at = math.ceil((time.time() + 0.5) / window) * window
        for worker in children:
            worker.stdin.write(f"{start_at}\n")
            worker.stdin.flush()
        summaries = [json.loads(c.communicate(timeout=900)[0].splitlines()[-1]) for c in children]
        answered = [r for r in hub.requests if r.received_at >= start_at]
    assert all(c.returncode == 0 for c in children), [c.returncode for c in children]
    assert sum(s["succeeded"] for s in summaries) == share * processes, summaries
    limited = sum(1 for r in answered if r.status == 429)
    span = max(r.answered_at for r in answered) - start_at
    return {"rate": (len(answered) - limited) / span, "share_429": limited / len(answered), "calls": len(answered)}


def b10(calls: int, limit: int, window: float) -> dict[str, Any]:
    """4 processes x max_concurrency 4 against the limit, beside 1 process sending the same calls."""
    allowed = limit / window
    single = run(1, calls, limit, window)
    shared = run(4, calls, limit, window)
    ratio = shared["rate"] / allowed
    return {"id": "B10", "what": f"{calls} calls from 4 processes x concurrency {CONCURRENCY}, "
                                 f"emulator limit {limit} per {window:g} s",
            "ours": round(shared["rate"], 1), "baseline": round(allowed, 1), "unit": "requests/s",
            "measure": round(ratio, 3), "share_429": round(shared["share_429"], 4),
            "single_process": {"measure": round(single["rate"] / allowed, 3), "share_429": round(single["share_429"], 4)},
            "target": ">= 0.9 x allowed rate, <= 1% answered 429", "met": ratio >= 0.9 and shared["share_429"] <= 0.01}


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        url, first, count = sys.argv[2:5]
        sys.exit(child(url, int(first), int(count)))
    print(json.dumps(b10(int(sys.argv[1]) if len(sys.argv) > 1 else 3000, 300, 5.0)))
