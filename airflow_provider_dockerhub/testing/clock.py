"""The emulator's clock: every time the emulator reads (token expiry, rate windows, ``Retry-After``,
timestamps in answers) comes from one ``Clock``, so a test can replace it with a ``FakeClock`` it advances::

    clock = FakeClock()
    with DockerHubEmulator(token_lifetime=60, clock=clock) as hub:
        ...
        clock.advance(61)  # the tokens issued so far have expired; no sleep

Waiting is not reading: an injected ``delay`` fault still takes real time (it stands for a slow server).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

__all__ = ["Clock", "FakeClock", "api_time"]


def api_time(moment: datetime) -> str:
    """A datetime (naive ones are UTC) as the API writes times: ISO 8601 in UTC with ``Z``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


class Clock:
    """The real clock (the default): epoch seconds from ``time.time()``; ``FakeClock`` replaces it in tests."""

    def time(self) -> float:
        """Seconds since the epoch."""
        return time.time()

    def now(self) -> datetime:
        """The current time, in UTC."""
        return datetime.fromtimestamp(self.time(), timezone.utc)

    def now_iso(self) -> str:
        """The current time as the API writes it."""
        return api_time(self.now())


class FakeClock(Clock):
    """A clock that stands still until ``advance``; thread-safe, for tests.

    :param start: the epoch second it starts at (default: 2026-01-01T00:00:00Z).
    """

    def __init__(self, start: float = 1_767_225_600.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def time(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock ``seconds`` forward (never back); returns the new time."""
        if seconds < 0:
            raise ValueError(f"a clock only moves forward, not by {seconds}")
        with self._lock:
            self._now += seconds
            return self._now

    def set(self, epoch: float) -> None:
        """Move the clock to ``epoch`` (not before the current time)."""
        with self._lock:
            if epoch < self._now:
                raise ValueError(f"a clock only moves forward: {epoch} is before {self._now}")
            self._now = float(epoch)
