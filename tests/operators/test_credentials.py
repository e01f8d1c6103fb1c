"""Which credential may call which endpoint (docs/docker-hub-api.md rows C2 to C7): a refusal of the
credential fails its records, or the sync's read, with Docker Hub's reason and the credential that would do."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.operators.endpoints import (
    DockerHubCreateAccessTokenOperator,
    DockerHubCreateGroupOperator,
    DockerHubCreateOrgAccessTokenOperator,
    DockerHubCreateRepositoryGroupOperator,
    DockerHubCreateRepositoryOperator,
    DockerHubUpdateOrgSettingsOperator,
)
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

PAT_ONLY_REPOSITORIES = "a personal access token manages repositories only"
OAT_ONLY_ITS_ORG = "an organization access token administers only its own organization's members, invites and groups"
SETTINGS = {"org": "acme", "restricted_images": {"enabled": True, "allow_official_images": True,
                                                 "allow_verified_publishers": False}}


@pytest.fixture
def pat_login(hub, dockerhub_connection):
    """``dockerhub_default`` logs alice in with a repo:admin personal access token."""
    hub.add_personal_access_token("alice", "dckr_pat_alice_admin", scopes=["repo:admin"])
    dockerhub_connection("alice", "dckr_pat_alice_admin")


@pytest.fixture
def oat_login(hub, dockerhub_connection):
    """``dockerhub_default`` logs in with an organization access token of acme (member, invite and group Edit
    scopes: all that C3 allows)."""
    hub.add_org_access_token("acme", "dckr_oat_acme_ci")
    dockerhub_connection("acme", "dckr_oat_acme_ci")


def failure_of(run_op, operator) -> str:
    """The error ``operator``'s task fails with (a record's reason, or the sync's read error)."""
    with pytest.raises(AirflowException) as failed:
        run_op(operator)
    return str(failed.value)


def test_c2_c6_a_pat_manages_repositories_but_not_organizations_or_tokens(hub, run_op, pat_login):
    created, _ = run_op(DockerHubCreateRepositoryOperator(task_id="r", records=[{"namespace": "acme", "name": "api"}]))
    assert created["succeeded"] == 1

    group = failure_of(run_op, DockerHubCreateGroupOperator(task_id="g", records=[{"org": "acme", "name": "ops"}]))
    assert "HTTP 403: token issued from personal access token" in group and PAT_ONLY_REPOSITORIES in group
    token = failure_of(run_op, DockerHubCreateAccessTokenOperator(
        task_id="t", records=[{"token_label": "ci", "scopes": ["repo:read"]}]))
    assert "HTTP 403" in token and PAT_ONLY_REPOSITORIES in token
    assert hub.state.orgs["acme"].groups.keys() == {"devs"}


def test_c2_a_sync_read_refused_to_a_pat_fails_the_run_saying_which_login_would_do(hub, run_op, pat_login):
    read = failure_of(run_op, DockerHubSyncOperator(
        task_id="s", resource="groups", records=[{"org": "acme", "name": "devs"}], mode="mirror", max_deletes=0))
    assert "403" in read and PAT_ONLY_REPOSITORIES in read
    assert hub.writes() == []


def test_c3_an_oat_without_the_scope_fails_the_record_with_docker_hubs_reason(hub, run_op, dockerhub_connection):
    """Catalogue row C3: an OAT may change groups only with scope-group-edit; one that can only read them gets
    Docker Hub's 403 "insufficient scope" and the record fails with that reason and the scope to grant, nothing
    changed. The hint for an OAT refused outright (use a password login) would mislead here."""
    hub.add_org_access_token("acme", "dckr_oat_acme_read", resources=[
        {"type": "TYPE_ORG", "path": "acme", "scopes": ["scope-member-edit", "scope-group-read"]}])
    dockerhub_connection("acme", "dckr_oat_acme_read")
    group = failure_of(run_op, DockerHubCreateGroupOperator(task_id="g", records=[{"org": "acme", "name": "ops"}]))
    assert "records[0]: HTTP 403: insufficient scope (the access token lacks a scope this call needs" in group
    assert "group scope (Read to read, Edit to change)" in group and OAT_ONLY_ITS_ORG not in group
    assert hub.state.orgs["acme"].groups.keys() == {"devs"}

    hub.add_org_access_token("acme", "dckr_oat_acme_edit", resources=[
        {"type": "TYPE_ORG", "path": "acme", "scopes": ["scope-group-edit"]}])
    dockerhub_connection("acme", "dckr_oat_acme_edit")
    created, _ = run_op(DockerHubCreateGroupOperator(task_id="g2", records=[{"org": "acme", "name": "ops"}]))
    assert created["succeeded"] == 1 and hub.state.orgs["acme"].groups.keys() == {"devs", "ops"}


def test_c4_c5_an_oat_cannot_manage_org_tokens_or_image_access_settings(hub, run_op, oat_login):
    created, _ = run_op(DockerHubCreateGroupOperator(task_id="g", records=[{"org": "acme", "name": "ops"}]))
    assert created["succeeded"] == 1  # C3: an OAT administers groups

    oat = failure_of(run_op, DockerHubCreateOrgAccessTokenOperator(
        task_id="o", records=[{"org": "acme", "label": "x", "resources": []}]))
    assert "HTTP 403" in oat and OAT_ONLY_ITS_ORG in oat
    settings = failure_of(run_op, DockerHubUpdateOrgSettingsOperator(task_id="s", records=[SETTINGS]))
    assert "HTTP 403" in settings and OAT_ONLY_ITS_ORG in settings


def test_c7_a_grant_or_a_create_needs_repo_admin_and_the_refusal_names_the_scope(hub, run_op, dockerhub_connection):
    hub.add_repository("acme", "web")
    hub.add_personal_access_token("alice", "dckr_pat_alice_write", scopes=["repo:write"])
    dockerhub_connection("alice", "dckr_pat_alice_write")
    group_id = hub.state.orgs["acme"].groups["devs"].id
    grant = failure_of(run_op, DockerHubCreateRepositoryGroupOperator(
        task_id="p", records=[{"namespace": "acme", "repository": "web", "group_id": group_id,
                               "permission": "read"}]))
    assert "HTTP 403" in grant and "repo:admin" in grant
    create = failure_of(run_op, DockerHubCreateRepositoryOperator(task_id="c", records=[{"namespace": "acme",
                                                                                           "name": "api"}]))
    assert "HTTP 403" in create and "repo:admin" in create  # creating a repository needs Read, Write and Delete
