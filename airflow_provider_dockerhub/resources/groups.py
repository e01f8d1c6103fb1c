"""Groups (teams) of an organization and their members."""

from __future__ import annotations

from typing import Any

from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.resources.base import Record, ResourceKind, only

_ORG = {"org_name": "org"}

_GROUP = {"org_name": "org", "group_name": "group_name"}

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


