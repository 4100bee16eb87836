"""The figures on top of a digest, computed with SQL counts and paged reads.

Definitions (documented contracts of the digest):

- **active parcels**: shipments of the store still polled (`active`).
- **delivered**: shipments whose `delivered_at` falls in the window.
- **on-time rate**: among those, the share delivered on time: on or before the order's
  `promised_delivery` date when it has one; otherwise within the lane's p90 transit days
  (`lane_stats`, stage "total", once it has `detection.lane_min_samples` samples), else
  within `detection.default_transit_days`. Transit = delivered_at − (order.shipped_at or the
  parcel's first event).
- **median transit days** per destination country and carrier: deliveries of the window or of
  the last `TRANSIT_LOOKBACK_DAYS` days, whichever is longer (a daily window alone is too thin).
- **messages sent / failed**: buyer messages sent in the window / marked failed in the window
  (created or last scheduled in it).
- **orders at risk of a dispute**: orders with an open exception that is (a) open for
  `AT_RISK_OPEN_DAYS` days or more, or (b) late, lost, returning or delivery-failed with no
  message sent to the buyer in the last `AT_RISK_SILENCE_DAYS` days, or (c) waiting for pickup
  with `PICKUP_URGENT_DAYS` days or fewer left.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from trackmon.digest.actions import PICKUP_URGENT_DAYS, days_left
from trackmon.domain import AlertKind
from trackmon.models import Alert, LaneStat, Message, Order, Shipment
from trackmon.settings import Settings

TRANSIT_LOOKBACK_DAYS = 30
AT_RISK_OPEN_DAYS = 7
AT_RISK_SILENCE_DAYS = 7
_SILENCE_KINDS = frozenset({AlertKind.late, AlertKind.lost, AlertKind.returning, AlertKind.delivery_failed})
PAGE = 500


@dataclass(frozen=True, slots=True)
class TransitFigure:
    country: str
    carrier: str
    median_days: float
    samples: int


@dataclass(frozen=True, slots=True)
class Figures:
    active_parcels: int
    delivered: int
    on_time: int
    on_time_rate: float | None      # 0..1, None when nothing was delivered
    transit: tuple[TransitFigure, ...]
    transit_since: datetime
    messages_sent: int
    messages_failed: int
    at_risk: int


def _paged(session: Session, stmt: Any, id_col: Any) -> Iterator[Any]:
    """Keyset pagination on `id_col`: memory stays at one page."""
    last = 0
    while True:
        rows = session.exec(stmt.where(id_col > last).order_by(id_col).limit(PAGE)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _transit_days(delivered_at: datetime, shipped_at: datetime | None, first_event: datetime | None) -> float | None:
    start = shipped_at or first_event
    if start is None or delivered_at < start:
        return None
    return (delivered_at - start).total_seconds() / 86400


def gather_figures(session: Session, store: str, *, window_start: datetime, window_end: datetime,
                   now: datetime, settings: Settings, at_risk: int) -> Figures:
    in_store = (col(Order.id) == col(Shipment.order_pk), Order.store == store)
    active = session.exec(select(func.count()).select_from(Shipment).join(Order, in_store[0])
                          .where(in_store[1], col(Shipment.active).is_(True))).one()

    base = (select(Shipment.id, Shipment.delivered_at, Shipment.carrier, Shipment.destination_country,
                   Shipment.first_event_at, Order.shipped_at, Order.promised_delivery, Order.buyer_country)
            .join(Order, in_store[0]).where(in_store[1]))
    transit_since = min(window_start, now - timedelta(days=TRANSIT_LOOKBACK_DAYS))
    lanes: dict[tuple[str, str], float] = {}
    delivered = on_time = 0
    samples: dict[tuple[str, str], list[float]] = defaultdict(list)
    stmt = base.where(col(Shipment.delivered_at) >= transit_since, col(Shipment.delivered_at) < window_end)
    for _id, delivered_at, carrier, dest, first_event, shipped_at, promised, buyer_country in _paged(
            session, stmt, col(Shipment.id)):
        country = dest or buyer_country or "??"
        days = _transit_days(delivered_at, shipped_at, first_event)
        if days is not None:
            samples[(country, carrier or "unknown")].append(days)
        if delivered_at < window_start:
            continue
        delivered += 1
        if promised is not None:
            on_time += delivered_at.date() <= promised
        elif days is not None:
            on_time += days <= _lane_limit(session, lanes, carrier, country, settings)
    transit = tuple(sorted(
        (TransitFigure(country=c, carrier=k, median_days=round(statistics.median(v), 1), samples=len(v))
         for (c, k), v in samples.items()), key=lambda t: (t.country, t.carrier)))

    msg = select(func.count()).select_from(Message).join(Order, col(Order.id) == col(Message.order_pk))
    sent = session.exec(msg.where(Order.store == store, Message.state == "sent",
                                  col(Message.sent_at) >= window_start, col(Message.sent_at) < window_end)).one()
    failed = session.exec(msg.where(Order.store == store, Message.state == "failed", or_(
        (col(Message.created_at) >= window_start) & (col(Message.created_at) < window_end),
        (col(Message.next_attempt_at) >= window_start) & (col(Message.next_attempt_at) < window_end)))).one()
    return Figures(active_parcels=int(active), delivered=delivered, on_time=on_time,
                   on_time_rate=(on_time / delivered) if delivered else None, transit=transit,
                   transit_since=transit_since, messages_sent=int(sent), messages_failed=int(failed),
                   at_risk=at_risk)


def _lane_limit(session: Session, cache: dict[tuple[str, str], float], carrier: str | None,
                country: str, settings: Settings) -> float:
    key = (carrier or "", country)
    if key not in cache:
        stat = session.exec(select(LaneStat).where(LaneStat.carrier == key[0],
                                                   LaneStat.destination_country == country,
                                                   LaneStat.stage == "total")).first() if carrier else None
        usable = stat is not None and stat.samples >= settings.detection.lane_min_samples and stat.p90_days > 0
        cache[key] = stat.p90_days if usable and stat else float(settings.detection.default_transit_days)
    return cache[key]


def at_risk_orders(session: Session, store: str, now: datetime, settings: Settings | None = None) -> set[int]:
    """Primary keys of the store's orders at risk of a dispute (rule in the module docstring)."""
    settings = settings or Settings()
    stmt = (select(Alert.id, Alert).join(Order, col(Order.id) == col(Alert.order_pk))
            .where(Order.store == store, col(Alert.resolved_at).is_(None)))
    risky: set[int] = set()
    silent_candidates: set[int] = set()
    for _id, alert in _paged(session, stmt, col(Alert.id)):
        if alert.order_pk in risky:
            continue
        if now - alert.opened_at >= timedelta(days=AT_RISK_OPEN_DAYS):
            risky.add(alert.order_pk)
        elif alert.kind == AlertKind.pickup_waiting:
            left = days_left(alert, now, settings)
            if left is not None and left <= PICKUP_URGENT_DAYS:
                risky.add(alert.order_pk)
        elif alert.kind in _SILENCE_KINDS:
            silent_candidates.add(alert.order_pk)
    candidates = sorted(silent_candidates - risky)
    since = now - timedelta(days=AT_RISK_SILENCE_DAYS)
    for i in range(0, len(candidates), PAGE):
        chunk = candidates[i:i + PAGE]
        told = set(session.exec(select(Message.order_pk).where(
            col(Message.order_pk).in_(chunk), Message.state == "sent",
            col(Message.sent_at) >= since)).all())
        risky.update(pk for pk in chunk if pk not in told)
    return risky
