"""What the emulator saw: every request with its answer, for a test's assertions."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from airflow_provider_dockerhub.hub import TOKEN_PATH

#: Requests that only log in: not writes, whatever their method.
TOKEN_EXCHANGE = TOKEN_PATH


@dataclass
class RecordedRequest:
    """One request as the emulator saw it; the bearer token is hidden.

    ``response`` is the body answered (secrets included: the emulator is for tests); ``received_at`` and
    ``answered_at`` are the emulator clock's times when it came in and when its answer was handed to the
    socket (None: no answer was sent). ``status`` -1: the connection was dropped.
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int = 0
    principal: str | None = None
    response: Any = field(default=None, repr=False)
    received_at: float = 0.0
    answered_at: float | None = None


class Recorder:
    """The recorded requests in arrival order; ``enabled=False`` keeps none."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()

    def remember(self, recorded: RecordedRequest) -> None:
        """Keep ``recorded`` (when recording)."""
        if self.enabled:
            with self._lock:
                self.requests.append(recorded)

    def since(self, start: int = 0) -> list[RecordedRequest]:
        """The requests from the ``start``-th on (a copy)."""
        with self._lock:
            return self.requests[start:]

    def writes(self, since: int = 0) -> list[str]:
        """``METHOD path`` of the recorded calls that change something (not reads, not the token exchange)."""
        return [f"{r.method} {r.path}" for r in self.since(since) if r.method != "GET" and r.path != TOKEN_EXCHANGE]

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self.requests.clear()
