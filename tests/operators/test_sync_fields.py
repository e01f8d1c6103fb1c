"""Every sync resource, with records that differ in every compared field: the first run applies each
difference, the second makes no write (against the emulator, which answers as the live Docker Hub)."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

pytestmark = pytest.mark.timeout(60)


def sync(run_op, **kwargs):
    return run_op(DockerHubSyncOperator(task_id="sync", **kwargs))[0]


def twice(hub, run_op, **kwargs):
    first = sync(run_op, **kwargs)
    assert first["failed"] == first["rejected"] == 0, first
    hub.clear_requests()
    second = sync(run_op, **kwargs)
    assert hub.writes() == [] and second["calls"] == 0
    return first, second


def test_groups_descriptions(hub, run_op):
    hub.add_group("acme", "ops")
    first, _ = twice(hub, run_op, resource="groups", records=[{"org": "acme", "name": "ops", "description": "On call"}])
    assert first["updated"] == 1 and hub.state.orgs["acme"].groups["ops"].description == "On call"


def test_org_member_roles_editor_and_custom(hub, run_op):  # catalogue rows M1, M2, M3
    hub.add_user("dave")
    hub.add_org("beta", owners=["alice"], members={"bob": "member", "carol": "editor", "dave": "member"},
                custom_roles=["Release Manager"])
    records = [{"org": "beta", "username": "alice", "role": "Owner"}, {"org": "beta", "username": "bob", "role": "editor"},
               {"org": "beta", "username": "carol", "role": "member"},
               {"org": "beta", "username": "dave", "role": "Release Manager"}]
    first, _ = twice(hub, run_op, resource="org_members", records=records)
    assert first["updated"] == 3
    assert hub.state.orgs["beta"].members == {"alice": "owner", "bob": "editor", "carol": "member",
                                              "dave": "Release Manager"}


def test_m5_m8_a_pending_invites_role_is_planned_once_it_is_accepted(hub, run_op, log_text):
    """Invites read with their role (M5); a pending invite's role cannot change (M8): shown, not written."""
    hub.state.add_invite("acme", "dave@example.com", inviter="alice", role="member", invite_id="inv-1")
    record = {"org": "acme", "email": "dave@example.com", "role": "editor"}
    waiting = sync(run_op, resource="org_members", records=[record])
    assert (waiting["unchanged"], waiting["failed"], hub.writes()) == (1, 0, [])
    assert ("unchanged org_members acme/dave@example.com (role: 'member' -> 'editor'; a pending invite's role can "
            "change only once it is accepted") in log_text()

    hub.add_user("dave", email="dave@example.com")  # dave accepts: the invite becomes a membership
    del hub.state.invites["inv-1"]
    hub.state.orgs["acme"].members["dave"] = "member"
    first, _ = twice(hub, run_op, resource="org_members", records=[record])
    assert first["updated"] == 1 and hub.state.orgs["acme"].members["dave"] == "editor"


def test_access_tokens_active_state(hub, run_op, tmp_path):
    responses = str(tmp_path / "r.jsonl")
    sync(run_op, resource="access_tokens", records=[{"token_label": "ci", "scopes": ["repo:read"]}],
         response_path=responses)
    first, _ = twice(hub, run_op, resource="access_tokens", response_path=responses,
                     records=[{"token_label": "ci", "scopes": ["repo:read"], "is_active": False}])
    assert first["updated"] == 1 and [p.is_active for p in hub.state.pats.values()] == [False]


def test_org_access_tokens_description_read_with_one_get_each(hub, run_op, tmp_path):  # catalogue rows O1, O2
    responses = str(tmp_path / "r.jsonl")
    record = {"org": "acme", "label": "pull", "resources": [{"type": "TYPE_REPO", "path": "acme/*",
                                                               "scopes": ["repo-pull"]}]}
    sync(run_op, resource="org_access_tokens", records=[record], response_path=responses)
    first, second = twice(hub, run_op, resource="org_access_tokens", response_path=responses,
                          records=[{**record, "description": "CI pulls", "is_active": False}])
    [token] = hub.state.orgs["acme"].access_tokens.values()
    assert first["updated"] == 1 and (token.description, token.is_active) == ("CI pulls", False)
    assert second["reads"] == 2  # the list, and one GET for the token whose record names a description


def test_scim_users_active_and_names_keep_users_active(scim_hub, run_op):
    hub = scim_hub
    users = [{"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"},
             {"userName": "joe@example.com", "givenName": "Joe"}]
    sync(run_op, resource="scim_users", records=users)
    changed = [{**users[0], "givenName": "Janet", "familyName": "Smith"}, {**users[1], "active": False}]
    first, _ = twice(hub, run_op, resource="scim_users", records=changed)
    assert first["updated"] == 2
    state = {u.user_name: u for u in hub.state.scim_users.values()}
    jane = state["jane@example.com"]
    assert (jane.given_name, jane.family_name, jane.active) == ("Janet", "Smith", True)
    assert state["joe@example.com"].active is False


