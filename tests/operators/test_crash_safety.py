"""A worker killed with SIGKILL while creating tokens keeps every secret it had received."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CREATE_TOKENS = """
import sys
from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateAccessTokenOperator

records = [{"token_label": f"kill-{n}", "scopes": ["repo:read"]} for n in range(400)]
DockerHubCreateAccessTokenOperator(task_id="t", records=records, max_concurrency=4, response_path=sys.argv[1]).execute({})
"""


def start_and_wait_for_tokens(hub, script: str, responses: Path, count: int) -> subprocess.Popen:
    """Start ``script`` in a child process and return once the emulator has answered ``count`` of its tokens.

    The emulator tells: each request it handles first counts the token answers already sent, and sets an event
    at ``count``; no polling of the emulator's state while the child's threads change it.
    """
    received = threading.Event()
    handle = hub.app.handle

    def counting_handle(request):
        if not received.is_set() and sum(r.path == "/v2/access-tokens" and r.status == 201 and r.answered_at is not None
                                         for r in hub.requests) >= count:
            received.set()
        return handle(request)

    hub.app.handle = counting_handle
    hub.add_fault(delay=0.01, method="POST", path="^/v2/access-tokens$")  # a slow server: the kill lands mid-run
    proc = subprocess.Popen([sys.executable, "-c", script, str(responses)], cwd=ROOT, env=dict(os.environ),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not received.wait(0.05):  # returns as soon as the event is set; meanwhile, watch for a child that died
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"the run did not get going: {proc.stderr.read().decode()[-2000:]}")
    return proc


def captured_tokens(path: Path) -> set[str]:
    """Tokens in the response file; a line cut by the kill is no capture."""
    tokens = set()
    for line in path.read_text().splitlines() if path.exists() else []:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event.get("response"), dict) and event["response"].get("token"):
            tokens.add(event["response"]["token"])
    return tokens


def test_sigkill_mid_run_loses_no_token_secret_the_worker_received(hub, tmp_path):
    responses = tmp_path / "responses.jsonl"
    proc = start_and_wait_for_tokens(hub, CREATE_TOKENS, responses, 100)
    try:
        hub.hold_answers()  # from now on nothing more reaches the worker
        answered = {r.response["token"] for r in hub.requests
                    if r.path == "/v2/access-tokens" and r.status == 201 and r.answered_at is not None}
        deadline = time.monotonic() + 30  # each answered secret reaches the file as the worker reads it, or never
        while not answered <= captured_tokens(responses) and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.kill()
        proc.wait(timeout=30)
    finally:
        hub.release_answers()
        if proc.poll() is None:
            proc.kill()
    created = {p.token for p in hub.state.pats.values() if p.token_label.startswith("kill-")}
    assert proc.returncode == -9 and 100 <= len(answered) < 400
    assert answered <= captured_tokens(responses)  # every secret the worker received is in the file
    assert len(created - answered) <= 4  # only calls in flight (held) were created unseen


SYNC_TWO_RESOURCES = """
import sys
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

repositories = [{"namespace": "acme", "name": f"repo-{n}"} for n in range(150)]
tokens = [{"token_label": f"kill-{n}", "scopes": ["repo:read"]} for n in range(150)]
for resource, records in (("repositories", repositories), ("access_tokens", tokens)):
    DockerHubSyncOperator(task_id="s", resource=resource, records=records, max_concurrency=4,
                          response_path=sys.argv[1]).execute({})
"""


def test_a_sync_killed_mid_run_converges_on_retry(hub, tmp_path):
    responses = tmp_path / "responses.jsonl"
    proc = start_and_wait_for_tokens(hub, SYNC_TWO_RESOURCES, responses, 60)
    try:
        proc.kill()  # mid-run: calls in flight, answers on the wire
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -9
    retry = subprocess.run([sys.executable, "-c", SYNC_TWO_RESOURCES, str(responses)], cwd=ROOT, env=dict(os.environ),
                           capture_output=True, text=True, timeout=300)
    assert retry.returncode == 0, retry.stderr[-2000:]
    assert sorted(n for _, n in hub.state.repositories) == sorted(f"repo-{n}" for n in range(150))
    tokens = [p for p in hub.state.pats.values() if p.token_label.startswith("kill-")]
    assert sorted(p.token_label for p in tokens) == sorted(f"kill-{n}" for n in range(150))  # each exactly once
    assert {p.token for p in tokens} <= captured_tokens(responses)  # every desired token's secret is captured
