"""Store a batch of answers: one read per table, the pure steps in memory, one write per table.

Reads (whatever the batch size): the batch's shipments with their orders' other parcels
(locked on PostgreSQL, lease-checked), their orders, those orders' alerts, and the stored
events of the parcels whose answer is not the one stored last (`answer_digest`), and of those
whose answer was not parsed because its bytes are that answer's (`Unchanged`: only detection
runs on it) when the shipment keeps no detection basis (`detect_basis`); planning
adds the message keys, the buyers' recent messages and each order's latest message
(`messaging.plan_book`). Writes: new events, shipment rows (fenced on the lease), new
alerts, changed alerts, new messages, orders' review times — one statement each (shipment rows:
at most two, those that changed only the poll's columns written with those alone).
Nothing is committed here: the caller commits, or rolls back and stores parcel by parcel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlmodel import Session

from trackmon.alert_sync import log_opened, sync_scope
from trackmon.answer_digest import answer_digest, answer_history
from trackmon.batch import rows, writes
from trackmon.db import is_postgres
from trackmon.detect_basis import Basis
from trackmon.domain import CarrierProblem, TrackingEvent, TrackingSnapshot, Unchanged
from trackmon.history import counts, order_key, ordered
from trackmon.ingest import (
    Detector,
    IngestResult,
    Planner,
    apply_state,
    keep_basis,
    kept_basis,
    needs_plan,
    note_problem,
    order_candidates,
    parcel_candidates,
)
from trackmon.lanes import lane_carrier, lane_country, lane_figures, read_lanes
from trackmon.models import Alert, Order, Shipment, ShipmentEvent
from trackmon.settings import Settings
from trackmon.stored_events import event_of, event_rows, fresh_events, storable_snapshot

Outcome = TrackingSnapshot | CarrierProblem | Unchanged


class StoredEvent(NamedTuple):
    """An event as message facts read it (`messaging.facts.parcel_lines`)."""

    time: datetime
    status: str
    sub_status: str | None
    location: str | None
    country: str | None
    first_seen_at: datetime


@dataclass(slots=True)
class BatchOutcome:
    stored: list[int] = field(default_factory=list)        # shipments stored, in answer order
    lost: list[int] = field(default_factory=list)          # lease no longer held: not touched
    results: dict[int, IngestResult] = field(default_factory=dict)
    retired: dict[int, tuple[str, str]] = field(default_factory=dict)  # shipment → (why it retired, status)


@dataclass(slots=True)
class _Held:
    parcels: dict[int, list[Shipment]]       # order → its parcels (held ones are the same objects)
    ships: dict[int, Shipment]               # the batch's shipments whose lease this owner holds
    orders: dict[int, Order]
    alerts: dict[int, list[Alert]]           # order → every alert of it


def _read(session: Session, ids: Sequence[int], owner: str) -> _Held:
    """The batch's shipments with their orders' other parcels (locked on PostgreSQL, in id
    order: replicas never deadlock here), their orders and those orders' alerts, as plain rows
    (`batch.rows`): changed in memory, written in bulk, never flushed row by row."""
    s = Shipment
    wanted = set(ids)
    parcels: dict[int, list[Shipment]] = {}
    ships: dict[int, Shipment] = {}
    for ship in rows.read_rows(session, s, s.order_pk.in_(select(s.order_pk).where(s.id.in_(ids))),  # type: ignore[attr-defined,union-attr]
                               order_by=(s.id,), for_update=is_postgres(session.get_bind())):
        parcels.setdefault(ship.order_pk, []).append(ship)
        if ship.id in wanted and ship.lease_owner == owner:
            ships[ship.id] = ship
    pks = sorted({ship.order_pk for ship in ships.values()})
    orders = {o.id: o for o in rows.read_rows(session, Order, Order.id.in_(pks))} if pks else {}  # type: ignore[union-attr]
    alerts: dict[int, list[Alert]] = {pk: [] for pk in pks}
    if pks:
        for alert in rows.read_rows(session, Alert, Alert.order_pk.in_(pks)):  # type: ignore[attr-defined]
            alerts[alert.order_pk].append(alert)
    return _Held(parcels, ships, orders, alerts)


def _event_rows(session: Session, ids: Sequence[int], *columns: Any) -> Any:
    """(shipment id, *columns) of the stored events of these shipments, by shipment, then as
    stored (time, id); no statement when there are none to read."""
    e = ShipmentEvent
    if not ids:
        return ()
    return session.execute(select(e.shipment_id, *columns).where(e.shipment_id.in_(ids))  # type: ignore[attr-defined]
                           .order_by(e.shipment_id, e.time, e.id))  # type: ignore[arg-type]


def _read_events(session: Session, ids: Sequence[int]) -> dict[int, list[tuple[str, TrackingEvent, datetime]]]:
    e = ShipmentEvent
    out: dict[int, list[tuple[str, TrackingEvent, datetime]]] = {sid: [] for sid in ids}
    for row in _event_rows(session, ids, e.fingerprint, e.time, e.description, e.location, e.status,
                           e.sub_status, e.raw_code, e.utc_offset_minutes, e.country, e.first_seen_at):
        out[row[0]].append((row[1], event_of(row[2:10], row[1]), row[10]))
    return out  # by (time, id), as stored


def _read_for_detection(session: Session, ids: Sequence[int]) -> dict[int, list[TrackingEvent]]:
    """The stored history of parcels whose answer did not change, merged by time, with only what
    detection reads (time, text, status, fingerprint): half the columns of `_read_events`."""
    e = ShipmentEvent
    out: dict[int, list[TrackingEvent]] = {sid: [] for sid in ids}
    for sid, fingerprint, time, description, status, sub_status in _event_rows(
            session, ids, e.fingerprint, e.time, e.description, e.status, e.sub_status):
        out[sid].append(event_of((time, description, None, status, sub_status, None, None, None), fingerprint))
    return {sid: ordered(events) for sid, events in out.items()}


def _history(stored: list[tuple[str, TrackingEvent, datetime]]) -> list[tuple[str, TrackingEvent]]:
    """(fingerprint, event) merged by time, as `ingest` reads it (stable: stored order for equal keys)."""
    return sorted(((fp, ev) for fp, ev, _ in stored), key=lambda pair: order_key(pair[1]))


def _facts_events(stored: list[tuple[str, TrackingEvent, datetime]],
                  new_rows: list[dict[str, Any]]) -> list[StoredEvent]:
    out = [StoredEvent(ev.time, ev.status.value, ev.sub_status.value if ev.sub_status else None, ev.location,
                       ev.country, seen) for _, ev, seen in stored]
    out += [StoredEvent(r["time"], r["status"], r["sub_status"], r["location"], r["country"], r["first_seen_at"])
            for r in new_rows]
    out.sort(key=lambda ev: ev.time)  # stable: stored (by id) before new for the same time, as (time, id)
    return out


def settle_answers(session: Session, answers: Sequence[tuple[int, Outcome]], *, owner: str, now: datetime,
                   settings: Settings, detector: Detector | None, planner: Planner | None,
                   reschedule: Callable[[Shipment], str | None]) -> BatchOutcome:
    """Store `answers` (shipment id, what the carrier said) held under `owner`'s lease."""
    out = BatchOutcome()
    held = _read(session, [sid for sid, _ in answers], owner)
    as_read = {sid: writes.as_read(ship) for sid, ship in held.ships.items()}
    snaps: dict[int, tuple[TrackingSnapshot, str]] = {}
    need_history: list[int] = []
    unchanged: list[int] = []
    bases: dict[int, Basis] = {}
    for sid, outcome in answers:
        ship = held.ships.get(sid)
        if ship is None:
            out.lost.append(sid)
            continue
        if isinstance(outcome, Unchanged):
            basis = kept_basis(ship, detector)
            if basis is not None:
                bases[sid] = basis  # what detection reads of the history: no event is read
            else:
                unchanged.append(sid)  # the stored history is the answer: detection reads it
        elif isinstance(outcome, TrackingSnapshot):
            snap = storable_snapshot(outcome)
            digest = answer_digest(snap)
            snaps[sid] = (snap, digest)
            if digest != ship.answer_digest:
                need_history.append(sid)
        else:
            need_history.append(sid)
    stored = _read_events(session, need_history)
    as_stored = _read_for_detection(session, unchanged)

    event_rows_all: list[dict[str, Any]] = []
    new_rows_of: dict[int, list[dict[str, Any]]] = {}
    effective: dict[int, list[TrackingEvent]] = {}
    for sid, outcome in answers:
        ship = held.ships.get(sid)
        if ship is None:
            continue
        result = out.results[sid] = IngestResult()
        if isinstance(outcome, TrackingSnapshot):
            snap, digest = snaps[sid]
            if sid in stored:
                fresh, history = fresh_events(_history(stored[sid]), snap.events)
                rows = event_rows(sid, fresh, now)
                new_rows_of[sid] = rows
                event_rows_all.extend(rows)
                # nothing stored yet: the history is the answer's events (`answer_digest.covers`)
                applied = apply_state(ship, snap, history, now, digest=digest,
                                      covered=True if not stored[sid] else None)
            else:  # the same answer as last time, and the history is exactly its events
                applied = apply_state(ship, snap, answer_history(snap), now, digest=digest, covered=True)
            result.status_changed = applied.status_changed
            effective[sid] = list(applied.state.effective)
        elif isinstance(outcome, Unchanged):
            # the same bytes as the answer stored last, whose events are the whole history and
            # all count already (`answer_digest.keeps_digest`): the state it derives is the
            # stored one; only detection (time moves on) and the reschedule remain
            ship.last_error = None
            if sid in as_stored:
                effective[sid] = [ev for ev in as_stored[sid] if counts(ev, now)]
                if detector is None:  # a row stored before bases were kept gets one now
                    keep_basis(ship, effective[sid])
            else:
                effective[sid] = []  # detection reads the kept basis
        else:
            result.status_changed = note_problem(ship, outcome, now)
            effective[sid] = [ev for _, ev in _history(stored[sid]) if counts(ev, now)]

    conn = session.connection()
    inserted = writes.insert_events(conn, event_rows_all)
    for sid, count in inserted.items():
        out.results[sid].new_events = count

    # alerts: per parcel, then per order over all its parcels as they are now
    new_alerts: list[dict[str, Any]] = []
    touched: list[Alert] = []
    opened_by_key: dict[str, IngestResult] = {}
    order_changes: dict[int, IngestResult] = {}
    read_lanes(session, ((lane_carrier(p), lane_country(p, held.orders[pk].buyer_country))
                         for pk in held.orders for p in held.parcels[pk]), settings)
    for sid, ship in held.ships.items():
        order = held.orders[ship.order_pk]
        figures = lane_figures(session, lane_carrier(ship), lane_country(ship, order.buyer_country), settings)
        cands = parcel_candidates(ship, order, effective[sid], now, settings, figures, detector,
                                  basis=bases.get(sid))
        changes = sync_scope(order_pk=ship.order_pk, shipment_id=sid, candidates=cands,
                             stored=held.alerts[ship.order_pk], now=now)
        _collect(changes, out.results[sid], new_alerts, touched, opened_by_key)
    for pk in sorted({ship.order_pk for ship in held.ships.values()}):
        order, parcels = held.orders[pk], held.parcels[pk]
        usual = {p.id or 0: lane_figures(session, lane_carrier(p), lane_country(p, order.buyer_country),
                                         settings).p90_days for p in parcels}
        changes = sync_scope(order_pk=pk, shipment_id=None, candidates=order_candidates(
            order, parcels, now, settings, usual), stored=held.alerts[pk], now=now)
        _collect(changes, order_changes.setdefault(pk, IngestResult()), new_alerts, touched, opened_by_key)

    for sid, ship in held.ships.items():
        reason = reschedule(ship)
        if reason:
            out.retired[sid] = (reason, ship.status)
    writes.update_shipments(conn, held.ships.values(), owner, as_read)
    ids = writes.insert_alerts(conn, new_alerts)
    for row in new_alerts:
        if row["dedupe_key"] in ids:
            opened_by_key[row["dedupe_key"]].opened_alerts.append(row["kind"])
            held.alerts[row["order_pk"]].append(Alert(id=ids[row["dedupe_key"]], **row))
            log_opened(row)
    writes.update_alerts(conn, touched)

    _plan(session, held, out, order_changes, new_rows_of, stored, now, settings, planner)
    out.stored = [sid for sid, _ in answers if sid in held.ships]
    return out


