"""Organizations: image access settings, members and their roles, groups (teams) and invites."""

from __future__ import annotations

import re
from typing import Any

from airflow_provider_dockerhub.testing.routes.base import Call, Route, list_page
from airflow_provider_dockerhub.testing.state import ApiError, Group, HubState, Invite, Org, role_as_listed

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: The organization access token scope each route needs (C3): Read to read, Edit (which includes Read) to change.
MEMBER_READ, MEMBER_EDIT = "scope-member-read", "scope-member-edit"
INVITE_READ, INVITE_EDIT = "scope-invite-read", "scope-invite-edit"
GROUP_READ, GROUP_EDIT = "scope-group-read", "scope-group-edit"


def get_org_settings(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, state.require_org_owner(call.caller, call.params["name"], pat=True).settings  # C5


def put_org_settings(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["name"], pat=True)  # C5
    org.settings = {"restricted_images": dict(call.body["restricted_images"])}
    return 200, org.settings


def _member_api(state: HubState, org_name: str, username: str) -> dict[str, Any]:
    org = state.orgs[org_name]
    role = org.members[username]
    groups = [g.name for g in org.groups.values() if username in g.members]
    return {**state.users[username].to_api(), "role": role_as_listed(role),  # Editor and custom roles too (M2)
            "groups": groups, "is_guest": False, "last_logged_in_at": state.now_iso(), "last_seen_at": state.now_iso()}


def _member(state: HubState, call: Call) -> tuple[Org, str]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=MEMBER_EDIT)
    username = call.params["username"]
    if username not in org.members:
        raise ApiError(404, f"{username!r} is not a member of {org.name!r}")
    return org, username


def update_member_role(state: HubState, call: Call) -> tuple[int, Any]:
    """Core roles in any case, or a custom role of the organization (M3); checked here, not by the document's enum."""
    if not isinstance(call.body, dict) or "role" not in call.body:
        raise ApiError(400, "'role' is a required property", "role")
    org, username = _member(state, call)
    role = state.role_name(org, call.body["role"])
    if org.members[username] == "owner" and role != "owner" and list(org.members.values()).count("owner") == 1:
        raise ApiError(400, "cannot demote the last owner of the organization", "role")
    org.members[username] = role
    return 200, _member_api(state, org.name, username)


def remove_member(state: HubState, call: Call) -> tuple[int, Any]:
    org, username = _member(state, call)
    del org.members[username]
    for group in org.groups.values():
        if username in group.members:
            group.members.remove(username)
    return 204, None


def list_members(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=MEMBER_READ)
    return 200, list_page(call, [_member_api(state, org.name, u) for u in sorted(org.members)])


def _group(state: HubState, call: Call, oat_scope: str = GROUP_EDIT) -> tuple[Org, Group]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=oat_scope)
    group = org.groups.get(call.params["group_name"])
    if group is None:
        raise ApiError(404, f"group {call.params['group_name']!r} not found in {org.name!r}")
    return org, group


def create_group(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=GROUP_EDIT)
    if call.body["name"] in org.groups:
        raise ApiError(400, f"team name {call.body['name']!r} was already taken")  # T3: 400, as the document says
    group = state.add_group(org.name, call.body["name"])
    group.description = call.body.get("description", "")
    return 201, group.to_api()


def _rename_group(org: Org, group: Group, body: dict[str, Any]) -> Any:
    if "name" in body and body["name"] != group.name:
        if body["name"] in org.groups:
            raise ApiError(400, f"team name {body['name']!r} was already taken")  # T3
        org.groups[body["name"]] = org.groups.pop(group.name)
        group.name = body["name"]
    if "description" in body:
        group.description = body["description"]
    return group.to_api()


def put_group(state: HubState, call: Call) -> tuple[int, Any]:
    org, group = _group(state, call)
    return 200, _rename_group(org, group, {"description": "", **call.body})


def patch_group(state: HubState, call: Call) -> tuple[int, Any]:
    org, group = _group(state, call)
    return 200, _rename_group(org, group, call.body or {})


def delete_group(state: HubState, call: Call) -> tuple[int, Any]:
    org, group = _group(state, call)
    del org.groups[group.name]
    return 204, None


