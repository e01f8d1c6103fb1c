"""The ``dockerhub`` connection: its extra fields (one table for UI and parsing) and parsed settings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from airflow_provider_dockerhub.transport.deadline import DEFAULT_MAX_ANSWER_BYTES
from airflow_provider_dockerhub.transport.retry import RetryPolicy
from airflow_provider_dockerhub.transport.waits import DEFAULT_MAX_WAIT
from airflow_provider_dockerhub.wire import (
    FALSE_WORDS,
    TRUE_WORDS,
    base_url,
    has_control_character,
    parse_bool,
    redact_url,
)

if TYPE_CHECKING:
    from airflow.sdk import Connection

DEFAULT_HOST = "https://hub.docker.com"
AUTH_TYPES = ("token_exchange", "bearer")

#: Connection form layout, shared by get_provider_info (Airflow 3.2.2+) and the legacy hook method.
HIDDEN_FIELDS = ["schema", "port", "extra"]
RELABELING = {"login": "Username or organization", "password": "Personal/organization access token or password"}
PLACEHOLDERS = {"host": DEFAULT_HOST, "login": "myusername or myorg"}


@dataclass(frozen=True)
class ExtraField:
    """One connection extra: how the UI shows it and what it defaults to."""

    name: str
    label: str
    description: str
    json_type: str
    default: Any = None
    enum: tuple[str, ...] | None = None

    def schema(self) -> dict[str, Any]:
        """Return the JSON schema the Airflow 3.2.2+ UI reads for this field."""
        schema: dict[str, Any] = {"type": [self.json_type, "null"]}
        if self.default is not None:
            schema["default"] = self.default
        if self.enum:
            schema["enum"] = list(self.enum)
        return schema


EXTRA_FIELDS: tuple[ExtraField, ...] = (
    ExtraField(
        "auth_type",
        "Authentication type",
        "token_exchange: exchange login + password for a JWT at /v2/auth/token (PAT, OAT or password). "
        "bearer: send the password as the bearer token as is (e.g. a SCIM token).",
        "string",
        "token_exchange",
        AUTH_TYPES,
    ),
    ExtraField("timeout", "Timeout (seconds)",
               "Deadline of one HTTP call, from connecting to the last byte of the answer.", "number", 30),
    ExtraField("max_retries", "Max retries", "Retries of one call on 429, 502, 503, 504 and connection errors.", "integer",
               RetryPolicy.max_retries),
    ExtraField("backoff_seconds", "Backoff (seconds)", "First retry wait; doubles each retry, with jitter.", "number",
               RetryPolicy.backoff_seconds),
    ExtraField("max_backoff_seconds", "Max backoff (seconds)", "Longest wait between two retries.", "number",
               RetryPolicy.max_backoff_seconds),
    ExtraField("max_retry_seconds", "Retry time budget (seconds)", "Stop retrying one call after this long.", "number",
               RetryPolicy.max_retry_seconds),
    ExtraField("max_wait", "Max wait (seconds)",
               "Longest single wait Docker Hub may ask for (Retry-After, rate-limit reset); a longer one fails the run.",
               "number", DEFAULT_MAX_WAIT),
    ExtraField("max_answer_bytes", "Max answer size (bytes)",
               "Largest answer read, after decompression; a larger one fails its call.", "integer",
               DEFAULT_MAX_ANSWER_BYTES),
    ExtraField(
        "max_requests_per_second",
        "Max requests per second",
        "Client-side cap shared by all threads of one hook; empty for none.",
        "number",
    ),
    ExtraField(
        "retry_non_idempotent",
        "Retry POST/PATCH after a timeout",
        "Retry POST and PATCH even when the request may have reached the server (risk of duplicates).",
        "boolean",
        False,
    ),
    ExtraField("verify", "Verify TLS", "Verify the server certificate (true/false or a CA bundle path).", "string", "true"),
    ExtraField("proxies", "Proxies (JSON)", 'requests proxies, e.g. {"https": "http://proxy:3128"}.', "string"),
)


def _as_bool(value: Any, name: str) -> bool:
    return parse_bool(value, f"connection extra {name!r}")


def _as_number(value: Any, name: str, cast: type = float) -> Any:
    try:
        number = cast(value)
    except (TypeError, ValueError):
        raise ValueError(f"connection extra {name!r} must be a number, got {value!r}") from None
    if number < 0:
        raise ValueError(f"connection extra {name!r} must not be negative, got {value!r}")
    return number




def _check_credentials(conn: Connection) -> None:
    """Refuse credentials in the host (requests would send them as Basic auth instead of the token) and a
    login or password with control characters (a line break in a header fails every call); never show them."""
    host = conn.host or ""
    netloc = urlsplit(host if "://" in host else f"//{host}").netloc
    if "@" in netloc:
        raise ValueError(f"the host of the dockerhub connection to {shown_host(conn)} contains user info (user:password@); "
                         "put the username in login and the token in password, and give the host without them")
    for name, value in (("login", conn.login), ("password", conn.password)):
        if value and has_control_character(value):
            raise ValueError(f"the {name} of the dockerhub connection to {shown_host(conn)} contains a control "
                             "character (a line break, tab or NUL, often from copying); enter it again without it")


def shown_host(conn: Connection) -> str:
    """The connection's base URL as it may appear in errors and logs (no user info, path hidden)."""
    return redact_url(base_url(conn.host, conn.schema, conn.port, default=DEFAULT_HOST)).removesuffix("/***")


