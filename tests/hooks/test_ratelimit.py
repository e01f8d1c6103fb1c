"""The client-side rate limiter (hooks/ratelimit.py), on a fake clock: no test sleeps."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.ratelimit import RESET_MARGIN, RateLimiter


class FakeTime:
    """A clock whose sleep advances it."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def test_requests_per_second_cap_spaces_call_starts(fake_time):
    limiter = RateLimiter(20, clock=fake_time.clock, sleep=fake_time.sleep)
    starts = []
    for _ in range(11):
        limiter.acquire()
        starts.append(fake_time.now)
        limiter.release(None, 201, None)
    assert starts[-1] - starts[0] == pytest.approx(0.5)  # 10 intervals of 50 ms


def test_spent_budget_waits_for_the_reset(fake_time):
    limiter = RateLimiter(clock=fake_time.clock, sleep=fake_time.sleep)
    reset = fake_time.now + 7.0
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}, 201, None)
    assert limiter.acquire() == pytest.approx(7.0 + RESET_MARGIN)
    assert fake_time.now == pytest.approx(reset + RESET_MARGIN)


def test_calls_in_flight_count_against_the_budget(fake_time):
    limiter = RateLimiter(clock=fake_time.clock, sleep=fake_time.sleep)
    reset = fake_time.now + 5.0
    for _ in range(3):
        limiter.acquire()
    # the first of three calls in flight says 2 are left: the two others already spent them
    limiter.release({"X-RateLimit-Remaining": "2", "X-RateLimit-Reset": str(reset)}, 201, None)
    assert limiter.acquire() == pytest.approx(5.0 + RESET_MARGIN)


def test_a_429_retry_after_pauses_every_caller(fake_time):
    limiter = RateLimiter(clock=fake_time.clock, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({}, 429, 3.0)
    assert limiter.acquire() == pytest.approx(3.0)
