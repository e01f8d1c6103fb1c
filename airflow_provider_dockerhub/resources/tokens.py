"""Access tokens: their secret is shown once, when they are created."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from airflow_provider_dockerhub.hub import PAT_SCOPES
from airflow_provider_dockerhub.presets.endpoint import BOOLEAN, EndpointPreset
from airflow_provider_dockerhub.resources.base import Record, ResourceKind, only

_OAT = {"org_name": "org", "access_token_id": "access_token_id"}

CREATE_ACCESS_TOKEN = EndpointPreset(
    "create_access_token", "POST", "/v2/access-tokens",
    "Create a personal access token (the secret is returned once; capture it with response_path or a webhook).",
    required=("token_label", "scopes"), body_fields=("token_label", "scopes", "expires_at"),
    enums={"scopes": PAT_SCOPES}, example={"token_label": "ci-read", "scopes": ["repo:read"]})

UPDATE_ACCESS_TOKEN = EndpointPreset(
    "update_access_token", "PATCH", "/v2/access-tokens/{uuid}",
    "Rename a personal access token or activate/deactivate it.",
    path_attributes={"uuid": "uuid"}, body_fields=("token_label", "is_active"), enums={"is_active": BOOLEAN},
    example={"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb", "is_active": False})

DELETE_ACCESS_TOKEN = EndpointPreset(
    "delete_access_token", "DELETE", "/v2/access-tokens/{uuid}",
    "Delete a personal access token.", path_attributes={"uuid": "uuid"},
    body_builder=None, example={"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb"})

CREATE_ORG_ACCESS_TOKEN = EndpointPreset(
    "create_org_access_token", "POST", "/v2/orgs/{name}/access-tokens",
    "Create an organization access token (the secret is returned once).",
    path_attributes={"name": "org"}, required=("label",),
    body_fields=("label", "description", "resources", "expires_at"),
    example={"org": "acme", "label": "deploy", "resources": [
        {"type": "TYPE_REPO", "path": "acme/web", "scopes": ["repo-pull"]}]})

UPDATE_ORG_ACCESS_TOKEN = EndpointPreset(
    "update_org_access_token", "PATCH", "/v2/orgs/{org_name}/access-tokens/{access_token_id}",
    "Update an organization access token's label, description, resources or active state.",
    path_attributes=_OAT, body_fields=("label", "description", "resources", "is_active"),
    enums={"is_active": BOOLEAN},
    example={"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861", "is_active": False})

DELETE_ORG_ACCESS_TOKEN = EndpointPreset(
    "delete_org_access_token", "DELETE",
    "/v2/orgs/{org_name}/access-tokens/{access_token_id}", "Delete an organization access token.",
    path_attributes=_OAT,
    body_builder=None, example={"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861"})


def _secret_responses(events: Iterable[Mapping[str, Any]], id_key: str) -> Iterable[tuple[Mapping[str, Any], str]]:
    """(event, token id) of every response event that holds a token's secret."""
    for event in events:
        response = event.get("response")
        if isinstance(response, dict) and response.get("token") and response.get(id_key):
            yield event, str(response[id_key])


class AccessTokens(ResourceKind):
    name = "access_tokens"
    notes = ("The secret is shown once: `response_path` keeps it, matched by `uuid`; a token whose secret is not "
             "held is revoked and created again in upsert and mirror (counted by the guard).")
    summary = "Personal access tokens of the authenticated user."
    identity = ("token_label",)
    list_path = "/v2/access-tokens"
    get_path = "/v2/access-tokens/{uuid}"
    compared = ("is_active",)
    create = CREATE_ACCESS_TOKEN
    update = UPDATE_ACCESS_TOKEN
    delete = DELETE_ACCESS_TOKEN
    secret_once = True

    def create_record(self, desired: Record) -> dict[str, Any]:
        return only(desired, "token_label", "scopes", "expires_at")

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"uuid": existing["uuid"], "is_active": desired["is_active"]}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return {"uuid": existing["uuid"]}

    def secret_id(self, existing: Record) -> str | None:
        return str(existing["uuid"]) if existing.get("uuid") else None

    def captured(self, events: Iterable[Mapping[str, Any]]) -> set[str]:
        return {token_id for _, token_id in _secret_responses(events, "uuid")}


class OrgAccessTokens(ResourceKind):
    name = "org_access_tokens"
    notes = "As personal tokens, matched by `id`."
    summary = "Organization access tokens."
    identity = ("org", "label")
    scope = ("org",)
    docker_ids = frozenset({"org"})
    list_path = "/v2/orgs/{org}/access-tokens"
    get_path = "/v2/orgs/{org}/access-tokens/{access_token_id}"
    detail_path = "/v2/orgs/{org}/access-tokens/{id}"  # the list leaves out description (O1, O2)
    detail_fields = ("description",)
    compared = ("description", "is_active")
    create = CREATE_ORG_ACCESS_TOKEN
    update = UPDATE_ORG_ACCESS_TOKEN
    delete = DELETE_ORG_ACCESS_TOKEN
    secret_once = True

    def create_record(self, desired: Record) -> dict[str, Any]:
        return super().create_record(only(desired, "org", "label", "description", "resources", "expires_at"))

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "access_token_id": existing["id"], **only(desired, "description", "is_active")}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "access_token_id": existing["id"]}

    def secret_id(self, existing: Record) -> str | None:
        return str(existing["id"]) if existing.get("id") else None

    def captured(self, events: Iterable[Mapping[str, Any]]) -> set[str]:
        return {token_id for event, token_id in _secret_responses(events, "id")
                if re.search(r"/v2/orgs/[^/]+/access-tokens", str(event.get("url")))}
