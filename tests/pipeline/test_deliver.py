from __future__ import annotations

import random
import threading
import time

import pytest

from airflow_provider_dockerhub.pipeline.deliver import Deliverer
from airflow_provider_dockerhub.pipeline.items import Item, PreparedCall


def calls(count):
    return [PreparedCall("POST", f"/x/{n}", {}, None, [Item(n, {}, f"records[{n}]")]) for n in range(count)]


def test_results_come_back_in_input_order_under_concurrency():
    rng = random.Random(1)
    delays = [rng.uniform(0, 0.01) for _ in range(60)]

    def send(call):
        time.sleep(delays[call.items[0].index])
        return call.url

    results = list(Deliverer(send, 8).run(calls(60)))
    assert [r.response for r in results] == [f"/x/{n}" for n in range(60)]


def test_no_more_than_max_concurrency_calls_in_flight():
    in_flight, peak, lock = 0, 0, threading.Lock()

    def send(call):
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.005)
        with lock:
            in_flight -= 1

    list(Deliverer(send, 3).run(calls(40)))
    assert peak == 3


def test_exceptions_become_deliveries_not_crashes():
    def send(call):
        if call.items[0].index == 1:
            raise ConnectionError("boom")
        return "ok"

    results = list(Deliverer(send, 2).run(calls(3)))
    assert [(r.response, type(r.error).__name__ if r.error else None) for r in results] == [
        ("ok", None), (None, "ConnectionError"), ("ok", None)]


@pytest.mark.parametrize("concurrency", [1, 4])
def test_stop_ends_dispatching_but_reports_what_was_in_flight(concurrency):
    stopped = threading.Event()

    def send(call):  # calls after the sixth stay in flight until the run has stopped, as slow calls would
        if call.items[0].index > 5:
            stopped.wait(10)
        return call.items[0].index

    deliverer = Deliverer(send, concurrency)
    source = iter(calls(100))
    seen = []
    taken = 0
    for delivery in deliverer.run(source):
        taken += 1
        if not delivery.skipped:
            seen.append(delivery.response)
        if delivery.response == 5:
            deliverer.stop()
            stopped.set()
    # calls queued but not started when the run stopped are skipped, never sent
    assert seen == list(range(len(seen))) and 6 <= len(seen) <= 6 + concurrency
    assert next(source).items[0].index == taken  # nothing read beyond what was reported


def test_max_concurrency_is_checked():
    with pytest.raises(ValueError, match="max_concurrency"):
        Deliverer(lambda c: None, 0)
