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
- **active orders**: orders with a parcel still polled or an open exception (what the seller
  still has to follow); **orders with open exceptions** are among them.
- **orders at risk of a dispute**: defined once in `trackmon.alert_queries` (a subset of the
  orders with open exceptions, so never more than the active orders).
- charts are drawn only from lanes with `MIN_CHART_SAMPLES` deliveries or more, each bar
  labelled with its sample count.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, func, or_
from sqlmodel import Session, col, select

from trackmon.alert_queries import open_clause, paged
from trackmon.models import Alert, LaneStat, Message, Order, Shipment
from trackmon.settings import Settings

TRANSIT_LOOKBACK_DAYS = 30
#: a lane's median is charted (and compared week to week) from this many deliveries up
MIN_CHART_SAMPLES = 5


@dataclass(frozen=True, slots=True)
class TransitFigure:
    country: str
    carrier: str
    median_days: float
    samples: int


@dataclass(frozen=True, slots=True)
class Figures:
    active_parcels: int
    active_orders: int
    orders_with_open: int
    delivered: int
    on_time: int
    on_time_rate: float | None      # 0..1, None when nothing was delivered
    transit: tuple[TransitFigure, ...]
    transit_since: datetime
    messages_sent: int
    messages_failed: int
    at_risk: int


def _transit_days(delivered_at: datetime, shipped_at: datetime | None, first_event: datetime | None) -> float | None:
    start = shipped_at or first_event
    if start is None or delivered_at < start:
        return None
    return (delivered_at - start).total_seconds() / 86400


@dataclass(frozen=True, slots=True)
class DeliveryStats:
    """Deliveries of one store in [start, end): counts from `count_from`, transit samples of all."""

    delivered: int
    on_time: int
    samples: dict[tuple[str, str], list[float]]   # (country, carrier) -> transit days

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.delivered if self.delivered else None

    def transit(self) -> tuple[TransitFigure, ...]:
        return tuple(sorted(
            (TransitFigure(country=c, carrier=k, median_days=round(statistics.median(v), 1), samples=len(v))
             for (c, k), v in self.samples.items()), key=lambda t: (t.country, t.carrier)))


def delivery_stats(session: Session, store: str, start: datetime, end: datetime, settings: Settings, *,
                   count_from: datetime | None = None) -> DeliveryStats:
    """Parcels delivered in [start, end): transit samples per lane; delivered and on-time
    counted from `count_from` (default `start`), by the rule in the module docstring."""
    count_from = count_from or start
    stmt = (select(Shipment.id, Shipment.delivered_at, Shipment.carrier, Shipment.destination_country,
                   Shipment.first_event_at, Order.shipped_at, Order.promised_delivery, Order.buyer_country)
            .join(Order, col(Order.id) == col(Shipment.order_pk))
            .where(Order.store == store, col(Shipment.delivered_at) >= start, col(Shipment.delivered_at) < end))
    lanes: dict[tuple[str, str], float] = {}
    delivered = on_time = 0
    samples: dict[tuple[str, str], list[float]] = defaultdict(list)
    for _id, delivered_at, carrier, dest, first_event, shipped_at, promised, buyer_country in paged(
            session, stmt, col(Shipment.id)):
        country = dest or buyer_country or "??"
        days = _transit_days(delivered_at, shipped_at, first_event)
        if days is not None:
            samples[(country, carrier or "unknown")].append(days)
        if delivered_at < count_from:
            continue
        delivered += 1
        if promised is not None:
            on_time += delivered_at.date() <= promised
        elif days is not None:
            on_time += days <= _lane_limit(session, lanes, carrier, country, settings)
    return DeliveryStats(delivered=delivered, on_time=on_time, samples=dict(samples))


def gather_figures(session: Session, store: str, *, window_start: datetime, window_end: datetime,
                   now: datetime, settings: Settings, at_risk: int) -> Figures:
    in_store = (col(Order.id) == col(Shipment.order_pk), Order.store == store)
    active = session.exec(select(func.count()).select_from(Shipment).join(Order, in_store[0])
                          .where(in_store[1], col(Shipment.active).is_(True))).one()
    has_active = exists().where(col(Shipment.order_pk) == col(Order.id), col(Shipment.active).is_(True))
    has_open = exists().where(col(Alert.order_pk) == col(Order.id), open_clause())
    active_orders = session.exec(select(func.count()).select_from(Order).where(
        Order.store == store, or_(has_active, has_open))).one()
    with_open = session.exec(select(func.count()).select_from(Order).where(Order.store == store, has_open)).one()

    transit_since = min(window_start, now - timedelta(days=TRANSIT_LOOKBACK_DAYS))
    recent = delivery_stats(session, store, transit_since, window_end, settings, count_from=window_start)
    delivered, on_time = recent.delivered, recent.on_time
    transit = recent.transit()

    msg = select(func.count()).select_from(Message).join(Order, col(Order.id) == col(Message.order_pk))
    sent = session.exec(msg.where(Order.store == store, Message.state == "sent",
                                  col(Message.sent_at) >= window_start, col(Message.sent_at) < window_end)).one()
    failed = session.exec(msg.where(Order.store == store, Message.state == "failed", or_(
        (col(Message.created_at) >= window_start) & (col(Message.created_at) < window_end),
        (col(Message.next_attempt_at) >= window_start) & (col(Message.next_attempt_at) < window_end)))).one()
    return Figures(active_parcels=int(active), active_orders=int(active_orders),
                   orders_with_open=int(with_open), delivered=delivered, on_time=on_time,
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
