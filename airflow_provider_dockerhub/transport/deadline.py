"""One HTTP call from connect to last byte within a deadline, and an answer no bigger than a cap.

``requests``' timeout bounds one socket operation, so a server that trickles its answer a byte at a
time keeps a call for as long as it likes. Here every call is watched: when its deadline passes
before the last byte is in, a single reaper thread shuts the call's socket down, the blocked read
returns at once, and the call raises ``requests.exceptions.ReadTimeout`` (so the retry policy treats
it like any other timeout). The answer is read as a stream and decoded while read (gzip included),
and stops with ``AnswerTooLargeError`` (``errors.py``) once it passes the cap.

Use ``DeadlineAdapter`` on the session and ``send_within`` for every call.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from airflow_provider_dockerhub.errors import AnswerTooLargeError

#: Default cap on one answer's size after decompression.
DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
#: When a deadline passes while the connection is still being made, look again this much later.
RECHECK_SECONDS = 0.05

_current = threading.local()


@dataclass(eq=False)
class _Watch:
    """One call under watch: its deadline and the pooled connection it got."""

    deadline: float
    conn: Any = None
    expired: bool = False
    done: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expire(self) -> bool:
        """Cut the call's socket; False when there is no socket yet (the connect timeout bounds that)."""
        with self.lock:
            if self.done:
                return True
            sock = getattr(self.conn, "sock", None)
            if sock is None:
                return False
            self.expired = True
            with contextlib.suppress(OSError):  # the plain socket's shutdown: safe from another thread, also under TLS
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            return True


class _Reaper:
    """One daemon thread per process that expires the calls whose deadline has passed."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, _Watch]] = []
        self._order = itertools.count()
        self._live = 0
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float) -> _Watch:
        watch = _Watch(deadline)
        with self._cond:
            self._push(watch, deadline)
            self._live += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dockerhub-deadlines", daemon=True)
                self._thread.start()
        return watch

    def unwatch(self, watch: _Watch) -> None:
        with watch.lock:
            watch.done = True
        with self._cond:
            self._live -= 1
            if len(self._heap) > 1024 and len(self._heap) > 4 * self._live:  # drop finished calls now and then
                self._heap = [entry for entry in self._heap if not entry[2].done]
                heapq.heapify(self._heap)

    def _push(self, watch: _Watch, when: float) -> None:
        first = not self._heap or when < self._heap[0][0]
        heapq.heappush(self._heap, (when, next(self._order), watch))
        if first:
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                when, _, watch = self._heap[0]
                delay = when - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                heapq.heappop(self._heap)
            if not watch.done and not watch.expire():
                with self._cond:
                    self._push(watch, time.monotonic() + RECHECK_SECONDS)


_reaper = _Reaper()


class _WatchedPoolMixin:
    """Tells the current call's watch which connection it uses."""

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        watch = getattr(_current, "watch", None)
        if watch is not None:
            watch.conn = conn
        return conn


class _WatchedHTTPPool(_WatchedPoolMixin, HTTPConnectionPool):
    pass


class _WatchedHTTPSPool(_WatchedPoolMixin, HTTPSConnectionPool):
    pass


_POOL_CLASSES = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections can be cut when a call's deadline passes (see ``send_within``)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _POOL_CLASSES
        return manager


def read_capped(response: requests.Response, max_bytes: int, what: str) -> bytes:
    """Read the rest of a streamed answer, decoded; ``AnswerTooLargeError`` past ``max_bytes``."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes and not response.headers.get("Content-Encoding"):
        response.close()
        raise AnswerTooLargeError(
            f"{what}: the answer is {int(declared)} bytes, more than max_answer_bytes ({max_bytes} bytes)")
    chunks, size = [], 0
    for chunk in response.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            response.close()
            raise AnswerTooLargeError(
                f"{what}: the answer passed max_answer_bytes ({max_bytes} bytes) after decompression; "
                f"stopped reading at {size} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def send_within(
    session: requests.Session,
    prepared: requests.PreparedRequest,
    *,
    timeout: float,
    max_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    what: str = "",
    **send_kwargs: Any,
) -> requests.Response:
    """Send ``prepared`` and read its whole answer within ``timeout`` seconds (connect to last byte).

    The session must mount ``DeadlineAdapter``; ``send_kwargs`` (proxies, verify, cert) go to ``Session.send``.
    Redirects are not followed. The returned response has its
    body read (``content`` works); a call past its deadline raises ``requests.exceptions.ReadTimeout``.
    """
    watch = _reaper.watch(time.monotonic() + timeout)
    _current.watch = watch
    what = what or f"{prepared.method} {prepared.url}"
    try:
        try:
            response = session.send(prepared, timeout=timeout, stream=True, allow_redirects=False, **send_kwargs)
        finally:
            _current.watch = None
        try:
            response._content = read_capped(response, max_bytes, what)
        except BaseException:
            response.close()
            raise
        if watch.expired:  # cut while read: what arrived may look complete but is not
            raise requests.exceptions.ReadTimeout(f"no complete answer within {timeout:g} s")
        return response
    except requests.exceptions.RequestException:
        if watch.expired:
            raise requests.exceptions.ReadTimeout(f"no complete answer within {timeout:g} s") from None
        raise
    finally:
        _reaper.unwatch(watch)  # a cut connection reads as dropped: the pool replaces it before reuse
