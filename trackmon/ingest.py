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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy import or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from trackmon.alert_sync import log_opened, sync_scope, wanted_keys
from trackmon.answer_digest import answer_digest, keeps_digest
from trackmon.carrier_check import note_aggregator_carrier
from trackmon.detect_basis import Basis, basis_of, is_movement
from trackmon.detect_basis import decode as decode_basis
from trackmon.detect_basis import encode as encode_basis
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
from trackmon.history import Previous, State, counts, derive_state
from trackmon.lanes import LaneFigures, lane_carrier, lane_country, lane_figures
from trackmon.models import Alert, Order, Shipment, ShipmentEvent, cut, fit_instance, fit_row
from trackmon.order_rules import OrderFacts, ParcelFacts, evaluate_order
from trackmon.settings import Settings
from trackmon.store import insert_ignore
from trackmon.store_reasons import store_failure_reason
from trackmon.stored_events import event_rows, fresh_events, storable_snapshot, stored_events, stored_history

log = structlog.get_logger("trackmon.ingest")

Detector = Callable[..., list[AlertCandidate]]
Planner = Callable[[Session, int, datetime, Settings], int]

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


def _store_events(session: Session, shipment: Shipment, events: Sequence[TrackingEvent],
                  now: datetime) -> tuple[int, list[TrackingEvent]]:
    """Insert the events not stored yet; returns (how many were new, the whole history)."""
    fresh, history = fresh_events(stored_history(session, shipment.id or 0), events)
    if not fresh:
        return 0, history
    rows = event_rows(shipment.id or 0, fresh, now)
    # one statement for all new events (executemany; RETURNING counts only rows really inserted,
    # so a concurrent writer that stored the same event first is not counted twice)
    table = ShipmentEvent.__table__  # type: ignore[attr-defined]
    stmt = insert_ignore(session.get_bind().dialect.name, table, ("shipment_id", "fingerprint"), returning=("id",))
    inserted = len(session.connection().execute(stmt, rows).all())
    return inserted, history


def _first(events: Sequence[TrackingEvent], pred: Callable[[TrackingEvent], bool]) -> datetime | None:
    return next((ev.time for ev in events if pred(ev)), None)


def _previous(shipment: Shipment) -> Previous:
    return Previous(status=shipment.status, sub_status=shipment.sub_status,
                    last_event_at=shipment.last_event_at,
                    last_event_description=shipment.last_event_description,
                    last_event_location=shipment.last_event_location, delivered_at=shipment.delivered_at)


def _update_shipment(shipment: Shipment, snap: TrackingSnapshot, state: State, now: datetime) -> bool:
    """Write the derived state; the answer's own figures (ETA, countries, last-mile carrier)
    only when it is current (a stale answer carries stale figures). Only attributes whose
    value changes are set (a re-poll that learnt nothing changes next to nothing)."""
    s = shipment
    changed = s.status != state.status.value
    events, last = state.effective, state.last_event
    values: dict[str, Any] = {
        "status": state.status.value,
        "sub_status": state.sub_status.value if state.sub_status else None,
        "source": snap.source or s.source,
        "first_event_at": events[0].time if events else None,
        "last_event_at": last.time if last else None,
        "last_event_description": last.description if last else None,
        "last_event_location": last.location if last else None,
        "first_movement_at": _first(events, is_movement),
        "departed_origin_at": _first(events, lambda e: e.sub_status is SubStatus.departed_origin),
        "arrived_destination_at": _first(events, lambda e: e.sub_status is SubStatus.arrived_destination),
        "delivered_at": state.delivered_at,
    }
    if changed or s.status_changed_at is None:
        values["status_changed_at"] = now
    if state.answer_current or s.raw_status is None:
        values["raw_status"] = snap.raw_status  # the carrier's own code, as of its latest event
    if state.answer_current:
        values.update(eta_from=snap.eta_from or s.eta_from, eta_to=snap.eta_to or s.eta_to,
                      last_mile_carrier=snap.last_mile_carrier or s.last_mile_carrier,
                      origin_country=snap.origin_country or s.origin_country,
                      destination_country=snap.destination_country or s.destination_country)
    else:
        values.update(origin_country=s.origin_country or snap.origin_country,
                      destination_country=s.destination_country or snap.destination_country)
    for name, value in fit_row(Shipment, values).items():
        if getattr(s, name) != value:
            setattr(s, name, value)
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
    wanted = wanted_keys(order_pk, shipment_id, candidates)
    scope = select(Alert).where(Alert.order_pk == order_pk, or_(  # type: ignore[arg-type]
        Alert.resolved_at.is_(None) & (Alert.shipment_id == shipment_id if shipment_id is not None  # type: ignore[union-attr]
                                       else Alert.shipment_id.is_(None)),  # type: ignore[union-attr]
        Alert.dedupe_key.in_(wanted)))  # type: ignore[attr-defined]
    changes = sync_scope(order_pk=order_pk, shipment_id=shipment_id, candidates=candidates,
                         stored=session.execute(scope).scalars(), now=now)
    insert_alert = insert_ignore(session.get_bind().dialect.name, Alert, ("dedupe_key",), returning=("id",))
    for row in changes.new_rows:
        if session.execute(insert_alert.values(**row)).first() is not None:
            result.opened_alerts.append(row["kind"])
            log_opened(row)
    for alert in changes.touched:
        session.add(alert)
    result.opened_alerts.extend(changes.reopened)
    result.resolved_alerts.extend(changes.resolved)


