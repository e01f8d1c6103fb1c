"""What lives in an organization: groups, their members, the org's members and invites, its settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hooks.pagination import DataListPaginator
from airflow_provider_dockerhub.presets.registry import (
    ADD_GROUP_MEMBER,
    BULK_INVITE,
    CANCEL_INVITE,
    CREATE_GROUP,
    DELETE_GROUP,
    PATCH_GROUP,
    REMOVE_GROUP_MEMBER,
    REMOVE_ORG_MEMBER,
    RESEND_INVITE,
    UPDATE_GROUP,
    UPDATE_ORG_MEMBER_ROLE,
    UPDATE_ORG_SETTINGS,
    EndpointPreset,
    role_value,
)
from airflow_provider_dockerhub.resources.base import GetJson, Identity, Paginate, Record, ResourceKind, only


class Groups(ResourceKind):
    name = "groups"
    summary = "Groups (teams) of an organization."
    identity = ("org", "name")
    scope = ("org",)
    docker_ids = frozenset({"org"})
    list_path = "/v2/orgs/{org}/groups"
    get_path = "/v2/orgs/{org}/groups/{name}"
    compared = ("description",)
    create = CREATE_GROUP
    update = PATCH_GROUP
    delete = DELETE_GROUP
    actions = (UPDATE_GROUP,)

    def create_record(self, desired: Record) -> dict[str, Any]:
        return super().create_record(only(desired, "org", "name", "description"))

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "group_name": existing["name"], **only(desired, "description")}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "group_name": existing["name"]}


class GroupMembers(ResourceKind):
    name = "group_members"
    notes = "Name the group as Docker Hub spells it: paths are case-sensitive (N2)."
    summary = "Members of an organization's group."
    identity = ("org", "group", "username")
    scope = ("org", "group")
    docker_ids = frozenset({"org", "username"})
    list_path = "/v2/orgs/{org}/groups/{group}/members"
    create = ADD_GROUP_MEMBER
    delete = REMOVE_GROUP_MEMBER

    def create_record(self, desired: Record) -> dict[str, Any]:
        ids = self.spelled(desired, ("org", "username"))
        return {"org": ids["org"], "group_name": desired["group"], "member": ids["username"]}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "group_name": existing["group"], "username": existing["username"]}


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


class OrgSettings(ResourceKind):
    """One settings object per organization, read with a GET; it always exists, so it is only updated."""

    name = "org_settings"
    notes = "Always exists: only updated."
    summary = "An organization's settings (restricted images)."
    identity = ("org",)
    scope = ("org",)
    docker_ids = frozenset({"org"})
    get_path = "/v2/orgs/{org}/settings"
    compared = ("restricted_images",)
    update = UPDATE_ORG_SETTINGS

    def read(self, paginate: Paginate, get_json: GetJson, scope: Mapping[str, Any]) -> list[dict[str, Any]]:
        assert self.get_path is not None
        path = self.path(self.get_path, scope)
        body = get_json(path)
        return [self.checked(path, {**body, **scope} if isinstance(body, dict) else body)]

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "restricted_images": desired["restricted_images"]}
