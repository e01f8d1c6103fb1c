"""Sink stage: where responses and rejected records go (files, a webhook, XCom, or a user's own sink).

A sink is an ``EventSink`` (``on_event`` once per call made: method, URL, status, what was sent, what came
back, per-record outcomes), an ``OutcomeSink`` (``on_outcome`` once per record read), or both. Every sink
gets ``start`` once before the first call (the webhook checks itself there) and ``close`` at the end.
The runner builds call events only when some sink is an ``EventSink``.
"""

from __future__ import annotations

import ipaddress
import json
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any
from urllib.parse import urlsplit

import requests

from airflow_provider_dockerhub.pipeline.account import FAILED, REJECTED, find_secrets, redact_secrets
from airflow_provider_dockerhub.pipeline.items import Outcome
from airflow_provider_dockerhub.pipeline.shape import encode_json
from airflow_provider_dockerhub.pipeline.storage import open_for_appending
from airflow_provider_dockerhub.transport.deadline import DeadlineAdapter, send_within
from airflow_provider_dockerhub.transport.retry import HubCall, RetryPolicy
from airflow_provider_dockerhub.wire import redact_url

__all__ = [
    "PUSH_RESPONSES",
    "RUN_STARTED",
    "EventSink",
    "JsonLinesWriter",
    "LentSink",
    "OutcomeSink",
    "RejectsFile",
    "ResponseFile",
    "Sink",
    "Webhook",
    "XComResponses",
    "check_webhook_url",
]

PUSH_RESPONSES = ("none", "failed", "all")
#: The ``event`` of the one event a webhook receives before the first call (a receiver may ignore it).
RUN_STARTED = "run_started"
#: A webhook's answer is only looked at for its status: more than this is not read.
WEBHOOK_ANSWER_BYTES = 1024 * 1024


class Sink(ABC):  # noqa: B024 (start and close are optional; what a sink receives is its subclass's method)
    """What every sink has: ``start`` before the first call and ``close`` at the end (both do nothing here).

    A sink that raises (in any method) stops the run: nothing more is sent, since what it would record would
    be lost. Subclass ``EventSink``, ``OutcomeSink`` or both; they are called from one thread at a time.
    """

    def start(self, run: Mapping[str, Any]) -> None:  # noqa: B027 (optional hook)
        """Before the first call: ``run`` names the task run. A sink that cannot work raises here, before any write."""

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Flush and release resources; called once, also when the run failed."""


def close_all(sinks: Iterable[Sink]) -> list[tuple[Sink, Exception]]:
    """Close every sink, each even when one before it fails; the sinks that failed, with their error."""
    failures = []
    for sink in sinks:
        try:
            sink.close()
        except Exception as exc:
            failures.append((sink, exc))
    return failures


class EventSink(Sink):
    """A sink of calls: ``on_event`` receives one dict per call made (see docs/send-operator.md for its keys)."""

    @abstractmethod
    def on_event(self, event: dict[str, Any]) -> None:
        """One call's event: method, URL, status, what was sent, what came back, its records' outcomes."""


class OutcomeSink(Sink):
    """A sink of records: ``on_outcome`` receives every record's ``Outcome`` (succeeded, failed or rejected)."""

    @abstractmethod
    def on_outcome(self, outcome: Outcome) -> None:
        """One record's outcome (``outcome.item`` is the record as read, with its index and location)."""



