"""DockerHubSyncOperator against the emulator: read, plan, and only the calls that close the difference."""

from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator
from tests.helpers import FakeTaskInstance, add_mixed_faults


def sync(run_op, **kwargs):
    return run_op(DockerHubSyncOperator(task_id="sync", **kwargs))[0]


def repos(count: int, **extra) -> list[dict]:
    return [{"namespace": "acme", "name": f"r{n}", **extra} for n in range(count)]


def test_repositories_are_created_once_and_a_rerun_makes_no_write(hub, run_op):
    first = sync(run_op, resource="repositories", records=repos(3, description="x"))
    assert {k: first[k] for k in ("created", "unchanged", "failed", "rejected")} == \
        {"created": 3, "unchanged": 0, "failed": 0, "rejected": 0}
    hub.clear_requests()
    second = sync(run_op, resource="repositories", records=repos(3, description="x"))
    assert (second["created"], second["unchanged"], second["calls"]) == (0, 3, 0)
    assert hub.writes() == []


def test_reads_are_one_pass_per_scope_at_the_largest_page(hub, run_op):
    for n in range(250):
        hub.add_repository("acme", f"r{n}")
    hub.clear_requests()
    result = sync(run_op, resource="repositories", records=repos(250))
    lists = [r for r in hub.requests if r.method == "GET"]
    assert result["reads"] == len(lists) == 3 and all(r.query.get("page_size") in ("100", None) for r in lists)
    assert result["unchanged"] == 250 and hub.writes() == []


def test_repositories_converge_in_every_compared_field_and_a_rerun_makes_no_write(hub, run_op, tmp_path):
    """Catalogue rows R3, R6, R8, R12: texts updated with PATCH, privacy set, the full description read by GET."""
    hub.add_repository("acme", "web", description="old", full_description="# old", is_private=False)
    readme = tmp_path / "README.md"
    readme.write_text("# web\n\nThe frontend.\n")
    desired = [{"namespace": "acme", "name": "web", "description": "new", "full_description_path": str(readme),
                "is_private": True}, {"namespace": "acme", "name": "api", "full_description": "# api"}]
    hub.clear_requests()
    first = sync(run_op, resource="repositories", records=desired)
    assert (first["updated"], first["created"], first["failed"]) == (1, 1, 0)
    assert sorted(hub.writes()) == ["PATCH /v2/repositories/acme/web/", "POST /v2/namespaces/acme/repositories",
                                    "POST /v2/repositories/acme/web/privacy"]
    web = hub.state.repositories[("acme", "web")]
    assert (web.description, web.full_description, web.is_private) == ("new", readme.read_text(), True)
    hub.clear_requests()
    second = sync(run_op, resource="repositories", records=desired)
    assert (second["unchanged"], second["calls"]) == (2, 0) and hub.writes() == []
    gets = [r.path for r in hub.requests if r.method == "GET"]
    assert sorted(gets) == ["/v2/namespaces/acme/repositories", "/v2/repositories/acme/api/",
                            "/v2/repositories/acme/web/"]  # one GET per record naming the full description


def test_repository_mirror_needs_an_explicit_max_deletes(hub, run_op):
    hub.add_repository("acme", "old")
    with pytest.raises(ValueError, match="set max_deletes explicitly"):
        DockerHubSyncOperator(task_id="s", resource="repositories", mode="mirror", records=repos(1))
    done = sync(run_op, resource="repositories", mode="mirror", records=repos(1), max_deletes=1)
    assert (done["created"], done["deleted"]) == (1, 1)
    assert sorted(n for _, n in hub.state.repositories) == ["r0"]


def test_a_mode_the_api_cannot_do_is_refused_when_the_dag_is_parsed():
    with pytest.raises(ValueError, match="'mirror' is not possible for scim_users: the Docker Hub API has no delete"):
        DockerHubSyncOperator(task_id="s", resource="scim_users", mode="mirror", records=[])
    for unknown in ("repos", "immutable_tags", "org_invites"):
        with pytest.raises(ValueError, match="resource must be one of .*'access_tokens', 'group_members'"):
            DockerHubSyncOperator(task_id="s", resource=unknown, records=[])
    with pytest.raises(TypeError, match="endpoint"):  # a sibling of the send operator: no such parameter
        DockerHubSyncOperator(task_id="s", resource="groups", records=[], endpoint="/x")


