"""Endpoint presets: every Docker Hub write endpoint described as data.

Each preset says which method and path to call, which record attributes fill the path, which go
in the body, which are required and which values an attribute may take. ``operators.endpoints``
turns each preset into a ``DockerHub<Action>Operator``; ``DockerHubSendOperator(endpoint_preset=...)``
reaches the same presets by name (``get_preset``). Each preset is a module constant named after it
(``CREATE_ACCESS_TOKEN``) that the generated operators and the resource classes reference directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from airflow_provider_dockerhub.hub import ORG_ROLES, PAT_SCOPES, REPO_PERMISSIONS, SCIM_CONTENT_TYPE, SCIM_USER_SCHEMA
from airflow_provider_dockerhub.pipeline.account import ResponseReader, read_bulk_invites, read_whole_call
from airflow_provider_dockerhub.presets.readme import PATH_ATTRIBUTE, resolve_full_description, text_limits_problem

#: A JSON boolean: a CSV "false" string would be read by Docker Hub as true.
BOOLEAN = (True, False)

BodyBuilder = Callable[[Any, tuple[str, ...], "str | None"], Any]
RecordPrepare = Callable[[Mapping[str, Any]], Mapping[str, Any]]
RecordCheck = Callable[[Mapping[str, Any]], "str | None"]

#: A role as a record may give it: a core role (any case) or a custom role's name.
ORG_ROLE = r"\S(?:[^\n]{0,98}\S)?"
#: Docker Hub's rule for a repository name; what can be an invitee at all (a Docker ID or an email address).
REPOSITORY_NAME = r"[a-z0-9]+(?:[._-][a-z0-9]+)*"
#: Record attributes that hold a Docker ID (a user or an organization): lower case on Docker Hub, and paths are
#: case-sensitive, so a capital would only earn a 404 (docs/docker-hub-api.md N1, N2).
DOCKER_ID_ATTRIBUTES = ("org", "namespace", "username", "member")
INVITEE = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}|[^@\s]+@[^@\s]+\.[^@\s]+"


def repository_update_problem(record: Mapping[str, Any]) -> str | None:
    """A repository update changes something (a text, or a README file), within Docker Hub's limits."""
    if all(record.get(name) is None for name in ("description", "full_description")):
        return f"update_repository needs description, full_description or {PATH_ATTRIBUTE}"
    return text_limits_problem(record)


def fields_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """The record's ``fields`` that it has (path-only attributes stay out of the body)."""
    return {name: record[name] for name in fields if name in record}


def scim_user_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """SCIM user body; flat ``givenName``/``familyName`` attributes (CSV-friendly) go under ``name``."""
    body = fields_body(record, fields, None)
    body.setdefault("schemas", [SCIM_USER_SCHEMA])
    name = dict(body.get("name") or {})
    for part in ("givenName", "familyName"):
        if body.get(part) is not None:
            name[part] = body.pop(part)
    if name:
        body["name"] = name
    return body


def scim_update_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """The live SCIM PUT body (docs/docker-hub-api.md S1): ``userName``, the name, and always ``active``, which
    the service takes as false when omitted. A record without ``active`` keeps the user active; the
    document's ``enabled`` is read as ``active`` and not sent."""
    body = scim_user_body(record, fields, dry_run_field)
    enabled = body.pop("enabled", True)
    body["active"] = record.get("active", enabled)
    return body


def role_value(role: Any) -> Any:
    """A core role in the lower case writes take (``Editor`` -> ``editor``); a custom role's name as given."""
    return role.lower() if isinstance(role, str) and role.lower() in ORG_ROLES else role


def role_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """``{"role": ...}`` for a member role update (core roles folded to lower case, M3)."""
    return {"role": role_value(record["role"])}


