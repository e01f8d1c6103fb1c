"""Deterministic fault injection for the emulator: errors, 429s, delays and dropped connections."""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass, field


@dataclass
class Fault:
    """
    Answer some matching requests badly.

    :param status: status to answer with (e.g. 500, 502, 503, 429); None with ``drop`` or ``delay`` only.
    :param rate: fraction of matching requests hit (drawn from the emulator's seeded generator).
    :param every: hit every N-th matching request instead. With neither, every matching request.
    :param delay: seconds to wait before answering.
    :param drop: close the connection without an answer.
    :param after_write: apply the write first, then answer with the fault (tests duplicate-safety).
    :param method: only requests with this method; ``path``: only paths matching this regex.
    :param times: stop after this many hits.
    :param retry_after: ``Retry-After`` seconds sent with a 429.
    """

    status: int | None = None
    rate: float | None = None
    every: int | None = None
    delay: float = 0.0
    drop: bool = False
    after_write: bool = False
    method: str | None = None
    path: str | None = None
    times: int | None = None
    retry_after: float = 1.0
    seen: int = field(default=0, init=False)
    hits: int = field(default=0, init=False)

    def matches(self, method: str, path: str) -> bool:
        """True when this fault applies to the request at all."""
        if self.method and self.method.upper() != method:
            return False
        return not (self.path and not re.search(self.path, path))


class FaultPlan:
    """The faults of one emulator, drawn deterministically from ``seed``."""

    def __init__(self, seed: int = 0) -> None:
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Register ``fault``; the first matching fault that fires wins."""
        with self._lock:
            self.faults.append(fault)
        return fault

    def _hits(self, fault: Fault) -> bool:
        if fault.every:
            return fault.seen % fault.every == 0
        return fault.rate is None or self._random.random() < fault.rate

    def draw(self, method: str, path: str) -> Fault | None:
        """The fault that hits this request, if any."""
        with self._lock:
            for fault in self.faults:
                if not fault.matches(method, path) or (fault.times is not None and fault.hits >= fault.times):
                    continue
                fault.seen += 1
                if self._hits(fault):
                    fault.hits += 1
                    return fault
        return None
