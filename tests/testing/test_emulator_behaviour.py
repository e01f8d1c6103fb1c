"""Emulator behaviour: auth expiry, permissions, rate limits, faults, state, recording, CLI, shutdown."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import requests

from airflow_provider_dockerhub.testing.clock import FakeClock
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from tests.testing.world import PASSWORD, SCIM_TOKEN, seed


@pytest.fixture
def world():
    with DockerHubEmulator() as hub:
        yield seed(hub)


def test_jwt_expires_after_its_lifetime():
    clock = FakeClock()
    with DockerHubEmulator(token_lifetime=600, clock=clock) as hub:
        world = seed(hub)
        token = world.token()
        assert world.call("GET", "/v2/namespaces/acme/repositories", token=token).status_code == 200
        clock.advance(599.9)
        assert world.call("GET", "/v2/namespaces/acme/repositories", token=token).status_code == 200
        clock.advance(0.1)
        expired = world.call("GET", "/v2/namespaces/acme/repositories", token=token)
        assert expired.status_code == 401
        assert set(expired.json()) == {"errinfo", "detail", "message"} and "expired" in expired.json()["detail"]


def test_unknown_token_and_wrong_secret_are_401(world):
    assert world.call("GET", "/v2/access-tokens", token="not-a-token").status_code == 401
    wrong = requests.post(f"{world.hub.url}/v2/auth/token", json={"identifier": "alice", "secret": "nope"}, timeout=5)
    assert wrong.status_code == 401


def test_pat_oat_and_password_logins(world):
    assert world.token("alice", world.pat_token)
    assert world.token("acme", world.oat_token)
    pat_token = world.token("alice", world.pat_token)
    # Docker Hub refuses to manage PATs with a PAT-derived token.
    refused = world.call("POST", "/v2/access-tokens", {"token_label": "x", "scopes": ["repo:read"]}, token=pat_token)
    assert refused.status_code == 403 and "personal access token" in refused.json()["detail"]


def test_read_only_pat_cannot_create_repositories(world):
    token = world.token("alice", world.pat_token)
    response = world.call("POST", "/v2/namespaces/acme/repositories", {"name": "x1", "namespace": "acme"}, token=token)
    assert response.status_code == 403 and "repo:admin" in response.json()["detail"]  # catalogue row C7


def test_non_owner_cannot_invite_and_unknown_org_is_404(world):
    bob = world.token("bob", "bob-password-1")
    denied = world.call("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["x@example.com"]}, token=bob)
    assert denied.status_code == 403
    assert world.call("POST", "/v2/orgs/nope/groups", {"name": "g"}).status_code == 404


def test_a_taken_group_name_is_a_400_as_the_document_says(world):  # catalogue rows T3, E2
    for method, path in (("POST", "/v2/orgs/acme/groups"), ("PATCH", "/v2/orgs/acme/groups/ops")):
        world.call("POST", "/v2/orgs/acme/groups", {"name": "ops"})
        response = world.call(method, path, {"name": "devs"})
        assert response.status_code == 400 and "already taken" in response.json()["message"], (method, response.text)


def test_repository_name_rules_from_the_document_answered_as_field_errors(world):  # catalogue rows N3, E4
    response = world.call("POST", "/v2/namespaces/acme/repositories", {"name": "Bad Name", "namespace": "acme"})
    assert response.status_code == 400
    assert response.json()["message"] == "httperror 400: request had 1 validation error"
    assert list(response.json()["errinfo"]["fielderrors"]) == ["name"]


def test_state_is_consistent_across_endpoints(world):
    token = world.token()
    assert world.call("POST", "/v2/namespaces/acme/repositories", {"name": "api", "namespace": "acme"},
                      token=token).status_code == 201
    names = [r["name"] for r in world.call("GET", "/v2/namespaces/acme/repositories", token=token).json()["results"]]
    assert names == ["api", "web"]

    assert world.call("POST", "/v2/orgs/acme/groups/devs/members", {"member": "carol"}, token=token).status_code == 200
    members = world.call("GET", "/v2/orgs/acme/groups/devs/members", token=token).json()["results"]
    assert [m["username"] for m in members] == ["bob", "carol"]

    assert world.call("DELETE", "/v2/orgs/acme/members/bob", token=token).status_code == 204
    assert world.hub.state.orgs["acme"].groups["devs"].members == ["carol"]

    invited = world.call("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["zed@example.com"]}, token=token)
    assert invited.json()["invitees"][0]["status"] == "invited"  # flat, as live (M6)
    pending = world.call("GET", "/v2/orgs/acme/invites", token=token).json()["data"]
    assert {i["invitee"] for i in pending} == {"dave@example.com", "zed@example.com"}


def test_deactivated_pat_can_no_longer_log_in(world):
    assert world.call("PATCH", f"/v2/access-tokens/{world.pat_uuid}", {"is_active": False}).status_code == 200
    response = requests.post(f"{world.hub.url}/v2/auth/token",
                             json={"identifier": "alice", "secret": world.pat_token}, timeout=5)
    assert response.status_code == 401


def test_secrets_lists_every_secret_the_hub_knew_deleted_tokens_included(world):
    """What log scans (make e2e, users' own tests) look for: nothing handed out may be missing."""
    jwt = world.token()
    created_pat = world.call("POST", "/v2/access-tokens", {"token_label": "ci", "scopes": ["repo:read"]}, token=jwt).json()
    assert world.call("DELETE", f"/v2/access-tokens/{created_pat['uuid']}", token=jwt).status_code == 204
    created_oat = world.call("POST", "/v2/orgs/acme/access-tokens", {"label": "bot", "resources": []}, token=jwt).json()
    known = world.hub.state.secrets()
    assert {PASSWORD, "bob-password-1", world.pat_token, world.oat_token, SCIM_TOKEN, jwt,
            created_pat["token"], created_oat["token"]} <= known
    assert created_pat["uuid"] not in known and "alice" not in known


def test_writes_lists_the_calls_that_changed_something(world):
    token = world.token()
    world.call("GET", "/v2/namespaces/acme/repositories", token=token)
    world.call("POST", "/v2/namespaces/acme/repositories", {"name": "api", "namespace": "acme"}, token=token)
    assert world.hub.writes() == ["POST /v2/namespaces/acme/repositories"]  # no read, no token exchange
    assert world.hub.writes(since=len(world.hub.requests)) == []


def test_bulk_invite_dry_run_changes_nothing(world):
    response = world.call("POST", "/v2/invites/bulk", {"org": "acme", "invitees": ["q@example.com"], "dry_run": True})
    assert response.status_code == 202
    assert [i.invitee for i in world.hub.state.invites.values()] == ["dave@example.com"]


def test_scim_needs_the_scim_token(world):
    response = world.call("GET", "/v2/scim/2.0/Users")
    assert response.status_code == 401 and response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert world.call("GET", "/v2/scim/2.0/Users", scim=True).json()["totalResults"] == 1


def test_rate_limit_headers_and_429_with_retry_after():
    clock = FakeClock(start=1_000_000.5)  # half a second into a 2-second window
    with DockerHubEmulator(rate_limit=3, rate_window=2.0, clock=clock) as hub:
        hub.add_user("u", password="pw-pw-pw")
        url = f"{hub.url}/v2/auth/token"
        body = {"identifier": "u", "secret": "pw-pw-pw"}
        answers = [requests.post(url, json=body, timeout=5) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert [a.headers["X-RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
        assert answers[0].headers["X-RateLimit-Limit"] == "3"
        assert answers[0].headers["X-RateLimit-Reset"] == "1000002"  # the window's end, aligned to 2 s
        assert answers[3].headers["Retry-After"] == "2"  # 1.5 s to the reset, rounded up
        assert answers[3].json()["detail"] == "Rate limit exceeded"
        clock.advance(1.4)
        assert requests.post(url, json=body, timeout=5).status_code == 429  # still the same window
        clock.advance(0.1)
        renewed = requests.post(url, json=body, timeout=5)
        assert renewed.status_code == 200 and renewed.headers["X-RateLimit-Remaining"] == "2"
        assert renewed.headers["X-RateLimit-Reset"] == "1000004"


def test_plain_text_429_like_the_anti_abuse_layer():  # catalogue row L3
    with DockerHubEmulator(rate_limit=0, plain_text_429=True) as hub:
        response = requests.post(f"{hub.url}/v2/auth/token", json={}, timeout=5)
        assert response.status_code == 429 and response.text.startswith("Too Many Requests")
        assert response.headers["Content-Type"].startswith("text/plain")


def test_every_nth_fault_is_deterministic(world):
    world.hub.add_fault(status=503, every=2, path="/repositories$")
    token = world.token()
    statuses = [world.call("GET", "/v2/namespaces/acme/repositories", token=token).status_code for _ in range(4)]
    assert statuses == [200, 503, 200, 503]


def test_random_faults_repeat_under_the_same_seed():
    def run(seed_value: int) -> list[int]:
        with DockerHubEmulator(seed=seed_value) as hub:
            hub.add_fault(status=500, rate=0.5)
            return [requests.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=5).status_code for _ in range(12)]

    first = run(7)
    assert first == run(7)
    assert 500 in first and 401 in first


def test_fault_after_write_applies_the_write(world):
    token = world.token()
    world.hub.add_fault(status=502, after_write=True, method="POST", times=1)
    response = world.call("POST", "/v2/orgs/acme/groups", {"name": "ops"}, token=token)
    assert response.status_code == 502
    assert "ops" in world.hub.state.orgs["acme"].groups


def test_dropped_connection_and_delay(world):
    world.hub.add_fault(drop=True, method="GET", times=1)
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{world.hub.url}/v2/namespaces/acme/repositories", timeout=5)
    world.hub.add_fault(delay=0.3, method="GET", times=1)
    started = time.monotonic()
    requests.get(f"{world.hub.url}/v2/namespaces/acme/repositories", timeout=5)
    assert time.monotonic() - started >= 0.3


def test_requests_are_recorded_with_the_token_hidden(world):
    token = world.token()
    world.call("POST", "/v2/orgs/acme/groups", {"name": "ops"}, token=token)
    last = world.hub.requests[-1]
    assert (last.method, last.path, last.body, last.status, last.principal) == (
        "POST", "/v2/orgs/acme/groups", {"name": "ops"}, 201, "alice")
    assert last.headers["Authorization"] == "Bearer ***"
    assert all(token not in str(r) and PASSWORD not in str(r.headers) for r in world.hub.requests)


def test_stop_is_quick_even_with_open_keep_alive_connections():
    hub = DockerHubEmulator().start()
    session = requests.Session()
    session.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=5)
    started = time.monotonic()
    hub.stop()
    assert time.monotonic() - started < 2
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{hub.url}/v2/namespaces/x/repositories", timeout=2)


def test_command_line_emulator_serves_seeded_accounts():
    proc = subprocess.Popen(
        [sys.executable, "-m", "airflow_provider_dockerhub.testing", "--port", "0",
         "--account", "demo:dckr_pat_demo_token", "--account", "alice:my-password", "--org", "acme:alice,demo",
         "--org-token", "acme:dckr_oat_acme_token", "--scim-token", "acme:scim-token", "--rate-limit", "180/60",
         "--examples"],
        stdout=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().split("listening on ")[1].split()[0]
        assert proc.stdout.readline().startswith("export AIRFLOW_CONN_DOCKERHUB_DEFAULT=")
        for identifier, secret in (("demo", "dckr_pat_demo_token"), ("alice", "my-password"),
                                   ("acme", "dckr_oat_acme_token")):
            response = requests.post(f"{url}/v2/auth/token", json={"identifier": identifier, "secret": secret}, timeout=5)
            assert response.status_code == 200 and response.json()["access_token"].count(".") == 2
        assert response.headers["X-RateLimit-Limit"] == "180"
        scim = requests.get(f"{url}/v2/scim/2.0/Users", headers={"Authorization": "Bearer scim-token"}, timeout=5)
        assert scim.status_code == 200
        token = requests.post(f"{url}/v2/auth/token", json={"identifier": "alice", "secret": "my-password"},
                              timeout=5).json()["access_token"]
        groups = requests.get(f"{url}/v2/orgs/acme/groups", headers={"Authorization": f"Bearer {token}"}, timeout=5)
        assert {g["name"] for g in groups.json()["results"]} == {"frontend", "backend"}  # --examples seeded acme
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_shipped_pytest_fixture(dockerhub_emulator):
    dockerhub_emulator.add_user("fixture-user", password="pw-fixture")
    response = requests.post(f"{dockerhub_emulator.url}/v2/auth/token",
                             json={"identifier": "fixture-user", "secret": "pw-fixture"}, timeout=5)
    assert response.status_code == 200


def test_the_command_line_says_in_one_line_when_its_port_is_taken():
    with DockerHubEmulator() as busy:
        proc = subprocess.run([sys.executable, "-m", "airflow_provider_dockerhub.testing.emulator", "--port",
                               str(busy.port)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"cannot listen on 127.0.0.1:{busy.port}: Address already in use (is something else using the port? "
        f"pick another with --port)"]


@pytest.mark.timeout(60)
def test_many_clients_connecting_at_once_are_all_answered():
    # 128 fresh connections at the same moment: a listen backlog of 5 resets some of them
    import socket
    import threading

    with DockerHubEmulator() as hub:
        port = int(hub.url.rsplit(":", 1)[1])
        start, errors, answers = threading.Barrier(128), [], []

        def client() -> None:
            start.wait()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
                    conn.sendall(b"GET /v2/orgs/nobody HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    answers.append(conn.recv(12))
            except OSError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=client) for _ in range(128)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(40)
    assert not errors and len(answers) == 128 and all(a.startswith(b"HTTP/1.") for a in answers)


def test_an_unexpected_error_in_a_route_is_a_500_answer_not_a_dropped_connection(dockerhub_emulator):
    hub = dockerhub_emulator
    hub.add_user("alice", password=PASSWORD)
    hub.add_org("acme", owners=["alice"])
    hub.add_group("acme", "ops", ["ghost"])  # a member the seed never made a user
    token = requests.post(f"{hub.url}/v2/auth/token", json={"identifier": "alice", "secret": PASSWORD},
                          timeout=5).json()["access_token"]
    answer = requests.get(f"{hub.url}/v2/orgs/acme/groups/ops/members", headers={"Authorization": f"Bearer {token}"},
                          timeout=5)
    assert answer.status_code == 500 and "emulator error: KeyError" in answer.json()["detail"]