def test_duplicates_and_records_without_identity_are_rejected(hub, run_op, tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    records = [{"namespace": "acme", "name": "web"}, {"namespace": "ACME", "name": "Web"}, {"namespace": "acme"}]
    result = sync(run_op, resource="repositories", records=records, rejects_path=str(rejects), on_error="continue")
    assert (result["records_read"], result["created"], result["rejected"]) == (3, 1, 2)
    reasons = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert reasons == ["duplicate of records[0]: both name acme/web",
                       "missing attribute 'name' (a repositories record is named by namespace, name)"]


def test_group_members_mirror_with_a_dry_run_plan_first(hub, run_op, log_text):
    hub.add_group("acme", "ops", ["bob"])
    desired = [{"org": "acme", "group": "ops", "username": "carol"}]
    plan = sync(run_op, resource="group_members", mode="mirror", records=desired, dry_run=True)
    assert (plan["created"], plan["deleted"], plan["dry_run"]) == (1, 1, True)
    assert plan["plan"][1:] == ["  create group_members acme/ops/carol",
                                "  delete group_members acme/ops/bob (no record names it)"]
    assert hub.writes() == [] and "delete group_members acme/ops/bob" in log_text()
    done = sync(run_op, resource="group_members", mode="mirror", records=desired)
    assert (done["created"], done["deleted"]) == (1, 1)
    assert hub.state.orgs["acme"].groups["ops"].members == ["carol"]
    hub.clear_requests()
    again = sync(run_op, resource="group_members", mode="mirror", records=desired)
    assert again["unchanged"] == 1 and hub.writes() == []


def test_mirror_refuses_too_many_deletes_and_an_empty_input_before_any_write(hub, run_op):
    hub.add_group("acme", "ops", ["bob", "carol"])
    with pytest.raises(ValueError, match="the plan destroys 2 group_members \\(2 delete\\), more than max_deletes \\(1\\)"):
        sync(run_op, resource="group_members", mode="mirror", max_deletes=1,
             records=[{"org": "acme", "group": "devs", "username": "bob"}], scope=[{"org": "acme", "group": "ops"}])
    with pytest.raises(ValueError, match="more than max_deletes \\(50% of 2 = 1\\)"):
        sync(run_op, resource="group_members", mode="mirror", max_deletes="50%", records=[],
             scope=[{"org": "acme", "group": "ops"}], allow_empty=True)
    with pytest.raises(ValueError, match="set allow_empty=True"):
        sync(run_op, resource="group_members", mode="mirror", records=[], scope=[{"org": "acme", "group": "ops"}])
    assert hub.writes() == [] and hub.state.orgs["acme"].groups["ops"].members == ["bob", "carol"]


def test_org_members_invite_in_bulk_update_roles_and_never_remove_the_caller(hub, run_op):
    hub.add_user("dave")
    desired = [{"org": "acme", "username": "bob", "role": "owner"}, {"org": "acme", "email": "new@example.com"},
               {"org": "acme", "username": "dave", "team": "devs"}, {"org": "acme", "email": "x@example.com"}]
    first = sync(run_op, resource="org_members", mode="mirror", records=desired)
    assert (first["created"], first["updated"], first["deleted"]) == (3, 1, 1)  # carol removed, alice kept
    org = hub.state.orgs["acme"]
    assert org.members == {"alice": "owner", "bob": "owner"}
    assert sorted(i.invitee for i in hub.state.invites.values()) == ["dave", "new@example.com", "x@example.com"]
    assert len([r for r in hub.requests if r.path == "/v2/invites/bulk"]) == 2  # grouped by team and role
    hub.clear_requests()
    second = sync(run_op, resource="org_members", mode="mirror", records=desired[:3])  # x@ no longer wanted
    assert (second["unchanged"], second["cancelled"]) == (3, 1)  # pending invites count as present
    assert hub.writes()[0].startswith("DELETE /v2/invites/")
    assert sorted(i.invitee for i in hub.state.invites.values()) == ["dave", "new@example.com"]


def test_access_tokens_converge_and_their_secrets_are_captured(hub, run_op, tmp_path):
    responses = tmp_path / "tokens.jsonl"
    desired = [{"token_label": "ci-read", "scopes": ["repo:read"]}, {"token_label": "ci-write", "scopes": ["repo:write"]}]
    first = sync(run_op, resource="access_tokens", records=desired, response_path=str(responses))
    assert first["created"] == 2
    captured = {json.loads(line)["response"]["token_label"] for line in responses.read_text().splitlines()}
    assert captured == {"ci-read", "ci-write"}
    hub.clear_requests()
    second = sync(run_op, resource="access_tokens", records=desired, response_path=str(responses))
    assert second["unchanged"] == 2 and hub.writes() == []


def test_sync_failures_fail_the_task_with_the_summary_in_xcom(hub, run_op):
    ti = FakeTaskInstance()
    op = DockerHubSyncOperator(task_id="s", resource="group_members",
                               records=[{"org": "acme", "group": "devs", "username": "nobody-here"}])
    with pytest.raises(AirflowException, match="1 failed"):
        op.execute({"ti": ti})
    assert ti.xcom["summary"]["failed"] == 1


def test_a_token_whose_secret_was_never_captured_is_revoked_and_created_again(hub, run_op, tmp_path, log_text):
    responses = tmp_path / "tokens.jsonl"
    lost = hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci-read")  # secret nowhere
    desired = [{"token_label": "ci-read", "scopes": ["repo:read"]}]
    result = sync(run_op, resource="access_tokens", records=desired, response_path=str(responses))
    assert (result["revoked"], result["created"]) == (1, 1)
    assert lost.uuid not in hub.state.pats
    [current] = [p for p in hub.state.pats.values() if p.token_label == "ci-read"]
    events = [json.loads(line) for line in responses.read_text().splitlines()]
    assert [e["response"]["token"] for e in events if e["status"] == 201] == [current.token]
    assert "revoke access_tokens ci-read (its secret is not held in response_path)" in log_text()


def test_a_sync_under_faults_then_a_clean_retry_converges(hub, run_op, tmp_path):

    add_mixed_faults(hub, "^/v2/access-tokens$|/repositories$")
    responses = tmp_path / "tokens.jsonl"
    repositories = repos(200)
    tokens = [{"token_label": f"ci-{n}", "scopes": ["repo:read"]} for n in range(100)]
    for resource, records in (("repositories", repositories), ("access_tokens", tokens)):
        sync(run_op, resource=resource, records=records, response_path=str(responses), max_concurrency=8,
             on_error="continue")
    hub.faults.faults.clear()
    for resource, records in (("repositories", repositories), ("access_tokens", tokens)):
        retry = sync(run_op, resource=resource, records=records, response_path=str(responses))
        assert retry["failed"] == 0
    assert sorted(n for _, n in hub.state.repositories) == sorted(r["name"] for r in repositories)
    labels = sorted(p.token_label for p in hub.state.pats.values() if p.token_label.startswith("ci-"))
    assert labels == sorted(t["token_label"] for t in tokens)  # each exactly once
    events = [json.loads(line) for line in responses.read_text().splitlines()]
    captured = {e["response"]["token"] for e in events if e["status"] == 201 and "token" in e["response"]}
    assert {p.token for p in hub.state.pats.values() if p.token_label.startswith("ci-")} <= captured


def test_scim_users_are_read_across_scim_pages_and_disabled_in_place(scim_hub, run_op):
    hub = scim_hub
    users = [{"userName": f"user{n}@example.com", "active": True} for n in range(150)]
    first = sync(run_op, resource="scim_users", records=users)
    assert first["created"] == 150
    hub.clear_requests()
    users[0]["active"] = False
    second = sync(run_op, resource="scim_users", records=users)
    assert (second["updated"], second["unchanged"], second["reads"]) == (1, 149, 2)  # 100 + 50 per page
    assert [r.query.get("startIndex") for r in hub.requests if r.method == "GET"] == [None, "101"]


def test_a_create_that_loses_a_race_is_read_again_and_updated(hub, run_op):
    """Another writer creates the token between our read and our create: the create answers 409, the token
    is read again and, since it differs from the record, updated."""
    from airflow_provider_dockerhub.resources.tokens import AccessTokens

    class ReadBeforeTheOtherWriter(AccessTokens):
        """Access tokens whose first read happens before the other writer's create."""

        reads = 0

        def read(self, paginate, get_json, scope):
            self.reads += 1
            return [] if self.reads == 1 else super().read(paginate, get_json, scope)

    other = hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci")  # the other writer's
    hub.add_fault(status=409, times=1, method="POST", path="^/v2/access-tokens$")  # what Hub would answer
    kind = ReadBeforeTheOtherWriter()
    result = sync(run_op, resource=kind, records=[{"token_label": "ci", "scopes": ["repo:read"], "is_active": False}])
    assert (result["created"], result["updated"], result["unchanged"], kind.reads) == (0, 1, 0, 2)
    assert result["records_read"] == 1  # the record is counted once, by how it ended
    assert other.is_active is False and len(hub.state.pats) == 1


def test_a_lost_race_is_compared_with_the_fields_its_list_leaves_out_read_again(hub, run_op):
    """The other writer's repository already has the record's README: read again with its detail GET (as the
    first read would have been), it is unchanged, and no update is sent."""
    from airflow_provider_dockerhub.resources.repositories import Repositories

    class ReadBeforeTheOtherWriter(Repositories):
        reads = 0

        def read(self, paginate, get_json, scope):
            self.reads += 1
            return [] if self.reads == 1 else super().read(paginate, get_json, scope)

    hub.add_repository("acme", "web", description="Frontend", full_description="# web")
    hub.clear_requests()
    result = sync(run_op, resource=ReadBeforeTheOtherWriter(),
                  records=[{"namespace": "acme", "name": "web", "description": "Frontend", "full_description": "# web"}])
    assert (result["created"], result["updated"], result["unchanged"], result["records_read"]) == (0, 0, 1, 1)
    assert hub.writes() == ["POST /v2/namespaces/acme/repositories"]  # answered "already exists" (R2); no update
    assert any(r.method == "GET" and r.path == "/v2/repositories/acme/web/" for r in hub.requests)


def test_a_resource_kind_the_sync_cannot_keep_is_refused_by_instance_as_by_name():
    from airflow_provider_dockerhub.resources.members import OrgInvites

    with pytest.raises(ValueError, match="'org_invites' is not one the sync can keep"):
        DockerHubSyncOperator(task_id="s", resource=OrgInvites(), records=[])
    with pytest.raises(ValueError, match="resource must be one of .*got 'org_invites'"):
        DockerHubSyncOperator(task_id="s", resource="org_invites", records=[])
    with pytest.raises(ValueError, match=r"resource must be one of .*got \{'name': 'groups'\}"):
        DockerHubSyncOperator(task_id="s", resource={"name": "groups"}, records=[])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"max_deletes": 1.5}, "max_deletes must be a whole count"), ({"max_deletes": True}, "must be a whole count"),
    ({"max_deletes": 1.0}, "or a percentage of what exists in scope \\(text such as '20%'\\), got 1.0"),
    ({"max_deletes": -1}, "max_deletes must be a whole count"), ({"max_deletes": "120%"}, "got '120%'"),
    ({"mode": "replace"}, "mode must be one of"), ({"dry_run": "yes"}, "dry_run must be True or False"),
])
def test_bad_sync_settings_are_refused_when_the_dag_is_parsed(kwargs, message):
    with pytest.raises(ValueError, match=message):
        DockerHubSyncOperator(task_id="s", resource="group_members", records=[], **kwargs)