def _collect(changes: Any, result: IngestResult, new_alerts: list[dict[str, Any]], touched: list[Alert],
             opened_by_key: dict[str, IngestResult]) -> None:
    new_alerts.extend(changes.new_rows)
    touched.extend(changes.touched)
    for row in changes.new_rows:
        opened_by_key[row["dedupe_key"]] = result
    result.opened_alerts.extend(changes.reopened)
    result.resolved_alerts.extend(changes.resolved)


def _plan(session: Session, held: _Held, out: BatchOutcome, order_changes: dict[int, IngestResult],
          new_rows_of: dict[int, list[dict[str, Any]]], stored: dict[int, Any], now: datetime,
          settings: Settings, planner: Planner | None) -> None:
    """Plan the buyer messages of every order where something changed (or whose review came)."""
    due: list[int] = []
    for pk, order_result in order_changes.items():
        results = [out.results[s.id] for s in held.parcels[pk] if s.id in out.results]
        if any(needs_plan(r, held.orders[pk], now) for r in (*results, order_result)):
            due.append(pk)
    if not due:
        return
    if planner is not None:  # an injected planner plans order by order from the database
        for pk in due:
            planner(session, pk, now, settings)
        return
    from trackmon.messaging.plan_book import PlanBook
    from trackmon.messaging.planner import plan_order

    book = PlanBook(session, settings, now)
    book.load([held.orders[pk] for pk in due])
    missing = [p.id for pk in due for p in held.parcels[pk] if p.id is not None and p.id not in stored]
    stored = {**stored, **_read_events(session, missing)}  # one read for the parcels not read yet
    events_of = {sid: _facts_events(stored[sid], new_rows_of.get(sid, [])) for sid in stored}
    for pk in due:
        open_alerts = [a for a in held.alerts[pk] if a.resolved_at is None]
        plan_order(book, held.orders[pk], held.parcels[pk], open_alerts, events_of)
    book.write()
