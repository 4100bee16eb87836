"""Order-level exception rules (pure): split_package, partial_delivery, late.

Each holds only while its cause does: split_package until every parcel is delivered (or
back), late until every late parcel is; reasons name each parcel's current state ("waiting
for pickup at the post office", "held at customs"), never just "in transit".

They look at every parcel of one order at once. Input is plain data (`OrderFacts`,
`ParcelFacts`); output is `AlertCandidate`s whose `cause` makes them unique per order.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trackmon.domain import AlertCandidate, AlertKind, Status, ensure_utc
from trackmon.seller_words import parcel_state
from trackmon.settings import DetectionSettings

_DONE = frozenset({Status.delivered.value, Status.returned.value, Status.expired.value})


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderFacts:
    order_pk: int
    order_id: str
    shipped_at: datetime | None = None
    promised_delivery: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParcelFacts:
    shipment_id: int
    tracking_number: str
    status: str
    delivered_at: datetime | None = None
    first_event_at: datetime | None = None
    carrier: str | None = None
    destination_country: str | None = None
    sub_status: str | None = None
    last_event_at: datetime | None = None


def numbers_cause(numbers: Sequence[str]) -> str:
    """A short stable cause for a set of tracking numbers (a new number → a new cause)."""
    key = "|".join(sorted(numbers))
    return "n" + hashlib.sha1(key.encode()).hexdigest()[:12]


#: from this many days without a tracking event, a late parcel's state says so
QUIET_DAYS = 3


def _states(parcels: Sequence[ParcelFacts], now: datetime) -> str:
    """'LP1 waiting for pickup at the post office; LP2 in transit, no news for 15 days'."""
    def state(p: ParcelFacts) -> str:
        words = parcel_state(p.status, p.sub_status)
        quiet = math.floor((now - ensure_utc(p.last_event_at)) / timedelta(days=1)) if p.last_event_at else 0
        return f"{words}, no news for {quiet} days" if quiet >= QUIET_DAYS else words
    return "; ".join(f"{p.tracking_number} {state(p)}" for p in sorted(parcels, key=lambda p: p.tracking_number))


def split_package(order: OrderFacts, parcels: Sequence[ParcelFacts]) -> AlertCandidate | None:
    """An order shipped in several parcels, until every parcel is delivered (or back)."""
    numbers = sorted({p.tracking_number for p in parcels})
    if len(numbers) < 2 or all(p.status in _DONE for p in parcels):
        return None
    return AlertCandidate(
        kind=AlertKind.split_package,
        reason=f"order {order.order_id} ships in {len(numbers)} parcels: {', '.join(numbers)}",
        cause=numbers_cause(numbers),
        since=order.shipped_at,
        details={"tracking_numbers": numbers, "parcels": len(numbers)},
    )


def partial_delivery(order: OrderFacts, parcels: Sequence[ParcelFacts], now: datetime,
                     rules: DetectionSettings) -> AlertCandidate | None:
    delivered = [p for p in parcels if p.status == Status.delivered.value and p.delivered_at]
    waiting = [p for p in parcels if p.status != Status.delivered.value]
    if not delivered or not waiting:
        return None
    first = min(ensure_utc(p.delivered_at) for p in delivered if p.delivered_at)
    days = (now - first) / timedelta(days=1)
    if days < rules.partial_delivery_days:
        return None
    return AlertCandidate(
        kind=AlertKind.partial_delivery,
        reason=(f"{len(delivered)} of {len(parcels)} parcels delivered; "
                f"{', '.join(p.tracking_number for p in waiting)} still not delivered "
                f"{days:.1f} days after the first delivery (threshold {rules.partial_delivery_days:g})"),
        cause=numbers_cause([p.tracking_number for p in waiting]),
        since=first,
        details={"delivered": sorted(p.tracking_number for p in delivered),
                 "waiting": sorted(p.tracking_number for p in waiting),
                 "days_since_first_delivery": round(days, 1)},
    )


def late(order: OrderFacts, parcels: Sequence[ParcelFacts], now: datetime,
         usual_transit_days: Mapping[int, float]) -> AlertCandidate | None:
    """Late: some parcel still undelivered after the promised date, or without one, after
    its lane's usual transit time (`usual_transit_days[shipment_id]`) counted from shipping."""
    open_parcels = [p for p in parcels if p.status not in _DONE]
    if not open_parcels:
        return None
    if order.promised_delivery is not None:
        if now.date() <= order.promised_delivery:
            return None
        numbers = sorted(p.tracking_number for p in open_parcels)
        overdue_days = (now.date() - order.promised_delivery).days
        return AlertCandidate(
            kind=AlertKind.late,
            reason=(f"promised by {order.promised_delivery.isoformat()} ({overdue_days} "
                    f"day{'s' if overdue_days != 1 else ''} ago), not delivered: {_states(open_parcels, now)}"),
            cause=f"promised:{order.promised_delivery.isoformat()}",
            details={"promised_delivery": order.promised_delivery.isoformat(), "waiting": numbers},
        )
    # whole days on both sides, so a reason never reads "30 days, beyond the usual 30 days"
    overdue: list[tuple[ParcelFacts, int, int]] = []
    for parcel in open_parcels:
        start = order.shipped_at or parcel.first_event_at
        usual = usual_transit_days.get(parcel.shipment_id)
        if start is None or usual is None:
            continue
        days = math.floor((now - ensure_utc(start)) / timedelta(days=1))
        if days > math.ceil(usual):
            overdue.append((parcel, days, math.ceil(usual)))
    if not overdue:
        return None
    numbers = sorted(p.tracking_number for p, _, _ in overdue)
    worst = max(overdue, key=lambda item: item[1] - item[2])
    return AlertCandidate(
        kind=AlertKind.late,
        reason=(f"shipped {worst[1]} days ago, beyond the usual {worst[2]} days for this lane; "
                f"now: {_states([p for p, _, _ in overdue], now)}"),
        cause="transit",
        details={"waiting": numbers, "days_since_shipping": worst[1], "usual_transit_days": worst[2],
                 "states": {p.tracking_number: p.sub_status or p.status for p, _, _ in overdue}},
    )


def evaluate_order(order: OrderFacts, parcels: Sequence[ParcelFacts], now: datetime,
                   rules: DetectionSettings, *,
                   usual_transit_days: Mapping[int, float]) -> list[AlertCandidate]:
    """Every order-level exception that holds now."""
    now = ensure_utc(now)
    found = [split_package(order, parcels), partial_delivery(order, parcels, now, rules),
             late(order, parcels, now, usual_transit_days)]
    return [c for c in found if c is not None]
