"""What may go on the wire, and how to speak of it: one owner for the rules the hook and the pipeline share.

The hook (HTTP and auth) and the record pipeline both need these rules; keeping them here keeps
the pipeline free of the hook module (requests sessions, tenacity, Airflow's BaseHook).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

#: Headers the HTTP client computes itself; setting them by hand can split or smuggle a request.
FORBIDDEN_HEADERS = frozenset({"authorization", "host", "content-length", "transfer-encoding", "connection"})
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # every control character but the tab
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 field-name
#: Characters that may stand in a URL as they are; a URL of only these is sent exactly as rendered.
_URL_SAFE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "t", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "n", "f", "off", ""})
#: Statuses after which a write may have been applied although the call failed.
UNCERTAIN_STATUS_FLOOR = 500


def parse_bool(value: Any, name: str) -> bool:
    """``value`` as a boolean (a bool, or one of the words in ``TRUE_WORDS``/``FALSE_WORDS``)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be true or false, got {value!r}")


def has_control_character(value: str) -> bool:
    """True when ``value`` holds a control character (tab included): it cannot go into a header or a secret."""
    return bool(_CONTROL.search(value)) or "\t" in value


def check_header(name: str, value: str) -> None:
    """Raise ValueError for a header that would override authentication or framing, or split the request."""
    if not _TOKEN.fullmatch(name):
        raise ValueError(f"header name {name!r} is not a valid HTTP field name")
    if name.lower() in FORBIDDEN_HEADERS:
        if name.lower() == "authorization":
            raise ValueError("the Authorization header is set by the hook from the connection and cannot be given")
        raise ValueError(f"the {name} header is set by the HTTP client and cannot be given")
    if _CONTROL.search(value):
        raise ValueError(f"header {name!r} contains a control character (line break, NUL, ...)")


def parse_headers(headers: Mapping[str, Any] | str | None) -> dict[str, str]:
    """Headers from a dict or the string form ``h1:v1,h2:v2`` (a value may contain ``:``), each checked."""
    if headers is None or headers == "":
        return {}
    if isinstance(headers, str):
        parsed = {}
        for pair in headers.split(","):
            if not pair.strip():
                continue
            name, sep, value = pair.partition(":")
            if not sep or not name.strip():
                raise ValueError(f"headers: {pair.strip()!r} is not of the form name:value")
            parsed[name.strip()] = value.strip()
        headers = parsed
    if not isinstance(headers, Mapping):
        raise TypeError(f"headers must be a dict or a 'h1:v1,h2:v2' string, got {type(headers).__name__}")
    result = {}
    for name, value in headers.items():
        name, value = str(name).strip(), str(value).strip()
        check_header(name, value)
        result[name] = value
    return result


def base_url(host: str | None, schema: str | None = None, port: int | None = None, *, default: str = "") -> str:
    """The base URL an Airflow connection names: ``host`` with or without a scheme, the scheme from ``schema``
    (``http``/``https``, else https), and ``port``; ``default`` when there is no host."""
    if not host:
        return default
    if "://" not in host:
        scheme = schema if schema in ("http", "https") else "https"
        host = f"{scheme}://{host}"
    parts = urlsplit(host)
    netloc = parts.netloc
    if port and parts.port is None:
        netloc = f"{netloc}:{port}"
    return f"{parts.scheme}://{netloc}{parts.path}".rstrip("/")


def is_dot_segment(text: str) -> bool:
    """True for ``.`` and ``..`` in any percent-encoding (``%2E``, ``.%2e``, ...): they leave their segment."""
    return text in (".", "..") or ("%" in text and unquote(text) in (".", ".."))


def exact_url(url: str) -> str | None:
    """``url`` when it can be sent byte for byte as rendered (already percent-encoded), else None."""
    return url if _URL_SAFE.fullmatch(url) else None


def host_of(url: str) -> str:
    """``host[:port]`` of ``url``, never its user info: what logs, errors and lineage may show of a host."""
    parts = urlsplit(str(url))
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a port that is no number
        port = None
    return f"{host}:{port}" if port else host


def redact_url(url: str) -> str:
    """``scheme://host[:port]/***``: a URL fit for logs, errors and XCom (path, query and user info hidden)."""
    parts = urlsplit(str(url))
    netloc = host_of(url)
    hidden = parts.path not in ("", "/") or parts.query or parts.fragment or parts.username
    return f"{parts.scheme}://{netloc}/***" if hidden else f"{parts.scheme}://{netloc}"


