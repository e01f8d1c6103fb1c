"""When to retry a Docker Hub call and how long to wait, as a tenacity policy."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests
import tenacity
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

RETRYABLE_STATUS = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or HTTP date), else from ``X-RateLimit-Reset``."""
    now = time.time() if now is None else now
    value = (headers.get("Retry-After") or "").strip()
    if value:
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
        try:
            return max(parsedate_to_datetime(value).timestamp() - now, 0.0)
        except (TypeError, ValueError, IndexError):
            pass
    reset = (headers.get("X-RateLimit-Reset") or "").strip()
    if reset:
        try:
            return max(float(reset) - now, 0.0)
        except ValueError:
            pass
    return None


def failed_before_sending(exc: BaseException) -> bool:
    """True when the connection was never made, so the server cannot have seen the request."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError) and not isinstance(exc, requests.exceptions.ReadTimeout):
        reason = getattr(exc.args[0], "reason", exc.args[0]) if exc.args else None
        return isinstance(reason, (NewConnectionError, ConnectTimeoutError))
    return False


def describe_outcome(outcome: tenacity.Future) -> str:
    """A short reason for the log: the status code or the exception type (never a body or header)."""
    if outcome.failed:
        exc = outcome.exception()
        return type(exc).__name__
    return f"HTTP {outcome.result().status_code}"


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and jitter that honour ``Retry-After`` on 429."""

    max_retries: int = 5
    backoff_seconds: float = 0.5
    max_backoff_seconds: float = 60.0
    max_retry_seconds: float = 300.0

    def should_retry_exception(self, exc: BaseException, method: str, retry_non_idempotent: bool) -> bool:
        """Retry connection failures; after the request may have arrived, only idempotent methods."""
        if failed_before_sending(exc):
            return True
        if isinstance(exc, (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                            requests.exceptions.ChunkedEncodingError)):
            return method in IDEMPOTENT_METHODS or retry_non_idempotent
        return False

    def wait_seconds(self, state: tenacity.RetryCallState) -> float:
        """Server-announced wait for 429, else exponential backoff with full jitter."""
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            response = outcome.result()
            if response.status_code == 429:
                announced = retry_after_seconds(response.headers)
                if announced is not None:
                    return min(announced, self.max_retry_seconds)
        ceiling = min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (state.attempt_number - 1))
        return random.uniform(ceiling / 2, ceiling)

    def should_retry(self, state: tenacity.RetryCallState) -> bool:
        """Retry retryable statuses and safe exceptions; the retried call's first argument is the method
        and its keyword ``retry_non_idempotent`` says whether POST/PATCH may be repeated."""
        outcome = state.outcome
        if not outcome.failed:
            return outcome.result().status_code in RETRYABLE_STATUS
        method = state.args[0] if state.args else ""
        return self.should_retry_exception(outcome.exception(), method,
                                           bool(state.kwargs.get("retry_non_idempotent")))

    def controller(self, on_retry: Callable[[tenacity.RetryCallState], None]) -> tenacity.Retrying:
        """One tenacity controller for every call of a hook (tenacity keeps per-call state per thread);
        when retries run out the last response is returned, or the last exception raised."""
        return tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.max_retries + 1) | tenacity.stop_after_delay(self.max_retry_seconds),
            wait=self.wait_seconds,
            retry=self.should_retry,
            before_sleep=on_retry,
            retry_error_callback=lambda state: state.outcome.result(),
        )
