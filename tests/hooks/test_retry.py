"""When calls are retried, and when writes are not repeated (transport/retry.py, through the hook)."""

from __future__ import annotations

from email.utils import formatdate

import pytest
import requests

from airflow_provider_dockerhub.exceptions import (
    DockerHubConnectionError,
)
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.hooks.ratelimit import RESET_MARGIN
from airflow_provider_dockerhub.transport.retry import retry_after_seconds
from tests.helpers import BASE, REPOS_URL, SECRET, TOKEN_URL, make_jwt


def test_unreachable_host_is_a_connection_error_without_secret(hook, requests_mock):
    requests_mock.post(TOKEN_URL, exc=requests.exceptions.ConnectTimeout)
    with pytest.raises(DockerHubConnectionError, match="could not connect") as err:
        hook.request("POST", REPOS_URL, json={})
    assert SECRET not in repr(err.value) and err.value.__cause__ is None

def test_429_waits_retry_after_seconds(hook, requests_mock, fake_time):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": "1"}, "text": "Too Many Requests"},
                                   {"status_code": 201}])
    response = hook.request("POST", REPOS_URL, json={})
    assert response.status_code == 201
    assert fake_time.slept == [1.0]  # the retry waited out the 429, and the limiter's pause ended with it
    assert hook.retries == 1

def test_429_waits_retry_after_http_date(hook, requests_mock, fake_time):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    when = formatdate(fake_time.time() + 2, usegmt=True)  # the fake clock is on a whole second
    requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": when}}, {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert fake_time.slept == [2.0]

def test_retry_backoff_is_spent_on_the_injected_sleep(hub_conn, requests_mock, fake_time):
    hook = DockerHubHook(hub_conn(max_retries=3, backoff_seconds=4), clock=fake_time.time, sleep=fake_time.sleep)
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.put(REPOS_URL, [{"status_code": 503}, {"status_code": 502}, {"status_code": 504},
                                  {"status_code": 201}])
    assert hook.request("PUT", REPOS_URL, json={}).status_code == 201
    # exponential backoff with full jitter: retry n waits between half and all of 4 * 2 ** (n - 1) seconds
    ceilings = [4, 8, 16]
    assert all(ceiling / 2 <= slept <= ceiling for slept, ceiling in zip(fake_time.slept, ceilings, strict=True))

def test_an_epoch_retry_after_is_read_on_the_injected_clock(hook, requests_mock, fake_time):
    """Catalogue row L2: the instant names the end of the wait on the hook's clock, not the machine's."""
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    ends = str(int(fake_time.time()) + 5)
    requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": ends}}, {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert fake_time.slept == [5.0]

def test_retries_5xx_of_idempotent_calls_then_returns_last_response(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn(max_retries=2))
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.put(REPOS_URL, status_code=503)
    assert hook.request("PUT", REPOS_URL, json={}).status_code == 503
    assert calls.call_count == 3 and hook.retries == 2

@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_write_answered_5xx_is_not_repeated(hook, requests_mock, status):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    for method in ("POST", "PATCH"):
        calls = requests_mock.register_uri(method, REPOS_URL, status_code=status)
        assert hook.request(method, REPOS_URL, json={}).status_code == status
        assert calls.call_count == 1

def test_a_write_refused_by_the_limiter_is_repeated(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": "0"}},
                                           {"status_code": 503, "headers": {"Retry-After": "0"}},
                                           {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert calls.call_count == 3

def test_retry_non_idempotent_opts_in_to_repeating_writes(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn(retry_non_idempotent=True))
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, [{"status_code": 502}, {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert calls.call_count == 2

def test_4xx_is_not_retried(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, status_code=409, json={"message": "exists"})
    assert hook.request("POST", REPOS_URL, json={}).status_code == 409
    assert calls.call_count == 1

def test_post_not_retried_after_read_timeout(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, exc=requests.exceptions.ReadTimeout)
    with pytest.raises(DockerHubConnectionError, match="ReadTimeout"):
        hook.request("POST", REPOS_URL, json={})
    assert calls.call_count == 1

def test_post_retried_after_read_timeout_when_caller_opts_in(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, [{"exc": requests.exceptions.ReadTimeout}, {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}, retry_non_idempotent=True).status_code == 201
    assert calls.call_count == 2

def test_delete_retried_after_read_timeout(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    url = f"{BASE}/v2/access-tokens/abc"
    calls = requests_mock.delete(url, [{"exc": requests.exceptions.ReadTimeout}, {"status_code": 204}])
    assert hook.request("DELETE", url).status_code == 204
    assert calls.call_count == 2

def test_connect_timeout_retried_even_for_post(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    calls = requests_mock.post(REPOS_URL, [{"exc": requests.exceptions.ConnectTimeout}, {"status_code": 201}])
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert calls.call_count == 2


NOW = 1_746_136_930.0  # an instant as live headers name them


@pytest.mark.parametrize(("headers", "wait"), [
    ({"Retry-After": "5"}, 5.0),
    ({"X-RateLimit-Reset": str(NOW + 4.5)}, 4.5),
    # Retry-After rounds the reset up: the reset it names is waited for (plus a margin), not the rounding
    ({"Retry-After": "5", "X-RateLimit-Reset": str(NOW + 4.5)}, 4.5 + RESET_MARGIN),
    # the clocks disagree (the reset is not within Retry-After's rounding): Retry-After alone counts
    ({"Retry-After": "5", "X-RateLimit-Reset": str(NOW + 1)}, 5.0),
    ({"Retry-After": "5", "X-RateLimit-Reset": str(NOW + 30)}, 5.0),
    ({"Retry-After": "soon", "X-RateLimit-Reset": str(NOW + 2)}, 2.0),
    # catalogue row L2: the live service sends the epoch second the wait ends in Retry-After
    ({"Retry-After": "1746136938", "X-RateLimit-Reset": "1746136938"}, 8.0),
    ({"Retry-After": "1746136938"}, 8.0),
    ({"Retry-After": "1746136900"}, 0.0),  # an instant already past: no wait
    ({"X-Retry-After": "1746136940"}, 10.0),
    # X-RateLimit-Reset as seconds from now or as an HTTP date
    ({"X-RateLimit-Reset": "12"}, 12.0),
    ({"X-RateLimit-Reset": "Thu, 01 May 2025 22:02:40 GMT"}, 1746136960 - NOW),
    # a hostile or broken server cannot pause every caller forever
    ({"Retry-After": "inf", "X-RateLimit-Reset": str(NOW + 2)}, 2.0),
    ({"Retry-After": "nan"}, None),
    ({"X-RateLimit-Reset": "inf"}, None),
    ({}, None),
])
def test_the_wait_a_429_announces(headers, wait):
    assert retry_after_seconds(headers, now=NOW) == (pytest.approx(wait) if wait is not None else None)
