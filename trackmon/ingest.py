"""Apply what a carrier said about one parcel to the store, in the caller's transaction.

`ingest_snapshot` cuts carrier strings to their columns (`storable`, `models.fit`), merges
events by fingerprint (never a duplicate, even against a concurrent writer: ON CONFLICT DO
NOTHING), derives the shipment's state from the whole stored history (`history.derive_state`:
an older answer never rolls a parcel back), runs per-parcel
detection over the FULL stored history with the lane's learned stall threshold, opens and
auto-resolves alerts (unique `dedupe_key`), applies the order-level rules to the whole
order, and lets the planner queue due buyer messages (transactional outbox).
`ingest_problem` records a per-number problem (not found, invalid) without losing the
shipment and runs the same detection (a long `not_found` becomes `not_picked_up`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import structlog
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from trackmon.alert_queries import ESCALATES_TO, RESOLVED_ESCALATED
from trackmon.carrier_check import note_aggregator_carrier
from trackmon.domain import (
    AlertCandidate,
    CarrierProblem,
    Status,
    SubStatus,
    TrackingEvent,
    TrackingSnapshot,
    ensure_utc,
)
from trackmon.errors import StoreError
from trackmon.history import Previous, State, counts, derive_state, order_key, ordered, parse_status
from trackmon.lanes import LaneFigures, lane_carrier, lane_country, lane_figures
from trackmon.models import Alert, Order, Shipment, ShipmentEvent, cut, fit_instance, fit_row
from trackmon.order_rules import OrderFacts, ParcelFacts, evaluate_order
from trackmon.settings import DetectionSettings, Settings
from trackmon.store import insert_ignore
from trackmon.store_reasons import store_failure_reason

log = structlog.get_logger("trackmon.ingest")

Detector = Callable[..., list[AlertCandidate]]
Planner = Callable[[Session, int, datetime, Settings], int]

_PENDING = frozenset({Status.not_found.value, Status.info_received.value})
#: `last_error` is a short reason shown by the API and `trackmon check`, not a dump.
LAST_ERROR_CHARS = 200


@dataclass(slots=True)
class IngestResult:
    new_events: int = 0
    status_changed: bool = False
    opened_alerts: list[str] = field(default_factory=list)    # kinds opened (or reopened)
    resolved_alerts: list[str] = field(default_factory=list)  # kinds auto-resolved
    planned_messages: int = 0


def default_detector() -> Detector:
    from trackmon.detect import detect_shipment
    return detect_shipment


def default_planner() -> Planner:
    from trackmon.messaging.planner import plan_for_order
    return plan_for_order


def dedupe_key(order_pk: int, shipment_id: int | None, kind: str, cause: str) -> str:
    return f"{order_pk}:{shipment_id if shipment_id is not None else '-'}:{kind}:{cause}"


def _event_rows(session: Session, shipment_id: int) -> list[tuple[str, TrackingEvent]]:
    """The whole stored history of one shipment, oldest first, with each row's fingerprint."""
    e = ShipmentEvent
    rows = session.execute(  # plain rows, not ORM objects: this runs for every polled parcel
        select(e.fingerprint, e.time, e.description, e.location, e.status, e.sub_status, e.raw_code,
               e.utc_offset_minutes, e.country)
        .where(e.shipment_id == shipment_id).order_by(e.time, e.id))  # type: ignore[arg-type]
    out = []
    for fp, time, description, location, status_value, sub_value, raw_code, offset, country in rows:
        status, sub = parse_status(status_value, sub_value)
        out.append((fp, TrackingEvent(
            time=time, description=description, location=location, status=status, sub_status=sub,
            raw_code=raw_code, utc_offset_minutes=offset, country=country)))
    out.sort(key=lambda pair: order_key(pair[1]))  # stable: stored order kept for equal keys
    return out


def stored_events(session: Session, shipment_id: int) -> list[TrackingEvent]:
    """The whole stored history of one shipment as domain events, oldest first."""
    return [ev for _, ev in _event_rows(session, shipment_id)]


def storable(ev: TrackingEvent) -> TrackingEvent:
    """The event as it will be stored: carrier strings cut to their columns' lengths (with a
    marker). Fingerprints are taken of this form, so a stored row and a re-sent event agree."""
    fitted = fit_row(ShipmentEvent, {"location": ev.location, "raw_code": ev.raw_code,
                                     "country": ev.country})
    if all(fitted[k] == getattr(ev, k) for k in fitted):
        return ev
    return replace(ev, **fitted)