def _field_errors(body: dict[str, Any]) -> str:
    """``field: reason; ...`` from a validation error's ``errinfo.fielderrors`` (catalogue row E4), else ``""``."""
    errinfo = body.get("errinfo")
    fields = errinfo.get("fielderrors") if isinstance(errinfo, dict) else None
    if not isinstance(fields, dict):
        return ""
    return "; ".join(f"{name}: {'; '.join(map(str, reason)) if isinstance(reason, list) else reason}"
                     for name, reason in fields.items())


#: Docker Hub's refusals of a credential, and what to use instead (docs/docker-hub-api.md rows C2, C3 to C6).
CREDENTIAL_HINTS = (
    (re.compile(r"issued from personal access token", re.IGNORECASE),
     "a personal access token manages repositories only: organization administration and personal access "
     "tokens need a password login (docs/connection.md)"),
    (re.compile(r"organization access token", re.IGNORECASE),
     "an organization access token administers only its own organization's members, invites and groups, not "
     "organization access tokens or image access settings: use an owner's password login (docs/connection.md)"),
    (re.compile(r"insufficient scope", re.IGNORECASE),
     "the access token lacks a scope this call needs: an organization access token needs the member, invite or "
     "group scope (Read to read, Edit to change), a personal access token a higher repo: scope "
     "(docs/docker-hub-api.md C3, C7)"),
)


def error_detail(response: Any, limit: int = 200) -> str:
    """The API's short reason (a validation error's field errors, E4; ``detail``/``message``; or the ``__all__``
    list of a repository create, R2), else the start of the body as text; a 403 refusing the credential says
    which credential would do (C2 to C6), or which scope is missing (C3)."""
    detail = _reason(response)[:limit]
    if response.status_code == 403:
        hint = next((text for pattern, text in CREDENTIAL_HINTS if pattern.search(detail)), None)
        if hint:
            return f"{detail} ({hint})"
    return detail


def _reason(response: Any) -> str:
    """The whole reason ``error_detail`` shortens."""
    try:
        body = response.json()
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        body = None
    if isinstance(body, dict):
        fields = _field_errors(body)
        if fields:
            return fields
        for key in ("detail", "message", "error", "__all__", "errinfo"):
            value = body.get(key)
            if value not in (None, "", False, []):
                return "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = (response.text or "").strip().replace("\r", " ").replace("\n", " ")
    return text or (response.reason or "")


def shape_of(value: Any) -> str:
    """A short description of a JSON value's shape (never its content): ``object with keys a, b``, ``list``."""
    if isinstance(value, dict):
        keys = ", ".join(sorted(str(k) for k in list(value)[:5]))
        return f"an object with keys {keys}" if keys else "an empty object"
    return {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def json_body(response: Any, method: str, expected: str, error: type[Exception]) -> Any:
    """The answer's JSON; ``error`` naming the call's path, the status and ``expected`` when it is not JSON."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        path = urlsplit(response.url or "").path or "?"
        raise error(f"{method} {path} answered HTTP {response.status_code} with a body that is not JSON "
                    f"(expected {expected})") from None


def refused_by_limiter(status: int, headers: Mapping[str, str] | None) -> bool:
    """True for a rate limiter's refusal, which applied nothing: 429, or 503 with ``Retry-After``."""
    return status == 429 or (status == 503 and headers is not None and "Retry-After" in headers)


def write_may_have_happened(status: int | None, headers: Mapping[str, str] | None = None) -> bool:
    """True when a write answered ``status`` (None: no answer) may still have been applied by the server."""
    if status is None:
        return True
    return status >= UNCERTAIN_STATUS_FLOOR and not refused_by_limiter(status, headers)


_gate = threading.local()


def set_call_gate(may_start: Callable[[], bool] | None) -> None:
    """Ask ``may_start()`` on this thread right before a call goes on the wire (None: no gate).

    The pipeline sets it so that a call waiting for the rate limiter or a token when the run stops
    (``on_error='fail_fast'``, a run-level failure) is not sent at all."""
    _gate.may_start = may_start


def call_may_start() -> bool:
    """False when this thread's gate says no new call may start."""
    may_start = getattr(_gate, "may_start", None)
    return may_start is None or may_start()
