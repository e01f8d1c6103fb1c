from __future__ import annotations

import threading
import time
from email.utils import formatdate

import pytest
import requests

from airflow_provider_dockerhub.exceptions import (
    DockerHubAuthError,
    DockerHubConnectionError,
    DockerHubHTTPError,
    DockerHubRequestError,
)
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from tests.conftest import BASE, SECRET
from tests.helpers import make_jwt

TOKEN_URL = f"{BASE}/v2/auth/token"
REPOS_URL = f"{BASE}/v2/namespaces/alice/repositories"


@pytest.fixture
def hook(hub_conn) -> DockerHubHook:
    return DockerHubHook(hub_conn())


def test_token_exchange_sends_identifier_and_secret_and_uses_the_jwt(hook, requests_mock):
    jwt = make_jwt()
    requests_mock.post(TOKEN_URL, json={"access_token": jwt})
    requests_mock.post(REPOS_URL, status_code=201, json={"name": "r"})

    response = hook.request("POST", "v2/namespaces/alice/repositories", json={"name": "r"})

    assert response.status_code == 201
    exchange, call = requests_mock.request_history
    assert exchange.json() == {"identifier": "alice", "secret": SECRET}
    assert call.headers["Authorization"] == f"Bearer {jwt}"
    assert call.json() == {"name": "r"}


def test_token_is_cached_between_calls(hook, requests_mock):
    token = requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, status_code=201)
    for _ in range(3):
        hook.request("POST", "/v2/namespaces/alice/repositories", json={})
    assert token.call_count == 1


def test_token_refreshed_before_it_expires(hook, requests_mock):
    # A token with 1 s left is refreshed at 80 % of its life, i.e. before the second call 1 s later.
    token = requests_mock.post(TOKEN_URL, [{"json": {"access_token": make_jwt(exp_in=1.0)}},
                                           {"json": {"access_token": make_jwt(exp_in=600)}}])
    requests_mock.post(REPOS_URL, status_code=201)
    hook.request("POST", REPOS_URL, json={})
    time.sleep(0.9)
    hook.request("POST", REPOS_URL, json={})
    assert token.call_count == 2


def test_token_without_exp_assumed_valid_ten_minutes(hook, requests_mock):
    token = requests_mock.post(TOKEN_URL, json={"access_token": "opaque-token-value"})
    requests_mock.post(REPOS_URL, status_code=201)
    hook.request("POST", REPOS_URL, json={})
    hook.request("POST", REPOS_URL, json={})
    assert token.call_count == 1
    assert requests_mock.last_request.headers["Authorization"] == "Bearer opaque-token-value"


def test_401_refreshes_the_token_once_and_retries(hook, requests_mock):
    first, second = make_jwt(), make_jwt(sub="second")
    requests_mock.post(TOKEN_URL, [{"json": {"access_token": first}}, {"json": {"access_token": second}}])
    requests_mock.post(REPOS_URL, [{"status_code": 401, "json": {"detail": "expired"}}, {"status_code": 201}])

    response = hook.request("POST", REPOS_URL, json={})

    assert response.status_code == 201
    auths = [r.headers.get("Authorization") for r in requests_mock.request_history if r.url == REPOS_URL]
    assert auths == [f"Bearer {first}", f"Bearer {second}"]


def test_second_401_gives_up_with_a_clear_error(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, status_code=401, json={"detail": "token revoked"})
    with pytest.raises(DockerHubAuthError, match="401 again after a fresh token exchange: token revoked"):
        hook.request("POST", REPOS_URL, json={})


def test_wrong_credentials_error_names_identifier_but_not_secret(hook, requests_mock):
    requests_mock.post(TOKEN_URL, status_code=401, json={"detail": "incorrect username or password"})
    with pytest.raises(DockerHubAuthError) as err:
        hook.request("POST", REPOS_URL, json={})
    assert "rejected the credentials of 'alice'" in str(err.value)
    assert SECRET not in str(err.value)


def test_unreachable_host_is_a_connection_error_without_secret(hook, requests_mock):
    requests_mock.post(TOKEN_URL, exc=requests.exceptions.ConnectTimeout)
    with pytest.raises(DockerHubConnectionError, match="could not connect") as err:
        hook.request("POST", REPOS_URL, json={})
    assert SECRET not in repr(err.value) and err.value.__cause__ is None


