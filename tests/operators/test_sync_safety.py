"""The sync on a real organization (the emulator): it never removes or revokes what it should keep."""

from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.exceptions import DockerHubHTTPError
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator
from airflow_provider_dockerhub.sync.guard import DeleteGuardError

pytestmark = pytest.mark.timeout(60)


def sync(run_op, **kwargs):
    return run_op(DockerHubSyncOperator(task_id="sync", **kwargs))[0]


def labels(hub):
    return sorted(p.token_label for p in hub.state.pats.values())


def tokens(*names, **extra):
    return [{"token_label": name, "scopes": ["repo:read"], **extra} for name in names]


def test_a_rejected_token_record_protects_its_token(hub, run_op):
    hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci-read")
    hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci-write")
    hub.clear_requests()
    with pytest.raises(AirflowException, match="1 were rejected"):
        sync(run_op, resource="access_tokens", mode="mirror",
             records=[{"token_label": "ci-read"}, *tokens("ci-write")])  # ci-read lacks scopes
    assert labels(hub) == ["ci-read", "ci-write"] and hub.writes() == []


def test_org_members_named_by_email_or_in_the_lists_own_casing_are_kept(hub, run_op):
    desired = [{"org": "acme", "username": "alice", "role": "owner"}, {"org": "acme", "username": "bob", "role": "Member"},
               {"org": "acme", "email": "carol@example.com"}]
    hub.clear_requests()
    result = sync(run_op, resource="org_members", mode="mirror", records=desired)
    assert (result["unchanged"], result["created"], result["deleted"]) == (3, 0, 0)
    assert hub.writes() == [] and hub.state.orgs["acme"].members == {"alice": "owner", "bob": "member",
                                                                     "carol": "member"}


def test_a_member_whose_record_is_invalid_is_not_removed(hub, run_op):
    with pytest.raises(AirflowException, match="1 were rejected"):
        sync(run_op, resource="org_members", mode="mirror",
             records=[{"org": "acme", "username": "bob", "role": "x" * 101}, {"org": "acme", "username": "carol"}])
    assert "bob" in hub.state.orgs["acme"].members and hub.writes() == []


def test_create_mode_never_revokes_even_with_a_new_response_file(hub, run_op, tmp_path):
    names = [f"t{n}" for n in range(10)]
    for name in names:
        hub.add_personal_access_token("alice", scopes=["repo:read"], label=name)
    hub.clear_requests()
    result = sync(run_op, resource="access_tokens", mode="create", max_deletes=0, records=tokens(*names),
                  response_path=str(tmp_path / "2026-12-02.jsonl"))
    assert (result["unchanged"], result["revoked"], result["calls"]) == (10, 0, 0) and hub.writes() == []


def test_upsert_recaptures_secrets_only_within_the_guard_and_shows_it_in_a_dry_run(hub, run_op, tmp_path):
    names = [f"t{n}" for n in range(3)]
    for name in names:
        hub.add_personal_access_token("alice", scopes=["repo:read"], label=name)
    hub.clear_requests()
    responses = str(tmp_path / "new.jsonl")
    plan = sync(run_op, resource="access_tokens", records=tokens(*names), response_path=responses, max_deletes=2,
                dry_run=True)
    assert plan["revoked"] == 3 and "destroys 3 access_tokens (3 revoke), more than max_deletes (2)" in plan["guard"]
    assert any(line.startswith("  revoke access_tokens t0") for line in plan["plan"])
    with pytest.raises(DeleteGuardError, match="3 revoke"):
        sync(run_op, resource="access_tokens", records=tokens(*names), response_path=responses, max_deletes=2)
    assert hub.writes() == []
    done = sync(run_op, resource="access_tokens", records=tokens(*names), response_path=responses, max_deletes=3)
    assert (done["revoked"], done["created"]) == (3, 3) and labels(hub) == names


def test_a_token_wanted_inactive_is_deactivated_not_recreated(hub, run_op, tmp_path):
    old = hub.add_personal_access_token("alice", scopes=["repo:read"], label="old")
    sync(run_op, resource="access_tokens", records=tokens("old", is_active=False),
         response_path=str(tmp_path / "r.jsonl"))
    assert [(p.uuid, p.is_active) for p in hub.state.pats.values()] == [(old.uuid, False)]


def test_a_secret_of_a_deleted_token_does_not_count_for_its_successor(hub, run_op, tmp_path):
    responses = tmp_path / "r.jsonl"
    sync(run_op, resource="access_tokens", records=tokens("ci"), response_path=str(responses))
    [first] = hub.state.pats.values()
    del hub.state.pats[first.uuid]  # deleted elsewhere, and made again elsewhere
    hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci")
    result = sync(run_op, resource="access_tokens", records=tokens("ci"), response_path=str(responses))
    assert (result["revoked"], result["created"]) == (1, 1)
    [current] = hub.state.pats.values()
    held = {(json.loads(line)["response"] or {}).get("token") for line in responses.read_text().splitlines()}
    assert current.token in held


def test_mirror_reduces_server_side_duplicates_and_keeps_the_held_secret(hub, run_op, tmp_path):
    responses = tmp_path / "r.jsonl"
    names = [f"ci-{n}" for n in range(20)]
    sync(run_op, resource="access_tokens", records=tokens(*names), response_path=str(responses))
    for name in names:  # an overlapping run made each again
        hub.add_personal_access_token("alice", scopes=["repo:read"], label=name)
    assert len(hub.state.pats) == 40
    result = sync(run_op, resource="access_tokens", mode="mirror", records=tokens(*names),
                  response_path=str(responses), max_deletes=20)
    assert (result["deleted"], result["revoked"], result["unchanged"]) == (20, 0, 20)
    assert result["planned"] == {"delete": 20, "unchanged": 20}
    held = {(json.loads(line)["response"] or {}).get("token") for line in responses.read_text().splitlines()}
    assert labels(hub) == sorted(names) and all(p.token in held for p in hub.state.pats.values())
    hub.clear_requests()
    sync(run_op, resource="access_tokens", mode="mirror", records=tokens(*names), response_path=str(responses))
    assert hub.writes() == []


