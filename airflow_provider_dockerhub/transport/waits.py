"""Waits the server asks for: reading them from headers, and the ceiling no wait may pass.

Docker Hub announces waits in three headers: ``Retry-After`` (documented as seconds, but seen live as
the epoch second the wait ends, catalogue row L2), ``X-Retry-After`` (epoch seconds, the older form)
and ``X-RateLimit-Reset`` (epoch seconds). Each is read the same way: a number from ``EPOCH_FLOOR``
on is an epoch instant, a smaller one a number of seconds from now, anything else an HTTP date. A
value that is none of these, not finite, or negative is ignored with a warning. A wait longer than the
connection's ``max_wait`` is never started: ``WaitTooLongError`` fails the run at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from airflow_provider_dockerhub.errors import WaitTooLongError

#: The longest single wait a server may ask for, unless the connection's ``max_wait`` says otherwise.
DEFAULT_MAX_WAIT = 300.0
#: A wait at least this long is logged when it starts, so a waiting task never looks hung.
LONG_WAIT = 5.0
#: Wait this much past the announced reset, so a call does not arrive a hair early.
RESET_MARGIN = 0.05
#: Numbers from here on (2001-09-09 as an instant) are epoch seconds, smaller ones seconds from now: no
#: server asks for a 31-year wait, and every instant a live header names is later.
EPOCH_FLOOR = 1_000_000_000.0
#: Warnings about one header's unusable values stop after this many (a bad proxy repeats them on every answer).
MAX_WARNINGS_PER_HEADER = 5

log = logging.getLogger(__name__)
_warned: dict[str, int] = {}
_warned_lock = threading.Lock()


def _warn_unusable(name: str, value: str, why: str) -> None:
    with _warned_lock:
        count = _warned[name] = _warned.get(name, 0) + 1
    if count <= MAX_WARNINGS_PER_HEADER:
        log.warning("Ignoring the %s header %r: %s", name, value[:40], why)


def header_number(headers: Mapping[str, str], name: str) -> float | None:
    """The header's value as a finite, non-negative number; None (with a warning) for anything else."""
    value = headers.get(name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        _warn_unusable(name, value, "not a number")
        return None
    if not math.isfinite(number):
        _warn_unusable(name, value, "not a finite number")
        return None
    if number < 0:
        _warn_unusable(name, value, "negative")
        return None
    return number


def header_instant(headers: Mapping[str, str], name: str, now: float) -> float | None:
    """The epoch instant wait header ``name`` names: epoch seconds (from ``EPOCH_FLOOR`` on), seconds from
    ``now`` (below it) or an HTTP date; None (with a warning) for anything else."""
    value = (headers.get(name) or "").strip()
    if not value:
        return None
    try:
        float(value)
    except ValueError:
        try:
            return parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            _warn_unusable(name, value, "neither a number of seconds, epoch seconds nor an HTTP date")
            return None
    number = header_number(headers, name)
    if number is None:
        return None
    return number if number >= EPOCH_FLOOR else now + number


def _until(headers: Mapping[str, str], name: str, now: float) -> float | None:
    """Seconds from ``now`` until the instant header ``name`` names (0 when it is past)."""
    instant = header_instant(headers, name, now)
    return None if instant is None else max(instant - now, 0.0)


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After``, else ``X-Retry-After``, else ``X-RateLimit-Reset``.

    ``Retry-After`` in whole seconds rounds the reset up. When ``X-RateLimit-Reset`` names an instant
    within that rounding (so the two clocks agree), the wait ends at that instant: a retry a fraction
    of a second late lands in the next window's first rush, where workers sharing the account have
    already spent it again."""
    now = time.time() if now is None else now
    announced = _until(headers, "Retry-After", now)
    if announced is None:
        announced = _until(headers, "X-Retry-After", now)
    until_reset = _until(headers, "X-RateLimit-Reset", now)
    if announced is None:
        return until_reset
    if until_reset is not None and announced - 1 < until_reset <= announced:
        return min(announced, until_reset + RESET_MARGIN)
    return announced


def describe_instant(epoch: float) -> str:
    """``epoch`` as an ISO 8601 UTC time; instants past year 9999 are said so instead of overflowing."""
    try:
        return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, ValueError, OSError):
        return "after the year 9999"


def check_wait(seconds: float, max_wait: float | None, why: str, now: float | None = None) -> None:
    """Raise ``WaitTooLongError`` when ``seconds`` is more than ``max_wait`` (None: no ceiling)."""
    if max_wait is None or seconds <= max_wait:
        return
    now = time.time() if now is None else now
    raise WaitTooLongError(
        f"Docker Hub asks to wait until {describe_instant(now + seconds)} ({seconds:.0f} s), "
        f"more than max_wait ({max_wait:g} s): {why}")
