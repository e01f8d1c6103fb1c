"""SCIM 2.0 user provisioning (``/v2/scim/2.0/``), with the organization's SCIM bearer token."""

from __future__ import annotations

from typing import Any

from airflow_provider_dockerhub.hub import SCIM_LIST_SCHEMA, SCIM_PAGE_SIZE, SCIM_SERVICE_PROVIDER_CONFIG_SCHEMA
from airflow_provider_dockerhub.testing.routes.base import Call, Route
from airflow_provider_dockerhub.testing.state import ApiError, HubState, ScimUser


def _scim_org(call: Call) -> str:
    if call.caller.kind != "scim":
        raise ApiError(401, "SCIM endpoints need the organization's SCIM bearer token")
    return call.caller.name


def scim_create_user(state: HubState, call: Call) -> tuple[int, Any]:
    org = _scim_org(call)
    user_name = call.body["userName"]
    if any(u.org == org and u.user_name.lower() == user_name.lower() for u in state.scim_users.values()):
        raise ApiError(409, f"user {user_name!r} already exists")
    name = call.body.get("name") or {}
    user = state.add_scim_user(org, user_name, name.get("givenName", ""), name.get("familyName", ""))
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
    user.last_modified = state.now_iso()
    return 200, user.to_api()


def scim_get_user(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _scim_user(state, call).to_api()


def scim_list_users(state: HubState, call: Call) -> tuple[int, Any]:
    """SCIM paging: 1-based ``startIndex``, at most ``count`` users a page (the document's list shape)."""
    org = _scim_org(call)
    users = [u.to_api() for u in state.scim_users.values() if u.org == org]
    try:
        start = max(int(call.query.get("startIndex", 1)), 1)
        count = max(int(call.query.get("count", SCIM_PAGE_SIZE)), 0)
    except ValueError:
        raise ApiError(400, "startIndex and count must be numbers") from None
    page = users[start - 1:start - 1 + count]
    return 200, {"schemas": [SCIM_LIST_SCHEMA], "totalResults": len(users),
                 "startIndex": start, "itemsPerPage": len(page), "resources": page}


def scim_service_provider_config(state: HubState, call: Call) -> tuple[int, Any]:
    _scim_org(call)
    return 200, {"schemas": [SCIM_SERVICE_PROVIDER_CONFIG_SCHEMA],
                 "patch": {"supported": False}, "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
                 "filter": {"supported": False, "maxResults": 0}, "changePassword": {"supported": False},
                 "sort": {"supported": False}, "etag": {"supported": False}}


ROUTES: tuple[Route, ...] = (
    Route("GET", "/v2/scim/2.0/ServiceProviderConfig", scim_service_provider_config),
    Route("GET", "/v2/scim/2.0/Users", scim_list_users),
    Route("POST", "/v2/scim/2.0/Users", scim_create_user),
    Route("GET", "/v2/scim/2.0/Users/{id}", scim_get_user),
    Route("PUT", "/v2/scim/2.0/Users/{id}", scim_update_user),
)
