"""DockerHubHook: authentication and HTTP for one Docker Hub connection."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from json import dumps
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests
import tenacity

from airflow_provider_dockerhub._compat import BaseHook
from airflow_provider_dockerhub.exceptions import (
    DockerHubAuthError,
    DockerHubConnectionError,
    DockerHubHTTPError,
    DockerHubNotSentError,
    DockerHubReadError,
    DockerHubRequestError,
    DockerHubUnreachableError,
    provider_errors,
)
from airflow_provider_dockerhub.hooks.auth import ExchangedToken, StaticBearer
from airflow_provider_dockerhub.hooks.pagination import MAX_ITEMS, NextLinkPaginator, Paginator, read_pages
from airflow_provider_dockerhub.hooks.ratelimit import RateLimiter
from airflow_provider_dockerhub.hooks.settings import (
    EXTRA_FIELDS,
    HIDDEN_FIELDS,
    PLACEHOLDERS,
    RELABELING,
    DockerHubConnectionSettings,
)
from airflow_provider_dockerhub.hub import MAX_PAGE_SIZE, TOKEN_PATH
from airflow_provider_dockerhub.masking import register_secrets
from airflow_provider_dockerhub.transport.deadline import DeadlineAdapter, send_within
from airflow_provider_dockerhub.transport.retry import (
    HubCall,
    RetryPolicy,
    describe_outcome,
    failed_before_sending,
    retry_after_seconds,
)
from airflow_provider_dockerhub.wire import (
    call_may_start,
    check_header,
    error_detail,
    exact_url,
    has_control_character,
    host_of,
    json_body,
    shape_of,
)

__all__ = ["TOKEN_ENDPOINT", "USER_AGENT", "DockerHubHook", "check_headers"]

TOKEN_ENDPOINT = TOKEN_PATH
USER_AGENT = "airflow-provider-dockerhub"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or default_port


def _run_stopped() -> bool:
    """True when this thread's call gate (the pipeline's) says no new call may start."""
    return not call_may_start()


def check_headers(headers: dict[str, str]) -> None:
    """Refuse headers that would override authentication or framing, or split the request."""
    for name, value in headers.items():
        try:
            check_header(name, value)
        except ValueError as exc:
            raise DockerHubRequestError(str(exc)) from None


class DockerHubHook(BaseHook):
    """
    Talk to the Docker Hub API with one pooled session, token refresh, retries and rate limiting.

    The connection's login is the identifier (username or organization), the password the secret
    (password, personal or organization access token). ``auth_type: bearer`` sends the password as
    the bearer token as is. See ``EXTRA_FIELDS`` for every extra and its default.

    :param dockerhub_conn_id: Airflow connection id of type ``dockerhub``.
    :param pool_maxsize: connections kept open; size it to the number of threads calling at once.
    :param clock: epoch seconds (default ``time.time``): when the rate limiter's waits end, when a token
        expires, and what instant an epoch ``Retry-After`` or ``X-RateLimit-Reset`` names.
    :param sleep: how every wait is spent (default ``time.sleep``): rate-limit pauses and the backoff
        between retries. Tests pass a fake ``clock`` and a ``sleep`` that advances it, so nothing waits.
    """

    conn_name_attr = "dockerhub_conn_id"
    default_conn_name = "dockerhub_default"
    conn_type = "dockerhub"
    hook_name = "Docker Hub"

    def __init__(
        self,
        dockerhub_conn_id: str = default_conn_name,
        *,
        pool_maxsize: int = 10,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.dockerhub_conn_id = dockerhub_conn_id
        self.pool_maxsize = pool_maxsize
        self._clock = clock
        self._sleep = sleep
        self._stats_lock = threading.Lock()
        self._prepare_lock = threading.Lock()
        self._ready = False
        self._thread_state = threading.local()
        self.retries = 0
        #: GETs made by ``get_json`` and ``paginate`` (each list page is one).
        self.reads = 0

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

    # -- collaborators, built once on the calling thread -------------------------------------------
    def prepare(self) -> DockerHubHook:
        """Read the connection and build the session, token source, rate limiter and retry policy.

        Called by the first request at the latest; call it up front (the operators do) so that a
        missing or broken connection fails once, before any record is read, and so that no worker
        thread builds shared state.
        """
        with self._prepare_lock:
            if self._ready:
                return self
            settings = DockerHubConnectionSettings.from_connection(self.get_connection(self.dockerhub_conn_id))
            if settings.secret:
                register_secrets([settings.secret], "the connection")
            self._settings = settings
            self._session = self._build_session(settings)
            self._rate_limiter = RateLimiter(settings.max_requests_per_second, max_wait=settings.max_wait,
                                             clock=self._clock, sleep=self._sleep)
            self._retry_policy = RetryPolicy(settings.max_retries, settings.backoff_seconds,
                                             settings.max_backoff_seconds, settings.max_retry_seconds, settings.max_wait)
            self._retrying = self._retry_policy.controller(on_retry=self._log_retry, clock=self._clock,
                                                           sleep=self._sleep)
            try:
                self._auth: ExchangedToken | StaticBearer | DockerHubAuthError = self._build_auth(settings)
            except DockerHubAuthError as exc:  # raised by the first call that needs a token
                self._auth = exc
            self._ready = True
        return self

    @property
    def settings(self) -> DockerHubConnectionSettings:
        """The parsed connection."""
        return self.prepare()._settings

    @property
    def session(self) -> requests.Session:
        """One pooled session for every call of this hook (thread-safe for concurrent requests)."""
        return self.prepare()._session

    @property
    def retry_policy(self) -> RetryPolicy:
        """Retry settings from the connection extras."""
        return self.prepare()._retry_policy

    @property
    def auth(self) -> ExchangedToken | StaticBearer:
        """The bearer token source for this connection; DockerHubAuthError when the connection lacks credentials."""
        auth = self.prepare()._auth
        if isinstance(auth, DockerHubAuthError):
            raise DockerHubAuthError(str(auth))
        return auth

    def _build_session(self, settings: DockerHubConnectionSettings) -> requests.Session:
        session = requests.Session()
        adapter = DeadlineAdapter(pool_connections=2, pool_maxsize=max(self.pool_maxsize, 1), max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers["User-Agent"] = USER_AGENT
        # The hook only ever calls one origin, so the environment (HTTPS_PROXY, NO_PROXY,
        # REQUESTS_CA_BUNDLE) is read once here instead of on every request.
        environment = session.merge_environment_settings(
            settings.base_url, dict(settings.proxies or {}), None, settings.verify, None)
        session.proxies.update(environment["proxies"])
        session.verify = environment["verify"]
        session.trust_env = False  # no ~/.netrc credentials either: the bearer token is the only one sent
        return session

    def _build_auth(self, settings: DockerHubConnectionSettings) -> ExchangedToken | StaticBearer:
        who = f"connection to {settings.base_url}"
        if settings.auth_type == "bearer":
            if not settings.secret:
                raise DockerHubAuthError(f"{who}: auth_type bearer needs the token as password")
            return StaticBearer(settings.secret)
        if not (settings.identifier and settings.secret):
            raise DockerHubAuthError(f"{who}: token_exchange needs login (username or organization) and password")
        return ExchangedToken(self._exchange_token, clock=self._clock)

    # -- public API ---------------------------------------------------------------------------------
    def url_for(self, endpoint: str) -> str:
        """Resolve ``endpoint`` against the host; refuse an absolute URL on another origin."""
        base = self.settings.base_url
        parts = urlsplit(endpoint)
        if "@" in parts.netloc:  # requests would send these as Basic auth instead of the bearer token
            raise DockerHubRequestError(f"refusing to call a URL with user info on {host_of(endpoint)}: "
                                        f"only the connection's bearer token is sent")
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
        A call that got no answer raises DockerHubConnectionError (``may_have_reached`` tells
        whether a write may have been applied), or DockerHubUnreachableError when the host could
        not be reached at all.
        """
        call_headers = dict(headers or {})
        check_headers(call_headers)
        if json is not None:
            call_headers.setdefault("Content-Type", "application/json")
            data = _json_bytes(json)
        url = self.url_for(endpoint)
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params, doseq=True)}"
        call = HubCall(
            method.upper(), url, data.encode() if isinstance(data, str) else data, call_headers,
            timeout or self.settings.timeout,
            self.settings.retry_non_idempotent if retry_non_idempotent is None else retry_non_idempotent)
        response = self._send(call, gated=True)
        if response.status_code == 401:
            used = response.request.headers.get("Authorization", "").removeprefix("Bearer ")
            if not self.auth.refreshable:
                raise DockerHubAuthError(f"{call.method} {url}: Docker Hub rejected the bearer token (HTTP 401)")
            self.auth.invalidate(used)
            response = self._send(call)
            if response.status_code == 401:
                raise DockerHubAuthError(
                    f"{call.method} {url}: HTTP 401 again after a fresh token exchange: {error_detail(response)}"
                )
        return response

    def get_json(self, endpoint: str, params: dict[str, Any] | None = None, *, missing_ok: bool = False) -> Any:
        """GET ``endpoint`` and return its JSON body (None when empty, or on a 404 with ``missing_ok``).

        A non-2xx answer raises DockerHubHTTPError; a redirect (never followed, never read as data) or a
        body that is not JSON raises DockerHubReadError, both naming the path and the status.
        """
        with self._stats_lock:
            self.reads += 1
        response = self.request("GET", endpoint, params=params)
        path = urlsplit(response.url or self.url_for(endpoint)).path
        if 300 <= response.status_code < 400:
            where = response.headers.get("Location", "nowhere")
            raise DockerHubReadError(path, response.status_code, f"a redirect to {where} is not an answer")
        if missing_ok and response.status_code == 404:
            return None
        if not 200 <= response.status_code < 300:
            raise DockerHubHTTPError("GET", response.url or endpoint, response.status_code, error_detail(response))
        if not response.content:
            return None
        try:
            return response.json()
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python can read
            start = response.text[:60].strip().replace("\n", " ")
            raise DockerHubReadError(path, response.status_code, f"expected JSON, got {start!r}") from None

    def paginate(self, endpoint: str, params: dict[str, Any] | None = None, *, page_size: int = MAX_PAGE_SIZE,
                 paginator: Paginator | None = None, max_items: int = MAX_ITEMS,
                 concurrency: int | None = None) -> Iterator[Any]:
        """Yield the items of a list endpoint across all its pages.

        ``paginator`` says how the endpoint pages (default: Docker Hub's ``next`` links; use
        ``ScimPaginator()`` for SCIM lists, ``DataListPaginator()`` for ``data`` lists). Every read ends:
        a repeated page, a page past the announced count, an empty page that is not the last, a page
        larger than ``page_size`` or more than ``max_items`` items raise DockerHubReadError naming the path.
        When the first page gives the list's ``count``, the other pages are fetched ``concurrency`` at a time
        (default: ``pool_maxsize``), through the same rate limiter, and yielded in order.
        """
        return read_pages(lambda url, query: self.get_json(url, query), self.url_for(endpoint),
                          paginator or NextLinkPaginator(), page_size=page_size, params=params, max_items=max_items,
                          concurrency=self.pool_maxsize if concurrency is None else concurrency)

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
        if self._ready:
            self._session.close()

    # -- internals ----------------------------------------------------------------------------------
    def _log_retry(self, state: tenacity.RetryCallState) -> None:
        with self._stats_lock:
            self.retries += 1
        call: HubCall = state.args[0]
        wait = state.next_action.sleep if state.next_action else 0.0
        self.log.warning(
            "Retrying %s %s in %.2fs (attempt %d of %d): %s",
            call.method, call.url, wait, state.attempt_number + 1, self._retry_policy.max_retries + 1,
            describe_outcome(state.outcome) if state.outcome is not None else "no outcome",
        )

    def _send_once(self, call: HubCall) -> requests.Response:
        gated = self._thread_state.__dict__.pop("gated", False)  # before a token exchange sends its own call
        send_headers = dict(call.headers)
        if call.authenticated:
            send_headers["Authorization"] = f"Bearer {self.auth.token()}"
        # Prepared here rather than by Session.request: the hook owns every session-level setting
        # (headers below; no cookies, auth or params on the session), so there is nothing to merge.
        prepared = requests.PreparedRequest()
        prepared.prepare(method=call.method, url=call.url, headers={**self._session.headers, **send_headers},
                         data=call.body)
        # requests re-quotes the URL, which turns %2E back into "."; an already-encoded URL goes as rendered.
        prepared.url = exact_url(call.url) or prepared.url
        if call.authenticated:  # whatever requests derived from the URL, only the bearer token goes
            prepared.headers["Authorization"] = send_headers["Authorization"]
        else:
            prepared.headers.pop("Authorization", None)
        self._rate_limiter.acquire(cancelled=_run_stopped if gated else None)
        if gated and _run_stopped():
            self._rate_limiter.release(None, None, None)
            raise DockerHubNotSentError(f"{call.method} {urlsplit(call.url).path}: not sent, the run stopped first")
        response = None
        try:
            response = send_within(self._session, prepared, timeout=call.timeout,
                                   max_bytes=self._settings.max_answer_bytes,
                                   what=f"{call.method} {urlsplit(call.url).path}")
            return response
        finally:
            if response is None:
                self._rate_limiter.release(None, None, None)
            else:
                retry_after = retry_after_seconds(response.headers, self._clock()) if response.status_code == 429 else None
                self._rate_limiter.release(response.headers, response.status_code, retry_after)

    def _send(self, call: HubCall, *, gated: bool = False) -> requests.Response:
        """Send ``call`` with retries; ``gated``: its first attempt asks ``call_may_start`` at the last moment."""
        self.prepare()
        self._thread_state.gated = gated
        try:
            with provider_errors():
                return self._retrying(self._send_once, call)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            if failed_before_sending(exc):
                raise DockerHubUnreachableError(
                    f"could not connect to {self._settings.base_url} ({type(exc).__name__}) "
                    f"after {self._retry_policy.max_retries + 1} attempts") from None
            raise DockerHubConnectionError(f"{call.method} {call.url}: no answer ({type(exc).__name__})") from None

    def _exchange_token(self) -> str:
        s = self._settings
        url = self.url_for(TOKEN_ENDPOINT)
        body = _json_bytes({"identifier": s.identifier, "secret": s.secret})
        exchange = HubCall("POST", url, body, {"Content-Type": "application/json"}, s.timeout,
                           retry_writes=True, authenticated=False)  # issuing a token changes nothing
        try:
            response = self._send(exchange)
        except DockerHubUnreachableError:
            raise
        except DockerHubConnectionError as exc:
            raise DockerHubAuthError(f"token exchange at {url}: {exc}") from None
        detail = error_detail(response).replace(s.secret or "\0", "***")
        if response.status_code in (401, 403):
            raise DockerHubAuthError(
                f"token exchange: Docker Hub rejected the credentials of {s.identifier!r} "
                f"(HTTP {response.status_code}: {detail})"
            )
        if not response.ok:
            raise DockerHubAuthError(f"token exchange at {url} failed: HTTP {response.status_code}: {detail}")
        body = json_body(response, "POST", "an object with access_token", error=DockerHubAuthError)
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token or has_control_character(token):
            raise DockerHubAuthError(
                f"token exchange: POST {TOKEN_ENDPOINT} answered HTTP {response.status_code} without a usable "
                f"access_token (expected an object with access_token as a non-empty string, got {shape_of(body)})")
        register_secrets([token], "the token exchange")
        return token


def _json_bytes(value: Any) -> bytes:
    return dumps(value, separators=(",", ":"), allow_nan=False).encode()
