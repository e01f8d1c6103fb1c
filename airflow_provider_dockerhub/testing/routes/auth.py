"""Logging in: the token exchange (``/v2/auth/token``) and the deprecated username/password login with 2FA."""

from __future__ import annotations

import secrets
from typing import Any

from airflow_provider_dockerhub.hub import TOKEN_PATH
from airflow_provider_dockerhub.testing.routes.base import Call, Route
from airflow_provider_dockerhub.testing.state import ApiError, HubState, Principal


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


ROUTES: tuple[Route, ...] = (
    Route("POST", TOKEN_PATH, auth_token, auth=False),
    Route("POST", "/v2/users/login", users_login, auth=False),
    Route("POST", "/v2/users/2fa-login", users_2fa_login, auth=False),
)
