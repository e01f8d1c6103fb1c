"""Token exchange, refresh and bearer tokens (hooks/auth.py, through the hook)."""

from __future__ import annotations

import threading

import pytest

from airflow_provider_dockerhub.exceptions import (
    DockerHubAuthError,
)
from airflow_provider_dockerhub.hooks.auth import ExchangedToken
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from tests.helpers import BASE, REPOS_URL, SECRET, TOKEN_URL, make_jwt


def test_token_is_cached_between_calls(hook, requests_mock):
    token = requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.post(REPOS_URL, status_code=201)
    for _ in range(3):
        hook.request("POST", "/v2/namespaces/alice/repositories", json={})
    assert token.call_count == 1

def test_token_refreshed_before_it_expires():
    now = [1000.0]
    tokens = iter([make_jwt(exp_in=0, exp=1600.0), make_jwt(exp=5000.0)])
    exchanged: list[str] = []

    def exchange() -> str:
        exchanged.append(next(tokens))
        return exchanged[-1]

    source = ExchangedToken(exchange, clock=lambda: now[0])
    first = source.token()
    now[0] = 1530.0  # 70 s before expiry: still outside the 60 s margin
    assert source.token() == first and len(exchanged) == 1
    now[0] = 1545.0  # inside the margin: refreshed before it expires
    assert source.token() != first and len(exchanged) == 2


def test_a_failed_exchange_is_remembered_for_the_backoff():
    now, attempts = [0.0], []

    def exchange() -> str:
        attempts.append(now[0])
        raise DockerHubAuthError("rejected")

    source = ExchangedToken(exchange, failure_backoff=60, clock=lambda: now[0])
    for at in (0.0, 1.0, 59.0):
        now[0] = at
        with pytest.raises(DockerHubAuthError, match="rejected"):
            source.token()
    assert attempts == [0.0]
    now[0] = 61.0
    with pytest.raises(DockerHubAuthError):
        source.token()
    assert attempts == [0.0, 61.0]


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

def test_one_token_exchange_for_many_threads(hook, requests_mock):
    callers, all_calling = [], threading.Event()

    def slow_token(request, context):  # answers only once every thread is on its way: they overlap
        assert all_calling.wait(10)
        return {"access_token": make_jwt()}

    def call() -> None:
        callers.append(threading.get_ident())
        if len(callers) == 16:
            all_calling.set()
        statuses.append(hook.request("POST", REPOS_URL).status_code)

    token = requests_mock.post(TOKEN_URL, json=slow_token)
    requests_mock.post(REPOS_URL, status_code=201)
    statuses: list[int] = []
    threads = [threading.Thread(target=call) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [201] * 16
    assert token.call_count == 1

def test_password_and_every_jwt_are_registered_with_the_secrets_masker(hook, requests_mock):
    from airflow.sdk._shared.secrets_masker import redact

    first, second = make_jwt(), make_jwt(sub="refreshed")
    requests_mock.post(TOKEN_URL, [{"json": {"access_token": first}}, {"json": {"access_token": second}}])
    requests_mock.post(REPOS_URL, [{"status_code": 401}, {"status_code": 201}])
    hook.request("POST", REPOS_URL)
    for secret in (SECRET, first, second):
        assert redact(f"a log line with {secret} in it") == "a log line with *** in it"


@pytest.mark.parametrize(("claims", "lifetime"), [({"iat": 400.0}, 600.0), ({"iat": 700.0}, 300.0), ({}, 600.0)])
def test_a_token_already_expired_by_a_clock_running_ahead_is_exchanged_once_per_expiry(claims, lifetime, caplog):
    # the worker's clock is 2000 s ahead: every token arrives with its exp in the past
    now, exchanged = [3000.0], []

    def exchange() -> str:
        exchanged.append(make_jwt(exp=1000.0, **claims))
        return exchanged[-1]

    source = ExchangedToken(exchange, clock=lambda: now[0])
    for step in range(100):  # one call a second for 100 s
        now[0] = 3000.0 + step
        source.token()
    assert len(exchanged) == 1
    assert "expired 2000 s ago by this worker's clock" in caplog.text
    now[0] = 3000.0 + lifetime  # past its whole lifetime: exchanged again, once
    source.token()
    source.token()
    assert len(exchanged) == 2
