"""A small seeded Docker Hub used by the emulator tests, and a raw client that logs in to it."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.openapi import SPEC_PATH

#: The official document as bundled in the package (``test_emulator_contract`` pins its bytes).
OFFICIAL_SPEC = SPEC_PATH

PASSWORD = "alice-password-1"
SCIM_TOKEN = "scim-token-acme-123"
SCIM_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"


@dataclass
class World:
    """The seeded emulator and the ids tests need."""

    hub: DockerHubEmulator
    pat_uuid: str
    pat_token: str
    oat_id: str
    oat_token: str
    group_id: int
    invite_id: str
    scim_user_id: str

    def token(self, identifier: str = "alice", secret: str = PASSWORD) -> str:
        response = requests.post(f"{self.hub.url}/v2/auth/token", json={"identifier": identifier, "secret": secret},
                                 timeout=5)
        response.raise_for_status()
        return response.json()["access_token"]

    def call(self, method: str, path: str, body=None, *, token: str | None = None, scim: bool = False):
        bearer = SCIM_TOKEN if scim else (token or self.token())
        headers = {"Authorization": f"Bearer {bearer}"}
        if scim:
            headers["Content-Type"] = "application/scim+json"
        data = None if body is None else __import__("json").dumps(body)
        if data is not None and not scim:
            headers["Content-Type"] = "application/json"
        return requests.request(method, f"{self.hub.url}{path}", data=data, headers=headers, timeout=5)


def seed(hub: DockerHubEmulator) -> World:
    """alice owns org acme (bob and carol are members, bob in group devs), acme/web exists."""
    hub.add_user("alice", password=PASSWORD)
    hub.add_user("bob", password="bob-password-1")
    hub.add_user("carol")
    hub.add_org("acme", owners=["alice"], members={"bob": "member", "carol": "member"})
    group = hub.add_group("acme", "devs", ["bob"])
    hub.add_repository("acme", "web")
    pat = hub.add_personal_access_token("alice", "dckr_pat_alice_read", scopes=["repo:read"])
    oat = hub.add_org_access_token("acme", "dckr_oat_acme_ci")
    hub.add_scim_token("acme", SCIM_TOKEN)
    invite = hub.state.add_invite("acme", "dave@example.com", inviter="alice", team="devs", invite_id="inv-1")
    scim_user = hub.state.add_scim_user("acme", "erin@example.com", "Erin", "E", user_id="scim-1")
    return World(hub, pat.uuid, pat.token, oat.id, oat.token, group.id, invite.id, scim_user.id)


def sample_calls(world: World) -> dict[tuple[str, str], tuple[str, dict | None]]:
    """One successful call (concrete path, body) for each write operation of the document."""
    ns_repo = "/v2/namespaces/acme/repositories/web"
    return {
        ("POST", "/v2/users/login"): ("/v2/users/login", {"username": "alice", "password": PASSWORD}),
        ("POST", "/v2/auth/token"): ("/v2/auth/token", {"identifier": "alice", "secret": PASSWORD}),
        ("POST", "/v2/access-tokens"): ("/v2/access-tokens", {"token_label": "ci", "scopes": ["repo:read"]}),
        ("PATCH", "/v2/access-tokens/{uuid}"): (f"/v2/access-tokens/{world.pat_uuid}", {"is_active": False}),
        ("DELETE", "/v2/access-tokens/{uuid}"): (f"/v2/access-tokens/{world.pat_uuid}", None),
        ("PUT", "/v2/orgs/{name}/settings"): ("/v2/orgs/acme/settings", {"restricted_images": {
            "enabled": True, "allow_official_images": True, "allow_verified_publishers": False}}),
        ("POST", "/v2/orgs/{name}/access-tokens"): ("/v2/orgs/acme/access-tokens", {
            "label": "deploy", "resources": [{"type": "TYPE_REPO", "path": "acme/web", "scopes": ["repo-pull"]}]}),
        ("PATCH", "/v2/orgs/{org_name}/access-tokens/{access_token_id}"): (
            f"/v2/orgs/acme/access-tokens/{world.oat_id}", {"is_active": False}),
        ("DELETE", "/v2/orgs/{org_name}/access-tokens/{access_token_id}"): (
            f"/v2/orgs/acme/access-tokens/{world.oat_id}", None),
        ("PATCH", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags"): (
            f"{ns_repo}/immutabletags", {"immutable_tags": True, "immutable_tags_rules": ["v.*"]}),
        ("POST", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags/verify"): (
            f"{ns_repo}/immutabletags/verify", {"regex": "v1"}),
        ("POST", "/v2/repositories/{namespace}/{repository}/groups"): (
            "/v2/repositories/acme/web/groups", {"group_id": world.group_id, "permission": "write"}),
        ("POST", "/v2/namespaces/{namespace}/repositories"): (
            "/v2/namespaces/acme/repositories", {"name": "api", "namespace": "acme", "is_private": True}),
        ("PUT", "/v2/orgs/{org_name}/members/{username}"): ("/v2/orgs/acme/members/bob", {"role": "editor"}),
        ("DELETE", "/v2/orgs/{org_name}/members/{username}"): ("/v2/orgs/acme/members/bob", None),
        ("POST", "/v2/orgs/{org_name}/groups"): ("/v2/orgs/acme/groups", {"name": "ops"}),
        ("PUT", "/v2/orgs/{org_name}/groups/{group_name}"): ("/v2/orgs/acme/groups/devs", {"name": "developers"}),
        ("PATCH", "/v2/orgs/{org_name}/groups/{group_name}"): ("/v2/orgs/acme/groups/devs", {"name": "dev-team"}),
        ("DELETE", "/v2/orgs/{org_name}/groups/{group_name}"): ("/v2/orgs/acme/groups/devs", None),
        ("POST", "/v2/orgs/{org_name}/groups/{group_name}/members"): (
            "/v2/orgs/acme/groups/devs/members", {"member": "carol"}),
        ("DELETE", "/v2/orgs/{org_name}/groups/{group_name}/members/{username}"): (
            "/v2/orgs/acme/groups/devs/members/bob", None),
        ("DELETE", "/v2/invites/{id}"): (f"/v2/invites/{world.invite_id}", None),
        ("PATCH", "/v2/invites/{id}/resend"): (f"/v2/invites/{world.invite_id}/resend", None),
        ("POST", "/v2/invites/bulk"): ("/v2/invites/bulk", {
            "org": "acme", "team": "devs", "role": "member", "invitees": ["new@example.com", "bob", "not an id"]}),
        ("POST", "/v2/scim/2.0/Users"): ("/v2/scim/2.0/Users", {"schemas": [SCIM_SCHEMA], "userName": "jane@example.com",
                                                               "name": {"givenName": "Jane", "familyName": "Doe"}}),
        ("PUT", "/v2/scim/2.0/Users/{id}"): (f"/v2/scim/2.0/Users/{world.scim_user_id}", {
            "schemas": [SCIM_SCHEMA], "userName": "erin@example.com", "name": {"givenName": "Erin", "familyName": "Ever"},
            "active": False}),  # the live body (catalogue row S1)
    }