class LentSink(EventSink, OutcomeSink):
    """A sink owned by the task, lent to one of its pipelines: events and outcomes reach it, but that pipeline's
    start and close do not (the task starts it once and closes it once, so every phase reaches one file)."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def on_event(self, event: dict[str, Any]) -> None:
        if isinstance(self.sink, EventSink):
            self.sink.on_event(event)

    def on_outcome(self, outcome: Outcome) -> None:
        if isinstance(self.sink, OutcomeSink):
            self.sink.on_outcome(outcome)


class JsonLinesWriter:
    """Appends JSON lines to a local file (created ``0600``), or writes them to any ``ObjectStoragePath`` URI.

    The file is opened at once, so a path that cannot be written stops the task before any call;
    every line is flushed as it is written, so a killed worker loses nothing it had received.
    """

    def __init__(self, path: str) -> None:
        self.path = str(path)
        self._handle: IO[bytes] | None = open_for_appending(self.path)

    def write(self, value: Any) -> None:
        """Write and flush one JSON line."""
        if self._handle is None:
            raise ValueError(f"{type(self).__name__} is closed")
        self._handle.write(encode_json(value) + b"\n")
        self._handle.flush()

    def close(self) -> None:
        """Close the file."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _sent_body(item: Any) -> Any:
    """What was (or would have been) sent for ``item``: its call's JSON body (one-record calls), or its element of
    a batch's body (the record, attributes excluded); None when no body was made for it."""
    if item.body is not None:
        try:
            return json.loads(item.body)
        except ValueError:
            return item.body.decode("utf-8", "replace")
    return item.payload


class RejectsFile(OutcomeSink):
    """Every failed or rejected record: its index, location, outcome, status and reason, the record exactly as
    read (``record``) and the body that was or would have been sent for it (``body``)."""

    def __init__(self, path: str) -> None:
        self.writer = JsonLinesWriter(path)

    def on_outcome(self, outcome: Outcome) -> None:
        if outcome.status in (FAILED, REJECTED):
            item = outcome.item
            self.writer.write({"index": item.index, "location": item.location,
                               "outcome": outcome.status.value, "status": outcome.http_status, "reason": outcome.reason,
                               "may_have_happened": outcome.uncertain, "record": item.as_read,
                               "body": _sent_body(item)})

    def close(self) -> None:
        self.writer.close()


class ResponseFile(EventSink):
    """Every call's event as a JSON line (secrets included: this is how users capture new tokens)."""

    def __init__(self, path: str) -> None:
        self.writer = JsonLinesWriter(path)

    def on_event(self, event: dict[str, Any]) -> None:
        self.writer.write(event)

    def close(self) -> None:
        self.writer.close()