def parcel_candidates(shipment: Shipment, order: Order, history: Sequence[TrackingEvent], now: datetime,
                      settings: Settings, figures: LaneFigures, detector: Detector | None, *,
                      basis: Basis | None = None) -> list[AlertCandidate]:
    """The per-parcel alerts holding now: the detector over the parcel's effective history, or
    the default detector over that history's kept basis (`kept_basis`; `history` is not read)."""
    extra = {"basis": basis} if basis is not None else {}
    detect = detector or default_detector()
    return detect(_snapshot_of(shipment, history), now, settings.detection,
                  stall_days_override=_learned_stall(shipment, figures),
                  tracked_since=order.shipped_at or shipment.created_at, **extra)


def order_candidates(order: Order, parcels: Sequence[Shipment], now: datetime, settings: Settings,
                     usual: dict[int, float]) -> list[AlertCandidate]:
    """The order-level alerts holding now; `usual`: each parcel's lane p90 transit days."""
    facts = [ParcelFacts(shipment_id=parcel.id or 0, tracking_number=parcel.tracking_number,
                         status=parcel.status, delivered_at=parcel.delivered_at,
                         first_event_at=parcel.first_event_at, carrier=parcel.carrier,
                         destination_country=parcel.destination_country,
                         sub_status=parcel.sub_status, last_event_at=parcel.last_event_at)
             for parcel in parcels]
    order_facts = OrderFacts(order_pk=order.id or 0, order_id=order.order_id,
                             shipped_at=order.shipped_at, promised_delivery=order.promised_delivery)
    return evaluate_order(order_facts, facts, now, settings.detection, usual_transit_days=usual)


def needs_plan(result: IngestResult, order: Order, now: datetime) -> bool:
    """Messages follow state: plan when something changed, or for an order never planned (or
    whose review time came). What comes due with time alone (weekly check-in, pickup reminder)
    is planned by the cycle when `orders.plan_after` comes (`cycle.plan_active_orders`)."""
    return bool(result.new_events or result.status_changed or result.opened_alerts
                or result.resolved_alerts or order.plan_after is None or order.plan_after <= now)


def _detect_and_settle(session: Session, shipment: Shipment, now: datetime, settings: Settings,
                       result: IngestResult, detector: Detector | None, planner: Planner | None,
                       history: Sequence[TrackingEvent] | None = None, *, basis: Basis | None = None) -> None:
    assert shipment.id is not None
    order = session.get(Order, shipment.order_pk)
    if order is None:
        raise LookupError(f"shipment {shipment.id} has no order {shipment.order_pk}")
    if history is None and basis is None:
        history = [ev for ev in stored_events(session, shipment.id) if counts(ev, now)]
    figures = lane_figures(session, lane_carrier(shipment), lane_country(shipment, order.buyer_country),
                           settings)
    candidates = parcel_candidates(shipment, order, history or (), now, settings, figures, detector, basis=basis)
    _sync_alerts(session, order_pk=order.id or 0, shipment_id=shipment.id, candidates=candidates,
                 now=now, result=result)
    parcels = list(session.execute(select(Shipment).where(Shipment.order_pk == order.id)).scalars())
    usual = {parcel.id or 0: (figures if parcel.id == shipment.id else lane_figures(
        session, lane_carrier(parcel), lane_country(parcel, order.buyer_country), settings)).p90_days
        for parcel in parcels}
    _sync_alerts(session, order_pk=order.id or 0, shipment_id=None,
                 candidates=order_candidates(order, parcels, now, settings, usual), now=now, result=result)
    session.flush()
    if needs_plan(result, order, now):
        plan = planner or default_planner()
        result.planned_messages = plan(session, order.id or 0, now, settings)


def _learned_stall(shipment: Shipment, figures: LaneFigures) -> float | None:
    """Stall threshold (days) of the parcel's current stage when its lane learned one, else None."""
    if shipment.arrived_destination_at is not None:
        value = figures.p95_gap_days_destination if figures.learned_destination else None
    else:
        value = figures.p95_gap_days_international if figures.learned_international else None
    return value if value is not None and value > 0 else None


@dataclass(frozen=True, slots=True)
class Applied:
    state: State
    status_changed: bool


