"""DockerHubHook: authentication and HTTP for one Docker Hub connection."""

from __future__ import annotations

import threading
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import requests
import tenacity
from requests.adapters import HTTPAdapter

from airflow_provider_dockerhub._compat import BaseHook, mask_secret
from airflow_provider_dockerhub.exceptions import (
    DockerHubAuthError,
    DockerHubConnectionError,
    DockerHubRequestError,
)
from airflow_provider_dockerhub.hooks.auth import ExchangedToken, StaticBearer
from airflow_provider_dockerhub.hooks.ratelimit import RateLimiter
from airflow_provider_dockerhub.hooks.retry import RetryPolicy, describe_outcome, retry_after_seconds
from airflow_provider_dockerhub.hooks.settings import (
    EXTRA_FIELDS,
    HIDDEN_FIELDS,
    PLACEHOLDERS,
    RELABELING,
    DockerHubConnectionSettings,
)

TOKEN_ENDPOINT = "/v2/auth/token"
USER_AGENT = "airflow-provider-dockerhub"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or default_port


def check_headers(headers: dict[str, str]) -> None:
    """Refuse headers that would override authentication or split the request."""
    for name, value in headers.items():
        if name.strip().lower() == "authorization":
            raise DockerHubRequestError("the Authorization header is set by DockerHubHook and cannot be overridden")
        if any(ch in f"{name}{value}" for ch in "\r\n"):
            raise DockerHubRequestError(f"header {name!r} contains a line break")