def _store_events(session: Session, shipment: Shipment, events: Sequence[TrackingEvent],
                  now: datetime) -> tuple[int, list[TrackingEvent]]:
    """Insert the events not stored yet; returns (how many were new, the whole history merged
    by time, see `history.ordered`)."""
    stored = _event_rows(session, shipment.id or 0)
    known = {fp for fp, _ in stored}
    fresh = {ev.fingerprint: ev for ev in events if ev.fingerprint not in known}
    history = [ev for _, ev in stored]
    if not fresh:
        return 0, history
    rows = [fit_row(ShipmentEvent, {
        "shipment_id": shipment.id, "fingerprint": fp, "time": ev.time, "description": ev.description,
        "location": ev.location, "status": ev.status.value,
        "sub_status": ev.sub_status.value if ev.sub_status else None, "raw_code": ev.raw_code,
        "utc_offset_minutes": ev.utc_offset_minutes, "country": ev.country, "first_seen_at": now,
    }) for fp, ev in fresh.items()]
    # one statement for all new events (executemany; RETURNING counts only rows really inserted,
    # so a concurrent writer that stored the same event first is not counted twice)
    table = ShipmentEvent.__table__  # type: ignore[attr-defined]
    stmt = insert_ignore(session.get_bind().dialect.name, table, ("shipment_id", "fingerprint"), returning=("id",))
    inserted = len(session.connection().execute(stmt, rows).all())
    return inserted, ordered([*history, *fresh.values()])


def _first(events: Sequence[TrackingEvent], pred: Callable[[TrackingEvent], bool]) -> datetime | None:
    return next((ev.time for ev in events if pred(ev)), None)


def _previous(shipment: Shipment) -> Previous:
    return Previous(status=shipment.status, sub_status=shipment.sub_status,
                    last_event_at=shipment.last_event_at,
                    last_event_description=shipment.last_event_description,
                    last_event_location=shipment.last_event_location, delivered_at=shipment.delivered_at)


def _update_shipment(shipment: Shipment, snap: TrackingSnapshot, state: State, now: datetime) -> bool:
    """Write the derived state; the answer's own figures (ETA, countries, last-mile carrier)
    only when it is current (a stale answer carries stale figures)."""
    changed = shipment.status != state.status.value
    if changed or shipment.status_changed_at is None:
        shipment.status_changed_at = now
    shipment.status = state.status.value
    shipment.sub_status = state.sub_status.value if state.sub_status else None
    if state.answer_current or shipment.raw_status is None:
        shipment.raw_status = snap.raw_status  # the carrier's own code, as of its latest event
    shipment.source = snap.source or shipment.source
    events, last = state.effective, state.last_event
    shipment.first_event_at = events[0].time if events else None
    shipment.last_event_at = last.time if last else None
    shipment.last_event_description = last.description if last else None
    shipment.last_event_location = last.location if last else None
    shipment.first_movement_at = _first(events, lambda e: e.status.value not in _PENDING
                                        and e.sub_status is not SubStatus.label_created)
    shipment.departed_origin_at = _first(events, lambda e: e.sub_status is SubStatus.departed_origin)
    shipment.arrived_destination_at = _first(
        events, lambda e: e.sub_status is SubStatus.arrived_destination)
    shipment.delivered_at = state.delivered_at
    if state.answer_current:
        shipment.eta_from = snap.eta_from or shipment.eta_from
        shipment.eta_to = snap.eta_to or shipment.eta_to
        shipment.last_mile_carrier = snap.last_mile_carrier or shipment.last_mile_carrier
        shipment.origin_country = snap.origin_country or shipment.origin_country
        shipment.destination_country = snap.destination_country or shipment.destination_country
    else:
        shipment.origin_country = shipment.origin_country or snap.origin_country
        shipment.destination_country = shipment.destination_country or snap.destination_country
    fit_instance(shipment)
    return changed


def _snapshot_of(shipment: Shipment, history: Sequence[TrackingEvent]) -> TrackingSnapshot:
    try:
        status = Status(shipment.status)
    except ValueError:
        status = Status.unknown
    try:
        sub = SubStatus(shipment.sub_status) if shipment.sub_status else None
    except ValueError:
        sub = SubStatus.other
    return TrackingSnapshot(
        carrier=shipment.carrier or shipment.source or "unknown",
        tracking_number=shipment.tracking_number, status=status, sub_status=sub,
        raw_status=shipment.raw_status, events=tuple(history), eta_from=shipment.eta_from,
        eta_to=shipment.eta_to, origin_country=shipment.origin_country,
        destination_country=shipment.destination_country,
        last_mile_carrier=shipment.last_mile_carrier, source=shipment.source)


