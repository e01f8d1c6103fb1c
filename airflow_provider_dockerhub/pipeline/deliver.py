"""Deliver stage: send prepared calls through the hook, ``max_concurrency`` at a time, results in input order.

``after_send`` runs on the thread that made the call, as soon as the answer is in: the runner uses it
to write responses (new token secrets among them) before anything else happens, and to stop the run
at once. After ``stop()`` no call starts: calls not yet started come back with ``skipped`` set.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from airflow_provider_dockerhub.errors import NotSentError
from airflow_provider_dockerhub.pipeline.items import Outcome, PreparedCall
from airflow_provider_dockerhub.wire import set_call_gate

Send = Callable[[PreparedCall], Any]


@dataclass(slots=True)
class Delivery:
    """A call and what came back: a response, or the exception that stopped it; ``skipped`` when never sent."""

    call: PreparedCall
    response: Any = None
    error: BaseException | None = None
    skipped: bool = False
    outcomes: list[Outcome] = field(default_factory=list)


class Deliverer:
    """Runs ``send`` over calls with bounded concurrency; ``stop()`` ends sending (in-flight calls finish)."""

    def __init__(self, send: Send, max_concurrency: int = 1,
                 after_send: Callable[[Delivery], None] | None = None) -> None:
        if not isinstance(max_concurrency, int) or max_concurrency < 1:
            raise ValueError(f"max_concurrency must be a positive integer, got {max_concurrency!r}")
        self._send = send
        self._after_send = after_send
        self.max_concurrency = max_concurrency
        self.stopped = False  # a plain flag: setting it is atomic, and it is read for every call

    def stop(self) -> None:
        """Send nothing more; calls already in flight are still reported."""
        self.stopped = True

    def _may_start(self) -> bool:
        return not self.stopped

    def _deliver(self, call: PreparedCall) -> Delivery:
        if self.stopped:
            return Delivery(call, skipped=True)
        set_call_gate(self._may_start)  # asked again right before the call goes on the wire
        try:
            delivery = Delivery(call, self._send(call))
        except NotSentError:  # the run stopped while the call waited to start
            return Delivery(call, skipped=True)
        except Exception as exc:  # reported as the call's outcome, never lost
            delivery = Delivery(call, error=exc)
        finally:
            set_call_gate(None)
        if self._after_send is not None:
            self._after_send(delivery)
        return delivery

    def run(self, calls: Iterable[PreparedCall]) -> Generator[Delivery, None, None]:
        """Yield a ``Delivery`` per call, in the order the calls came; no call is taken after ``stop()``."""
        iterator = iter(calls)
        if self.max_concurrency == 1:
            while not self.stopped:
                call = next(iterator, None)
                if call is None:
                    return
                yield self._deliver(call)
            return
        window = self.max_concurrency * 4
        pending: deque[Future[Delivery]] = deque()
        with ThreadPoolExecutor(self.max_concurrency, thread_name_prefix="dockerhub-send") as pool:
            try:
                while True:
                    while not self.stopped and len(pending) < window:
                        call = next(iterator, None)
                        if call is None:
                            break
                        pending.append(pool.submit(self._deliver, call))
                    if not pending:
                        return
                    yield pending.popleft().result()
            finally:
                self.stop()  # left early (an error, a timeout): queued calls are skipped, in-flight ones finish
