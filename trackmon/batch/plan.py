"""Plan a page of orders at once (the cycle's periodic planning): one read per table.

Orders, their parcels and their open alerts are read with one query each, the planner's own
reads with three (`messaging.plan_book`), then `planner.plan_order` for each order in memory,
and one insert for every message planned plus one update of the orders' review times.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from trackmon.models import Alert, Order, Shipment
from trackmon.settings import Settings


def plan_orders(session: Session, order_pks: Sequence[int], now: datetime, settings: Settings) -> int:
    """Queue (idempotently) every buyer message now due for these orders; returns how many new."""
    from trackmon.messaging.plan_book import PlanBook
    from trackmon.messaging.planner import plan_order

    orders = list(session.execute(select(Order).where(Order.id.in_(order_pks)).order_by(Order.id)).scalars())  # type: ignore[union-attr,arg-type]
    parcels: dict[int, list[Shipment]] = {o.id or 0: [] for o in orders}
    for ship in session.execute(select(Shipment).where(Shipment.order_pk.in_(list(parcels)))  # type: ignore[attr-defined]
                                .order_by(Shipment.id)).scalars():  # type: ignore[arg-type]
        parcels[ship.order_pk].append(ship)
    alerts: dict[int, list[Alert]] = {pk: [] for pk in parcels}
    for alert in session.execute(select(Alert).where(Alert.order_pk.in_(list(parcels)),  # type: ignore[attr-defined]
                                                     Alert.resolved_at.is_(None))).scalars():  # type: ignore[union-attr]
        alerts[alert.order_pk].append(alert)
    session.expunge_all()  # planned in memory; the review times are written in bulk by the book
    planned = [o for o in orders if parcels[o.id or 0]]
    if not planned:
        return 0
    book = PlanBook(session, settings, now)
    book.load(planned)
    for order in planned:
        plan_order(book, order, parcels[order.id or 0], alerts[order.id or 0])
    return sum(book.write().values())
