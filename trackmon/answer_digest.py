"""A digest of one parcel's answer (pure): the same answer again gives the same digest.

Taken over the answer as it is stored (carrier strings cut to their columns, `stored_events.storable`)
and over everything ingest reads from it: the overall status, sub-status and raw code, the
carrier and source, the estimate, the countries, the last-mile carrier, and every event with
every stored field (its exact wording too, not only its fingerprint). A shipment keeps the
digest only while its stored history is exactly that answer's events (`covers`): then the
same answer again is the whole history, and reading and diffing the stored events can be
skipped. Any other write to the history (a push with other events) leaves it unset, and so
does an answer with an event dated in the future (`keeps_digest`): the state it gives would
change with time alone.

An adapter that digests each number's raw part (`carriers.answer_parts`) gives that digest
instead: the same part again is not even parsed (`Unchanged`), and with the history exactly
that answer's events and none of them in the future, storing it again would change nothing
but the poll time (`trackmon.batch.settle`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from trackmon.domain import TrackingEvent, TrackingSnapshot
from trackmon.history import counts, ordered

_SEP = "\x1f"


def _event_text(ev: TrackingEvent) -> str:
    return _SEP.join((ev.time.isoformat(), ev.description, ev.location or "", ev.status.value,
                      ev.sub_status.value if ev.sub_status else "", ev.raw_code or "",
                      "" if ev.utc_offset_minutes is None else str(ev.utc_offset_minutes), ev.country or ""))


def answer_digest(snap: TrackingSnapshot) -> str:
    """The digest of the raw part the answer was read from, when the adapter gave one (the same
    bytes again are then reported `Unchanged` without parsing); else a digest of the answer."""
    if snap.raw_digest:
        return snap.raw_digest
    head = _SEP.join(str(x) if x is not None else "" for x in (
        snap.carrier, snap.tracking_number, snap.status.value, snap.sub_status.value if snap.sub_status else None,
        snap.raw_status, snap.eta_from, snap.eta_to, snap.origin_country, snap.destination_country,
        snap.last_mile_carrier, snap.source))
    body = "\x1e".join(_event_text(ev) for ev in snap.events)
    return hashlib.blake2b(f"{head}\x1d{body}".encode(), digest_size=16).hexdigest()


def answer_history(snap: TrackingSnapshot) -> list[TrackingEvent]:
    """The history a parcel would have if this answer's events were all it had: one event
    per fingerprint (the first), merged by time (`history.ordered`)."""
    seen: dict[str, TrackingEvent] = {}
    for ev in snap.events:
        seen.setdefault(ev.fingerprint, ev)
    return ordered(seen.values())


def keeps_digest(history: Sequence[TrackingEvent], snap: TrackingSnapshot, now: datetime, *,
                 covered: bool | None = None) -> bool:
    """Whether the shipment may keep this answer's digest: its stored history is exactly the
    answer's events (`covers`; `covered` when the caller knows) and every event already counts
    (none dated beyond the clock skew), so the same answer again derives the same state at any
    later time."""
    if not all(counts(ev, now) for ev in snap.events):
        return False
    return covers(history, snap) if covered is None else covered


def covers(history: Sequence[TrackingEvent], snap: TrackingSnapshot) -> bool:
    """Whether the stored history is exactly the answer's events, word for word and in the
    same order: then `answer_history(snap)` gives it back without reading it."""
    return list(history) == answer_history(snap)