def get_group(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _group(state, call, GROUP_READ)[1].to_api()


def list_groups(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=GROUP_READ)
    return 200, list_page(call, [g.to_api() for g in org.groups.values()])


def add_group_member(state: HubState, call: Call) -> tuple[int, Any]:
    org, group = _group(state, call)
    member = call.body["member"]
    if member not in org.members:
        raise ApiError(404, f"{member!r} is not a member of {org.name!r}")
    if member not in group.members:
        group.members.append(member)
    return 200, None


def remove_group_member(state: HubState, call: Call) -> tuple[int, Any]:
    org, group = _group(state, call)
    if call.params["username"] not in group.members:
        raise ApiError(404, f"{call.params['username']!r} is not in group {group.name!r}")
    group.members.remove(call.params["username"])
    return 204, None


def list_group_members(state: HubState, call: Call) -> tuple[int, Any]:
    _, group = _group(state, call, GROUP_READ)
    return 200, list_page(call, [state.users[u].to_api() for u in group.members])


def _invite(state: HubState, call: Call) -> Invite:
    invite = state.invites.get(call.params["id"])
    if invite is None:
        raise ApiError(404, f"invite {call.params['id']!r} not found")
    state.require_org_owner(call.caller, invite.org, oat_scope=INVITE_EDIT)
    return invite


def cancel_invite(state: HubState, call: Call) -> tuple[int, Any]:
    del state.invites[_invite(state, call).id]
    return 204, None


def resend_invite(state: HubState, call: Call) -> tuple[int, Any]:
    _invite(state, call)
    return 204, None


def list_invites(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["org_name"], oat_scope=INVITE_READ)
    return 200, {"data": [i.to_api() for i in state.invites.values() if i.org == org.name]}


def bulk_invite(state: HubState, call: Call) -> tuple[int, Any]:
    body = call.body
    org = state.require_org_owner(call.caller, body["org"], oat_scope=INVITE_EDIT)
    role = state.role_name(org, body.get("role") or "member")
    team = body.get("team") or ""
    if team and team not in org.groups:
        raise ApiError(400, f"team {team!r} not found in {org.name!r}", "team")
    results = []
    for invitee in body["invitees"]:
        if invitee in org.members:
            results.append({"invitee": invitee, "status": "existing_org_member"})
        elif not (EMAIL.match(invitee) or invitee in state.users):
            results.append({"invitee": invitee, "status": "invalid_email_or_docker_id"})
        else:
            invite = next((i for i in state.invites.values() if i.org == org.name and i.invitee == invitee), None)
            if invite is None:
                invite = state.add_invite(org.name, invitee, inviter=call.caller.name, team=team, role=role,
                                          dry_run=bool(body.get("dry_run")))
            results.append({"invitee": invitee, "status": "invited", "invite": invite.to_api()})
    return 202, {"invitees": results}  # flat, as the live service answers (M6)


ORG_MEMBER = "/v2/orgs/{org_name}/members/{username}"
GROUP = "/v2/orgs/{org_name}/groups/{group_name}"

ROUTES: tuple[Route, ...] = (
    Route("GET", "/v2/orgs/{name}/settings", get_org_settings),
    Route("PUT", "/v2/orgs/{name}/settings", put_org_settings),
    Route("GET", "/v2/orgs/{org_name}/members", list_members),
    Route("PUT", ORG_MEMBER, update_member_role, validate=False),  # custom roles (M3): checked by the handler
    Route("DELETE", ORG_MEMBER, remove_member),
    Route("GET", "/v2/orgs/{org_name}/invites", list_invites),
    Route("GET", "/v2/orgs/{org_name}/groups", list_groups),
    Route("POST", "/v2/orgs/{org_name}/groups", create_group),
    Route("GET", GROUP, get_group),
    Route("PUT", GROUP, put_group),
    Route("PATCH", GROUP, patch_group),
    Route("DELETE", GROUP, delete_group),
    Route("GET", f"{GROUP}/members", list_group_members),
    Route("POST", f"{GROUP}/members", add_group_member),
    Route("DELETE", f"{GROUP}/members/{{username}}", remove_group_member),
    Route("DELETE", "/v2/invites/{id}", cancel_invite),
    Route("PATCH", "/v2/invites/{id}/resend", resend_invite),
    Route("POST", "/v2/invites/bulk", bulk_invite),
)