def test_bearer_mode_sends_password_as_is(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn("scim", login=None, password="scim-token-123456", auth_type="bearer"))
    requests_mock.post(f"{BASE}/v2/scim/2.0/Users", status_code=201)
    hook.request("POST", "/v2/scim/2.0/Users", json={}, headers={"Content-Type": "application/scim+json"})
    assert requests_mock.call_count == 1
    assert requests_mock.last_request.headers["Authorization"] == "Bearer scim-token-123456"
    assert requests_mock.last_request.headers["Content-Type"] == "application/scim+json"


def test_bearer_mode_401_is_an_auth_error_without_refresh(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn("scim", password="scim-token-123456", auth_type="bearer"))
    requests_mock.post(f"{BASE}/v2/scim/2.0/Users", status_code=401)
    with pytest.raises(DockerHubAuthError, match="rejected the bearer token"):
        hook.request("POST", "/v2/scim/2.0/Users", json={})
    assert requests_mock.call_count == 1


def test_429_waits_retry_after_seconds(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": "1"}, "text": "Too Many Requests"},
                                   {"status_code": 201}])
    started = time.monotonic()
    response = hook.request("POST", REPOS_URL, json={})
    assert response.status_code == 201
    assert time.monotonic() - started >= 0.95
    assert hook.retries == 1