def _sync_alerts(session: Session, *, order_pk: int, shipment_id: int | None,
                 candidates: Sequence[AlertCandidate], now: datetime, result: IngestResult) -> None:
    """Open (or refresh) every candidate; auto-resolve this scope's open alerts that no longer hold."""
    wanted = {dedupe_key(order_pk, shipment_id, c.kind.value, c.cause): c for c in candidates}
    existing = {a.dedupe_key: a for a in session.execute(select(Alert).where(
        Alert.dedupe_key.in_(list(wanted)))).scalars()} if wanted else {}  # type: ignore[attr-defined]
    insert_alert = insert_ignore(session.get_bind().dialect.name, Alert, ("dedupe_key",), returning=("id",))
    for key, cand in wanted.items():
        alert = existing.get(key)
        if alert is None:
            res = session.execute(insert_alert.values(
                dedupe_key=key, order_pk=order_pk, shipment_id=shipment_id, kind=cand.kind.value,
                cause=cand.cause[:120], reason=cand.reason, since=cand.since,
                details=dict(cand.details), opened_at=now, last_seen_at=now))
            if res.first() is not None:
                result.opened_alerts.append(cand.kind.value)
                log.info("alert.opened", kind=cand.kind.value, order_pk=order_pk,
                         shipment_id=shipment_id, reason=cand.reason)
            continue
        if alert.resolved_at is not None:
            if alert.resolved_by == "manual":
                continue  # a seller dismissed it: stays dismissed
            alert.resolved_at = None
            alert.resolved_by = None
            alert.opened_at = now
            result.opened_alerts.append(cand.kind.value)
            log.info("alert.reopened", kind=cand.kind.value, order_pk=order_pk, shipment_id=shipment_id)
        alert.last_seen_at = now
        alert.reason = cand.reason
        alert.details = dict(cand.details)
        session.add(alert)
    scope = select(Alert).where(Alert.order_pk == order_pk, Alert.resolved_at.is_(None))  # type: ignore[union-attr]
    scope = scope.where(Alert.shipment_id == shipment_id if shipment_id is not None
                        else Alert.shipment_id.is_(None))  # type: ignore[union-attr]
    wanted_kinds = {c.kind.value for c in candidates}
    for alert in session.execute(scope).scalars():
        if alert.dedupe_key in wanted:
            continue
        alert.resolved_at = now
        # stalled → lost and the like: the problem grew, it did not go away
        alert.resolved_by = RESOLVED_ESCALATED if wanted_kinds & ESCALATES_TO.get(alert.kind, set()) else "auto"
        session.add(alert)
        result.resolved_alerts.append(alert.kind)
        log.info("alert.resolved", kind=alert.kind, order_pk=order_pk, shipment_id=shipment_id,
                 resolved_by=alert.resolved_by)


def _detect_and_settle(session: Session, shipment: Shipment, now: datetime, settings: Settings,
                       result: IngestResult, detector: Detector | None, planner: Planner | None,
                       history: Sequence[TrackingEvent] | None = None) -> None:
    assert shipment.id is not None
    order = session.get(Order, shipment.order_pk)
    if order is None:
        raise LookupError(f"shipment {shipment.id} has no order {shipment.order_pk}")
    rules: DetectionSettings = settings.detection
    if history is None:
        history = [ev for ev in stored_events(session, shipment.id) if counts(ev, now)]
    figures = lane_figures(session, lane_carrier(shipment), lane_country(shipment, order.buyer_country),
                           settings)
    stall = _learned_stall(shipment, figures)
    detect = detector or default_detector()
    candidates = detect(_snapshot_of(shipment, history), now, rules, stall_days_override=stall,
                        tracked_since=order.shipped_at or shipment.created_at)
    _sync_alerts(session, order_pk=order.id or 0, shipment_id=shipment.id, candidates=candidates,
                 now=now, result=result)

    parcels = list(session.execute(select(Shipment).where(Shipment.order_pk == order.id)).scalars())
    usual: dict[int, float] = {}
    facts = []
    for parcel in parcels:
        fig = figures if parcel.id == shipment.id else lane_figures(
            session, lane_carrier(parcel), lane_country(parcel, order.buyer_country), settings)
        usual[parcel.id or 0] = fig.p90_days
        facts.append(ParcelFacts(shipment_id=parcel.id or 0, tracking_number=parcel.tracking_number,
                                 status=parcel.status, delivered_at=parcel.delivered_at,
                                 first_event_at=parcel.first_event_at, carrier=parcel.carrier,
                                 destination_country=parcel.destination_country,
                                 sub_status=parcel.sub_status, last_event_at=parcel.last_event_at))
    order_facts = OrderFacts(order_pk=order.id or 0, order_id=order.order_id,
                             shipped_at=order.shipped_at, promised_delivery=order.promised_delivery)
    order_cands = evaluate_order(order_facts, facts, now, rules, usual_transit_days=usual)
    _sync_alerts(session, order_pk=order.id or 0, shipment_id=None, candidates=order_cands,
                 now=now, result=result)
    session.flush()
    # Messages follow state: plan when something changed, or for an order never planned.
    # What comes due with time alone (weekly check-in, pickup reminder) is planned by the
    # cycle when `orders.plan_after` comes (`cycle.plan_active_orders`).
    changed = (result.new_events or result.status_changed or result.opened_alerts
               or result.resolved_alerts or order.plan_after is None or order.plan_after <= now)
    if changed:
        plan = planner or default_planner()
        result.planned_messages = plan(session, order.id or 0, now, settings)


