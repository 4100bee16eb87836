from __future__ import annotations

import random
from datetime import timedelta

import pytest

from trackmon.cadence import (
    FAILURE_BACKOFF_BASE,
    base_interval,
    failure_delay,
    next_poll_at,
    retire_reason,
    spread_first_poll,
)
from trackmon.settings import PollingSettings

POLLING = PollingSettings()


def test_out_for_delivery_polled_more_often_than_pending():
    assert base_interval("out_for_delivery", POLLING) < base_interval("in_transit", POLLING)
    assert base_interval("in_transit", POLLING) < base_interval("not_found", POLLING)
    assert base_interval("info_received", POLLING) == timedelta(minutes=720)
    assert base_interval("no-such-status", POLLING) == base_interval("exception", POLLING)


@pytest.mark.parametrize("status", ["out_for_delivery", "in_transit", "not_found", "delivered"])
def test_jitter_stays_within_bounds_and_varies(status, now):
    rng = random.Random(7)
    base = base_interval(status, POLLING)
    times = [next_poll_at(status, now, POLLING, rng=rng) for _ in range(300)]
    lo, hi = now + base * 0.9, now + base * 1.1
    assert all(lo <= t <= hi for t in times)
    assert len(set(times)) > 250          # spread, not lockstep
    assert min(times) < now + base < max(times)


def test_no_jitter_when_fraction_zero(now):
    polling = PollingSettings(jitter_fraction=0)
    assert next_poll_at("in_transit", now, polling, rng=random.Random(1)) == now + timedelta(hours=4)


def test_failures_back_off_exponentially_up_to_cap(now):
    polling = PollingSettings(jitter_fraction=0, failure_backoff_max_minutes=240)
    delays = [next_poll_at("out_for_delivery", now, polling, failures=f, rng=random.Random(0)) - now
              for f in range(1, 8)]
    assert delays[0] == FAILURE_BACKOFF_BASE
    assert delays[1] == FAILURE_BACKOFF_BASE * 2
    assert delays[2] == FAILURE_BACKOFF_BASE * 4
    assert delays[-1] == timedelta(minutes=240)
    assert delays == sorted(delays)
    assert failure_delay(10_000, polling) == timedelta(minutes=240)


def test_not_before_pushes_later_only(now):
    later = now + timedelta(days=2)
    assert next_poll_at("in_transit", now, POLLING, rng=random.Random(1), not_before=later) == later
    soon = next_poll_at("in_transit", now, POLLING, rng=random.Random(1), not_before=now)
    assert soon > now + timedelta(hours=3)


def test_first_poll_spread_within_window(now):
    rng = random.Random(3)
    times = [spread_first_poll(now, POLLING, rng) for _ in range(100)]
    assert all(now <= t <= now + timedelta(minutes=72) for t in times)
    assert len(set(times)) == 100


def test_retire_rules(now):
    day = timedelta(days=1)
    assert retire_reason("delivered", now, POLLING, final_since=now - 2 * day, active_since=now - 9 * day) is None
    assert retire_reason("delivered", now, POLLING, final_since=now - 3 * day,
                         active_since=now - 9 * day) == "final_status"
    assert retire_reason("returned", now, POLLING, final_since=now - 4 * day, active_since=None) == "final_status"
    assert retire_reason("in_transit", now, POLLING, final_since=None, active_since=now - 119 * day) is None
    assert retire_reason("in_transit", now, POLLING, final_since=None,
                         active_since=now - 120 * day) == "max_active_days"
    # a final status without a known time is not retired at once
    assert retire_reason("expired", now, POLLING, final_since=None, active_since=None) is None
