"""The emulator's request handling, apart from HTTP: faults, rate window, route, authentication, body
validation, the handler over the state, the error shapes, and the record of what was answered."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from jsonschema.exceptions import best_match

from airflow_provider_dockerhub.hub import SCIM_CONTENT_TYPE, SCIM_ERROR_SCHEMA
from airflow_provider_dockerhub.testing.clock import Clock
from airflow_provider_dockerhub.testing.faults import Fault, FaultPlan
from airflow_provider_dockerhub.testing.ratelimit import RateWindow
from airflow_provider_dockerhub.testing.recording import RecordedRequest, Recorder
from airflow_provider_dockerhub.testing.routes import ROUTES, Call, Route, Router
from airflow_provider_dockerhub.testing.state import ApiError, HubState, Principal

__all__ = ["Answer", "HubApp", "Request"]


@dataclass(frozen=True)
class Request:
    """A request as the server read it: ``target`` is the path with its query; ``base_url`` the server's URL."""

    method: str
    target: str
    headers: Message | Mapping[str, str]  #: http.server's case-insensitive headers, or a plain mapping
    body: bytes
    base_url: str


@dataclass
class Answer:
    """What to send back: status, body (JSON-able, text or None) and extra headers; ``drop``: close the
    connection without an answer."""

    status: int
    payload: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    scim: bool = False
    drop: bool = False

    def encode(self) -> tuple[bytes, str | None]:
        """The body's bytes and its content type (None: no body)."""
        if self.payload is None:
            return b"", None
        if isinstance(self.payload, str):
            return self.payload.encode(), "text/plain; charset=utf-8"
        return json.dumps(self.payload).encode(), SCIM_CONTENT_TYPE if self.scim else "application/json"


class HubApp:
    """Answers requests over one ``HubState``.

    :param plain_text_429: answer 429 like Docker Hub's anti-abuse layer (plain text body).
    :param retry_after_epoch: send ``Retry-After`` of a 429 as the epoch second it ends (catalogue row L2).
    """

    def __init__(self, state: HubState, faults: FaultPlan, rate: RateWindow, recorder: Recorder, *,
                 clock: Clock, plain_text_429: bool = False, retry_after_epoch: bool = False,
                 routes: tuple[Route, ...] = ROUTES) -> None:
        self.state = state
        self.faults = faults
        self.rate = rate
        self.recorder = recorder
        self.clock = clock
        self.plain_text_429 = plain_text_429
        self.retry_after_epoch = retry_after_epoch
        self.router = Router(routes)

    def handle(self, request: Request) -> tuple[Answer, RecordedRequest]:
        """Answer ``request`` and record it (before it is answered, so a client that got its answer finds it)."""
        parts = urlsplit(request.target)
        path, query = parts.path, dict(parse_qsl(parts.query))
        headers = {k: ("Bearer ***" if k.lower() == "authorization" else v) for k, v in request.headers.items()}
        recorded = RecordedRequest(request.method, path, query, headers, None, received_at=self.clock.time())
        answer = self._answer(request, path, query, recorded)
        recorded.status = -1 if answer.drop else answer.status
        recorded.response = None if answer.drop else answer.payload
        self.recorder.remember(recorded)
        return answer, recorded

    def _answer(self, request: Request, path: str, query: dict[str, str], recorded: RecordedRequest) -> Answer:
        rate_headers: dict[str, str] = {}
        scim = path.startswith("/v2/scim/")
        fault = self.faults.draw(request.method, path)
        try:
            if fault and not fault.after_write and (faulty := self._fault_answer(fault)):
                return faulty
            allowed, rate_headers, until_reset = self.rate.take(self.clock.time())
            if not allowed:
                rate_headers["Retry-After"] = self._rate_retry_after(rate_headers, until_reset)
                raise ApiError(429, "Rate limit exceeded")
            route, params, validator = self.router.match(request.method, path)
            scim = route.scim
            body = self._parse_body(request.body, recorded)
            principal = self._principal(route, request.headers, recorded)
            if validator is not None:
                body = {} if body is None else body
                error = best_match(validator.iter_errors(body))
                if error is not None:
                    raise ApiError(400, error.message, _error_field(error))
            with self.state.lock:
                status, payload = route.handler(self.state, Call(params, query, body, principal,
                                                                 f"{request.base_url}{path}"))
            if fault and fault.after_write and (faulty := self._fault_answer(fault)):
                return faulty
        except ApiError as err:
            status, payload = err.status, self._error_body(err, scim)
        except Exception as exc:  # a bug or a state the seed made impossible: an answer, not a dropped connection
            status, payload = 500, self._error_body(ApiError(500, f"emulator error: {type(exc).__name__}: {exc}"), scim)
        return Answer(status, payload, rate_headers, scim)

    def _principal(self, route: Route, headers: Message | Mapping[str, str], recorded: RecordedRequest) -> Principal | None:
        if not route.auth:
            return None
        scheme, _, token = (headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "authentication required")
        principal = self.state.authenticate(token.strip())
        recorded.principal = principal.name
        return principal

    @staticmethod
    def _parse_body(raw: bytes, recorded: RecordedRequest) -> Any:
        if not raw:
            return None
        try:
            recorded.body = json.loads(raw)
        except ValueError:
            raise ApiError(400, "request body is not valid JSON") from None
        return recorded.body

    def _rate_retry_after(self, rate_headers: dict[str, str], until_reset: float) -> str:
        """``Retry-After`` of the rate window's 429: the seconds to its reset, or (L2) the same epoch second
        as ``X-RateLimit-Reset``."""
        if self.retry_after_epoch:
            return str(math.ceil(float(rate_headers["X-RateLimit-Reset"])))
        return str(max(math.ceil(until_reset), 1))

    def _fault_retry_after(self, seconds: float) -> str:
        """``Retry-After`` of an injected 429: the seconds, or the epoch second the wait ends (L2)."""
        if self.retry_after_epoch:
            return str(math.ceil(self.clock.time() + seconds))
        return f"{seconds:g}"

    def _fault_answer(self, fault: Fault) -> Answer | None:
        """Delay (real time: it stands for a slow server), then drop or answer per ``fault``; None: carry on."""
        if fault.delay:
            time.sleep(fault.delay)
        if fault.drop:
            return Answer(-1, drop=True)
        if fault.status is None:
            return None
        headers = {"Retry-After": self._fault_retry_after(fault.retry_after)} if fault.status == 429 else {}
        return Answer(fault.status, {"detail": f"injected fault {fault.status}", "message": "fault"}, headers)

    def _error_body(self, err: ApiError, scim: bool) -> Any:
        if err.status == 429 and self.plain_text_429:
            return "Too Many Requests (HAP429).\n"
        if err.body is not None:
            return err.body
        if scim:
            return {"schemas": [SCIM_ERROR_SCHEMA], "status": str(err.status), "detail": err.detail}
        if err.field_name:  # E4: a validation error names its field under errinfo.fielderrors
            return {"message": f"httperror {err.status}: request had 1 validation error",
                    "errinfo": {"fielderrors": {err.field_name: err.detail}}}
        return {"errinfo": {}, "detail": err.detail, "message": err.detail}


def _error_field(error: Any) -> str | None:
    """The dotted name of the field a validation error is about (the missing one for ``required``)."""
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        path += missing[:1]
    return ".".join(path) or None
