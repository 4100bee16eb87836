"""What per-parcel detection reads of a parcel's history, in a few fields (pure).

`detect.detect_shipment` never looks at a whole history: it reads the first event's time, the
last event, whether the parcel moved or arrived, and where the current episodes began (a lost
run, a customs hold, a wait for collection, failed deliveries, the return). `basis_of` takes
exactly those from a history, and detection reads nothing else, so a basis computed once gives
the same alerts at any later time as the history it came from.

A shipment keeps its history's basis beside its answer digest (`shipments.detection_basis`,
written by `ingest.apply_state` under the same condition as the digest): when the carrier's
answer has not changed, detection runs from that column and the stored events are not read
(`trackmon.batch.settle`). `encode` / `decode` give the column's text; a basis written by
another version of this module (or unreadable) decodes to None, and the caller reads the
history instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from trackmon.domain import CUSTOMS_SUB_STATUSES, Status, SubStatus, TrackingEvent

_PENDING = frozenset({Status.info_received, Status.not_found})
CUSTOMS_HOLDS = frozenset({SubStatus.customs_held, SubStatus.customs_duties,
                           SubStatus.customs_information_required})
ARRIVED_SUBS = CUSTOMS_SUB_STATUSES | {
    SubStatus.arrived_destination, SubStatus.pickup_post_office, SubStatus.pickup_point,
    SubStatus.pickup_locker, SubStatus.nobody_home, SubStatus.bad_address, SubStatus.refused,
}
ARRIVED_STATUSES = frozenset({Status.out_for_delivery, Status.available_for_pickup,
                              Status.delivery_failed, Status.delivered})
_PICKUP_ENDS = frozenset({Status.out_for_delivery, Status.delivered, Status.returning, Status.returned})
_FAILED_ENDS = frozenset({Status.delivered, Status.returning, Status.returned, Status.available_for_pickup})
_CUSTOMS_ENDS = frozenset({Status.out_for_delivery, Status.delivered, Status.available_for_pickup,
                           Status.returning, Status.returned})
_RETURN = frozenset({Status.returning, Status.returned})


@dataclass(frozen=True, slots=True)
class Mark:
    """One event as detection quotes it: when, which (the episode's cause), what it said."""

    time: datetime
    fingerprint: str
    description: str
    sub_status: SubStatus | None


@dataclass(frozen=True, slots=True)
class Basis:
    """Everything `detect.detect_shipment` reads of a history (events by time, oldest first)."""

    count: int                       # events in the history
    first_time: datetime | None      # the oldest event's time
    last: Mark | None                # the newest event
    moved: bool                      # an event past label / electronic information received
    arrived: bool                    # an event showing arrival in the destination country
    lost_start: Mark | None          # first of the trailing run the carrier calls lost
    customs_start: Mark | None       # first hold event of the current customs episode
    pickup_start: Mark | None        # first event of the current wait for collection
    failed_start: Mark | None        # first failed attempt of the current episode
    failed_count: int                # failed attempts from `failed_start` on
    failed_last: Mark | None         # the latest of those
    return_start: Mark | None        # the first return event (a parcel goes back once)


def _mark(ev: TrackingEvent | None) -> Mark | None:
    return None if ev is None else Mark(ev.time, ev.fingerprint, ev.description, ev.sub_status)


def is_movement(ev: TrackingEvent) -> bool:
    """Anything past "label created / electronic information received"."""
    return ev.status not in _PENDING and ev.sub_status is not SubStatus.label_created


def shows_arrival(ev: TrackingEvent) -> bool:
    """An event seen only once the parcel is in the destination country."""
    return ev.status in ARRIVED_STATUSES or ev.sub_status in ARRIVED_SUBS


def basis_of(history: Sequence[TrackingEvent]) -> Basis:
    """The basis of a history (any order: taken by time, stable for equal times), in one pass.

    An episode (customs hold, wait for collection, failed deliveries) starts at its first member
    event; ordinary scans in between (a notice left, a sorting scan) do not start a new one, only
    an event that ends it does. The lost run is the trailing run of events the carrier calls lost.
    """
    events = sorted(history, key=_time)
    moved = arrived = False
    customs = pickup = failed = back = None
    for i, ev in enumerate(events):
        status, sub = ev.status, ev.sub_status
        moved = moved or is_movement(ev)
        arrived = arrived or shows_arrival(ev)
        if status in _CUSTOMS_ENDS or sub is SubStatus.customs_released:
            customs = None
        elif customs is None and sub in CUSTOMS_HOLDS:
            customs = i
        if status in _PICKUP_ENDS:
            pickup = None
        elif pickup is None and status is Status.available_for_pickup:
            pickup = i
        if status in _FAILED_ENDS:
            failed = None
        elif failed is None and status is Status.delivery_failed:
            failed = i
        if back is None and status in _RETURN:
            back = i
    lost = len(events)
    while lost and events[lost - 1].sub_status is SubStatus.lost:
        lost -= 1
    run = [ev for ev in events[failed:] if ev.status is Status.delivery_failed] if failed is not None else []
    return Basis(
        count=len(events),
        first_time=events[0].time if events else None,
        last=_mark(events[-1]) if events else None,
        moved=moved,
        arrived=arrived,
        lost_start=_mark(events[lost]) if lost < len(events) else None,
        customs_start=_mark(events[customs]) if customs is not None else None,
        pickup_start=_mark(events[pickup]) if pickup is not None else None,
        failed_start=_mark(events[failed]) if failed is not None else None,
        failed_count=len(run),
        failed_last=_mark(run[-1]) if run else None,
        return_start=_mark(events[back]) if back is not None else None,
    )


def _time(ev: TrackingEvent) -> datetime:
    return ev.time


# The column says which code wrote it: a basis from another version of this module is not read.
_VERSION = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=6).hexdigest()
_MARKS = ("last", "lost_start", "customs_start", "pickup_start", "failed_start", "failed_last", "return_start")


def _mark_out(mark: Mark | None) -> list[Any] | None:
    if mark is None:
        return None
    return [mark.time.isoformat(), mark.fingerprint, mark.description,
            mark.sub_status.value if mark.sub_status else None]


def _mark_in(value: list[Any] | None) -> Mark | None:
    if value is None:
        return None
    time, fingerprint, description, sub = value
    return Mark(datetime.fromisoformat(time), fingerprint, description, SubStatus(sub) if sub else None)


def encode(basis: Basis) -> str:
    """The column's text for a basis."""
    doc: dict[str, Any] = {"v": _VERSION, "count": basis.count, "moved": basis.moved, "arrived": basis.arrived,
                           "failed_count": basis.failed_count,
                           "first_time": basis.first_time.isoformat() if basis.first_time else None}
    doc.update((name, _mark_out(getattr(basis, name))) for name in _MARKS)
    return orjson.dumps(doc).decode()


def decode(text: str | None) -> Basis | None:
    """The basis a column holds; None when there is none, or it was written by other code or
    cannot be read (the caller then reads the history)."""
    if not text:
        return None
    try:
        doc = orjson.loads(text)
        if doc.get("v") != _VERSION:
            return None
        first = doc["first_time"]
        return Basis(count=doc["count"], first_time=datetime.fromisoformat(first) if first else None,
                     moved=doc["moved"], arrived=doc["arrived"], failed_count=doc["failed_count"],
                     **{name: _mark_in(doc[name]) for name in _MARKS})
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None


__all__ = ["ARRIVED_STATUSES", "ARRIVED_SUBS", "CUSTOMS_HOLDS", "Basis", "Mark", "basis_of", "decode",
           "encode", "is_movement", "shows_arrival"]