def is_loopback(host: str | None) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if not host:
        return False
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_webhook_url(url: str, *, allow_insecure: bool = False) -> None:
    """Refuse a webhook URL that is not ``http(s)://``, or plain ``http://`` to a host other than loopback (events
    carry records and new token secrets) unless ``allow_insecure``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"response_webhook_url must be an http:// or https:// URL, got {redact_url(url)!r}")
    if parts.scheme == "http" and not allow_insecure and not is_loopback(parts.hostname):
        raise ValueError(
            f"the webhook {redact_url(url)} is plain http:// to {parts.hostname}, not loopback: events carry records "
            f"and new token secrets, so use https://, or set allow_insecure_webhook=True to send them unencrypted")


class Webhook(EventSink):
    """POSTs events to a webhook as JSON arrays of up to ``batch_size`` events, with its own retries.

    ``start`` POSTs one ``run_started`` event before the first call, so a webhook that does not answer stops the
    task before anything is written. Events are posted at least every ``flush_seconds``, and an event that carries
    a secret (a new token) at once, so a webhook failing mid-run stops the run soon. It has its own session: the
    Docker Hub bearer token is never sent to it. The URL is shown as ``redact_url`` does. ``timeout`` bounds each
    POST from connect to the last byte of the answer. ``register_secrets`` receives the URL when it holds a token
    (Airflow's masker in a task), like the runner's.
    """

    def __init__(self, url: str, *, headers: Mapping[str, str] | None = None, auth: Any = None,
                 batch_size: int = 100, timeout: float = 30.0, retry_policy: RetryPolicy | None = None,
                 allow_insecure: bool = False, flush_seconds: float = 2.0,
                 register_secrets: Callable[[list[str], str], object] | None = None) -> None:
        check_webhook_url(url, allow_insecure=allow_insecure)
        self.url = url
        self.flush_seconds = flush_seconds
        self._last_flush = time.monotonic()
        if redact_url(url).endswith("/***") and register_secrets is not None:  # a token in the path or query
            parts = urlsplit(url)
            register_secrets([url, f"{parts.path}?{parts.query}" if parts.query else parts.path], "the webhook URL")
        self.batch_size = batch_size
        self.timeout = timeout
        self.session = requests.Session()
        self.session.mount("http://", DeadlineAdapter(max_retries=0))
        self.session.mount("https://", DeadlineAdapter(max_retries=0))
        self.session.headers.update({"Content-Type": "application/json", **dict(headers or {})})
        self.session.auth = auth
        self._buffer: list[dict[str, Any]] = []
        # HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE for the webhook's URL, read once
        environment = self.session.merge_environment_settings(url, {}, None, None, None)
        self._environment = {key: environment[key] for key in ("proxies", "verify", "cert")}
        # The hook's policy: backoff with jitter, Retry-After honoured; a webhook delivery may be repeated.
        self._retrying = (retry_policy or RetryPolicy(max_retries=4, backoff_seconds=0.2, max_backoff_seconds=10,
                                                      max_retry_seconds=60)).controller(on_retry=lambda state: None)

    def start(self, run: Mapping[str, Any]) -> None:
        """POST ``[{"event": "run_started", ...run}]``: the webhook must accept it before any call is made."""
        self._post(encode_json([{"event": RUN_STARTED, **run}]))

    def on_event(self, event: dict[str, Any]) -> None:
        self._buffer.append(event)
        if (len(self._buffer) >= self.batch_size or find_secrets(event.get("response"))
                or time.monotonic() - self._last_flush >= self.flush_seconds):
            self.flush()

    def _post_once(self, call: HubCall) -> requests.Response:
        prepared = self.session.prepare_request(requests.Request("POST", call.url, data=call.body))
        return send_within(self.session, prepared, timeout=call.timeout, max_bytes=WEBHOOK_ANSWER_BYTES,
                           what=f"POST {redact_url(call.url)}", **self._environment)

    def _post(self, data: bytes) -> None:
        call = HubCall("POST", self.url, data, timeout=self.timeout, retry_writes=True, authenticated=False)
        try:
            response = self._retrying(self._post_once, call)
        except requests.RequestException as exc:
            raise RuntimeError(f"POST {redact_url(self.url)} failed: {type(exc).__name__}") from None
        if not response.ok:
            raise RuntimeError(f"POST {redact_url(self.url)} answered HTTP {response.status_code}")

    def flush(self) -> None:
        """POST what is buffered."""
        if not self._buffer:
            return
        data = encode_json(self._buffer)
        self._post(data)
        self._buffer = []
        self._last_flush = time.monotonic()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.session.close()


class XComResponses(EventSink):
    """Collects events for XCom key ``responses``: ``failed`` ones or ``all``, at most ``limit`` of them
    (XCom is no place for a million responses: ``response_path`` takes them all); secrets redacted unless asked."""

    def __init__(self, mode: str, *, include_secrets: bool = False, limit: int | None = 1000) -> None:
        if mode not in PUSH_RESPONSES:
            raise ValueError(f"push_responses must be one of {PUSH_RESPONSES}, got {mode!r}")
        self.mode = mode
        self.include_secrets = include_secrets
        self.limit = limit
        self.events: list[dict[str, Any]] = []
        self.left_out = 0

    def on_event(self, event: dict[str, Any]) -> None:
        if self.mode == "none" or (self.mode == "failed" and event["ok"]):
            return
        if self.limit is not None and len(self.events) >= self.limit:
            self.left_out += 1
            return
        self.events.append(event if self.include_secrets else redact_secrets(event))