def _learned_stall(shipment: Shipment, figures: LaneFigures) -> float | None:
    """Stall threshold (days) of the parcel's current stage when its lane learned one, else None."""
    if shipment.arrived_destination_at is not None:
        value = figures.p95_gap_days_destination if figures.learned_destination else None
    else:
        value = figures.p95_gap_days_international if figures.learned_international else None
    return value if value is not None and value > 0 else None


def _refused(exc: SQLAlchemyError, shipment: Shipment) -> StoreError:
    reason = store_failure_reason(exc)
    log.warning("shipment.store_failed", shipment_id=shipment.id, reason=reason,
                error_type=type(exc).__name__, detail=str(getattr(exc, "orig", None) or exc)[:2000])
    return StoreError(reason)


def ingest_snapshot(session: Session, shipment: Shipment, snapshot: TrackingSnapshot, now: datetime,
                    settings: Settings, *, detector: Detector | None = None,
                    planner: Planner | None = None) -> IngestResult:
    """Merge `snapshot` into `shipment` (caller commits). Safe to repeat: a second identical
    snapshot adds nothing and opens nothing. The state comes from the whole stored history
    (`history.derive_state`), so an older answer never rolls the parcel back. A database
    refusal raises `StoreError` with a short human reason (the SQL is logged, not returned)."""
    now = ensure_utc(now)
    if shipment.id is None:
        raise ValueError("ingest_snapshot needs a stored shipment (id is None)")
    result = IngestResult()
    snap = replace(snapshot, events=tuple(storable(ev) for ev in snapshot.events))
    try:
        result.new_events, history = _store_events(session, shipment, snap.events, now)
        state = derive_state(history, snap, now, _previous(shipment))
        result.status_changed = _update_shipment(shipment, snap, state, now)
        note_aggregator_carrier(shipment, snap)
        shipment.last_error = None
        session.add(shipment)
        session.flush()
        _detect_and_settle(session, shipment, now, settings, result, detector, planner,
                           list(state.effective))
    except SQLAlchemyError as exc:
        raise _refused(exc, shipment) from exc
    log.debug("shipment.ingested", shipment_id=shipment.id, status=shipment.status,
              decided_by=state.decided_by, new_events=result.new_events,
              opened=result.opened_alerts, resolved=result.resolved_alerts)
    return result


def ingest_problem(session: Session, shipment: Shipment, problem: CarrierProblem, now: datetime,
                   settings: Settings, *, detector: Detector | None = None,
                   planner: Planner | None = None) -> IngestResult:
    """Record a per-number problem; the shipment is kept (and keeps its history)."""
    now = ensure_utc(now)
    if shipment.id is None:
        raise ValueError("ingest_problem needs a stored shipment (id is None)")
    result = IngestResult()
    shipment.last_error = cut(f"{problem.kind}: {problem.message}", LAST_ERROR_CHARS)
    if shipment.last_event_at is None and shipment.status != Status.not_found.value:
        shipment.status = Status.not_found.value
        shipment.status_changed_at = now
        result.status_changed = True
    if problem.kind == "invalid":
        shipment.sub_status = SubStatus.invalid_number.value
    shipment.raw_status = f"problem:{problem.kind}" + (f":{problem.code}" if problem.code else "")
    fit_instance(shipment)
    log.info("shipment.problem", shipment_id=shipment.id, kind=problem.kind, message=problem.message)
    try:
        session.add(shipment)
        session.flush()
        _detect_and_settle(session, shipment, now, settings, result, detector, planner)
    except SQLAlchemyError as exc:
        raise _refused(exc, shipment) from exc
    return result
