from __future__ import annotations

import threading

import pytest

from airflow_provider_dockerhub.pipeline.deliver import Deliverer
from airflow_provider_dockerhub.pipeline.items import Item, PreparedCall


def calls(count):
    return [PreparedCall("POST", f"/x/{n}", {}, None, [Item(n, {}, f"records[{n}]")]) for n in range(count)]


WAIT = 10  # seconds a synchronised call waits at most: a broken test fails instead of hanging


def test_results_come_back_in_input_order_under_concurrency():
    # calls finish in reverse order within each group of 8 (the concurrency): call n waits until call n + 1 has
    # finished, so the last call of a group finishes first; results must still come back in input order
    group, finished, lock = 8, [], threading.Lock()
    done = [threading.Event() for _ in range(60)]

    def send(call):
        n = call.items[0].index
        if (n + 1) % group and n + 1 < len(done):
            assert done[n + 1].wait(WAIT), f"call {n + 1} never finished"
        with lock:
            finished.append(n)
        done[n].set()
        return call.url

    results = list(Deliverer(send, group).run(calls(60)))
    assert [r.response for r in results] == [f"/x/{n}" for n in range(60)]
    for start in range(0, 60, group):  # the calls did finish out of order
        members = range(start, min(start + group, 60))
        assert [n for n in finished if n in members] == list(members)[::-1]


def test_no_more_than_max_concurrency_calls_in_flight():
    # calls 3g, 3g+1 and 3g+2 wait for each other (the 40th goes alone): 3 calls are in flight together for sure,
    # and a fourth started meanwhile would be counted
    in_flight, peak, lock = 0, 0, threading.Lock()
    threes = [threading.Barrier(3, timeout=WAIT) for _ in range(13)]

    def send(call):
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        if call.items[0].index < 39:
            threes[call.items[0].index // 3].wait()
        with lock:
            in_flight -= 1

    results = list(Deliverer(send, 3).run(calls(40)))
    assert [r.error for r in results] == [None] * 40  # no call was left waiting for the others of its three
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
