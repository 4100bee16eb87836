"""Read models of the console pages (plain rows out of the database; no HTML here)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from trackmon.models import Alert, Message, Order, Shipment, ShipmentEvent

#: Alert kinds in the order the exceptions page shows them (most urgent for the buyer first).
KIND_ORDER = ("pickup_waiting", "delivery_failed", "customs_hold", "returning", "lost", "stalled",
              "not_picked_up", "late", "partial_delivery", "split_package")
AGES = (0, 3, 7, 14, 30)


@dataclass(frozen=True, slots=True)
class Filters:
    store: str = ""
    carrier: str = ""
    country: str = ""
    min_age: int = 0


@dataclass(frozen=True, slots=True)
class ExceptionRow:
    alert: Alert
    order: Order
    shipment: Shipment | None
    days_open: int
    told: Message | None  # the latest buyer message of the order (sent or waiting)


def _latest(messages: list[Message]) -> Message | None:
    """The message sent last, or if none was sent, the next one waiting."""
    sent = [m for m in messages if m.state == "sent"]
    if sent:
        return max(sent, key=lambda m: (m.sent_at or m.created_at, m.id or 0))
    return min(messages, key=lambda m: (m.next_attempt_at, m.id or 0)) if messages else None


def told_about(session: Session, alerts: list[Alert]) -> dict[int, Message]:
    """Per alert, what its buyer was told: the message about this alert, else the latest to
    the buyer (sent, or waiting to be sent)."""
    order_pks = sorted({a.order_pk for a in alerts})
    if not order_pks:
        return {}
    rows = list(session.exec(select(Message).where(col(Message.order_pk).in_(order_pks),
                                                   col(Message.state).in_(("sent", "queued", "sending")))).all())
    by_order: dict[int, list[Message]] = defaultdict(list)
    for m in rows:
        by_order[m.order_pk].append(m)
    out: dict[int, Message] = {}
    for a in alerts:
        mine = [m for m in by_order.get(a.order_pk, []) if m.alert_id == a.id]
        best = _latest(mine) or _latest(by_order.get(a.order_pk, []))
        if best is not None and a.id is not None:
            out[a.id] = best
    return out


def open_exceptions(session: Session, now: datetime, filters: Filters) -> dict[str, list[ExceptionRow]]:
    """Open, unsnoozed alerts grouped by kind, oldest first within a kind."""
    q = (select(Alert, Order, Shipment).join(Order, col(Order.id) == col(Alert.order_pk))
         .join(Shipment, col(Shipment.id) == col(Alert.shipment_id), isouter=True)
         .where(col(Alert.resolved_at).is_(None),
                or_(col(Alert.snoozed_until).is_(None), col(Alert.snoozed_until) <= now)))
    if filters.store:
        q = q.where(Order.store == filters.store)
    if filters.carrier:
        q = q.where(or_(Shipment.carrier == filters.carrier, Shipment.last_mile_carrier == filters.carrier))
    if filters.country:
        q = q.where(or_(Shipment.destination_country == filters.country, Order.buyer_country == filters.country))
    if filters.min_age:
        q = q.where(col(Alert.opened_at) <= now - timedelta(days=filters.min_age))
    rows = session.exec(q.order_by(col(Alert.opened_at), col(Alert.id))).all()
    told = told_about(session, [a for a, _, _ in rows])
    grouped: dict[str, list[ExceptionRow]] = defaultdict(list)
    for alert, order, shipment in rows:
        grouped[alert.kind].append(ExceptionRow(alert, order, shipment, max(0, (now - alert.opened_at).days),
                                                told.get(alert.id or 0)))
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return dict(sorted(grouped.items(), key=lambda kv: (rank.get(kv[0], 99), kv[0])))


def filter_options(session: Session) -> dict[str, list[str]]:
    stores = session.exec(select(Order.store).distinct().order_by(Order.store)).all()
    carriers = session.exec(select(Shipment.carrier).where(col(Shipment.carrier).is_not(None))
                            .distinct().order_by(Shipment.carrier)).all()
    countries = {c for c in session.exec(select(Shipment.destination_country).distinct()).all() if c}
    countries |= {c for c in session.exec(select(Order.buyer_country).distinct()).all() if c}
    return {"stores": list(stores), "carriers": [c for c in carriers if c], "countries": sorted(countries)}


def search_orders(session: Session, text: str, limit: int = 50) -> list[Order]:
    """Orders whose id, a parcel's tracking number or the buyer's email match `text`."""
    needle = text.strip()
    if not needle:
        return []
    by_number = select(Shipment.order_pk).where(func.upper(Shipment.tracking_number) == needle.upper())
    q = select(Order).where(or_(
        col(Order.order_id) == needle, func.lower(Order.buyer_email) == needle.lower(),
        col(Order.id).in_(by_number),
    ))
    found = list(session.exec(q.order_by(col(Order.id)).limit(limit)).all())
    if found:
        return found
    like = f"%{needle.lower()}%"  # nothing exact: a part of an id, number or address
    by_part = select(Shipment.order_pk).where(func.lower(Shipment.tracking_number).like(like))
    return list(session.exec(select(Order).where(or_(
        func.lower(Order.order_id).like(like), func.lower(Order.buyer_email).like(like),
        col(Order.id).in_(by_part))).order_by(col(Order.id)).limit(limit)).all())


@dataclass(frozen=True, slots=True)
class TimelineLine:
    time: datetime
    tracking_number: str
    event: ShipmentEvent


def merged_timeline(session: Session, shipments: list[Shipment]) -> list[TimelineLine]:
    """Every event of the order's parcels, newest first, each naming its parcel."""
    numbers = {s.id: s.tracking_number for s in shipments}
    if not numbers:
        return []
    events = session.exec(select(ShipmentEvent).where(col(ShipmentEvent.shipment_id).in_(list(numbers)))
                          .order_by(col(ShipmentEvent.time).desc(), col(ShipmentEvent.id).desc())).all()
    return [TimelineLine(e.time, numbers.get(e.shipment_id, ""), e) for e in events]
