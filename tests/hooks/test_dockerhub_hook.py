"""DockerHubHook: requests, origins, headers, secrets, test_connection and the read side."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.exceptions import (
    DockerHubHTTPError,
    DockerHubRequestError,
)
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.hooks.pagination import ScimPaginator
from tests.helpers import BASE, REPOS_URL, SECRET, TOKEN_URL, make_jwt


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

def test_test_connection_reports_success_and_failure(hook, requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    requests_mock.get(REPOS_URL, json={"results": []})
    assert hook.test_connection() == (True, f"Connected to {BASE} as alice")
    requests_mock.get(REPOS_URL, status_code=403, json={"detail": "forbidden"})
    ok, message = hook.test_connection()
    assert not ok and "403" in message and "forbidden" in message

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
    assert [u["id"] for u in hook.paginate("/v2/scim/2.0/Users", page_size=2, paginator=ScimPaginator())] == ["a", "b", "c"]

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


def test_test_connection_names_the_host_and_login_not_the_connection_id(hub_conn, requests_mock):
    hook = DockerHubHook(hub_conn("hXBOkRIK"))  # the UI tests a form under a random temporary id
    requests_mock.post(TOKEN_URL, status_code=401, json={"detail": "incorrect password"})
    ok, message = hook.test_connection()
    assert not ok and "'alice'" in message and "hXBOkRIK" not in message
    bad = DockerHubHook(hub_conn("hXBOkRIK", timout=3))
    ok, message = bad.test_connection()
    assert not ok and f"{BASE} as alice" in message and "hXBOkRIK" not in message
