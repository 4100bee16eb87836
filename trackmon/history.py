"""A parcel's state from its whole stored history, never from the last answer alone (pure).

Answers arrive out of order: a webhook push can be older than what is stored, and a poll
answer fetched before a newer push is stored after it. `derive_state` therefore decides the
shipment's status from the merged, time-ordered history:

- Events are ordered by time; events of the same second by how far along they are
  (`progress`), so "out for delivery" and "delivered" of the same minute end delivered
  whichever answer brought them first.
- An event dated more than `MAX_CLOCK_SKEW` after `now` is stored (nothing a carrier said
  is dropped, and an event a carrier dated a few hours ahead, a time zone mislabelled as
  UTC, counts once its time has come) but does not decide anything: not the status, not
  the last event, not `delivered_at`. A "delivered" dated 2099 never sets `delivered_at`.
- The latest informative event decides (pending and unknown events never move a parcel
  that has moved). The carrier's own overall verdict (`snapshot.status`) is used only when
  the answer is current: it knows every stored event of its latest second and after, and
  has no event in the future.
  A stale answer keeps the state derived for the same latest event.
- A terminal state (delivered, returned) is left only for a real later event: a stored,
  informative event dated after it (e.g. a delivered parcel that is then returned), never
  for an older answer or the carrier's overall code alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from trackmon.domain import FINAL_STATUSES, Status, SubStatus, TrackingEvent, TrackingSnapshot

#: How far in the future an event may be dated and still count (carrier clocks, time zones).
MAX_CLOCK_SKEW = timedelta(hours=1)

#: Events that say nothing about where the parcel is: they never move a parcel that moved.
UNINFORMATIVE = frozenset({Status.not_found, Status.info_received, Status.unknown})
#: Events that end a journey: left only for an informative event dated after them.
TERMINAL = frozenset({Status.delivered, Status.returned})

#: How far along a journey a status is; orders events of the same second only.
PROGRESS = {status: rank for rank, status in enumerate((
    Status.not_found, Status.info_received, Status.unknown, Status.in_transit, Status.exception,
    Status.out_for_delivery, Status.delivery_failed, Status.available_for_pickup, Status.delivered,
    Status.returning, Status.returned, Status.expired))}


def order_key(ev: TrackingEvent) -> tuple[datetime, int]:
    return ev.time, PROGRESS.get(ev.status, 0)


def ordered(events: Iterable[TrackingEvent]) -> list[TrackingEvent]:
    """Oldest first; same-second events by progress (stable: stored order kept otherwise)."""
    return sorted(events, key=order_key)


def counts(ev: TrackingEvent, now: datetime) -> bool:
    """Whether an event's time has come (within the clock skew)."""
    return ev.time <= now + MAX_CLOCK_SKEW


@dataclass(frozen=True, slots=True, kw_only=True)
class Previous:
    """What the shipment row says now (the state derived the last time)."""

    status: str
    sub_status: str | None
    last_event_at: datetime | None
    last_event_description: str | None
    last_event_location: str | None
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class State:
    status: Status
    sub_status: SubStatus | None
    effective: tuple[TrackingEvent, ...]  # the events that count, ordered
    delivered_at: datetime | None
    answer_current: bool                  # the answer knows the latest stored event
    decided_by: str                       # "answer" | "event" | "kept" (for logs and raw_status)

    @property
    def last_event(self) -> TrackingEvent | None:
        return self.effective[-1] if self.effective else None


@lru_cache(maxsize=1024)  # a few dozen pairs exist; every stored event read goes through here
def parse_status(status: str, sub: str | None) -> tuple[Status, SubStatus | None]:
    """A stored status and sub-status as the domain's enums (unknown names: unknown / other)."""
    try:
        st = Status(status)
    except ValueError:
        st = Status.unknown
    try:
        ss = SubStatus(sub) if sub else None
    except ValueError:
        ss = SubStatus.other
    return st, ss


def _same_event(prev: Previous, ev: TrackingEvent) -> bool:
    return (prev.last_event_at == ev.time and (prev.last_event_description or "") == ev.description
            and prev.last_event_location == ev.location)


def _is_current(snapshot: TrackingSnapshot, effective: Sequence[TrackingEvent], now: datetime) -> bool:
    """Whether the answer knows the latest stored events: it has none in the future, and
    every stored event of its latest second or later is in it (events of the same second
    may come in any order, so knowing one of them is not enough)."""
    if not snapshot.events:
        return not effective
    if not all(counts(ev, now) for ev in snapshot.events):
        return False
    latest = max(ev.time for ev in snapshot.events)
    known = {ev.fingerprint for ev in snapshot.events}
    return all(ev.fingerprint in known for ev in effective if ev.time >= latest)


def derive_state(history: Sequence[TrackingEvent], snapshot: TrackingSnapshot, now: datetime,
                 previous: Previous) -> State:
    """The shipment's state from its whole stored `history` (ordered, including the events
    of `snapshot` just stored) and the answer just received."""
    effective = tuple(ev for ev in history if counts(ev, now))
    last = effective[-1] if effective else None
    current = _is_current(snapshot, effective, now)
    decisive = next((ev for ev in reversed(effective) if ev.status not in UNINFORMATIVE), last)
    prev_status, prev_sub = parse_status(previous.status, previous.sub_status)
    kept_applies = last is not None and _same_event(previous, last)

    if decisive is None:  # no event counts yet: only an answer can say something
        status, sub, by = ((snapshot.status, snapshot.sub_status, "answer") if current
                           else (prev_status, prev_sub, "kept"))
    elif decisive.status in TERMINAL:
        status, sub, by = decisive.status, decisive.sub_status, "event"
    elif kept_applies and prev_status in FINAL_STATUSES:
        status, sub, by = prev_status, prev_sub, "kept"  # no later event: a terminal verdict stays
    elif current and snapshot.status is not Status.unknown and not (
            snapshot.status in UNINFORMATIVE and decisive.status not in UNINFORMATIVE):
        status, sub, by = snapshot.status, snapshot.sub_status, "answer"
    elif not current and kept_applies:
        status, sub, by = prev_status, prev_sub, "kept"
    else:
        status, sub, by = decisive.status, decisive.sub_status, "event"

    delivered_at = None
    if status is Status.delivered:
        delivered_at = _delivered_since(effective)
        if delivered_at is None and previous.delivered_at is not None and \
                previous.delivered_at <= now + MAX_CLOCK_SKEW:
            delivered_at = previous.delivered_at
        if delivered_at is None:
            delivered_at = last.time if last is not None else now
    return State(status=status, sub_status=sub, effective=effective, delivered_at=delivered_at,
                 answer_current=current, decided_by=by)


def _delivered_since(effective: Sequence[TrackingEvent]) -> datetime | None:
    """Time of the first "delivered" event of the last run of them (a later informative
    non-delivered event ends a run: the earlier "delivered" was wrong)."""
    since = None
    for ev in effective:
        if ev.status is Status.delivered:
            since = since or ev.time
        elif ev.status not in UNINFORMATIVE:
            since = None
    return since
