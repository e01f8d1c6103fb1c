"""Client-side rate limiting shared by every thread of one hook.

Two rules, both optional:

* a requests-per-second cap (even spacing between request starts);
* Docker Hub's own budget: ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` tell how many calls
  are left until when. Calls already in flight are counted against that budget, so that several
  threads do not overrun it together; when it is spent, every thread waits for the reset. A 429's
  ``Retry-After`` pauses every thread too.

The budget belongs to the account, and other processes (Celery workers, mapped task instances) may be
spending it at the same time, unseen. So a limiter spends only its share of what is left: the part of
the window's calls so far that were its own (``X-RateLimit-Limit`` minus the lowest remaining count is
what everyone spent). Alone, its share is all of it; beside three equal workers, a quarter. Near the end
of a window the shares add up to what is left, instead of every worker spending all of it at once.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping

from airflow_provider_dockerhub.errors import NotSentError
from airflow_provider_dockerhub.transport.waits import (
    LONG_WAIT,
    RESET_MARGIN,
    check_wait,
    describe_instant,
    header_instant,
    header_number,
)

__all__ = ["RESET_MARGIN", "RateLimiter"]
#: A waiting call asks whether it was cancelled at least this often (seconds).
CANCEL_CHECK = 0.2
log = logging.getLogger(__name__)

class RateLimiter:
    """Decides when the next call may start; ``acquire`` before sending, ``release`` after.

    :param max_wait: the longest single wait the server may impose; a longer one raises
        ``WaitTooLongError`` from ``acquire`` (None: no ceiling).
    """

    def __init__(
        self,
        max_requests_per_second: float | None = None,
        *,
        max_wait: float | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = 1.0 / max_requests_per_second if max_requests_per_second else 0.0
        self._max_wait = max_wait
        self._announced_until = 0.0  # the end of the last long wait logged
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._paused_until = 0.0
        self._window_reset: float | None = None
        self._budget: float | None = None
        self._in_flight = 0
        self._lowest_remaining = 0.0  # of the current window, as the server last counted it
        self._own_in_window = 0  # calls of ours the server accepted in the current window

    def acquire(self, cancelled: Callable[[], bool] | None = None) -> float:
        """Block until a call may start; return the seconds waited.

        :param cancelled: asked at least every ``CANCEL_CHECK`` seconds while waiting; when it says yes,
            ``NotSentError`` is raised and the call does not start (the run stopped meanwhile).
        """
        waited = 0.0
        while True:
            if cancelled is not None and cancelled():
                raise NotSentError("not sent: the run stopped while the call waited for the rate limit")
            with self._lock:
                now = self._clock()
                # over once the margin past the reset is: a wait in CANCEL_CHECK steps may wake between the two
                if self._window_reset is not None and now >= self._window_reset + RESET_MARGIN:
                    self._window_reset, self._budget = None, None
                start = max(now, self._next_start, self._paused_until)
                if self._budget is not None and self._budget <= 0 and self._window_reset is not None:
                    start = max(start, self._window_reset + RESET_MARGIN)
                if start <= now:
                    self._next_start = now + self._interval
                    self._in_flight += 1
                    if self._budget is not None:
                        self._budget -= 1
                    return waited
                delay = start - now
                if start > self._next_start:  # a wait the server asked for, not our own spacing
                    self._announce(start, delay, now)
            if cancelled is not None:
                delay = min(delay, CANCEL_CHECK)
            self._sleep(delay)
            waited += delay

    def _announce(self, start: float, delay: float, now: float) -> None:
        """Refuse a server-imposed wait beyond ``max_wait``; log a long one once, when it starts."""
        why = ("a 429 asked every caller to pause" if start == self._paused_until
               else "X-RateLimit-Remaining reached 0 until the X-RateLimit-Reset")
        check_wait(delay, self._max_wait, why, now)
        if delay >= LONG_WAIT and start > self._announced_until:
            self._announced_until = start
            log.info("Waiting %.0f s, until %s: %s", delay, describe_instant(start), why)

    def release(self, headers: Mapping[str, str] | None, status: int | None, retry_after: float | None) -> None:
        """Account one finished call and learn from its rate-limit headers."""
        with self._lock:
            self._in_flight = max(self._in_flight - 1, 0)
            if headers is None:
                return
            now = self._clock()
            if status == 429 and retry_after is not None:
                self._paused_until = max(self._paused_until, now + retry_after)
            remaining = header_number(headers, "X-RateLimit-Remaining")
            reset = header_instant(headers, "X-RateLimit-Reset", now)
            if remaining is None or reset is None or reset <= now:
                return
            if self._window_reset is None or reset > self._window_reset:
                self._window_reset, self._lowest_remaining, self._own_in_window = reset, remaining, 0
            elif reset < self._window_reset:
                return  # an answer from a window that is over
            self._lowest_remaining = min(self._lowest_remaining, remaining)
            if status != 429:
                self._own_in_window += 1
            share = self._share(header_number(headers, "X-RateLimit-Limit"))
            # The others' calls in flight (as many per share as ours) are not in the count yet either.
            others_in_flight = self._in_flight * (1 - share) / share if share else 0.0
            self._budget = math.floor(share * (self._lowest_remaining - others_in_flight)) - self._in_flight

    def _share(self, limit: float | None) -> float:
        """Our part of the window's calls so far: 1 when alone (or when the server does not say its limit).

        Our calls in flight may already be counted by the server, so they count as ours: alone, the share
        is exactly 1."""
        spent = (limit or 0) - self._lowest_remaining
        if spent <= 0:
            return 1.0
        return min(1.0, (self._own_in_window + self._in_flight) / spent)
