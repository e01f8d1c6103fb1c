"""The emulator's endpoints: one small function per Docker Hub operation, over ``HubState``."""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from airflow_provider_dockerhub.testing.openapi import find_operation, route_pattern
from airflow_provider_dockerhub.testing.routes_repositories import repository_routes
from airflow_provider_dockerhub.testing.state import (
    PAT_SCOPES,
    ApiError,
    HubState,
    Invite,
    OrgAccessToken,
    PersonalAccessToken,
    Principal,
    ScimUser,
    now_iso,
    role_as_listed,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Call:
    """One parsed request as a handler sees it."""

    params: dict[str, str]
    query: dict[str, str]
    body: Any
    principal: Principal | None
    url: str = ""  #: the request's absolute URL without its query (page links are absolute, P2)


Handler = Callable[[HubState, Call], tuple[int, Any]]


@dataclass(frozen=True)
class Route:
    """A method + path template served by ``handler``; ``auth`` is False for the login routes."""

    method: str
    path: str
    handler: Handler
    auth: bool = True
    validate: bool = True

    @property
    def pattern(self) -> re.Pattern[str]:
        return route_pattern(self.path)

    @property
    def scim(self) -> bool:
        return self.path.startswith("/v2/scim/")

    def request_validator(self):
        """A jsonschema validator for this operation's request body, or None."""
        if not self.validate or self.method == "GET":
            return None
        schema = find_operation(self.method, self.path).request_schema
        if schema is None:
            return None
        from jsonschema import Draft7Validator

        return Draft7Validator(schema)


#: Page sizes as on Docker Hub (P1): 10 unless asked, at most 100.
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 10, 100


def _page(call: Call, items: list[Any], *, total_key: str = "count",
          render: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """One page of ``items``: absolute ``next``/``previous`` links that keep ``page_size`` (P2); a page past
    the end of a list is 404 (P3). ``render`` turns only the page's items into their API form."""
    query = call.query
    try:
        page = max(int(query.get("page", 1)), 1)
        size = min(max(int(query.get("page_size", DEFAULT_PAGE_SIZE)), 1), MAX_PAGE_SIZE)
    except ValueError:
        raise ApiError(400, "page and page_size must be numbers") from None
    start = (page - 1) * size
    if page > 1 and start >= len(items):
        raise ApiError(404, f"page {page} is past the end of the list")

    def link(number: int) -> str:
        return f"{call.url}?{urlencode({**query, 'page': number, 'page_size': size})}"

    shown = items[start:start + size]
    return {total_key: len(items), "next": None if start + size >= len(items) else link(page + 1),
            "previous": None if page == 1 else link(page - 1),
            "results": [render(item) for item in shown] if render else shown}


# -- authentication ---------------------------------------------------------------------------------
def auth_token(state: HubState, call: Call) -> tuple[int, Any]:
    principal = state.login(call.body["identifier"], call.body["secret"])
    if principal is None:
        raise ApiError(401, "incorrect identifier or secret")
    return 200, {"access_token": state.issue_jwt(principal)}


def users_login(state: HubState, call: Call) -> tuple[int, Any]:
    principal = state.login(call.body["username"], call.body["password"])
    if principal is None:
        raise ApiError(401, "incorrect username or password")
    user = state.users[principal.name]
    if user.two_factor_code:
        login_2fa_token = secrets.token_urlsafe(16)
        state.pending_2fa[login_2fa_token] = user.username
        return 401, {"detail": "Require secondary authentication on MFA enabled account",
                     "login_2fa_token": login_2fa_token}
    return 200, {"token": state.issue_jwt(principal)}


def users_2fa_login(state: HubState, call: Call) -> tuple[int, Any]:
    username = state.pending_2fa.get(call.body["login_2fa_token"])
    if username is None or not secrets.compare_digest(state.users[username].two_factor_code or "", call.body["code"]):
        raise ApiError(401, "incorrect login_2fa_token or code")
    del state.pending_2fa[call.body["login_2fa_token"]]
    return 200, {"token": state.issue_jwt(Principal("password", username))}


# -- personal access tokens -------------------------------------------------------------------------
def _own_pat(state: HubState, call: Call) -> PersonalAccessToken:
    user = state.require_password_login(call.principal)
    pat = state.pats.get(call.params["uuid"])
    if pat is None or pat.owner != user.username:
        raise ApiError(404, f"access token {call.params['uuid']!r} not found")
    return pat


def create_pat(state: HubState, call: Call) -> tuple[int, Any]:
    user = state.require_password_login(call.principal)
    bad = [s for s in call.body["scopes"] if s not in PAT_SCOPES]
    if bad or not call.body["scopes"]:
        raise ApiError(400, f"invalid scopes {bad}; valid scopes: {list(PAT_SCOPES)}", "scopes")
    pat = state.add_personal_access_token(user.username, scopes=call.body["scopes"], label=call.body["token_label"])
    pat.expires_at = call.body.get("expires_at")
    return 201, pat.to_api(with_token=True)


def update_pat(state: HubState, call: Call) -> tuple[int, Any]:
    pat = _own_pat(state, call)
    if "token_label" in call.body:
        pat.token_label = call.body["token_label"]
    if "is_active" in call.body:
        pat.is_active = call.body["is_active"]
    return 200, pat.to_api()


def delete_pat(state: HubState, call: Call) -> tuple[int, Any]:
    del state.pats[_own_pat(state, call).uuid]
    return 204, None


def get_pat(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _own_pat(state, call).to_api()


def list_pats(state: HubState, call: Call) -> tuple[int, Any]:
    user = state.require_user(call.principal)
    tokens = [p.to_api() for p in state.pats.values() if p.owner == user.username]
    return 200, {**_page(call, tokens), "active_count": sum(t["is_active"] for t in tokens)}


# -- organizations: settings and access tokens ------------------------------------------------------
def get_org_settings(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, state.require_org_owner(call.principal, call.params["name"], oat=False, pat=True).settings  # C5


def put_org_settings(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["name"], oat=False, pat=True)  # C5
    org.settings = {"restricted_images": dict(call.body["restricted_images"])}
    return 200, org.settings


def _oat(state: HubState, call: Call) -> tuple[Any, OrgAccessToken]:
    org = state.require_org_owner(call.principal, call.params["org_name"], oat=False)  # C4
    oat = org.access_tokens.get(call.params["access_token_id"])
    if oat is None:
        raise ApiError(404, f"access token {call.params['access_token_id']!r} not found")
    return org, oat


def create_oat(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["name"], oat=False)  # C4
    oat = state.add_org_access_token(org.name, label=call.body["label"], resources=call.body.get("resources", []),
                                     created_by=call.principal.name, description=call.body.get("description", ""),
                                     expires_at=call.body.get("expires_at"))
    return 201, oat.to_api(with_token=True)


def update_oat(state: HubState, call: Call) -> tuple[int, Any]:
    _, oat = _oat(state, call)
    for key in ("label", "description", "resources", "is_active"):
        if key in call.body:
            setattr(oat, key, call.body[key])
    return 200, oat.to_api()


def delete_oat(state: HubState, call: Call) -> tuple[int, Any]:
    org, oat = _oat(state, call)
    del org.access_tokens[oat.id]
    return 204, None


def get_oat(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _oat(state, call)[1].to_api()


def list_oats(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["name"], oat=False)  # C4
    tokens = [t.to_api(with_resources=False) for t in org.access_tokens.values()]
    return 200, _page(call, tokens, total_key="total")


# -- repositories -----------------------------------------------------------------------------------
def create_repository(state: HubState, call: Call) -> tuple[int, Any]:
    namespace = call.params["namespace"]
    if call.body["namespace"] != namespace:
        raise ApiError(400, "namespace in the body does not match the path", "namespace")
    state.require_repo_write(call.principal, namespace)
    if (namespace, call.body["name"]) in state.repositories:  # R2: a 400 with Django's __all__, not a 409
        message = "Repository with this Name and Namespace already exists."
        raise ApiError(400, message, body={"__all__": [message]})
    repo = state.add_repository(
        namespace, call.body["name"], is_private=call.body.get("is_private", False),
        description=call.body.get("description", ""), full_description=call.body.get("full_description", ""),
        registry=call.body.get("registry", "docker.io"), created_by=call.principal.name)
    return 201, repo.to_api()


def get_repository(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, state.repository(call.params["namespace"], call.params["repository"]).to_api()


def list_repositories(state: HubState, call: Call) -> tuple[int, Any]:
    namespace = call.params["namespace"]  # an unknown namespace is an empty list, not a 404 (R4)
    repos = [r for (ns, _), r in sorted(state.repositories.items()) if ns == namespace]
    return 200, _page(call, repos, render=lambda repo: repo.to_api(list_item=True))


def update_immutable_tags(state: HubState, call: Call) -> tuple[int, Any]:
    repo = state.repository(call.params["namespace"], call.params["repository"])
    state.require_repo_write(call.principal, repo.namespace, "repo:admin")
    for rule in call.body["immutable_tags_rules"]:
        try:
            re.compile(rule)
        except re.error:
            raise ApiError(400, f"invalid immutable tag rule {rule!r}", "immutable_tags_rules") from None
    repo.immutable_tags = call.body["immutable_tags"]
    repo.immutable_tags_rules = list(call.body["immutable_tags_rules"])
    return 200, repo.to_api()


def verify_immutable_tags(state: HubState, call: Call) -> tuple[int, Any]:
    repo = state.repository(call.params["namespace"], call.params["repository"])
    state.require_repo_write(call.principal, repo.namespace, "repo:read")
    return 200, {"tags": []}


# -- repository group (team) grants: create (G1), read (G2), update (G3), delete (G4) ----------------
def _grant_target(state: HubState, call: Call, group_id: Any):
    """The repository and the group a grant call names; a PAT needs ``repo:admin`` and an editor or owner
    (C7), the organization's own access token may too."""
    repo = state.repository(call.params["namespace"], call.params["repository"])
    state.require_repo_write(call.principal, repo.namespace, "repo:admin")
    org = state.org(repo.namespace)
    group = next((g for g in org.groups.values() if str(g.id) == str(group_id)), None)
    if group is None:
        raise ApiError(404, f"group id {group_id} not found in {org.name!r}")
    return repo, group


def _grant_api(repo, group) -> dict[str, Any]:
    return {"group_name": group.name, "permission": repo.group_permissions[group.id], "group_id": group.id}


def _permission(body: Any) -> str:
    permission = (body or {}).get("permission")
    if permission not in ("read", "write", "admin"):
        raise ApiError(400, f"invalid permission {permission!r}; one of ['read', 'write', 'admin']", "permission")
    return permission


def create_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _grant_target(state, call, call.body["group_id"])
    repo.group_permissions[group.id] = call.body["permission"]
    return 200, _grant_api(repo, group)


def _existing_grant(state: HubState, call: Call):
    repo, group = _grant_target(state, call, call.params["group_id"])
    if group.id not in repo.group_permissions:
        raise ApiError(404, f"group {group.name!r} has no permission on {repo.namespace}/{repo.name}")
    return repo, group


def get_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _grant_api(*_existing_grant(state, call))


def update_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _existing_grant(state, call)
    repo.group_permissions[group.id] = _permission(call.body)
    return 200, _grant_api(repo, group)


def delete_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _existing_grant(state, call)
    del repo.group_permissions[group.id]
    return 204, None


# -- members, groups, invites -----------------------------------------------------------------------
def _member_api(state: HubState, org_name: str, username: str) -> dict[str, Any]:
    org = state.orgs[org_name]
    role = org.members[username]
    groups = [g.name for g in org.groups.values() if username in g.members]
    return {**state.users[username].to_api(), "role": role_as_listed(role),  # Editor and custom roles too (M2)
            "groups": groups, "is_guest": False, "last_logged_in_at": now_iso(), "last_seen_at": now_iso()}


def _member(state: HubState, call: Call):
    org = state.require_org_owner(call.principal, call.params["org_name"])
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
    org = state.require_org_owner(call.principal, call.params["org_name"])
    return 200, _page(call, [_member_api(state, org.name, u) for u in sorted(org.members)])


def _group(state: HubState, call: Call):
    org = state.require_org_owner(call.principal, call.params["org_name"])
    group = org.groups.get(call.params["group_name"])
    if group is None:
        raise ApiError(404, f"group {call.params['group_name']!r} not found in {org.name!r}")
    return org, group


def create_group(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["org_name"])
    if call.body["name"] in org.groups:
        raise ApiError(409, f"group {call.body['name']!r} already exists")  # the spec lists 400; 409 is what Hub sends
    group = state.add_group(org.name, call.body["name"])
    group.description = call.body.get("description", "")
    return 201, group.to_api()


def _rename_group(org, group, body: dict[str, Any]) -> dict[str, Any]:
    if "name" in body and body["name"] != group.name:
        if body["name"] in org.groups:
            raise ApiError(409, f"group {body['name']!r} already exists")
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
    return 200, _group(state, call)[1].to_api()


def list_groups(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["org_name"])
    return 200, _page(call, [g.to_api() for g in org.groups.values()])


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
    _, group = _group(state, call)
    return 200, _page(call, [state.users[u].to_api() for u in group.members])


def _invite(state: HubState, call: Call) -> Invite:
    invite = state.invites.get(call.params["id"])
    if invite is None:
        raise ApiError(404, f"invite {call.params['id']!r} not found")
    state.require_org_owner(call.principal, invite.org)
    return invite


def cancel_invite(state: HubState, call: Call) -> tuple[int, Any]:
    del state.invites[_invite(state, call).id]
    return 204, None


def resend_invite(state: HubState, call: Call) -> tuple[int, Any]:
    _invite(state, call)
    return 204, None


def list_invites(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.principal, call.params["org_name"])
    return 200, {"data": [i.to_api() for i in state.invites.values() if i.org == org.name]}


def bulk_invite(state: HubState, call: Call) -> tuple[int, Any]:
    body = call.body
    org = state.require_org_owner(call.principal, body["org"])
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
                invite = Invite(str(uuid.uuid4()), call.principal.name, invitee, org.name, team, role)
                if not body.get("dry_run"):
                    state.invites[invite.id] = invite
            results.append({"invitee": invitee, "status": "invited", "invite": invite.to_api()})
    return 202, {"invitees": results}  # flat, as the live service answers (M6)


# -- SCIM -------------------------------------------------------------------------------------------
def _scim_org(call: Call) -> str:
    if call.principal.kind != "scim":
        raise ApiError(401, "SCIM endpoints need the organization's SCIM bearer token")
    return call.principal.name


def scim_create_user(state: HubState, call: Call) -> tuple[int, Any]:
    org = _scim_org(call)
    user_name = call.body["userName"]
    if any(u.org == org and u.user_name.lower() == user_name.lower() for u in state.scim_users.values()):
        raise ApiError(409, f"user {user_name!r} already exists")
    name = call.body.get("name") or {}
    user = ScimUser(str(uuid.uuid4()), org, user_name, name.get("givenName", ""), name.get("familyName", ""))
    state.scim_users[user.id] = user
    return 201, user.to_api()


def _scim_user(state: HubState, call: Call) -> ScimUser:
    org = _scim_org(call)
    user = state.scim_users.get(call.params["id"])
    if user is None or user.org != org:
        raise ApiError(404, f"user {call.params['id']!r} not found")
    return user


def scim_update_user(state: HubState, call: Call) -> tuple[int, Any]:
    """The live PUT (S1): ``userName`` required, ``active`` false when omitted (so a body without it deactivates)."""
    user = _scim_user(state, call)
    if not call.body.get("userName"):
        raise ApiError(400, "'userName' is a required property", "userName")
    name = call.body.get("name") or {}
    user.user_name = call.body["userName"]
    user.given_name = name.get("givenName", user.given_name)
    user.family_name = name.get("familyName", user.family_name)
    user.active = bool(call.body.get("active", False))
    user.last_modified = now_iso()
    return 200, user.to_api()


def scim_get_user(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _scim_user(state, call).to_api()


def scim_list_users(state: HubState, call: Call) -> tuple[int, Any]:
    """SCIM paging: 1-based ``startIndex``, at most ``count`` users a page (the document's list shape)."""
    org = _scim_org(call)
    users = [u.to_api() for u in state.scim_users.values() if u.org == org]
    try:
        start = max(int(call.query.get("startIndex", 1)), 1)
        count = max(int(call.query.get("count", 100)), 0)
    except ValueError:
        raise ApiError(400, "startIndex and count must be numbers") from None
    page = users[start - 1:start - 1 + count]
    return 200, {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": len(users),
                 "startIndex": start, "itemsPerPage": len(page), "resources": page}


def scim_service_provider_config(state: HubState, call: Call) -> tuple[int, Any]:
    _scim_org(call)
    return 200, {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                 "patch": {"supported": False}, "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
                 "filter": {"supported": False, "maxResults": 0}, "changePassword": {"supported": False},
                 "sort": {"supported": False}, "etag": {"supported": False}}


ORG_MEMBER = "/v2/orgs/{org_name}/members/{username}"
GROUP = "/v2/orgs/{org_name}/groups/{group_name}"
ORG_TOKEN = "/v2/orgs/{org_name}/access-tokens/{access_token_id}"
REPO = "/v2/namespaces/{namespace}/repositories/{repository}"
GRANT = "/v2/repositories/{namespace}/{repository}/groups/{group_id}"

ROUTES: tuple[Route, ...] = (
    Route("POST", "/v2/auth/token", auth_token, auth=False),
    Route("POST", "/v2/users/login", users_login, auth=False),
    Route("POST", "/v2/users/2fa-login", users_2fa_login, auth=False),
    Route("POST", "/v2/access-tokens", create_pat),
    Route("GET", "/v2/access-tokens", list_pats),
    Route("PATCH", "/v2/access-tokens/{uuid}", update_pat),
    Route("GET", "/v2/access-tokens/{uuid}", get_pat),
    Route("DELETE", "/v2/access-tokens/{uuid}", delete_pat),
    Route("GET", "/v2/orgs/{name}/settings", get_org_settings),
    Route("PUT", "/v2/orgs/{name}/settings", put_org_settings),
    Route("POST", "/v2/orgs/{name}/access-tokens", create_oat),
    Route("GET", "/v2/orgs/{name}/access-tokens", list_oats),
    Route("GET", ORG_TOKEN, get_oat),
    Route("PATCH", ORG_TOKEN, update_oat),
    Route("DELETE", ORG_TOKEN, delete_oat),
    Route("POST", "/v2/namespaces/{namespace}/repositories", create_repository),
    Route("GET", "/v2/namespaces/{namespace}/repositories", list_repositories),
    Route("GET", REPO, get_repository),
    Route("PATCH", f"{REPO}/immutabletags", update_immutable_tags),
    Route("POST", f"{REPO}/immutabletags/verify", verify_immutable_tags),
    Route("POST", "/v2/repositories/{namespace}/{repository}/groups", create_repository_group),
    Route("GET", f"{GRANT}", get_repository_group),
    Route("PATCH", f"{GRANT}", update_repository_group, validate=False),  # not in the document (G3)
    Route("DELETE", f"{GRANT}", delete_repository_group, validate=False),  # not in the document (G4)
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
    Route("GET", "/v2/scim/2.0/ServiceProviderConfig", scim_service_provider_config),
    Route("GET", "/v2/scim/2.0/Users", scim_list_users),
    Route("POST", "/v2/scim/2.0/Users", scim_create_user),
    Route("GET", "/v2/scim/2.0/Users/{id}", scim_get_user),
    Route("PUT", "/v2/scim/2.0/Users/{id}", scim_update_user),
)

ROUTES += repository_routes(Route)  # routes_repositories.py: live routes the OpenAPI document lacks
