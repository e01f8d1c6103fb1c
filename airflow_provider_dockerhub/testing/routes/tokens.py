"""Access tokens: a user's personal access tokens (``/v2/access-tokens``) and an organization's access tokens."""

from __future__ import annotations

from typing import Any

from airflow_provider_dockerhub.hub import PAT_SCOPES
from airflow_provider_dockerhub.testing.routes.base import Call, Route, list_page
from airflow_provider_dockerhub.testing.state import ApiError, HubState, OrgAccessToken, PersonalAccessToken


def _own_pat(state: HubState, call: Call) -> PersonalAccessToken:
    user = state.require_password_login(call.caller)  # C6
    pat = state.pats.get(call.params["uuid"])
    if pat is None or pat.owner != user.username:
        raise ApiError(404, f"access token {call.params['uuid']!r} not found")
    return pat


def create_pat(state: HubState, call: Call) -> tuple[int, Any]:
    user = state.require_password_login(call.caller)  # C6
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
    user = state.require_password_login(call.caller)  # C6
    tokens = [p.to_api() for p in state.pats.values() if p.owner == user.username]
    return 200, {**list_page(call, tokens), "active_count": sum(t["is_active"] for t in tokens)}


def _oat(state: HubState, call: Call) -> tuple[Any, OrgAccessToken]:
    org = state.require_org_owner(call.caller, call.params["org_name"])  # C4: no oat_scope, so no OAT
    oat = org.access_tokens.get(call.params["access_token_id"])
    if oat is None:
        raise ApiError(404, f"access token {call.params['access_token_id']!r} not found")
    return org, oat


def create_oat(state: HubState, call: Call) -> tuple[int, Any]:
    org = state.require_org_owner(call.caller, call.params["name"])  # C4: no oat_scope, so no OAT
    oat = state.add_org_access_token(org.name, label=call.body["label"], resources=call.body.get("resources", []),
                                     created_by=call.caller.name, description=call.body.get("description", ""),
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
    org = state.require_org_owner(call.caller, call.params["name"])  # C4: no oat_scope, so no OAT
    tokens = [t.to_api(with_resources=False) for t in org.access_tokens.values()]
    return 200, list_page(call, tokens, total_key="total")


ORG_TOKEN = "/v2/orgs/{org_name}/access-tokens/{access_token_id}"

ROUTES: tuple[Route, ...] = (
    Route("POST", "/v2/access-tokens", create_pat),
    Route("GET", "/v2/access-tokens", list_pats),
    Route("PATCH", "/v2/access-tokens/{uuid}", update_pat),
    Route("GET", "/v2/access-tokens/{uuid}", get_pat),
    Route("DELETE", "/v2/access-tokens/{uuid}", delete_pat),
    Route("POST", "/v2/orgs/{name}/access-tokens", create_oat),
    Route("GET", "/v2/orgs/{name}/access-tokens", list_oats),
    Route("GET", ORG_TOKEN, get_oat),
    Route("PATCH", ORG_TOKEN, update_oat),
    Route("DELETE", ORG_TOKEN, delete_oat),
)