def error_detail(response: requests.Response, limit: int = 200) -> str:
    """The API's short reason (``detail``/``message``), else the start of the body as text."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("detail", "message", "error", "errinfo"):
            if body.get(key) not in (None, "", False):
                return str(body[key])[:limit]
    text = (response.text or "").strip().replace("\r", " ").replace("\n", " ")
    return text[:limit] or (response.reason or "")


class DockerHubHook(BaseHook):
    """
    Talk to the Docker Hub API with one pooled session, token refresh, retries and rate limiting.

    The connection's login is the identifier (username or organization), the password the secret
    (password, personal or organization access token). ``auth_type: bearer`` sends the password as
    the bearer token as is. See ``EXTRA_FIELDS`` for every extra and its default.

    :param dockerhub_conn_id: Airflow connection id of type ``dockerhub``.
    :param pool_maxsize: connections kept open; size it to the number of threads calling at once.
    """

    conn_name_attr = "dockerhub_conn_id"
    default_conn_name = "dockerhub_default"
    conn_type = "dockerhub"
    hook_name = "Docker Hub"

    def __init__(self, dockerhub_conn_id: str = default_conn_name, *, pool_maxsize: int = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dockerhub_conn_id = dockerhub_conn_id
        self.pool_maxsize = pool_maxsize
        self._stats_lock = threading.Lock()
        self.retries = 0
        self.calls = 0

    # -- connection UI (Airflow 2.x / 3.0 / 3.1; 3.2.2+ reads get_provider_info) --------------------
    @classmethod
    def get_connection_form_widgets(cls) -> dict[str, Any]:
        """Return the extra fields as WTForms widgets for the legacy connection form."""
        from wtforms import BooleanField, StringField

        try:
            from flask_appbuilder.fieldwidgets import BS3TextFieldWidget
            from flask_babel import lazy_gettext
        except ImportError:  # the 3.x API server mocks these modules
            BS3TextFieldWidget, lazy_gettext = None, str  # noqa: N806
        widgets: dict[str, Any] = {}
        for field in EXTRA_FIELDS:
            if field.json_type == "boolean":
                widgets[field.name] = BooleanField(lazy_gettext(field.label), default=field.default)
            else:
                kwargs = {"widget": BS3TextFieldWidget()} if BS3TextFieldWidget else {}
                widgets[field.name] = StringField(lazy_gettext(field.label), description=field.description, **kwargs)
        return widgets

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        """Return hidden, relabelled and placeholder fields for the connection form."""
        return {"hidden_fields": HIDDEN_FIELDS, "relabeling": RELABELING, "placeholders": PLACEHOLDERS}

    # -- lazily built collaborators -----------------------------------------------------------------
    @cached_property
    def settings(self) -> DockerHubConnectionSettings:
        """The parsed connection."""
        settings = DockerHubConnectionSettings.from_connection(self.get_connection(self.dockerhub_conn_id))
        if settings.secret:
            mask_secret(settings.secret)
        return settings

    @cached_property
    def session(self) -> requests.Session:
        """One pooled session for every call of this hook (thread-safe for concurrent requests)."""
        session = requests.Session()
        adapter = HTTPAdapter(pool_connections=2, pool_maxsize=max(self.pool_maxsize, 1), max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers["User-Agent"] = USER_AGENT
        # The hook only ever calls one origin, so the environment (HTTPS_PROXY, NO_PROXY,
        # REQUESTS_CA_BUNDLE) is read once here instead of on every request.
        environment = session.merge_environment_settings(
            self.settings.base_url, dict(self.settings.proxies or {}), None, self.settings.verify, None)
        session.proxies.update(environment["proxies"])
        session.verify = environment["verify"]
        session.trust_env = False
        return session

    @cached_property
    def rate_limiter(self) -> RateLimiter:
        """Client-side limiter shared by every thread using this hook."""
        return RateLimiter(self.settings.max_requests_per_second)

    @cached_property
    def retry_policy(self) -> RetryPolicy:
        """Retry settings from the connection extras."""
        s = self.settings
        return RetryPolicy(s.max_retries, s.backoff_seconds, s.max_backoff_seconds, s.max_retry_seconds)

    @cached_property
    def auth(self) -> ExchangedToken | StaticBearer:
        """The bearer token source for this connection."""
        if self.settings.auth_type == "bearer":
            if not self.settings.secret:
                raise DockerHubAuthError(f"connection {self.dockerhub_conn_id!r}: auth_type bearer needs the token as password")
            return StaticBearer(self.settings.secret)
        if not (self.settings.identifier and self.settings.secret):
            raise DockerHubAuthError(
                f"connection {self.dockerhub_conn_id!r}: token_exchange needs login (username or organization) and password"
            )
        return ExchangedToken(self._exchange_token)

    # -- public API ---------------------------------------------------------------------------------
    def url_for(self, endpoint: str) -> str:
        """Resolve ``endpoint`` against the host; refuse an absolute URL on another origin."""
        base = self.settings.base_url
        parts = urlsplit(endpoint)
        if parts.scheme or parts.netloc:
            if _origin(endpoint) != _origin(base):
                raise DockerHubRequestError(
                    f"refusing to call {parts.scheme}://{parts.netloc}: only {base} receives the Docker Hub token"
                )
            return endpoint
        return f"{base}/{endpoint.lstrip('/')}"

    def request(
        self,
        method: str,
        endpoint: str,
        *,
        json: Any = None,
        data: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
        retry_non_idempotent: bool | None = None,
        timeout: float | None = None,
    ) -> requests.Response:
        """
        Send one authenticated call and return the final response (after retries).

        Non-2xx responses are returned, not raised: the caller decides what they mean. A 401 is
        answered by one token refresh and a second try; a second 401 raises DockerHubAuthError.
        """
        method = method.upper()
        url = self.url_for(endpoint)
        call_headers = dict(headers or {})
        check_headers(call_headers)
        kwargs = {"json": json, "data": data, "params": params, "timeout": timeout or self.settings.timeout}
        allow = self.settings.retry_non_idempotent if retry_non_idempotent is None else retry_non_idempotent
        response = self._send(method, url, call_headers, kwargs, allow, authenticated=True)
        if response.status_code == 401:
            used = response.request.headers.get("Authorization", "").removeprefix("Bearer ")
            if not self.auth.refreshable:
                raise DockerHubAuthError(f"{method} {url}: Docker Hub rejected the bearer token (HTTP 401)")
            self.auth.invalidate(used)
            response = self._send(method, url, call_headers, kwargs, allow, authenticated=True)
            if response.status_code == 401:
                raise DockerHubAuthError(
                    f"{method} {url}: HTTP 401 again after a fresh token exchange: {error_detail(response)}"
                )
        return response

    def test_connection(self) -> tuple[bool, str]:
        """Exchange a token and make one cheap authenticated call."""
        try:
            if self.settings.auth_type == "bearer":
                endpoint = "/v2/scim/2.0/ServiceProviderConfig"
            else:
                endpoint = f"/v2/namespaces/{self.settings.identifier}/repositories"
            response = self.request("GET", endpoint, params={"page_size": 1})
        except Exception as exc:  # the UI wants a message, not a traceback
            return False, str(exc)
        if response.ok:
            return True, f"Connected to {self.settings.base_url} as {self.settings.identifier or 'bearer token'}"
        return False, f"HTTP {response.status_code} from {endpoint}: {error_detail(response)}"

    def close(self) -> None:
        """Close the pooled connections."""
        if "session" in self.__dict__:
            self.session.close()

    # -- internals ----------------------------------------------------------------------------------
    @cached_property
    def _retrying(self) -> tenacity.Retrying:
        return self.retry_policy.controller(on_retry=self._log_retry)

    def _log_retry(self, state: tenacity.RetryCallState) -> None:
        with self._stats_lock:
            self.retries += 1
        method, url = state.args[0], state.args[1]
        wait = state.next_action.sleep if state.next_action else 0.0
        self.log.warning(
            "Retrying %s %s in %.2fs (attempt %d of %d): %s",
            method, url, wait, state.attempt_number + 1, self.retry_policy.max_retries + 1,
            describe_outcome(state.outcome),
        )

    def _send_once(
        self, method: str, url: str, headers: dict[str, str], kwargs: dict[str, Any], authenticated: bool, *,
        retry_non_idempotent: bool,
    ) -> requests.Response:
        send_headers = dict(headers)
        if authenticated:
            send_headers["Authorization"] = f"Bearer {self.auth.token()}"
        # Prepared here rather than by Session.request: the hook owns every session-level setting
        # (headers below; no cookies, auth or params on the session), so there is nothing to merge.
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers={**self.session.headers, **send_headers},
                         data=kwargs.get("data"), json=kwargs.get("json"), params=kwargs.get("params"))
        self.rate_limiter.acquire()
        response = None
        try:
            response = self.session.send(prepared, timeout=kwargs["timeout"], allow_redirects=False)
            with self._stats_lock:
                self.calls += 1
            return response
        finally:
            if response is None:
                self.rate_limiter.release(None, None, None)
            else:
                retry_after = retry_after_seconds(response.headers) if response.status_code == 429 else None
                self.rate_limiter.release(response.headers, response.status_code, retry_after)

    def _send(
        self, method: str, url: str, headers: dict[str, str], kwargs: dict[str, Any], allow: bool, *, authenticated: bool
    ) -> requests.Response:
        try:
            return self._retrying(self._send_once, method, url, headers, kwargs, authenticated,
                                  retry_non_idempotent=allow)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            raise DockerHubConnectionError(f"{method} {url} failed: {type(exc).__name__}") from None

    def _exchange_token(self) -> str:
        s = self.settings
        url = self.url_for(TOKEN_ENDPOINT)
        body = {"identifier": s.identifier, "secret": s.secret}
        try:
            response = self._send("POST", url, {}, {"json": body, "timeout": s.timeout}, True, authenticated=False)
        except DockerHubConnectionError as exc:
            raise DockerHubConnectionError(f"token exchange: could not reach {s.base_url} ({exc})") from None
        detail = error_detail(response).replace(s.secret or "\0", "***")
        if response.status_code in (401, 403):
            raise DockerHubAuthError(
                f"token exchange: Docker Hub rejected the credentials of {s.identifier!r} "
                f"(HTTP {response.status_code}: {detail})"
            )
        if not response.ok:
            raise DockerHubAuthError(f"token exchange at {url} failed: HTTP {response.status_code}: {detail}")
        try:
            token = response.json()["access_token"]
        except (ValueError, KeyError, TypeError):
            raise DockerHubAuthError(f"token exchange at {url}: no access_token in the response") from None
        mask_secret(token)
        return token
