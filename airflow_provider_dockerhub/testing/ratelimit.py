"""The emulator's rate limit: a budget of requests per window, with Docker Hub's ``X-RateLimit-*`` headers."""

from __future__ import annotations

import math
import threading

from airflow_provider_dockerhub.hub import RATE_WINDOW


class RateWindow:
    """``limit`` requests per ``window`` seconds; windows align to multiples of ``window`` (like wall-clock
    minutes). ``limit=None`` is no limit and no headers."""

    def __init__(self, limit: int | None, window: float = RATE_WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._start = 0.0
        self._used = 0
        self._lock = threading.Lock()

    def take(self, now: float) -> tuple[bool, dict[str, str], float]:
        """Count one request at ``now``; return (allowed, ``X-RateLimit-*`` headers, seconds until reset)."""
        if self.limit is None:
            return True, {}, 0.0
        with self._lock:
            start = math.floor(now / self.window) * self.window
            if start != self._start:
                self._start, self._used = start, 0
            reset = start + self.window
            allowed = self._used < self.limit
            if allowed:
                self._used += 1
            headers = {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Remaining": str(self.limit - self._used),
                       "X-RateLimit-Reset": str(int(reset)) if reset == int(reset) else f"{reset:.3f}"}
            return allowed, headers, reset - now
