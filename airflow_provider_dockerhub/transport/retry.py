"""When to retry a Docker Hub call and how long to wait, as a tenacity policy.

A write (POST, PATCH) is repeated only when the server provably did not apply it: the connection
was never made, or the server refused it for its rate limit (429, or 503 with ``Retry-After``).
After a 502/504, a plain 503 or a broken connection it may have been applied, so it is not
repeated unless the connection says ``retry_non_idempotent``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import tenacity
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from airflow_provider_dockerhub.transport.waits import DEFAULT_MAX_WAIT, check_wait, retry_after_seconds
from airflow_provider_dockerhub.wire import refused_by_limiter

#: Statuses worth another try; for non-idempotent methods see ``RetryPolicy.should_retry_status``.
RETRYABLE_STATUS = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
__all__ = ["HubCall", "RetryPolicy", "describe_outcome", "failed_before_sending", "retry_after_seconds"]


@dataclass(frozen=True)
class HubCall:
    """One HTTP call as the hook sends it.

    :param retry_writes: repeat a POST/PATCH even when it may have reached the server.
    :param authenticated: send the bearer token (False only for the token exchange itself).
    """

    method: str
    url: str
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    retry_writes: bool = False
    authenticated: bool = True

    @property
    def repeatable(self) -> bool:
        """True when sending the call twice cannot do more than sending it once (or the user accepts that)."""
        return self.method in IDEMPOTENT_METHODS or self.retry_writes


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
    max_wait: float | None = DEFAULT_MAX_WAIT

    @staticmethod
    def should_retry_exception(exc: BaseException, call: HubCall) -> bool:
        """Retry connection failures; after the request may have arrived, only repeatable calls."""
        if failed_before_sending(exc):
            return True
        if isinstance(exc, (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                            requests.exceptions.ChunkedEncodingError)):
            return call.repeatable
        return False

    @staticmethod
    def should_retry_status(response: requests.Response, call: HubCall) -> bool:
        """Retry 429 and a limiter's 503 always; 502/503/504 only when the call is repeatable."""
        if refused_by_limiter(response.status_code, response.headers):
            return True
        return response.status_code in RETRYABLE_STATUS and call.repeatable

    def wait_seconds(self, state: tenacity.RetryCallState, now: float | None = None) -> float:
        """Server-announced wait for 429/503, else exponential backoff with full jitter.

        ``now`` (epoch seconds, default the wall clock) dates the epoch instants a server may announce.
        An announced wait longer than ``max_wait`` raises ``WaitTooLongError`` instead."""
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            response = outcome.result()
            if response.status_code in (429, 503):
                now = time.time() if now is None else now
                announced = retry_after_seconds(response.headers, now)
                if announced is not None:
                    check_wait(announced, self.max_wait, f"HTTP {response.status_code} to {state.args[0].method} "
                                                         f"{state.args[0].url}", now)
                    return min(announced, self.max_retry_seconds)
        ceiling = min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (state.attempt_number - 1))
        return random.uniform(ceiling / 2, ceiling)

    def should_retry(self, state: tenacity.RetryCallState) -> bool:
        """The retried function's first argument is the ``HubCall``; its outcome decides."""
        call: HubCall = state.args[0]
        outcome = state.outcome
        assert outcome is not None  # tenacity decides on a finished attempt
        if not outcome.failed:
            return self.should_retry_status(outcome.result(), call)
        error = outcome.exception()
        assert error is not None
        return self.should_retry_exception(error, call)

    def controller(
        self,
        on_retry: Callable[[tenacity.RetryCallState], None],
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> tenacity.Retrying:
        """One tenacity controller for every call of a hook (tenacity keeps per-call state per thread);
        when retries run out the last response is returned, or the last exception raised.

        :param clock: epoch seconds, to read announced instants (tests pass a fake one).
        :param sleep: how a wait between attempts is spent (tests pass one that advances the fake clock).
            The ``max_retry_seconds`` budget is measured by tenacity on the real monotonic clock.
        """
        return tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.max_retries + 1) | tenacity.stop_after_delay(self.max_retry_seconds),
            wait=lambda state: self.wait_seconds(state, clock()),
            sleep=sleep,
            retry=self.should_retry,
            before_sleep=on_retry,
            retry_error_callback=_last_outcome,
        )


def _last_outcome(state: tenacity.RetryCallState) -> Any:
    """When retries run out: the last response, or the last exception raised."""
    assert state.outcome is not None
    return state.outcome.result()