def test_a_scope_without_its_attributes_is_refused_before_any_read(hub, run_op):
    hub.clear_requests()
    with pytest.raises(ValueError, match=r"scope \{'org': 'acme'\} lacks 'group'; a group_members scope is"):
        sync(run_op, resource="group_members", records=[], mode="mirror", allow_empty=True, scope=[{"org": "acme"}])
    assert not [r for r in hub.requests if r.method == "GET"]


def test_fail_fast_counts_every_record_it_stopped_before_as_not_sent(hub, run_op):
    hub.add_group("acme", "ops")
    hub.add_fault(status=400, times=1, method="POST", path="^/v2/orgs/acme/groups$")
    records = [{"org": "acme", "name": "web"}, {"org": "acme", "name": "devs", "description": "Developers"},
               {"org": "acme", "name": "ops", "description": "On call"}]
    ti = FakeTaskInstance()
    with pytest.raises(AirflowException, match="1 failed and 2 were rejected"):
        DockerHubSyncOperator(task_id="s", resource="groups", records=records, on_error="fail_fast").execute({"ti": ti})
    summary = ti.xcom["summary"]
    assert summary["records_read"] == summary["failed"] + summary["rejected"] == 3
    assert [f["reason"] for f in summary["first_failures"][1:]] == [
        "not sent: the run stopped at the first failure (on_error='fail_fast')"] * 2
    assert [w for w in hub.writes() if not w.startswith("POST")] == []  # the two updates were not sent


def test_a_token_whose_revoke_fails_is_not_made_a_second_time(hub, run_op, tmp_path):
    """Its secret is not held, so upsert revokes and recreates it; the revoke fails: no second token of the name."""
    hub.add_personal_access_token("alice", scopes=["repo:read"], label="ci")
    (tmp_path / "r.jsonl").write_text("")  # a response file that holds no secret of it
    hub.add_fault(status=400, times=1, method="DELETE", path="^/v2/access-tokens/")
    result = run_op(DockerHubSyncOperator(task_id="s", resource="access_tokens", on_error="continue",
                                          records=[{"token_label": "ci", "scopes": ["repo:read"]}],
                                          response_path=str(tmp_path / "r.jsonl")))[0]
    assert result["created"] == 0 and len(hub.state.pats) == 1
    assert any(f["reason"].startswith("not created: revoking the token of that name") for f in result["first_failures"])
