"""An organization's members and its pending invites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hooks.pagination import DataListPaginator
from airflow_provider_dockerhub.hub import ORG_ROLES
from airflow_provider_dockerhub.pipeline.account import read_bulk_invites
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.resources.base import GetJson, Identity, Paginate, Record, ResourceKind

#: A role as a record may give it: a core role (any case) or a custom role's name.
ORG_ROLE = r"\S(?:[^\n]{0,98}\S)?"

INVITEE = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}|[^@\s]+@[^@\s]+\.[^@\s]+"

_MEMBER = {"org_name": "org", "username": "username"}


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




UPDATE_ORG_MEMBER_ROLE = EndpointPreset(
    "update_org_member_role", "PUT", "/v2/orgs/{org_name}/members/{username}",
    "Change an organization member's role: owner, editor, member or a custom role's name.",
    path_attributes=_MEMBER, required=("role",), body_fields=("role",), patterns={"role": ORG_ROLE},
    body_builder=role_body, example={"org": "acme", "username": "bob", "role": "editor"})

REMOVE_ORG_MEMBER = EndpointPreset(
    "remove_org_member", "DELETE", "/v2/orgs/{org_name}/members/{username}",
    "Remove a member from an organization.", path_attributes=_MEMBER,
    body_builder=None, example={"org": "acme", "username": "bob"})

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

#: Why a pending invite whose role differs is left as it is (the next run after acceptance changes it).
PENDING_ROLE = "a pending invite's role can change only once it is accepted (docs/docker-hub-api.md M8)"


class OrgMembers(ResourceKind):
    """Members and pending invites. A pending invite counts as present (it is never sent twice); a member is
    named by username or by email, and an invite by its invitee, so an accepted invite is its member."""

    name = "org_members"
    notes = ("Named by username or email; a pending invite counts as present and its invitee names it; invites are"
             " sent in bulk, grouped by team and role; roles `owner`, `editor`, `member` in any case or a custom "
             "role's exact name (M2, M3); a pending invite's role cannot change (M8); mirror cancels invites and "
             "never removes the caller.")
    summary = "Members of an organization, pending invites included."
    identity = ("org", "username")
    scope = ("org",)
    docker_ids = frozenset({"org", "username"})
    list_path = "/v2/orgs/{org}/members"
    invites_path = "/v2/orgs/{org}/invites"
    compared = ("role",)
    create = BULK_INVITE
    update = UPDATE_ORG_MEMBER_ROLE
    delete = REMOVE_ORG_MEMBER
    cancel = CANCEL_INVITE
    actions = (cancel, RESEND_INVITE)

    def prepare(self, record: Record) -> dict[str, Any]:
        prepared = {**record, "username": record.get("username") or record.get("email")}
        if "role" in prepared:  # the member list itself says "Member" (docs/docker-hub-api.md M2)
            prepared["role"] = role_value(prepared["role"])
        return prepared

    def aliases(self, existing: Record) -> tuple[Identity, ...]:
        org = self.fold(existing["org"])
        names = [existing.get("username"), existing.get("email")]
        return tuple((org, self.fold(name)) for name in dict.fromkeys(names) if name)

    def read(self, paginate: Paginate, get_json: GetJson, scope: Mapping[str, Any]) -> list[dict[str, Any]]:
        members = [{**m, "role": role_value(m.get("role")), "pending": False}
                   for m in super().read(paginate, get_json, scope)]
        path = self.path(self.invites_path, scope)
        invites = [self.checked(path, {**i, **scope, "username": i.get("invitee"), "role": role_value(i.get("role")),
                                       "pending": True} if isinstance(i, dict) else i)
                   for i in paginate(path, paginator=DataListPaginator(), page_size=self.page_size)]
        return members + invites

    def view(self, name: str, value: Any) -> Any:
        # core roles in any case, custom roles by their exact name; no role named means member
        return role_value(value or "member")

    def held_back(self, existing: Record) -> str:
        return PENDING_ROLE if existing["pending"] else ""

    def protected(self, existing: Record, login: str | None) -> bool:
        return bool(login) and not existing["pending"] and self.fold(existing.get("username")) == self.fold(login)

    def create_record(self, desired: Record) -> dict[str, Any]:
        invitee = desired["username"]
        return {"org": desired["org"].lower(), "invitee": invitee if "@" in invitee else invitee.lower(),
                "role": desired.get("role") or "member", "team": desired.get("team")}

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "username": existing["username"], "role": desired["role"]}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        if existing["pending"]:
            return {"invite_id": existing["id"]}
        return {"org": existing["org"], "username": existing["username"]}

    def deleter(self, existing: Record) -> EndpointPreset | None:
        return self.cancel if existing["pending"] else self.delete

    def delete_kind(self, existing: Record) -> str:
        return "cancel" if existing["pending"] else "delete"


class OrgInvites(ResourceKind):
    name = "org_invites"
    summary = "Pending invites of an organization."
    identity = ("org", "invitee")
    scope = ("org",)
    docker_ids = frozenset({"org"})
    list_path = "/v2/orgs/{org}/invites"
    paginator = DataListPaginator()
    syncable = False  # invites are synced as the pending part of ``org_members``


