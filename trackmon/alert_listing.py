"""The one listing of alerts, shared by `trackmon alerts` and `GET /alerts`: same filters, same
order (newest first, keyset pages on the alert id) and the same item shape.

An item is the alert (`id`, `kind`, `cause`, `reason`, `since`, `details`, `opened_at`,
`last_seen_at`, `resolved_at`, `resolved_by`, `open`), where it is (`store`, `order_id`, `order`,
`tracking_number`, `carrier`, `country`), how long it has been open (`days_open`), and the flags
of `trackmon.alert_queries` (`new`, `at_risk`, `escalated`, `buyer_opted_out`) — the digest's
definitions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from trackmon.alert_queries import alert_flags, at_risk_orders, new_cutoff, new_since, open_clause
from trackmon.models import Alert, Order, Shipment
from trackmon.optout import opted_out_orders
from trackmon.settings import Settings

Which = Literal["open", "resolved", "all"]
PAGE = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertFilter:
    which: Which = "open"
    kind: str | None = None
    store: str | None = None
    carrier: str | None = None  # the parcel's carrier or its last-mile carrier
    order_pk: int | None = None


@dataclass(frozen=True, slots=True)
class _Flags:
    at_risk: set[int]
    new_since: dict[str, datetime]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _statement(flt: AlertFilter) -> Any:
    stmt = (select(Alert, Order, Shipment).join(Order, col(Order.id) == col(Alert.order_pk))
            .join(Shipment, col(Shipment.id) == col(Alert.shipment_id), isouter=True))
    if flt.which == "open":
        stmt = stmt.where(open_clause())
    elif flt.which == "resolved":
        stmt = stmt.where(col(Alert.resolved_at).is_not(None))
    if flt.kind:
        stmt = stmt.where(Alert.kind == flt.kind)
    if flt.store:
        stmt = stmt.where(Order.store == flt.store)
    if flt.order_pk is not None:
        stmt = stmt.where(Alert.order_pk == flt.order_pk)
    if flt.carrier:
        stmt = stmt.where((Shipment.carrier == flt.carrier) | (Shipment.last_mile_carrier == flt.carrier))
    return stmt


def alert_item(alert: Alert, order: Order, shipment: Shipment | None, *, now: datetime) -> dict[str, Any]:
    """One alert as every listing shows it (flags apart: see `alert_page`)."""
    return {
        "id": alert.id, "kind": alert.kind, "cause": alert.cause, "reason": alert.reason,
        "since": _iso(alert.since), "details": alert.details, "opened_at": _iso(alert.opened_at),
        "last_seen_at": _iso(alert.last_seen_at), "resolved_at": _iso(alert.resolved_at),
        "resolved_by": alert.resolved_by, "open": alert.resolved_at is None,
        "days_open": max(0, ((alert.resolved_at or now) - alert.opened_at).days),
        "store": order.store, "order_id": order.order_id,
        "order": {"store": order.store, "order_id": order.order_id},
        "tracking_number": shipment.tracking_number if shipment is not None else None,
        "carrier": shipment.carrier if shipment is not None else None,
        "country": (shipment.destination_country if shipment is not None else None) or order.buyer_country,
    }


def _flags(session: Session, flt: AlertFilter, now: datetime, settings: Settings | None) -> _Flags:
    # one order's listing (an order's open_alerts, read on every upsert) asks about that order only
    return _Flags(at_risk_orders(session, flt.store, now, settings, order_pk=flt.order_pk), new_since(session, now))


def alert_page(session: Session, flt: AlertFilter, *, now: datetime, settings: Settings | None = None,
               before_id: int | None = None, limit: int = PAGE, flags: _Flags | None = None) -> list[dict[str, Any]]:
    """Up to ``limit`` alerts, newest first, with ids below ``before_id`` (the previous page's last)."""
    flags = flags or _flags(session, flt, now, settings)
    stmt = _statement(flt)
    if before_id is not None:
        stmt = stmt.where(col(Alert.id) < before_id)
    rows = session.exec(stmt.order_by(col(Alert.id).desc()).limit(limit)).all()
    unsubscribed = opted_out_orders(session, (alert.order_pk for alert, _, _ in rows))
    return [{**alert_item(alert, order, shipment, now=now),
             **alert_flags(alert, new_cutoff_at=new_cutoff(flags.new_since, order.store, now), at_risk=flags.at_risk),
             "buyer_opted_out": alert.order_pk in unsubscribed} for alert, order, shipment in rows]


def iter_alerts(engine: Engine, flt: AlertFilter, *, now: datetime,
                settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Every matching alert, newest first, read a page at a time (memory stays at one page)."""
    with Session(engine) as session:
        flags = _flags(session, flt, now, settings)
    before: int | None = None
    while True:
        with Session(engine) as session:
            page = alert_page(session, flt, now=now, settings=settings, before_id=before, flags=flags)
        yield from page
        if len(page) < PAGE:
            return
        before = page[-1]["id"]


__all__ = ["AlertFilter", "alert_item", "alert_page", "iter_alerts"]