@dataclass(frozen=True)
class DockerHubConnectionSettings:
    """What a ``dockerhub`` connection says, parsed and validated once."""

    base_url: str = DEFAULT_HOST
    identifier: str | None = None
    secret: str | None = field(default=None, repr=False)
    auth_type: str = "token_exchange"
    timeout: float = 30.0
    max_retries: int = RetryPolicy.max_retries
    backoff_seconds: float = RetryPolicy.backoff_seconds
    max_backoff_seconds: float = RetryPolicy.max_backoff_seconds
    max_retry_seconds: float = RetryPolicy.max_retry_seconds
    max_wait: float = DEFAULT_MAX_WAIT
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    max_requests_per_second: float | None = None
    retry_non_idempotent: bool = False
    verify: bool | str = True
    proxies: dict[str, str] | None = None

    @classmethod
    def from_connection(cls, conn: Connection) -> DockerHubConnectionSettings:
        """Parse an Airflow connection; unknown extras are an error so typos do not pass silently."""
        _check_credentials(conn)
        extra = conn.extra_dejson or {}
        known = {f.name for f in EXTRA_FIELDS}
        unknown = sorted(set(extra) - known)
        if unknown:
            where = f"{shown_host(conn)} as {conn.login}" if conn.login else shown_host(conn)
            raise ValueError(f"unknown extra field(s) {unknown} in the dockerhub connection to {where}; "
                             f"known: {sorted(known)}")
        defaults = {f.name: f.default for f in EXTRA_FIELDS}

        def get(name: str) -> Any:
            value = extra.get(name)
            return defaults[name] if value in (None, "") else value

        auth_type = str(get("auth_type")).strip().lower()
        if auth_type not in AUTH_TYPES:
            raise ValueError(f"connection extra 'auth_type' must be one of {AUTH_TYPES}, got {auth_type!r}")
        rps = get("max_requests_per_second")
        verify = get("verify")
        if isinstance(verify, str) and verify.strip().lower() in TRUE_WORDS | FALSE_WORDS:
            verify = _as_bool(verify, "verify")
        proxies = get("proxies")
        if isinstance(proxies, str):
            try:
                proxies = json.loads(proxies)
            except ValueError:
                raise ValueError("connection extra 'proxies' must be a JSON object") from None
        return cls(
            base_url=base_url(conn.host, conn.schema, conn.port, default=DEFAULT_HOST),
            identifier=conn.login or None,
            secret=conn.password or None,
            auth_type=auth_type,
            timeout=_as_number(get("timeout"), "timeout"),
            max_retries=_as_number(get("max_retries"), "max_retries", int),
            backoff_seconds=_as_number(get("backoff_seconds"), "backoff_seconds"),
            max_backoff_seconds=_as_number(get("max_backoff_seconds"), "max_backoff_seconds"),
            max_retry_seconds=_as_number(get("max_retry_seconds"), "max_retry_seconds"),
            max_wait=_as_number(get("max_wait"), "max_wait"),
            max_answer_bytes=_as_number(get("max_answer_bytes"), "max_answer_bytes", int),
            max_requests_per_second=None if rps is None else _as_number(rps, "max_requests_per_second") or None,
            retry_non_idempotent=_as_bool(get("retry_non_idempotent"), "retry_non_idempotent"),
            verify=verify,
            proxies=proxies or None,
        )
