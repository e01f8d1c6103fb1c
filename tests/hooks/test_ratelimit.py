"""The client-side rate limiter (hooks/ratelimit.py), on a fake clock: no test sleeps."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.ratelimit import RESET_MARGIN, RateLimiter


def test_requests_per_second_cap_spaces_call_starts(fake_time):
    limiter = RateLimiter(20, clock=fake_time.time, sleep=fake_time.sleep)
    starts = []
    for _ in range(11):
        limiter.acquire()
        starts.append(fake_time.time())
        limiter.release(None, 201, None)
    assert starts[-1] - starts[0] == pytest.approx(0.5)  # 10 intervals of 50 ms


def test_spent_budget_waits_for_the_reset(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 7.0
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}, 201, None)
    assert limiter.acquire() == pytest.approx(7.0 + RESET_MARGIN)
    assert fake_time.time() == pytest.approx(reset + RESET_MARGIN)


def test_a_wait_in_cancel_check_steps_still_ends_past_the_reset(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(fake_time.time() + 8.0)}, 201, None)
    # 40 steps of 0.2 s wake exactly at the reset: the margin is still waited
    assert limiter.acquire(cancelled=lambda: False) == pytest.approx(8.0 + RESET_MARGIN)


def test_calls_in_flight_count_against_the_budget(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 5.0
    for _ in range(3):
        limiter.acquire()
    # the first of three calls in flight says 2 are left: the two others already spent them
    limiter.release({"X-RateLimit-Remaining": "2", "X-RateLimit-Reset": str(reset)}, 201, None)
    assert limiter.acquire() == pytest.approx(5.0 + RESET_MARGIN)


def test_a_429_retry_after_pauses_every_caller(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({}, 429, 3.0)
    assert limiter.acquire() == pytest.approx(3.0)


def window_headers(remaining: int, reset: float, limit: int | None = 300) -> dict[str, str]:
    headers = {"X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": str(reset)}
    if limit is not None:
        headers["X-RateLimit-Limit"] = str(limit)
    return headers


def calls_before_waiting(limiter: RateLimiter, most: int = 1000) -> int:
    """How many calls start at once before one has to wait (the calls are left in flight)."""
    for started in range(most):
        if limiter.acquire() > 0:
            return started
    return most


def spend_with_others(limiter: RateLimiter, own_calls: int, calls_per_own_call: int, reset: float) -> None:
    """Make ``own_calls`` calls, one at a time, while other clients of the account make the rest."""
    for n in range(1, own_calls + 1):
        limiter.acquire()
        limiter.release(window_headers(300 - n * calls_per_own_call, reset), 201, None)


def test_beside_three_equal_workers_a_limiter_spends_a_quarter_of_what_is_left(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 5.0
    spend_with_others(limiter, 50, 4, reset)  # 200 spent, 50 of them ours: 100 left, 25 of them ours
    assert calls_before_waiting(limiter) == 25
    assert fake_time.time() == pytest.approx(reset + RESET_MARGIN)  # the 26th waited for the next window


def test_alone_a_limiter_spends_all_that_is_left(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    spend_with_others(limiter, 200, 1, fake_time.time() + 5.0)
    assert calls_before_waiting(limiter) == 100


def test_the_others_calls_in_flight_are_held_back_too(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 5.0
    spend_with_others(limiter, 50, 4, reset)
    for _ in range(4):
        limiter.acquire()
    limiter.release(window_headers(96, reset), 201, None)  # one of ours answered: 3 still in flight
    # share (51 + 3) / 204 = 0.265; the others have 3 * 0.735 / 0.265 = 8.3 in flight: 0.265 * (96 - 8.3)
    # = 23.2, minus our 3 in flight. Counting only ours would allow 25 - 3 = 22.
    assert calls_before_waiting(limiter) == 20


def test_without_the_limit_header_the_whole_remainder_is_spent(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 5.0
    for n in range(1, 51):
        limiter.acquire()
        limiter.release(window_headers(300 - 4 * n, reset, limit=None), 201, None)
    assert calls_before_waiting(limiter) == 100


def test_an_answer_from_a_window_that_is_over_changes_nothing(fake_time):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    reset = fake_time.time() + 5.0
    spend_with_others(limiter, 50, 4, reset)
    limiter.acquire()
    limiter.release(window_headers(0, reset - 5.0), 201, None)  # late answer of the window before
    assert calls_before_waiting(limiter) == 24


@pytest.mark.parametrize("bad", ["inf", "nan", "soon"])
def test_a_header_that_is_no_finite_number_is_ignored(fake_time, bad):
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": bad}, 201, None)
    assert limiter.acquire() == 0  # no window learned, so no wait, let alone a wait forever


def test_a_cancelled_wait_gives_up_within_the_check_interval_and_starts_nothing(fake_time):
    from airflow_provider_dockerhub.errors import NotSentError
    from airflow_provider_dockerhub.hooks.ratelimit import CANCEL_CHECK

    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(fake_time.time() + 60)}, 201, None)
    stop_at = fake_time.time() + 1.0
    with pytest.raises(NotSentError, match="the run stopped while the call waited"):
        limiter.acquire(cancelled=lambda: fake_time.time() >= stop_at)
    assert fake_time.time() - stop_at <= CANCEL_CHECK + 1e-9
    assert limiter._in_flight == 0


def test_a_wait_beyond_max_wait_is_refused_before_it_starts(fake_time):
    from airflow_provider_dockerhub.errors import WaitTooLongError

    limiter = RateLimiter(max_wait=30, clock=fake_time.time, sleep=fake_time.sleep)
    started = fake_time.time()
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(fake_time.time() + 3600)}, 201, None)
    with pytest.raises(WaitTooLongError, match=r"\(3600 s\), more than max_wait \(30 s\)"):
        limiter.acquire()
    assert fake_time.time() == started  # nothing was slept


def test_a_reset_given_as_seconds_from_now_waits_that_long(fake_time):
    """X-RateLimit-Reset read as seconds, epoch seconds (the documented form) or an HTTP date."""
    limiter = RateLimiter(clock=fake_time.time, sleep=fake_time.sleep)
    limiter.acquire()
    limiter.release({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "6"}, 201, None)
    assert limiter.acquire() == pytest.approx(6.0 + RESET_MARGIN)