def test_case_variants_are_one_identity_and_mirror_keeps_one(hub, run_op):
    hub.add_group("acme", "Devs")  # beside the fixture's "devs"
    hub.add_group("acme", "Frontend")
    hub.clear_requests()
    result = sync(run_op, resource="groups", mode="mirror",
                  records=[{"org": "acme", "name": "devs"}, {"org": "acme", "name": "frontend", "description": "web"}])
    assert (result["deleted"], result["updated"]) == (1, 1)
    assert sorted(hub.state.orgs["acme"].groups) == ["Frontend", "devs"]
    assert hub.state.orgs["acme"].groups["Frontend"].description == "web"
    members = sync(run_op, resource="group_members", records=[{"org": "acme", "group": "Frontend", "username": "bob"}])
    assert members["created"] == 1 and hub.state.orgs["acme"].groups["Frontend"].members == ["bob"]


@pytest.mark.parametrize("status", [302, 503])
def test_a_failed_read_means_no_delete_and_a_clear_failure(hub, run_op, status):
    hub.add_group("acme", "ops", ["bob"])
    hub.add_fault(status=status, path="/groups/ops/members$", method="GET")
    failure = f"reading it failed, nothing was deleted: GET .*/v2/orgs/acme/groups/ops/members.*HTTP {status}"
    with pytest.raises(AirflowException, match=failure):
        sync(run_op, resource="group_members", mode="mirror", scope=[{"org": "acme", "group": "ops"}],
             records=[{"org": "acme", "group": "devs", "username": "bob"}])
    assert hub.state.orgs["acme"].groups["ops"].members == ["bob"]
    assert [w for w in hub.writes() if w.startswith("DELETE")] == []


def test_a_record_in_an_unreadable_scope_fails_naming_the_read(hub, run_op):
    hub.add_fault(status=503, path="/v2/orgs/acme/groups$", method="GET")
    with pytest.raises(AirflowException, match="not planned: reading its scope failed"):
        sync(run_op, resource="groups", records=[{"org": "acme", "name": "web"}])
    assert hub.writes() == []


def test_credentials_refused_while_reading_fail_the_run_not_the_scope(hub, run_op, dockerhub_connection):
    dockerhub_connection("alice", "wrong")
    with pytest.raises(DockerHubHTTPError.__mro__[1]):  # DockerHubError: the auth error is run-level
        sync(run_op, resource="groups", records=[{"org": "acme", "name": "web"}])


def test_a_repository_whose_readme_cannot_be_read_or_is_too_long_is_kept(hub, run_op, tmp_path):
    hub.add_repository("acme", "web")
    hub.add_repository("acme", "api")
    hub.clear_requests()
    records = [{"namespace": "acme", "name": "web", "full_description_path": str(tmp_path / "missing.md")},
               {"namespace": "acme", "name": "api", "description": "x" * 101}]
    with pytest.raises(AirflowException, match="2 were rejected") as err:
        sync(run_op, resource="repositories", mode="mirror", records=records, max_deletes=5)
    assert "full_description_path" in str(err.value) and "description" in str(err.value)
    assert sorted(n for _, n in hub.state.repositories) == ["api", "web"] and hub.writes() == []


MIRRORS = {
    "repositories": [{"namespace": "acme", "name": "web", "description": "Web", "full_description": "# web",
                      "is_private": True}, {"namespace": "acme", "name": "api"}],
    "groups": [{"org": "acme", "name": "web", "description": "Web team"}, {"org": "acme", "name": "ops"}],
    "group_members": [{"org": "acme", "group": "devs", "username": "bob"}],
    "org_members": [{"org": "acme", "username": "alice", "role": "owner"}, {"org": "acme", "username": "bob",
                                                                             "role": "owner"},
                    {"org": "acme", "email": "new@example.com"}],
    "access_tokens": tokens("ci-read", "ci-write"),
    "org_access_tokens": [{"org": "acme", "label": "pull", "is_active": True,
                           "resources": [{"type": "TYPE_REPO", "path": "acme/*", "scopes": ["repo-pull"]}]}],
}


@pytest.mark.parametrize("resource", sorted(MIRRORS))
def test_mirror_twice_converges(hub, run_op, tmp_path, resource):
    hub.add_group("acme", "old-team")
    hub.add_personal_access_token("alice", scopes=["repo:read"], label="stale")
    hub.add_org_access_token("acme", label="stale")
    hub.add_repository("acme", "stale")
    hub.add_repository("acme", "web", description="old")
    hub.state.orgs["acme"].groups["devs"].members.append("carol")
    responses = str(tmp_path / "r.jsonl")
    first = sync(run_op, resource=resource, mode="mirror", records=MIRRORS[resource], response_path=responses,
                 max_deletes=5)
    assert first["failed"] == first["rejected"] == 0 and first["deleted"] >= 1
    hub.clear_requests()
    second = sync(run_op, resource=resource, mode="mirror", records=MIRRORS[resource], response_path=responses,
                  max_deletes=5)
    assert hub.writes() == [] and second["calls"] == 0
    assert second["unchanged"] == len(MIRRORS[resource])