def apply_state(shipment: Shipment, snap: TrackingSnapshot, history: Sequence[TrackingEvent],
                now: datetime, *, digest: str | None = None, covered: bool | None = None) -> Applied:
    """Derive the parcel's state from its whole history and write it on `shipment` (in memory),
    with the answer's digest when the history is exactly the answer (`answer_digest.covers`;
    `covered` when the caller knows)."""
    state = derive_state(history, snap, now, _previous(shipment))
    changed = _update_shipment(shipment, snap, state, now)
    note_aggregator_carrier(shipment, snap)
    shipment.last_error = None
    keep = keeps_digest(history, snap, now, covered=covered)
    shipment.answer_digest = (digest or answer_digest(snap)) if keep else None
    if keep:
        keep_basis(shipment, state.effective)
    else:
        shipment.detection_basis = None
    return Applied(state, changed)


def keep_basis(shipment: Shipment, history: Sequence[TrackingEvent]) -> Basis:
    """Keep on `shipment` (in memory) what detection reads of `history`, its effective history
    while it keeps its answer digest; returns it."""
    basis = basis_of(history)
    shipment.detection_basis = encode_basis(basis)
    return basis


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
    snap = storable_snapshot(snapshot)
    try:
        result.new_events, history = _store_events(session, shipment, snap.events, now)
        state = apply_state(shipment, snap, history, now)
        result.status_changed = state.status_changed
        session.add(shipment)
        session.flush()
        _detect_and_settle(session, shipment, now, settings, result, detector, planner,
                           list(state.state.effective))
    except SQLAlchemyError as exc:
        raise _refused(exc, shipment) from exc
    log.debug("shipment.ingested", shipment_id=shipment.id, status=shipment.status,
              decided_by=state.state.decided_by, new_events=result.new_events,
              opened=result.opened_alerts, resolved=result.resolved_alerts)
    return result


def note_problem(shipment: Shipment, problem: CarrierProblem, now: datetime) -> bool:
    """Write a per-number problem on `shipment` (in memory); returns whether the status changed."""
    changed = False
    shipment.last_error = cut(f"{problem.kind}: {problem.message}", LAST_ERROR_CHARS)
    if shipment.last_event_at is None and shipment.status != Status.not_found.value:
        shipment.status = Status.not_found.value
        shipment.status_changed_at = now
        changed = True
    if problem.kind == "invalid":
        shipment.sub_status = SubStatus.invalid_number.value
    shipment.raw_status = f"problem:{problem.kind}" + (f":{problem.code}" if problem.code else "")
    shipment.answer_digest = None
    shipment.detection_basis = None
    fit_instance(shipment)
    log.info("shipment.problem", shipment_id=shipment.id, kind=problem.kind, message=problem.message)
    return changed


def ingest_problem(session: Session, shipment: Shipment, problem: CarrierProblem, now: datetime,
                   settings: Settings, *, detector: Detector | None = None,
                   planner: Planner | None = None) -> IngestResult:
    """Record a per-number problem; the shipment is kept (and keeps its history)."""
    now = ensure_utc(now)
    result = IngestResult(status_changed=note_problem(shipment, problem, now))
    return _detect_stored(session, shipment, now, settings, result, detector, planner)


def ingest_unchanged(session: Session, shipment: Shipment, now: datetime, settings: Settings, *,
                     detector: Detector | None = None, planner: Planner | None = None) -> IngestResult:
    """The carrier's answer is, byte for byte, the one stored last (`domain.Unchanged`): nothing
    to store and the state stays; detection runs (time moves on) from the history's basis kept
    on the shipment, or on the stored history when there is none (`detect_basis`)."""
    now = ensure_utc(now)
    shipment.last_error = None
    basis = kept_basis(shipment, detector)
    if basis is None and detector is None and shipment.answer_digest and shipment.id is not None:
        # a row stored before bases were kept: the history read now gives it one
        basis = keep_basis(shipment, [ev for ev in stored_events(session, shipment.id) if counts(ev, now)])
    return _detect_stored(session, shipment, now, settings, IngestResult(), detector, planner, basis)


def kept_basis(shipment: Shipment, detector: Detector | None) -> Basis | None:
    """The detection basis kept with the shipment's answer digest, when the default detector
    runs (an injected one reads histories) and the column holds one this code wrote."""
    if detector is not None or shipment.answer_digest is None:
        return None
    return decode_basis(shipment.detection_basis)


def _detect_stored(session: Session, shipment: Shipment, now: datetime, settings: Settings, result: IngestResult,
                   detector: Detector | None, planner: Planner | None, basis: Basis | None = None) -> IngestResult:
    if shipment.id is None:
        raise ValueError("a stored shipment is needed (id is None)")
    try:
        session.add(shipment)
        session.flush()
        _detect_and_settle(session, shipment, now, settings, result, detector, planner, basis=basis)
    except SQLAlchemyError as exc:
        raise _refused(exc, shipment) from exc
    return result