def test_scim_names_given_nested_converge_and_a_text_active_is_rejected(scim_hub, run_op):
    hub = scim_hub
    sync(run_op, resource="scim_users", records=[{"userName": "jane@example.com", "givenName": "Jane"}])
    nested = {"userName": "jane@example.com", "name": {"givenName": "Janet", "familyName": "Doe"}}
    first, _ = twice(hub, run_op, resource="scim_users", records=[nested])
    [jane] = hub.state.scim_users.values()
    assert first["updated"] == 1 and (jane.given_name, jane.family_name, jane.active) == ("Janet", "Doe", True)

    hub.clear_requests()
    result = sync(run_op, resource="scim_users", records=[{**nested, "active": "false"}], on_error="continue")
    assert (result["rejected"], hub.writes()) == (1, [])  # "false" as text would be read as true
    assert jane.active is True


def test_org_settings_restricted_images(hub, run_op):
    wanted = {"enabled": True, "allow_official_images": True, "allow_verified_publishers": False}
    first, _ = twice(hub, run_op, resource="org_settings", records=[{"org": "acme", "restricted_images": wanted}])
    assert first["updated"] == 1 and hub.state.orgs["acme"].settings["restricted_images"] == wanted


def test_repository_group_permissions_read_one_get_each(hub, run_op):  # catalogue rows G2, G3
    hub.add_repository("acme", "web")
    group = hub.state.orgs["acme"].groups["devs"]
    hub.state.repositories[("acme", "web")].group_permissions[group.id] = "read"
    first, second = twice(hub, run_op, resource="repository_groups",
                          records=[{"namespace": "acme", "repository": "web", "group_id": str(group.id),
                                    "permission": "admin"}])
    assert first["updated"] == 1 and hub.state.repositories[("acme", "web")].group_permissions[group.id] == "admin"
    assert second["reads"] == 1 and second["unchanged"] == 1


@pytest.mark.parametrize(("resource", "record", "state"), [
    ("access_tokens", {"token_label": "ci", "scopes": ["repo:read"], "is_active": False},
     lambda hub: [(p.token_label, p.is_active) for p in hub.state.pats.values()]),
    ("org_access_tokens", {"org": "acme", "label": "pull", "is_active": False,
                           "resources": [{"type": "TYPE_REPO", "path": "acme/*", "scopes": ["repo-pull"]}]},
     lambda hub: [(t.label, t.is_active) for t in hub.state.orgs["acme"].access_tokens.values()]),
], ids=["access_tokens", "org_access_tokens"])
def test_a_token_created_inactive_ends_inactive_in_the_first_run(hub, run_op, tmp_path, resource, record, state):
    """The create cannot carry is_active: an update planned from the create's answer sets it in the same run,
    the record is counted once (created), and the second run writes nothing."""
    responses = str(tmp_path / "r.jsonl")
    first, second = twice(hub, run_op, resource=resource, records=[record], response_path=responses)
    name = record.get("token_label") or record["label"]
    assert state(hub) == [(name, False)]
    assert (first["records_read"], first["created"], first["updated"], first["calls"]) == (1, 1, 0, 2)
    assert second["unchanged"] == 1


def test_a_scim_user_created_inactive_ends_inactive_in_the_first_run(scim_hub, run_op, log_text):
    hub = scim_hub
    record = {"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe", "active": False}
    dry = sync(run_op, resource="scim_users", records=[record], dry_run=True)
    assert "  create scim_users jane@example.com (then active set by an update: the create cannot carry it)" in dry["plan"]
    first, _ = twice(hub, run_op, resource="scim_users", records=[record])
    [user] = hub.state.scim_users.values()
    assert (user.user_name, user.given_name, user.active) == ("jane@example.com", "Jane", False)
    assert (first["created"], first["updated"], first["calls"]) == (1, 0, 2)


def test_a_create_whose_follow_up_update_fails_counts_failed_once_and_the_next_run_finishes_it(hub, run_op,
                                                                                           tmp_path):
    responses = str(tmp_path / "r.jsonl")
    record = {"token_label": "ci", "scopes": ["repo:read"], "is_active": False}
    hub.add_fault(status=400, times=1, method="PATCH", path="^/v2/access-tokens/")
    first = run_op(DockerHubSyncOperator(task_id="sync", resource="access_tokens", records=[record],
                                         response_path=responses, on_error="continue"))[0]
    assert (first["records_read"], first["created"], first["failed"]) == (1, 0, 1)
    assert first["first_failures"][0]["location"] == "records[0]"
    second = sync(run_op, resource="access_tokens", records=[record], response_path=responses)
    assert (second["updated"], second["failed"]) == (1, 0)
    assert [p.is_active for p in hub.state.pats.values()] == [False]  # the token made in the first run


def test_a_token_of_an_org_named_in_capitals_is_created_and_settled_as_docker_hub_spells_it(hub, run_op, tmp_path):
    record = {"org": "Acme", "label": "pull", "is_active": False,
              "resources": [{"type": "TYPE_REPO", "path": "acme/*", "scopes": ["repo-pull"]}]}
    first, _ = twice(hub, run_op, resource="org_access_tokens", records=[record],
                     response_path=str(tmp_path / "r.jsonl"))
    assert (first["created"], first["rejected"]) == (1, 0)
    assert [t.is_active for t in hub.state.orgs["acme"].access_tokens.values()] == [False]