def bulk_invites_body(records: list[dict[str, Any]], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """One ``/v2/invites/bulk`` body for a batch of invitees sharing org, team and role."""
    first = records[0]
    body = {"org": first["org"], "invitees": [r["invitee"] for r in records]}
    for optional in ("team", "role"):
        if first.get(optional) not in (None, ""):
            body[optional] = role_value(first[optional]) if optional == "role" else first[optional]
    if dry_run_field:
        body[dry_run_field] = True
    return body



@dataclass(frozen=True)
class EndpointPreset:
    """
    One Docker Hub write endpoint as data.

    :param name: registry key, e.g. ``create_repository``; it names the generated operator (``operator_name``).
    :param method: HTTP method.
    :param path: the OpenAPI path template, e.g. ``/v2/orgs/{org_name}/members/{username}``.
    :param summary: one line for the docs.
    :param path_attributes: path parameter -> record attribute that fills it.
    :param required: body attributes that must be present (path attributes always are, see ``required_attributes``).
    :param body_fields: attributes copied into the body (when present); path-only attributes are not.
    :param enums: attribute -> allowed values (for a list, every item is checked).
    :param patterns: attribute -> a regular expression its text must match (Docker Hub's own rules).
    :param defaults: attribute values filled in when a record lacks them.
    :param content_type: request content type.
    :param body_builder: builds the body from the shaped record (or the batch's records) and the body
        fields; None for calls without a body.
    :param group_by: attributes whose records share one call; set for natively batched endpoints.
    :param response_reader: turns a response into per-record outcomes.
    :param api_dry_run: the body field that asks the API itself for a dry run, if it has one.
    :param example: a sample record, used in the docs and the tests.
    :param prepare: turns a record into the record to check and send (e.g. reads the file it names); a
        ValueError rejects the record with its message.
    :param extra_check: a further check after the attribute checks (e.g. Docker Hub's length limits).
    :param source: for an endpoint the OpenAPI document lacks, the public code that shows the live one.
    """

    name: str
    method: str
    path: str
    summary: str
    path_attributes: Mapping[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    enums: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    patterns: Mapping[str, str] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    content_type: str = "application/json"
    body_builder: BodyBuilder | None = field(default=fields_body, repr=False)
    group_by: tuple[str, ...] = ()
    response_reader: ResponseReader = field(default=read_whole_call, repr=False)
    api_dry_run: str | None = None
    example: Mapping[str, Any] = field(default_factory=dict)
    prepare: RecordPrepare | None = field(default=None, repr=False)
    extra_check: RecordCheck | None = field(default=None, repr=False)
    source: str | None = None

    @property
    def operator_name(self) -> str:
        """The generated operator's class name: ``create_access_token`` -> ``DockerHubCreateAccessTokenOperator``."""
        return "DockerHub" + "".join(word.capitalize() for word in self.name.split("_")) + "Operator"

    @property
    def documented(self) -> bool:
        """True when the endpoint is in Docker Hub's OpenAPI document (``source`` is None)."""
        return self.source is None

    @property
    def batched(self) -> bool:
        """True for natively batched endpoints (many records per call)."""
        return bool(self.group_by)

    @property
    def required_attributes(self) -> tuple[str, ...]:
        """Every attribute a record must have: the path ones, then the required body ones."""
        return tuple(dict.fromkeys([*self.path_attributes.values(), *self.required]))

    @property
    def attributes(self) -> tuple[str, ...]:
        """Every record attribute the preset reads, path ones first."""
        seen = dict.fromkeys([*self.required_attributes, *self.body_fields, *self.group_by])
        return tuple(seen)

    def endpoint_template(self) -> str:
        """The path as the send operator's endpoint template (each value encoded as one segment)."""
        return re.sub(r"\{(\w+)\}", lambda m: '{{ record["%s"] }}' % self.path_attributes[m.group(1)], self.path)

    def check(self, record: Mapping[str, Any]) -> str | None:
        """Why ``record`` (defaults already filled in) cannot be sent: a missing attribute or a value outside
        an enum; None when it can. It does not change the record."""
        missing = [name for name in self.required_attributes if record.get(name) in (None, "")]
        if missing:
            return f"missing required attribute {missing[0]!r} for {self.name}"
        for name, allowed in self.enums.items():
            value = record.get(name)
            values = value if isinstance(value, list) else [value]
            bad = [v for v in values if v is not None and v not in allowed]
            if bad:
                return f"attribute {name!r} is {bad[0]!r}; {self.name} accepts one of {list(allowed)}"
        for name, pattern in self.patterns.items():
            value = record.get(name)
            if isinstance(value, str) and not re.fullmatch(pattern, value):
                return f"attribute {name!r} is {value!r}, which Docker Hub does not accept (must match {pattern})"
        for name in DOCKER_ID_ATTRIBUTES:
            value = record.get(name) if name in self.attributes else None
            if isinstance(value, str) and value != value.lower():
                return f"attribute {name!r} is {value!r}; Docker IDs are lower case ({value.lower()!r})"
        return self.extra_check(record) if self.extra_check is not None else None

    def body(self, api_dry_run: bool = False) -> Callable[[Any], Any] | None:
        """The body callable for the send operator, or None for calls without a body.

        ``api_dry_run`` asks the API itself to validate without changing anything (a call is made)."""
        if api_dry_run and self.api_dry_run is None:
            raise ValueError(f"{self.name} has no API dry run; use dry_run=True to preview without sending")
        if self.body_builder is None:
            return None
        builder, fields, dry_run_field = self.body_builder, self.body_fields, self.api_dry_run if api_dry_run else None
        return lambda payload: builder(payload, fields, dry_run_field)


_ORG = {"org_name": "org"}
_REPO = {"namespace": "namespace", "repository": "repository"}
_GROUP = {"org_name": "org", "group_name": "group_name"}
_OAT = {"org_name": "org", "access_token_id": "access_token_id"}
_MEMBER = {"org_name": "org", "username": "username"}
#: The live repository endpoints under ``/v2/repositories/`` (not in the OpenAPI document).
_LIVE_REPO = {"namespace": "namespace", "name": "name"}
_LIVE_REPO_PATH = "/v2/repositories/{namespace}/{name}/"
_HUB_TOOL = "docker/hub-tool pkg/hub/repositories.go, pkg/hub/tags.go"
_TERRAFORM = "docker/terraform-provider-docker internal/hubclient/client_repository.go"
#: One group's permission on a repository (docs/docker-hub-api.md G2-G4).
_GRANT = {**_REPO, "group_id": "group_id"}
_GRANT_PATH = "/v2/repositories/{namespace}/{repository}/groups/{group_id}/"

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
UPDATE_ORG_SETTINGS = EndpointPreset(
    "update_org_settings", "PUT", "/v2/orgs/{name}/settings",
    "Set an organization's restricted-images settings.",
    path_attributes={"name": "org"}, required=("restricted_images",), body_fields=("restricted_images",),
    example={"org": "acme", "restricted_images": {"enabled": True, "allow_official_images": True,
                                                  "allow_verified_publishers": False}})
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
UPDATE_IMMUTABLE_TAGS = EndpointPreset(
    "update_immutable_tags", "PATCH", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags",
    "Turn immutable tags on or off for a repository and set the rules.",
    path_attributes=_REPO, required=("immutable_tags", "immutable_tags_rules"),
    body_fields=("immutable_tags", "immutable_tags_rules"),
    example={"namespace": "acme", "repository": "web", "immutable_tags": True, "immutable_tags_rules": ["v.*"]})
VERIFY_IMMUTABLE_TAGS = EndpointPreset(
    "verify_immutable_tags", "POST", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags/verify",
    "List the tags an immutable-tag rule would match.",
    path_attributes=_REPO, required=("regex",), body_fields=("regex",),
    example={"namespace": "acme", "repository": "web", "regex": "v1"})
CREATE_REPOSITORY_GROUP = EndpointPreset(
    "create_repository_group", "POST",
    "/v2/repositories/{namespace}/{repository}/groups", "Give a group (team) a permission on a repository.",
    path_attributes=_REPO, required=("group_id", "permission"),
    body_fields=("group_id", "permission"), enums={"permission": REPO_PERMISSIONS},
    example={"namespace": "acme", "repository": "web", "group_id": 1, "permission": "write"})
UPDATE_REPOSITORY_GROUP = EndpointPreset(
    "update_repository_group", "PATCH", _GRANT_PATH,
    "Change a group's (team's) permission on a repository.", path_attributes=_GRANT, required=("permission",),
    body_fields=("permission",), enums={"permission": REPO_PERMISSIONS},
    example={"namespace": "acme", "repository": "web", "group_id": 1, "permission": "read"}, source=_TERRAFORM)
DELETE_REPOSITORY_GROUP = EndpointPreset(
    "delete_repository_group", "DELETE", _GRANT_PATH,
    "Take a group's (team's) permission on a repository away.", path_attributes=_GRANT, body_builder=None,
    example={"namespace": "acme", "repository": "web", "group_id": 1}, source=_TERRAFORM)
CREATE_REPOSITORY = EndpointPreset(
    "create_repository", "POST", "/v2/namespaces/{namespace}/repositories",
    "Create a repository in a user's or organization's namespace.",
    path_attributes={"namespace": "namespace"}, required=("name",),
    body_fields=("name", "namespace", "description", "full_description", "registry", "is_private"),
    patterns={"name": REPOSITORY_NAME},
    example={"namespace": "acme", "name": "web", "description": "Frontend", "is_private": True},
    prepare=resolve_full_description, extra_check=text_limits_problem)
UPDATE_REPOSITORY = EndpointPreset(
    "update_repository", "PATCH", _LIVE_REPO_PATH,
    f"Set a repository's short description and full description (README); ``{PATH_ATTRIBUTE}`` names a file "
    "or object-storage URI whose text is sent as the full description.",
    path_attributes=_LIVE_REPO, body_fields=("description", "full_description", PATH_ATTRIBUTE),
    example={"namespace": "acme", "name": "web", "description": "Frontend",
             "full_description": "# web\n\nThe frontend."}, source=_TERRAFORM,
    prepare=resolve_full_description, extra_check=repository_update_problem)
SET_REPOSITORY_PRIVACY = EndpointPreset(
    "set_repository_privacy", "POST", _LIVE_REPO_PATH + "privacy",
    "Make a repository private or public.", path_attributes=_LIVE_REPO, required=("is_private",),
    body_fields=("is_private",), enums={"is_private": (True, False)},
    example={"namespace": "acme", "name": "web", "is_private": True}, source=_TERRAFORM)
DELETE_REPOSITORY = EndpointPreset(
    "delete_repository", "DELETE", _LIVE_REPO_PATH,
    "Delete a repository with all its tags and images (this cannot be undone).", path_attributes=_LIVE_REPO,
    body_builder=None, example={"namespace": "acme", "name": "old-app"}, source=f"{_HUB_TOOL}; {_TERRAFORM}")
DELETE_TAG = EndpointPreset(
    "delete_tag", "DELETE", "/v2/repositories/{namespace}/{repository}/tags/{tag}/",
    "Delete a tag of a repository.", path_attributes={**_REPO, "tag": "tag"}, body_builder=None,
    example={"namespace": "acme", "repository": "web", "tag": "pr-123"}, source=_HUB_TOOL)
UPDATE_ORG_MEMBER_ROLE = EndpointPreset(
    "update_org_member_role", "PUT", "/v2/orgs/{org_name}/members/{username}",
    "Change an organization member's role: owner, editor, member or a custom role's name.",
    path_attributes=_MEMBER, required=("role",), body_fields=("role",), patterns={"role": ORG_ROLE},
    body_builder=role_body, example={"org": "acme", "username": "bob", "role": "editor"})
REMOVE_ORG_MEMBER = EndpointPreset(
    "remove_org_member", "DELETE", "/v2/orgs/{org_name}/members/{username}",
    "Remove a member from an organization.", path_attributes=_MEMBER,
    body_builder=None, example={"org": "acme", "username": "bob"})
CREATE_GROUP = EndpointPreset(
    "create_group", "POST", "/v2/orgs/{org_name}/groups",
    "Create a group (team) in an organization.", path_attributes=_ORG, required=("name",),
    body_fields=("name", "description"), example={"org": "acme", "name": "ops", "description": "Operations"})
UPDATE_GROUP = EndpointPreset(
    "update_group", "PUT", "/v2/orgs/{org_name}/groups/{group_name}",
    "Replace a group's name and description.", path_attributes=_GROUP, required=("name",),
    body_fields=("name", "description"), example={"org": "acme", "group_name": "devs", "name": "developers"})
PATCH_GROUP = EndpointPreset(
    "patch_group", "PATCH", "/v2/orgs/{org_name}/groups/{group_name}",
    "Change some of a group's details.", path_attributes=_GROUP, body_fields=("name", "description"),
    example={"org": "acme", "group_name": "devs", "description": "Developers"})
DELETE_GROUP = EndpointPreset(
    "delete_group", "DELETE", "/v2/orgs/{org_name}/groups/{group_name}",
    "Delete a group.", path_attributes=_GROUP,
    body_builder=None, example={"org": "acme", "group_name": "devs"})
ADD_GROUP_MEMBER = EndpointPreset(
    "add_group_member", "POST", "/v2/orgs/{org_name}/groups/{group_name}/members",
    "Add an organization member to a group.", path_attributes=_GROUP, required=("member",),
    body_fields=("member",), example={"org": "acme", "group_name": "devs", "member": "carol"})
REMOVE_GROUP_MEMBER = EndpointPreset(
    "remove_group_member", "DELETE",
    "/v2/orgs/{org_name}/groups/{group_name}/members/{username}", "Remove a user from a group.",
    path_attributes={**_GROUP, "username": "username"},
    body_builder=None, example={"org": "acme", "group_name": "devs", "username": "bob"})
CANCEL_INVITE = EndpointPreset(
    "cancel_invite", "DELETE", "/v2/invites/{id}", "Cancel a pending invite.",
    path_attributes={"id": "invite_id"},
    body_builder=None, example={"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"})
RESEND_INVITE = EndpointPreset(
    "resend_invite", "PATCH", "/v2/invites/{id}/resend", "Resend a pending invite.",
    path_attributes={"id": "invite_id"},
    body_builder=None, example={"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"})
BULK_INVITE = EndpointPreset(
    "bulk_invite", "POST", "/v2/invites/bulk",
    "Invite people (Docker IDs or emails) to an organization and team; one record per invitee, "
    "grouped by org, team and role into bulk calls; each invitee's status becomes its record's outcome.",
    required=("invitee", "org"), body_fields=("invitee", "org", "team", "role"),
    patterns={"invitee": INVITEE, "role": ORG_ROLE},
    defaults={"team": None, "role": "member"}, body_builder=bulk_invites_body, group_by=("org", "team", "role"),
    response_reader=read_bulk_invites, api_dry_run="dry_run",
    example={"invitee": "dana@example.com", "org": "acme", "team": "devs", "role": "member"})
CREATE_SCIM_USER = EndpointPreset(
    "create_scim_user", "POST", "/v2/scim/2.0/Users",
    "Provision a user through SCIM (connection with auth_type bearer and the SCIM token).",
    required=("userName",), body_fields=("schemas", "userName", "name", "givenName", "familyName"),
    content_type=SCIM_CONTENT_TYPE,
    body_builder=scim_user_body, example={"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"})
UPDATE_SCIM_USER = EndpointPreset(
    "update_scim_user", "PUT", "/v2/scim/2.0/Users/{id}",
    "Update a SCIM user's name or activate/deactivate it (active; a record without it keeps the user active).",
    path_attributes={"id": "user_id"}, required=("userName",),
    body_fields=("schemas", "userName", "name", "givenName", "familyName", "active", "enabled"),
    content_type=SCIM_CONTENT_TYPE, body_builder=scim_update_body, enums={"active": BOOLEAN, "enabled": BOOLEAN},
    example={"user_id": "d9bd4e6e-0c6a-4a3e-a2f2-b5d1a4b6b3c8", "userName": "jane@example.com",
             "givenName": "Jane", "active": False})

#: Every preset, in the order of the docs table.
PRESETS: tuple[EndpointPreset, ...] = (
    CREATE_ACCESS_TOKEN, UPDATE_ACCESS_TOKEN, DELETE_ACCESS_TOKEN, UPDATE_ORG_SETTINGS, CREATE_ORG_ACCESS_TOKEN,
    UPDATE_ORG_ACCESS_TOKEN, DELETE_ORG_ACCESS_TOKEN, UPDATE_IMMUTABLE_TAGS, VERIFY_IMMUTABLE_TAGS,
    CREATE_REPOSITORY_GROUP, UPDATE_REPOSITORY_GROUP, DELETE_REPOSITORY_GROUP, CREATE_REPOSITORY, UPDATE_REPOSITORY,
    SET_REPOSITORY_PRIVACY, DELETE_REPOSITORY, DELETE_TAG, UPDATE_ORG_MEMBER_ROLE, REMOVE_ORG_MEMBER, CREATE_GROUP,
    UPDATE_GROUP, PATCH_GROUP, DELETE_GROUP, ADD_GROUP_MEMBER, REMOVE_GROUP_MEMBER, CANCEL_INVITE, RESEND_INVITE,
    BULK_INVITE, CREATE_SCIM_USER, UPDATE_SCIM_USER,
)

_BY_NAME = {preset.name: preset for preset in PRESETS}


def named(table: Mapping[str, Any], name: str, what: str) -> Any:
    """``table[name]``; a KeyError that lists the known names."""
    try:
        return table[name]
    except KeyError:
        raise KeyError(f"unknown {what} {name!r}; known: {sorted(table)}") from None


def get_preset(name: str) -> EndpointPreset:
    """The preset called ``name``; KeyError lists the known ones."""
    preset: EndpointPreset = named(_BY_NAME, name, "endpoint_preset")
    return preset
