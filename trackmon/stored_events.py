"""A parcel's events as stored: rows to domain events and back, cut to their columns, and the
diff of an answer against the stored history (pure, bar the two reads of one shipment's rows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from trackmon.domain import TrackingEvent, TrackingSnapshot
from trackmon.history import order_key, ordered, parse_status
from trackmon.models import ShipmentEvent, column_length, fit_row


def stored_history(session: Session, shipment_id: int) -> list[tuple[str, TrackingEvent]]:
    """The whole stored history of one shipment, oldest first, with each row's fingerprint."""
    e = ShipmentEvent
    rows = session.execute(  # plain rows, not ORM objects: this runs for every polled parcel
        select(e.fingerprint, e.time, e.description, e.location, e.status, e.sub_status, e.raw_code,
               e.utc_offset_minutes, e.country)
        .where(e.shipment_id == shipment_id).order_by(e.time, e.id))  # type: ignore[arg-type]
    out = [(row[0], event_of(row[1:], row[0])) for row in rows]
    out.sort(key=lambda pair: order_key(pair[1]))  # stable: stored order kept for equal keys
    return out


def event_of(row: Sequence[Any], fingerprint: str | None = None) -> TrackingEvent:
    """A stored event (time, description, location, status, sub_status, raw_code, offset,
    country) as a domain event; its stored `fingerprint` is kept (not hashed again)."""
    time, description, location, status_value, sub_value, raw_code, offset, country = row[:8]
    status, sub = parse_status(status_value, sub_value)
    ev = TrackingEvent(time=time, description=description, location=location, status=status, sub_status=sub,
                       raw_code=raw_code, utc_offset_minutes=offset, country=country)
    if fingerprint is not None:
        object.__setattr__(ev, "_fingerprint", fingerprint)
    return ev


def stored_events(session: Session, shipment_id: int) -> list[TrackingEvent]:
    """The whole stored history of one shipment as domain events, oldest first."""
    return [ev for _, ev in stored_history(session, shipment_id)]


def storable(ev: TrackingEvent) -> TrackingEvent:
    """The event as it will be stored: carrier strings cut to their columns' lengths (with a
    marker). Fingerprints are taken of this form, so a stored row and a re-sent event agree."""
    if _fits(ev.location, "location") and _fits(ev.raw_code, "raw_code") and _fits(ev.country, "country"):
        return ev  # the common case, without building a row
    fitted = fit_row(ShipmentEvent, {"location": ev.location, "raw_code": ev.raw_code,
                                     "country": ev.country})
    return replace(ev, **fitted)


def _fits(value: str | None, column: str) -> bool:
    limit = column_length(ShipmentEvent, column)
    return value is None or limit is None or len(value) <= limit


def fresh_events(stored: Sequence[tuple[str, TrackingEvent]],
                 events: Sequence[TrackingEvent]) -> tuple[dict[str, TrackingEvent], list[TrackingEvent]]:
    """The events not stored yet (by fingerprint) and the whole history merged by time
    (see `history.ordered`)."""
    known = {fp for fp, _ in stored}
    fresh = {}
    for ev in events:
        fp = ev.fingerprint
        if fp not in known and fp not in fresh:
            fresh[fp] = ev
    history = [ev for _, ev in stored]
    return fresh, (ordered([*history, *fresh.values()]) if fresh else history)


def event_rows(shipment_id: int, fresh: dict[str, TrackingEvent], now: datetime) -> list[dict[str, Any]]:
    """The rows of new events, which are `storable` (their carrier strings cut to the columns;
    the fingerprint, status and sub-status always fit: `tests/test_column_fit.py`)."""
    return [{
        "shipment_id": shipment_id, "fingerprint": fp, "time": ev.time, "description": ev.description,
        "location": ev.location, "status": ev.status.value,
        "sub_status": ev.sub_status.value if ev.sub_status else None, "raw_code": ev.raw_code,
        "utc_offset_minutes": ev.utc_offset_minutes, "country": ev.country, "first_seen_at": now,
    } for fp, ev in fresh.items()]


def storable_snapshot(snapshot: TrackingSnapshot) -> TrackingSnapshot:
    return replace(snapshot, events=tuple(storable(ev) for ev in snapshot.events))
