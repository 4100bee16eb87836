"""Poll cadence: when a shipment is polled next, and when it stops being polled (pure).

- The interval depends on the status (out for delivery often, pending rarely).
- Every interval gets ±`jitter_fraction` of itself, so a restart or a bulk import does not
  fire every poll at the same second.
- Failures back off exponentially from `FAILURE_BACKOFF_BASE` up to
  `failure_backoff_max_minutes`, jittered too.
- Retirement: a final status (delivered, returned, expired) is polled for `final_grace_days`
  more (carriers correct mistakes); everything stops after `max_active_days`.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from trackmon.domain import FINAL_STATUSES, Status, ensure_utc
from trackmon.settings import PollingSettings

#: First retry delay after a failed poll; doubles with every further failure.
FAILURE_BACKOFF_BASE = timedelta(minutes=15)

_PENDING = frozenset({Status.not_found, Status.info_received})
_EXCEPTIONAL = frozenset({
    Status.exception, Status.delivery_failed, Status.returning, Status.unknown,
})


def base_interval(status: str, polling: PollingSettings) -> timedelta:
    """The un-jittered interval between two polls of a parcel in `status`."""
    try:
        st = Status(status)
    except ValueError:
        st = Status.unknown
    if st is Status.out_for_delivery:
        minutes = polling.interval_out_for_delivery_minutes
    elif st is Status.available_for_pickup:
        minutes = polling.interval_available_for_pickup_minutes
    elif st is Status.in_transit:
        minutes = polling.interval_in_transit_minutes
    elif st in _EXCEPTIONAL:
        minutes = polling.interval_exception_minutes
    else:  # pending, and final statuses during their grace period
        minutes = polling.interval_pending_minutes
    return timedelta(minutes=minutes)


def failure_delay(failures: int, polling: PollingSettings) -> timedelta:
    """Exponential backoff after `failures` consecutive failed polls (≥ 1), capped."""
    cap = timedelta(minutes=polling.failure_backoff_max_minutes)
    exponent = min(max(failures, 1) - 1, 30)
    return min(FAILURE_BACKOFF_BASE * (2 ** exponent), cap)


def jitter(delay: timedelta, fraction: float, rng: random.Random) -> timedelta:
    """`delay` moved by a uniform ±`fraction` of itself."""
    if fraction <= 0:
        return delay
    return delay * (1 + rng.uniform(-fraction, fraction))


def next_poll_at(status: str, now: datetime, polling: PollingSettings, *, failures: int = 0,
                 rng: random.Random, not_before: datetime | None = None) -> datetime:
    """When to poll next: the status interval, or the backoff after failures, jittered.

    `not_before` (e.g. a carrier's Retry-After) pushes the result later, never earlier.
    """
    now = ensure_utc(now)
    delay = failure_delay(failures, polling) if failures > 0 else base_interval(status, polling)
    when = now + jitter(delay, polling.jitter_fraction, rng)
    if not_before is not None and when < not_before:
        when = ensure_utc(not_before)
    return when


def spread_first_poll(now: datetime, polling: PollingSettings, rng: random.Random) -> datetime:
    """A first poll time for a new shipment: within the next jitter window, not all at once."""
    window = timedelta(minutes=polling.interval_pending_minutes) * polling.jitter_fraction
    return ensure_utc(now) + window * rng.random()


def retire_reason(status: str, now: datetime, polling: PollingSettings, *,
                  final_since: datetime | None, active_since: datetime | None) -> str | None:
    """Why polling should stop now ("final_status" | "max_active_days"), or None to go on.

    `final_since`: when the parcel reached its final status (delivered_at or the status
    change); `active_since`: when tracking started (shipped or created).
    """
    now = ensure_utc(now)
    if status in FINAL_STATUSES:
        since = final_since or now
        if now - since >= timedelta(days=polling.final_grace_days):
            return "final_status"
    if active_since is not None and now - active_since >= timedelta(days=polling.max_active_days):
        return "max_active_days"
    return None