def test_429_waits_retry_after_http_date(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    when = formatdate(time.time() + 2, usegmt=True)  # whole seconds: waits between 1 and 2 s
    requests_mock.post(REPOS_URL, [{"status_code": 429, "headers": {"Retry-After": when}}, {"status_code": 201}])
    started = time.monotonic()
    assert hook.request("POST", REPOS_URL, json={}).status_code == 201
    assert 0.9 <= time.monotonic() - started <= 3


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


@pytest.mark.parametrize("endpoint", ["https://evil.test/v2/x", "//evil.test/v2/x", "http://hub.example.test/v2/x",
                                      "https://hub.example.test:8443/v2/x"])
def test_foreign_absolute_url_refused_before_anything_is_sent(hook, requests_mock, endpoint):
    with pytest.raises(DockerHubRequestError, match="refusing"):
        hook.request("POST", endpoint, json={})
    assert requests_mock.call_count == 0


def test_same_origin_absolute_url_allowed(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, status_code=201)
    assert hook.request("POST", "https://HUB.example.test/v2/namespaces/alice/repositories").status_code == 201


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer x"}, {"authorization ": "x"}, {"X-A": "1\r\nX-B: 2"}])
def test_forbidden_headers_refused(hook, requests_mock, headers):
    with pytest.raises(DockerHubRequestError):
        hook.request("POST", REPOS_URL, json={}, headers=headers)
    assert requests_mock.call_count == 0


def test_secrets_never_logged(hook, requests_mock, log_text):
    jwt = make_jwt()
    requests_mock.post(TOKEN_URL, json={"access_token": jwt})
    requests_mock.post(REPOS_URL, [{"status_code": 503, "headers": {"Retry-After": "0"}},
                                   {"status_code": 429, "headers": {"Retry-After": "0"}},
                                   {"status_code": 401}, {"status_code": 201}])
    hook.request("POST", REPOS_URL, json={})
    logs = log_text()
    assert "Retrying POST" in logs and "HTTP 503" in logs and "HTTP 429" in logs
    assert SECRET not in logs and jwt not in logs


def test_settings_repr_hides_secret(hook):
    assert SECRET not in repr(hook.settings)


def test_one_token_exchange_for_many_threads(hook, requests_mock):
    def slow_token(request, context):
        time.sleep(0.2)
        return {"access_token": make_jwt()}

    token = requests_mock.post(TOKEN_URL, json=slow_token)
    requests_mock.post(REPOS_URL, status_code=201)
    statuses: list[int] = []
    threads = [threading.Thread(target=lambda: statuses.append(hook.request("POST", REPOS_URL).status_code))
               for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [201] * 16
    assert token.call_count == 1


def test_rate_limiter_waits_for_reset_when_remaining_is_zero(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    reset = time.time() + 1.0
    requests_mock.post(REPOS_URL, status_code=201,
                       headers={"X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)})
    hook.request("POST", REPOS_URL)
    hook.request("POST", REPOS_URL)
    assert time.time() >= reset
    assert hook.retries == 0


def test_requests_per_second_cap(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn(max_requests_per_second=20))
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, status_code=201)
    started = time.monotonic()
    for _ in range(11):
        hook.request("POST", REPOS_URL)
    assert time.monotonic() - started >= 0.45  # 10 intervals of 50 ms


def test_unknown_extra_is_a_clear_error(hub_conn):
    hook = DockerHubHook(hub_conn(timout=5))
    with pytest.raises(ValueError, match="unknown extra field.*timout"):
        _ = hook.settings


def test_test_connection_reports_success_and_failure(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.get(REPOS_URL, json={"results": []})
    assert hook.test_connection() == (True, f"Connected to {BASE} as alice")
    requests_mock.get(REPOS_URL, status_code=403, json={"detail": "forbidden"})
    ok, message = hook.test_connection()
    assert not ok and "403" in message and "forbidden" in message


def test_host_without_scheme_and_default_host(hub_conn):
    assert DockerHubHook(hub_conn("a", host="hub.docker.com")).settings.base_url == "https://hub.docker.com"
    assert DockerHubHook(hub_conn("b", host=None)).settings.base_url == "https://hub.docker.com"


def test_environment_proxies_are_resolved_once_for_the_hub_origin(hub_conn, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = DockerHubHook(hub_conn()).session
    assert session.proxies.get("https") == "http://proxy.internal:3128"
    assert session.trust_env is False  # not looked up again on every request
    monkeypatch.setenv("NO_PROXY", "hub.example.test")
    assert "https" not in DockerHubHook(hub_conn("other")).session.proxies


def test_connection_extra_proxies_win_over_the_environment(hub_conn, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://env-proxy:3128")
    hook = DockerHubHook(hub_conn(proxies='{"https": "http://extra-proxy:8080"}'))
    assert hook.session.proxies["https"] == "http://extra-proxy:8080"


def test_password_and_every_jwt_are_registered_with_the_secrets_masker(hook, requests_mock, monkeypatch):
    from airflow_provider_dockerhub.hooks import auth, dockerhub

    masked: list[str] = []
    monkeypatch.setattr(dockerhub, "mask_secret", masked.append)
    monkeypatch.setattr(auth, "mask_secret", masked.append)
    first, second = make_jwt(), make_jwt(sub="refreshed")
    requests_mock.post(TOKEN_URL, [{"json": {"access_token": first}}, {"json": {"access_token": second}}])
    requests_mock.post(REPOS_URL, [{"status_code": 401}, {"status_code": 201}])
    hook.request("POST", REPOS_URL)
    assert SECRET in masked and first in masked and second in masked


def test_paginate_follows_next_across_pages(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    first = requests_mock.get(f"{BASE}/v2/access-tokens?page_size=100",
                              json={"results": [1, 2], "next": "?page=2&page_size=100"}, complete_qs=True)
    second = requests_mock.get(f"{BASE}/v2/access-tokens?page=2&page_size=100",
                               json={"results": [3], "next": f"{BASE}/v2/access-tokens?page=3&page_size=100"},
                               complete_qs=True)
    requests_mock.get(f"{BASE}/v2/access-tokens?page=3&page_size=100", json={"results": [4], "next": None},
                      complete_qs=True)
    assert list(hook.paginate("/v2/access-tokens")) == [1, 2, 3, 4]
    assert first.call_count == second.call_count == 1


def test_paginate_scim_start_index_and_count(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    pages = {None: [{"id": "a"}, {"id": "b"}], "3": [{"id": "c"}]}

    def users(request, context):
        start = request.qs.get("startindex", [None])[0]
        assert request.qs["count"] == ["2"]
        return {"totalResults": 3, "startIndex": int(start or 1), "itemsPerPage": 2, "Resources": pages[start]}

    requests_mock.get(f"{BASE}/v2/scim/2.0/Users", json=users)
    assert [u["id"] for u in hook.paginate("/v2/scim/2.0/Users", page_size=2)] == ["a", "b", "c"]


def test_paginate_refuses_a_next_link_to_another_origin(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.get(f"{BASE}/v2/access-tokens", json={"results": [1], "next": "https://evil.test/steal"})
    with pytest.raises(DockerHubRequestError, match="only https://hub.example.test receives the Docker Hub token"):
        list(hook.paginate("/v2/access-tokens"))


def test_get_json_raises_a_typed_error_on_non_2xx(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.get(f"{BASE}/v2/orgs/acme/members", status_code=403, json={"detail": "not an owner"})
    with pytest.raises(DockerHubHTTPError, match="HTTP 403: not an owner") as err:
        hook.get_json("/v2/orgs/acme/members")
    assert err.value.status == 403
