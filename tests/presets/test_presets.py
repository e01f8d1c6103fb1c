"""Endpoint presets: coverage of the OpenAPI document, valid request bodies, and effect on the emulator."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.operators import endpoints
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.presets import registry
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.presets.registry import PRESETS, get_preset
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.openapi import AUTH_PATHS, find_operation, write_operations
from tests.helpers import FakeTaskInstance, gen_docs
from tests.testing.world import OFFICIAL_SPEC, PASSWORD, SCIM_TOKEN, World, seed

ENDPOINTS_MODULE, endpoints_module, render_into = (gen_docs().ENDPOINTS_MODULE, gen_docs().endpoints_module,
                                                   gen_docs().render_into)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "presets.md"


def test_every_write_operation_of_the_document_has_a_preset():
    document = {(op.method, op.path) for op in write_operations(OFFICIAL_SPEC) if op.path not in AUTH_PATHS}
    presets = {(p.method, p.path) for p in PRESETS if p.documented}
    assert document == presets and len(presets) == 24


def test_live_only_presets_name_their_public_source():
    live = {p.name: p.source for p in PRESETS if not p.documented}
    assert sorted(live) == ["delete_repository", "delete_repository_group", "delete_tag", "set_repository_privacy",
                            "update_repository", "update_repository_group"]
    assert all(source.startswith("docker/") for source in live.values())


#: The endpoint operators' class names: public API, so a change to how they are derived must not rename one.
PUBLIC_OPERATOR_NAMES = (
    "DockerHubAddGroupMemberOperator", "DockerHubBulkInviteOperator", "DockerHubCancelInviteOperator",
    "DockerHubCreateAccessTokenOperator", "DockerHubCreateGroupOperator", "DockerHubCreateOrgAccessTokenOperator",
    "DockerHubCreateRepositoryGroupOperator", "DockerHubCreateRepositoryOperator", "DockerHubCreateScimUserOperator",
    "DockerHubDeleteAccessTokenOperator", "DockerHubDeleteGroupOperator", "DockerHubDeleteOrgAccessTokenOperator",
    "DockerHubDeleteRepositoryGroupOperator", "DockerHubDeleteRepositoryOperator", "DockerHubDeleteTagOperator",
    "DockerHubPatchGroupOperator", "DockerHubRemoveGroupMemberOperator", "DockerHubRemoveOrgMemberOperator",
    "DockerHubResendInviteOperator", "DockerHubSetRepositoryPrivacyOperator", "DockerHubUpdateAccessTokenOperator",
    "DockerHubUpdateGroupOperator", "DockerHubUpdateImmutableTagsOperator", "DockerHubUpdateOrgAccessTokenOperator",
    "DockerHubUpdateOrgMemberRoleOperator", "DockerHubUpdateOrgSettingsOperator", "DockerHubUpdateRepositoryGroupOperator",
    "DockerHubUpdateRepositoryOperator", "DockerHubUpdateScimUserOperator", "DockerHubVerifyImmutableTagsOperator",
)


def test_operator_names_derived_from_preset_names_are_the_published_ones():
    assert registry.CREATE_ACCESS_TOKEN.operator_name == "DockerHubCreateAccessTokenOperator"
    assert sorted(p.operator_name for p in PRESETS) == list(PUBLIC_OPERATOR_NAMES)


def test_each_preset_is_a_constant_named_after_it_beside_its_resource_kind():
    """Each preset is defined once, in the module of the kind it writes, and reached the same by name."""
    import sys

    from airflow_provider_dockerhub.resources import RESOURCES

    defined = {}
    for kind in RESOURCES:
        module = sys.modules[type(kind).__module__]
        defined.update({name: value for name, value in vars(module).items() if isinstance(value, EndpointPreset)})
    assert {name: preset.name for name, preset in defined.items()} == {p.name.upper(): p.name for p in PRESETS}
    for preset in PRESETS:
        assert defined[preset.name.upper()] is preset is get_preset(preset.name) is getattr(registry, preset.name.upper())
    with pytest.raises(AttributeError, match="has no attribute 'CREATE_NOTHING'"):
        registry.CREATE_NOTHING  # noqa: B018


def test_every_preset_has_an_operator_class():
    for preset in PRESETS:
        cls = getattr(endpoints, preset.operator_name)
        assert issubclass(cls, DockerHubSendOperator) and cls.preset is preset
        assert cls.__module__ == "airflow_provider_dockerhub.operators.endpoints"
        assert preset.method in cls.__doc__ and preset.path in cls.__doc__


def _dry_run_call(preset, record):
    op = DockerHubSendOperator(task_id="t", endpoint_preset=preset.name, records=[record], dry_run=True,
                               on_error="continue")
    if preset.api_dry_run:  # bulk invite's dry run is the API's own; preview its body through a plain send
        build = preset.body()
        op = DockerHubSendOperator(task_id="t", method=preset.method, endpoint=preset.endpoint_template(),
                                   records=[record], dry_run=True, body=lambda r: build([r]))
    result = op.execute({})
    assert result["rejected"] == 0, result["first_failures"]
    return result["preview"][0]


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_example_record_renders_a_request_the_document_accepts(preset, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps({"conn_type": "dockerhub", "host": "https://hub.docker.com"}))
    call = _dry_run_call(preset, dict(preset.example))
    assert call["method"] == preset.method
    assert call["url"].startswith("https://hub.docker.com/v2/")
    if not preset.documented:  # a live endpoint: its body is the record's body fields
        assert call["body"] == ({k: v for k, v in preset.example.items() if k in preset.body_fields}
                                if preset.body_builder else None)
        return
    operation = find_operation(preset.method, preset.path, OFFICIAL_SPEC)
    if operation.request_schema is None:
        assert call["body"] is None
    else:
        errors = list(Draft7Validator(operation.request_schema).iter_errors(call["body"]))
        assert not errors, errors[0].message
        assert call["headers"]["Content-Type"] == operation.request_content_type


@pytest.mark.parametrize("preset", [p for p in PRESETS if p.path_attributes], ids=lambda p: p.name)
def test_path_attributes_fill_the_path_and_stay_out_of_the_body(preset, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps({"conn_type": "dockerhub"}))
    record = dict(preset.example)
    call = _dry_run_call(preset, record)
    body_fields = set(preset.body_fields)
    for attribute in preset.path_attributes.values():
        assert f"/{record[attribute]}" in call["url"]
        if attribute not in body_fields:
            assert attribute not in (call["body"] or {})


@pytest.mark.parametrize(("preset", "record", "reason"), [
    (registry.CREATE_REPOSITORY, {"namespace": "acme"}, "missing required attribute 'name' for create_repository"),
    (registry.UPDATE_ORG_MEMBER_ROLE, {"org": "acme", "username": "bob", "role": " "},
     "attribute 'role' is ' ', which Docker Hub does not accept"),
    (registry.CREATE_ACCESS_TOKEN, {"token_label": "x", "scopes": ["repo:read", "repo:all"]},
     "attribute 'scopes' is 'repo:all'; create_access_token accepts one of"),
    (registry.CREATE_REPOSITORY_GROUP, {"namespace": "acme", "repository": "web", "group_id": 1},
     "missing required attribute 'permission'"),
    (registry.BULK_INVITE, {"invitee": "not an id", "org": "acme"},
     "attribute 'invitee' is 'not an id', which Docker Hub does not accept"),
    (registry.UPDATE_REPOSITORY, {"namespace": "acme", "name": "web"},
     "update_repository needs description, full_description or full_description_path"),
    (registry.CREATE_REPOSITORY, {"namespace": "acme", "name": "Bad Name!"},
     "attribute 'name' is 'Bad Name!', which Docker Hub does not accept"),
], ids=lambda value: value.name if isinstance(value, EndpointPreset) else "")
def test_records_are_checked_before_sending(preset, record, reason):
    assert preset.check(dict(record)).startswith(reason)


def test_unknown_preset_and_fixed_parameters_are_clear_errors():
    with pytest.raises(KeyError, match="unknown endpoint_preset 'nope'"):
        get_preset("nope")
    with pytest.raises(TypeError, match="sets endpoint itself"):
        endpoints.DockerHubCreateRepositoryOperator(task_id="t", records=[], endpoint="/x")
    op = DockerHubSendOperator(task_id="t", records=[], endpoint_preset="create_group", batching=True)
    with pytest.raises(ValueError, match="one record per call"):
        op.pipeline_settings()


def test_endpoint_operators_module_is_current_and_explicit():
    assert ENDPOINTS_MODULE.read_text() == endpoints_module(), "run `make docs` to regenerate operators/endpoints.py"
    classes = re.findall(r"^class (DockerHub\w+Operator)\(DockerHubEndpointOperator\):", ENDPOINTS_MODULE.read_text(), re.M)
    assert sorted(classes) == sorted(p.operator_name for p in PRESETS) == sorted(endpoints.__all__)
    for preset in PRESETS:
        operator = getattr(endpoints, preset.operator_name)
        assert operator.preset is preset and operator.__module__ == endpoints.__name__


def test_docs_table_is_current():
    text = DOCS.read_text()
    assert render_into(text) == text, "run `make docs` to regenerate docs/presets.md"
    for preset in PRESETS:
        assert preset.operator_name in text


# -- each preset against the emulator ------------------------------------------------------------------
@pytest.fixture
def world(monkeypatch):
    with DockerHubEmulator() as hub:
        w = seed(hub)
        for conn_id, conn in {
            "dockerhub_default": {"login": "alice", "password": PASSWORD},
            "dockerhub_scim": {"password": SCIM_TOKEN, "extra": {"auth_type": "bearer"}},
        }.items():
            monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps({"conn_type": "dockerhub", "host": hub.url, **conn}))
        yield w


def _state_cases(w: World):
    """preset name -> (records, check of the emulator's state afterwards)."""
    s = w.hub.state
    acme = s.orgs["acme"]
    return {
        "create_access_token": ([{"token_label": "ci", "scopes": ["repo:write"]}],
                                lambda: any(p.token_label == "ci" and p.scopes == ["repo:write"] for p in s.pats.values())),
        "update_access_token": ([{"uuid": w.pat_uuid, "is_active": False, "token_label": "old"}],
                                lambda: (s.pats[w.pat_uuid].is_active, s.pats[w.pat_uuid].token_label) == (False, "old")),
        "delete_access_token": ([{"uuid": w.pat_uuid}], lambda: w.pat_uuid not in s.pats),
        "update_org_settings": ([{"org": "acme", "restricted_images": {"enabled": True, "allow_official_images": False,
                                                                       "allow_verified_publishers": True}}],
                                lambda: acme.settings["restricted_images"]["enabled"] is True),
        "create_org_access_token": ([{"org": "acme", "label": "deploy"}],
                                    lambda: any(t.label == "deploy" for t in acme.access_tokens.values())),
        "update_org_access_token": ([{"org": "acme", "access_token_id": w.oat_id, "is_active": False}],
                                    lambda: acme.access_tokens[w.oat_id].is_active is False),
        "delete_org_access_token": ([{"org": "acme", "access_token_id": w.oat_id}],
                                    lambda: w.oat_id not in acme.access_tokens),
        "update_immutable_tags": ([{"namespace": "acme", "repository": "web", "immutable_tags": True,
                                    "immutable_tags_rules": ["v.*"]}],
                                  lambda: s.repositories[("acme", "web")].immutable_tags_rules == ["v.*"]),
        "verify_immutable_tags": ([{"namespace": "acme", "repository": "web", "regex": "v1"}],
                                  lambda: w.hub.requests[-1].status == 200),
        "create_repository_group": ([{"namespace": "acme", "repository": "web", "group_id": w.group_id,
                                      "permission": "admin"}],
                                    lambda: s.repositories[("acme", "web")].group_permissions == {w.group_id: "admin"}),
        "update_repository_group": ([{"namespace": "acme", "repository": "web", "group_id": w.group_id,
                                      "permission": "write"}],
                                    lambda: s.repositories[("acme", "web")].group_permissions == {w.group_id: "write"}),
        "delete_repository_group": ([{"namespace": "acme", "repository": "web", "group_id": w.group_id}],
                                    lambda: s.repositories[("acme", "web")].group_permissions == {}),
        "create_repository": ([{"namespace": "acme", "name": "api", "is_private": True, "description": "API"}],
                              lambda: s.repositories[("acme", "api")].is_private is True),
        "update_repository": ([{"namespace": "acme", "name": "web", "description": "Web", "full_description": "# Web"}],
                              lambda: (s.repositories[("acme", "web")].description,
                                       s.repositories[("acme", "web")].full_description) == ("Web", "# Web")),
        "set_repository_privacy": ([{"namespace": "acme", "name": "web", "is_private": True}],
                                   lambda: s.repositories[("acme", "web")].is_private is True),
        "delete_repository": ([{"namespace": "acme", "name": "web"}], lambda: ("acme", "web") not in s.repositories),
        "delete_tag": ([{"namespace": "acme", "repository": "web", "tag": "old"}],
                       lambda: "old" not in s.repositories[("acme", "web")].tags),
        "update_org_member_role": ([{"org": "acme", "username": "bob", "role": "editor"}],
                                   lambda: acme.members["bob"] == "editor"),
        "remove_org_member": ([{"org": "acme", "username": "carol"}], lambda: "carol" not in acme.members),
        "create_group": ([{"org": "acme", "name": "ops"}], lambda: "ops" in acme.groups),
        "update_group": ([{"org": "acme", "group_name": "devs", "name": "developers"}],
                         lambda: "developers" in acme.groups and "devs" not in acme.groups),
        "patch_group": ([{"org": "acme", "group_name": "devs", "description": "Developers"}],
                        lambda: acme.groups["devs"].description == "Developers"),
        "delete_group": ([{"org": "acme", "group_name": "devs"}], lambda: "devs" not in acme.groups),
        "add_group_member": ([{"org": "acme", "group_name": "devs", "member": "carol"}],
                             lambda: acme.groups["devs"].members == ["bob", "carol"]),
        "remove_group_member": ([{"org": "acme", "group_name": "devs", "username": "bob"}],
                                lambda: acme.groups["devs"].members == []),
        "cancel_invite": ([{"invite_id": w.invite_id}], lambda: w.invite_id not in s.invites),
        "resend_invite": ([{"invite_id": w.invite_id}], lambda: w.hub.requests[-1].status == 204),
        "bulk_invite": ([{"invitee": "x@example.com", "org": "acme", "team": "devs"},
                         {"invitee": "y@example.com", "org": "acme", "team": "devs"}],
                        lambda: {i.invitee for i in s.invites.values()} >= {"x@example.com", "y@example.com"}),
        "create_scim_user": ([{"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"}],
                             lambda: any(u.user_name == "jane@example.com" and u.family_name == "Doe"
                                         for u in s.scim_users.values())),
        "update_scim_user": ([{"user_id": w.scim_user_id, "userName": "erin@example.com", "familyName": "Ever",
                               "active": False}],
                             lambda: (s.scim_users[w.scim_user_id].family_name, s.scim_users[w.scim_user_id].active)
                             == ("Ever", False)),
    }


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_preset_changes_the_emulated_hub(world, preset):
    """Every preset, the live-only routes among them (catalogue rows R6, R7, R8, R10, G3, G4)."""
    world.hub.state.add_tag("acme", "web", "old")
    world.hub.state.repositories[("acme", "web")].group_permissions[world.group_id] = "read"
    cases = _state_cases(world)
    records, check = cases[preset.name]
    conn_id = "dockerhub_scim" if preset.path.startswith("/v2/scim/") else "dockerhub_default"
    op = getattr(endpoints, preset.operator_name)(task_id="t", records=records, dockerhub_conn_id=conn_id)
    result = op.execute({})
    assert (result["succeeded"], result["failed"], result["rejected"]) == (len(records), 0, 0)
    assert check()
    assert set(cases) == {p.name for p in PRESETS}


def test_bulk_invite_outcomes_follow_each_invitee_status(world):
    records = [{"invitee": "new@example.com", "org": "acme", "team": "devs"},
               {"invitee": "bob", "org": "acme", "team": "devs"},
               {"invitee": "ghostuser", "org": "acme", "team": "devs"},
               {"invitee": "owner@example.com", "org": "acme", "role": "owner"}]
    op = endpoints.DockerHubBulkInviteOperator(task_id="t", records=records, on_error="continue", batch_size=2)
    result = op.execute({})
    assert (result["succeeded"], result["unchanged"], result["failed"], result["calls"]) == (3, 1, 1, 3)
    reasons = {f["index"]: f["reason"] for f in result["first_failures"]}
    assert reasons == {2: "invalid_email_or_docker_id"}  # bob, already a member, is unchanged
    bulk = [r.body for r in world.hub.requests if r.path == "/v2/invites/bulk"]
    assert sorted(len(b["invitees"]) for b in bulk) == [1, 1, 2]
    assert {(b.get("team"), b["role"]) for b in bulk} == {("devs", "member"), (None, "owner")}


def test_bulk_invite_api_dry_run_lets_docker_hub_validate_without_changes(world):
    op = endpoints.DockerHubBulkInviteOperator(task_id="t", api_dry_run=True, on_error="continue",
                                               records=[{"invitee": "new@example.com", "org": "acme"},
                                                        {"invitee": "bob", "org": "acme"}])
    result = op.execute({})
    assert (result["succeeded"], result["unchanged"], result["failed"]) == (2, 1, 0)
    assert [r.body["dry_run"] for r in world.hub.requests if r.path == "/v2/invites/bulk"] == [True]
    assert [i.invitee for i in world.hub.state.invites.values()] == ["dave@example.com"]


def test_bulk_invite_dry_run_sends_nothing(world):
    op = endpoints.DockerHubBulkInviteOperator(task_id="t", dry_run=True,
                                               records=[{"invitee": "new@example.com", "org": "acme"}])
    result = op.execute({})
    assert result["dry_run"] is True and result["previewed"] == 1
    assert result["preview"][0]["body"] == {"org": "acme", "invitees": ["new@example.com"], "role": "member"}
    assert not [r for r in world.hub.requests if r.path == "/v2/invites/bulk"]


def test_api_dry_run_is_refused_where_the_api_has_none():
    op = endpoints.DockerHubCreateGroupOperator(task_id="t", records=[], api_dry_run=True)
    with pytest.raises(ValueError, match="create_group has no API dry run"):
        op.pipeline_settings()


def test_preset_rejects_bad_records_without_sending_them(world, tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    op = endpoints.DockerHubUpdateOrgMemberRoleOperator(
        task_id="t", records=[{"org": "acme", "username": "bob", "role": "  "}, {"org": "acme", "role": "owner"}],
        rejects_path=str(rejects))
    with pytest.raises(AirflowException, match="2 were rejected"):
        op.execute({})
    assert not [r for r in world.hub.requests if "/members/" in r.path]
    reasons = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert reasons[0].startswith("attribute 'role' is '  '") and reasons[1].startswith("missing required attribute 'username'")


def test_created_token_secret_reaches_the_response_file_only(world, tmp_path, log_text):
    responses = tmp_path / "tokens.jsonl"
    op = endpoints.DockerHubCreateOrgAccessTokenOperator(task_id="t", records=[{"org": "acme", "label": "deploy"}],
                                                         response_path=str(responses), push_responses="all")
    ti = FakeTaskInstance()
    result = op.execute({"ti": ti})
    secret = json.loads(responses.read_text())["response"]["token"]
    assert secret.startswith("dckr_oat_")
    assert secret not in json.dumps(result) + json.dumps(ti.xcom) and secret not in log_text()


# -- the live service's bodies (docs/docker-hub-api.md S1, M2, M3, M6) ---------------------------------
def _sent(world, path_part: str):
    return [r for r in world.hub.requests if path_part in r.path and r.method != "GET"]


def test_scim_update_keeps_users_active_and_applies_name_changes(world):
    op = endpoints.DockerHubUpdateScimUserOperator(
        task_id="t", dockerhub_conn_id="dockerhub_scim",
        records=[{"user_id": world.scim_user_id, "userName": "erin@example.com", "givenName": "Erin",
                  "familyName": "Evergreen"}])
    assert op.execute({})["succeeded"] == 1
    body = _sent(world, "/scim/")[-1].body
    assert body == {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "erin@example.com",
                    "name": {"givenName": "Erin", "familyName": "Evergreen"}, "active": True}
    user = world.hub.state.scim_users[world.scim_user_id]
    assert (user.active, user.family_name) == (True, "Evergreen")


def test_scim_update_reads_the_documents_enabled_as_active(world):
    op = endpoints.DockerHubUpdateScimUserOperator(
        task_id="t", dockerhub_conn_id="dockerhub_scim",
        records=[{"user_id": world.scim_user_id, "userName": "erin@example.com", "enabled": False}])
    op.execute({})
    assert _sent(world, "/scim/")[-1].body["active"] is False and "enabled" not in _sent(world, "/scim/")[-1].body
    assert world.hub.state.scim_users[world.scim_user_id].active is False


def test_scim_update_without_username_is_rejected_before_sending(world):
    op = endpoints.DockerHubUpdateScimUserOperator(
        task_id="t", dockerhub_conn_id="dockerhub_scim", on_error="continue",
        records=[{"user_id": world.scim_user_id, "active": True}])
    assert op.execute({})["rejected"] == 1
    assert not _sent(world, "/scim/")


def test_member_role_takes_editor_in_any_case_and_custom_roles(world):
    world.hub.add_org("acme", custom_roles=["release-manager"])
    op = endpoints.DockerHubUpdateOrgMemberRoleOperator(task_id="t", records=[
        {"org": "acme", "username": "bob", "role": "Editor"},
        {"org": "acme", "username": "carol", "role": "release-manager"}])
    assert op.execute({})["succeeded"] == 2
    assert [r.body for r in _sent(world, "/members/")] == [{"role": "editor"}, {"role": "release-manager"}]
    assert world.hub.state.orgs["acme"].members == {"alice": "owner", "bob": "editor", "carol": "release-manager"}


def test_bulk_invite_reads_the_flat_answer_and_sends_editor(world):
    op = endpoints.DockerHubBulkInviteOperator(task_id="t", on_error="continue", records=[
        {"invitee": "ivy@example.com", "org": "acme", "role": "Editor"},
        {"invitee": "bob", "org": "acme", "role": "Editor"}])
    result = op.execute({})
    assert (result["succeeded"], result["unchanged"], result["failed"]) == (2, 1, 0)  # bob: existing_org_member
    assert _sent(world, "/invites/bulk")[-1].body["role"] == "editor"
    assert {i.invitee: i.role for i in world.hub.state.invites.values()}["ivy@example.com"] == "editor"


def test_docker_ids_with_capitals_are_rejected_before_a_404(world):
    """Docker IDs are lower case and paths case-sensitive (docs/docker-hub-api.md N1, N2)."""
    op = endpoints.DockerHubUpdateOrgMemberRoleOperator(task_id="t", on_error="continue", records=[
        {"org": "Acme", "username": "bob", "role": "editor"}, {"org": "acme", "username": "Bob", "role": "editor"},
        {"org": "acme", "username": "bob", "role": "editor"}])
    result = op.execute({})
    assert (result["succeeded"], result["rejected"]) == (1, 2)
    assert [f["reason"] for f in result["first_failures"]] == [
        "attribute 'org' is 'Acme'; Docker IDs are lower case ('acme')",
        "attribute 'username' is 'Bob'; Docker IDs are lower case ('bob')"]
    assert len(_sent(world, "/members/")) == 1
