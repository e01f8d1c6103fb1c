"""What a broken proxy or a hostile API can no longer do to a call: hang it, flood it, or make it wait forever.

Every server here is a small one on 127.0.0.1 (tests/hostile_server.py); every test has a hard time limit.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path

import pytest

from airflow_provider_dockerhub.exceptions import (
    DockerHubAnswerTooLargeError,
    DockerHubAuthError,
    DockerHubConnectionError,
    DockerHubRunError,
    DockerHubWaitTooLongError,
)
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.transport import waits
from airflow_provider_dockerhub.transport.waits import RESET_MARGIN
from tests.helpers import SECRET, FakeTime, make_jwt
from tests.hostile_server import HostileServer, answer, exchange_then, gzip_bomb, trickle

pytestmark = pytest.mark.timeout(30)
SLOW_BODY = b'{"results": [], "next": null, "count": 0, "padding": "' + b"x" * 20 + b'"}'


def bearer_hook(hub_conn, server: HostileServer, fake_time: FakeTime | None = None, **extra: object) -> DockerHubHook:
    """A hook with a static bearer token (no token exchange) on the hostile server; with ``fake_time``, its
    waits advance that clock instead of sleeping."""
    on_fake_time = {"clock": fake_time.time, "sleep": fake_time.sleep} if fake_time else {}
    return DockerHubHook(hub_conn("hostile", host=server.url, login=None, auth_type="bearer", **extra), **on_fake_time)


# -- deadlines: the timeout bounds the whole call ------------------------------------------------------
def _trickled_answer(status: int = 200) -> bytes:
    head = f"HTTP/1.1 {status} OK\r\nContent-Length: {len(SLOW_BODY)}\r\nContent-Type: application/json\r\n\r\n"
    return head.encode() + SLOW_BODY


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_trickled_answer_is_cut_at_the_timeout(hub_conn, method):
    # 2 bytes every 0.2 s: each read is quick, the whole answer would take about 13 s
    with HostileServer(lambda request: trickle(_trickled_answer(), 2, 0.2)) as server:
        hook = bearer_hook(hub_conn, server, timeout=1, max_retries=0)
        started = time.monotonic()
        with pytest.raises(DockerHubConnectionError, match="no answer") as err:
            hook.request(method, "/v2/namespaces/acme/repositories", json={} if method == "POST" else None)
        assert time.monotonic() - started < 2.5
    assert err.value.may_have_reached  # the request arrived: a write may have been applied


def test_trickled_headers_are_cut_at_the_timeout(hub_conn):
    with HostileServer(lambda request: trickle(_trickled_answer(), 1, 0.3)) as server:
        hook = bearer_hook(hub_conn, server, timeout=1, max_retries=0)
        started = time.monotonic()
        with pytest.raises(DockerHubConnectionError):
            hook.request("GET", "/v2/namespaces/acme/repositories")
        assert time.monotonic() - started < 2.5


def test_a_list_page_trickled_is_cut_and_retried_within_bounds(hub_conn):
    with HostileServer(lambda request: trickle(_trickled_answer(), 1, 0.1)) as server:
        hook = bearer_hook(hub_conn, server, timeout=0.5, max_retries=1)
        started = time.monotonic()
        with pytest.raises(DockerHubConnectionError):
            list(hook.paginate("/v2/namespaces/acme/repositories"))
        assert time.monotonic() - started < 3
        assert len(server.requests) == 2  # one try and one retry, each cut at 0.5 s


def test_a_fast_answer_inside_the_deadline_is_read_whole(hub_conn):
    with HostileServer(lambda request: trickle(_trickled_answer(), 16, 0.01)) as server:
        hook = bearer_hook(hub_conn, server, timeout=5, max_retries=0)
        assert hook.get_json("/v2/namespaces/acme/repositories")["padding"] == "x" * 20


# -- bounded answers -------------------------------------------------------------------------------------
def test_a_gzip_bomb_stops_at_the_answer_cap(hub_conn):
    # 64 MiB of zeros compress to about 64 KiB; the cap is 1 MiB
    with HostileServer(lambda request: gzip_bomb(64 * 1024 * 1024)) as server:
        hook = bearer_hook(hub_conn, server, max_answer_bytes=1024 * 1024, max_retries=0)
        with pytest.raises(DockerHubAnswerTooLargeError) as err:
            hook.request("GET", "/v2/namespaces/acme/repositories")
    message = str(err.value)
    assert "GET /v2/namespaces/acme/repositories" in message and "1048576 bytes" in message


def test_an_answer_declared_larger_than_the_cap_is_not_read(hub_conn):
    with HostileServer(lambda request: answer(200, b"[" + b"1," * 100_000 + b"1]")) as server:
        hook = bearer_hook(hub_conn, server, max_answer_bytes=1000, max_retries=0)
        with pytest.raises(DockerHubAnswerTooLargeError, match=r"GET /v2/orgs/acme/members: the answer is 200003 bytes"):
            hook.get_json("/v2/orgs/acme/members")


def test_the_default_cap_is_32_mib(hub_conn):
    with HostileServer(lambda request: answer()) as server:
        assert bearer_hook(hub_conn, server).settings.max_answer_bytes == 32 * 1024 * 1024


# -- every wait has a ceiling ------------------------------------------------------------------------------
HOSTILE_WAITS = {
    "Retry-After 10^8 seconds": {"Retry-After": "100000000"},
    "Retry-After an epoch 10^6 s away": {"Retry-After": str(int(time.time()) + 1_000_000)},
    "Retry-After 1e20": {"Retry-After": "1e20"},
    "Retry-After in year 9999": {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"},
    "X-Retry-After 1e20": {"X-Retry-After": "1e20"},
    "X-RateLimit-Reset 1e20": {"X-RateLimit-Reset": "1e20"},
    "X-RateLimit-Reset 10^6 s away": {"X-RateLimit-Reset": str(int(time.time()) + 1_000_000)},
}


@pytest.mark.parametrize("headers", HOSTILE_WAITS.values(), ids=HOSTILE_WAITS.keys())
def test_a_429_asking_too_long_a_wait_fails_the_run_at_once(hub_conn, headers):
    with HostileServer(lambda request: answer(429, b"{}", headers)) as server:
        hook = bearer_hook(hub_conn, server, max_wait=60)
        started = time.monotonic()
        for _ in range(2):  # later calls fail the same way: nothing overflows
            with pytest.raises(DockerHubWaitTooLongError, match=r"Docker Hub asks to wait until .* \(\d+ s\), "
                                                                r"more than max_wait \(60 s\)") as err:
                hook.request("POST", "/v2/repositories", json={})
        assert time.monotonic() - started < 2
    assert isinstance(err.value, DockerHubRunError)


def test_the_rate_limiter_waits_no_longer_than_max_wait(hub_conn):
    reset = int(time.time()) + 3600
    headers = {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}
    with HostileServer(lambda request: answer(201, b"{}", headers)) as server:
        hook = bearer_hook(hub_conn, server, max_wait=60)
        assert hook.request("POST", "/v2/repositories", json={}).status_code == 201
        with pytest.raises(DockerHubWaitTooLongError, match=r"\(3\d{3} s\), more than max_wait \(60 s\)"):
            hook.request("POST", "/v2/repositories", json={})
    assert len(server.requests) == 1


def test_a_long_wait_is_logged_when_it_starts(hub_conn, fake_time, caplog):
    caplog.set_level(logging.INFO, logger="airflow_provider_dockerhub.hooks.ratelimit")
    reset = fake_time.time() + 8
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": f"{reset:.3f}"}
    with HostileServer(lambda request: answer(201, b"{}", headers)) as server:
        hook = bearer_hook(hub_conn, server, fake_time)
        hook.request("POST", "/v2/repositories", json={})
        hook.request("POST", "/v2/repositories", json={})
    assert sum(fake_time.slept) == pytest.approx(8 + RESET_MARGIN)  # the second call waited for the reset
    assert "Waiting 8 s, until " in caplog.text and "X-RateLimit-Remaining reached 0" in caplog.text


UNUSABLE = {"not a number": "soon", "negative": "-5", "infinite": "inf", "not a number (nan)": "nan"}


@pytest.mark.parametrize("value", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_unusable_wait_headers_are_ignored_with_a_warning(hub_conn, fake_time, value, caplog):
    statuses = [429, 201]
    headers = {"Retry-After": value, "X-RateLimit-Reset": value, "X-RateLimit-Remaining": value}
    waits._warned.clear()
    with HostileServer(lambda request: answer(statuses.pop(0), b"{}", headers)) as server:
        hook = bearer_hook(hub_conn, server, fake_time, backoff_seconds=2)
        assert hook.request("POST", "/v2/repositories", json={}).status_code == 201
    assert len(fake_time.slept) == 1 and 1 <= fake_time.slept[0] <= 2  # the first retry's backoff, nothing more
    assert f"Ignoring the Retry-After header {value!r}" in caplog.text


def test_a_wait_within_max_wait_is_honoured(hub_conn, fake_time):
    statuses = [429, 201]
    when = formatdate(fake_time.time() + 4, usegmt=True)  # the fake clock is on a whole second
    with HostileServer(lambda request: answer(statuses.pop(0), b"{}", {"Retry-After": when})) as server:
        hook = bearer_hook(hub_conn, server, fake_time, max_wait=5)
        assert hook.request("POST", "/v2/repositories", json={}).status_code == 201
    assert fake_time.slept == [4.0]


# -- hostile shapes -----------------------------------------------------------------------------------------
EXCHANGE_ANSWERS = {
    "a list": b"[1, 2]",
    "access_token a number": b'{"access_token": 12345678901}',
    "access_token with a line break": b'{"access_token": "abc\\r\\nX-Evil: 1"}',
    "no JSON": b"<html>proxy error</html>",
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("body", EXCHANGE_ANSWERS.values(), ids=EXCHANGE_ANSWERS.keys())
def test_a_token_exchange_answer_of_the_wrong_shape_is_a_clear_auth_error(hub_conn, body):
    with HostileServer(lambda request: answer(200, body)) as server:
        hook = DockerHubHook(hub_conn("hostile", host=server.url))
        with pytest.raises(DockerHubAuthError, match=r"POST /v2/auth/token answered HTTP 200 .*expected an object "
                                                     r"with access_token") as err:
            hook.request("GET", "/v2/orgs/acme/members")
    assert SECRET not in str(err.value)


def test_the_exchanged_token_is_used_after_a_well_formed_answer(hub_conn):
    token = make_jwt()
    with HostileServer(exchange_then(token, 200)) as server:
        DockerHubHook(hub_conn("hostile", host=server.url)).request("GET", "/v2/orgs/acme/members")
    assert server.requests[-1].headers["Authorization"] == f"Bearer {token}"


# -- the webhook sink has the same deadline ---------------------------------------------------------------
def test_a_webhook_trickling_its_answer_is_cut_at_its_timeout():
    from airflow_provider_dockerhub.pipeline.sinks import Webhook
    from airflow_provider_dockerhub.transport.retry import RetryPolicy

    with HostileServer(lambda request: trickle(_trickled_answer(), 2, 0.2)) as server:
        hook = Webhook(f"{server.url}/hook", timeout=1, retry_policy=RetryPolicy(max_retries=0))
        hook.on_event({"response": None, "ok": True})
        started = time.monotonic()
        with pytest.raises(RuntimeError, match=r"POST http://127.0.0.1:\d+/\*\*\* failed: ReadTimeout"):
            hook.flush()
        assert time.monotonic() - started < 2.5


@pytest.mark.timeout(120)
def test_a_1_mb_gzip_bomb_of_1_gib_keeps_the_worker_small(tmp_path):
    # in a fresh process, so that the peak RSS is this call's: before the cap, it grew to gigabytes
    script = tmp_path / "bomb.py"
    script.write_text(f"""
import json, os, resource, sys, zlib
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from tests.hostile_server import HostileServer
deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
body = b"".join(deflate.compress(bytes(1 << 20)) for _ in range(1024)) + deflate.flush()
head = f"HTTP/1.1 200 OK\\r\\nContent-Length: {{len(body)}}\\r\\nContent-Encoding: gzip\\r\\n\\r\\n".encode()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with HostileServer(lambda request: [(head + body, 0.0)]) as server:
    os.environ["AIRFLOW_CONN_BOMB"] = json.dumps({{"conn_type": "dockerhub", "host": server.url,
        "password": "bomb-token", "extra": {{"auth_type": "bearer", "max_retries": 0}}}})
    try:
        DockerHubHook("bomb").request("GET", "/v2/orgs/acme/members")
    except Exception as exc:
        print(type(exc).__name__)
print("GROWTH_MB", (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
""")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=100).stdout
    assert "DockerHubAnswerTooLargeError" in out
    growth = float(out.split("GROWTH_MB")[1])
    assert growth < 200, f"the worker grew by {growth:.0f} MB"
