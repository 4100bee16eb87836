"""Gather one store's digest from the database into frozen dataclasses (no rendering, no I/O
beyond reads). Rows are grouped by alert kind in the order sellers act on them.

Memory stays flat: alert rows are read per kind with a cap (`max_rows_per_kind`, the rest is
counted, not loaded) and the figures are SQL counts or paged reads (see `figures.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from trackmon.alert_queries import (
    ESCALATES_TO,
    RESOLVED_ESCALATED,
    at_risk_orders,
    is_new,
    open_clause,
    pickup_days_left,
)
from trackmon.digest.actions import KIND_ORDER, KIND_TITLES, suggested_action
from trackmon.digest.figures import Figures, gather_figures
from trackmon.digest.trend import Trend, weekly_trend
from trackmon.domain import AlertKind, ensure_utc
from trackmon.messaging.states import ACTIVE_STATES
from trackmon.models import Alert, BuyerOptOut, Message, Order, Shipment
from trackmon.optout import opted_out_orders
from trackmon.seller_words import last_event
from trackmon.settings import Settings

#: Message states that mean the buyer has been (or is about to be) told.


@dataclass(frozen=True, slots=True)
class ToldNote:
    """One message to the buyer: its kind, state ("sent", "queued") and when."""

    kind: str
    state: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class DigestRow:
    alert_id: int
    kind: str
    order_id: str
    buyer: str
    country: str | None
    carrier: str | None
    tracking_number: str
    days_since_last_event: int | None
    last_event: str                # what happened last, in the seller's words, where and when
    days_open: int
    days_left: int | None          # pickup_waiting: days before it goes back (< 0: hold ended)
    told: tuple[ToldNote, ...]
    action: str
    reason: str
    opened_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    new: bool = False              # open and opened since the window start (alert_queries.is_new)
    at_risk: bool = False          # the order is at risk of a dispute (alert_queries)
    escalated_to: str | None = None  # resolved because it grew into this kind
    buyer_opted_out: bool = False  # the buyer unsubscribed: trackmon no longer writes to them


@dataclass(frozen=True, slots=True)
class OptOutNote:
    order_id: str
    buyer: str
    at: datetime


@dataclass(frozen=True, slots=True)
class KindGroup:
    kind: str
    title: str
    total: int                      # open alerts of this kind (rows may be capped)
    rows: tuple[DigestRow, ...]

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


@dataclass(frozen=True, slots=True)
class Digest:
    store: str
    store_name: str
    period: str                     # "daily" | "weekly" | "preview"
    period_key: str
    window_start: datetime
    window_end: datetime
    timezone: str
    generated_at: datetime
    figures: Figures
    groups: tuple[KindGroup, ...]   # open exceptions, in KIND_ORDER
    opened: int                     # opened since the window start (some may be over already)
    still_open: int                 # opened before the window and still open
    resolved: int                   # resolved since the window start (auto or by the seller)
    resolved_rows: tuple[DigestRow, ...] = field(default=())  # resolved and escalated rows
    new_open: int = 0               # open and opened since the window start: open = new_open + still_open
    escalated: int = 0              # grew into another kind since the window start (not "resolved")
    opted_out: tuple[OptOutNote, ...] = field(default=())  # buyers who unsubscribed in the window
    trend: Trend | None = None      # weekly review: this week against the one before

    @property
    def open_total(self) -> int:
        return sum(g.total for g in self.groups)

    @property
    def is_quiet(self) -> bool:
        """Nothing to act on and nothing changed: the "all quiet" case."""
        return (self.open_total == 0 and self.opened == 0 and self.resolved == 0 and self.escalated == 0
                and not self.opted_out)

    def counts_by_kind(self) -> dict[str, int]:
        return {g.kind: g.total for g in self.groups}

    def summary(self) -> dict[str, Any]:
        """Small JSON-able record kept on the DigestRun row."""
        f = self.figures
        return {"open": self.open_total, "new_open": self.new_open, "opened": self.opened,
                "still_open": self.still_open, "resolved": self.resolved, "escalated": self.escalated,
                "by_kind": self.counts_by_kind(), "active_parcels": f.active_parcels,
                "active_orders": f.active_orders, "orders_with_open": f.orders_with_open,
                "opted_out": len(self.opted_out), "delivered": f.delivered,
                "on_time_rate": f.on_time_rate, "messages_sent": f.messages_sent,
                "messages_failed": f.messages_failed, "at_risk": f.at_risk}


def _kind_sort_key(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind)


def _store_alerts(store: str):  # type: ignore[no-untyped-def]
    return (select(Alert).join(Order, col(Order.id) == col(Alert.order_pk))
            .where(Order.store == store))


def build_digest(session: Session, store: str, *, period: str, period_key: str,
                 window_start: datetime, window_end: datetime, now: datetime,
                 settings: Settings, max_rows_per_kind: int = 50) -> Digest:
    """The digest of `store` for the window [window_start, window_end), figures as of `now`."""
    window_start, window_end, now = ensure_utc(window_start), ensure_utc(window_end), ensure_utc(now)
    store_settings = settings.store(store)
    at_risk = at_risk_orders(session, store, now, settings)
    counts = session.exec(
        select(Alert.kind, func.count()).join(Order, col(Order.id) == col(Alert.order_pk))
        .where(Order.store == store, open_clause()).group_by(Alert.kind)
    ).all()
    groups: list[KindGroup] = []
    for kind, total in sorted(counts, key=lambda kc: _kind_sort_key(kc[0])):
        alerts = session.exec(
            _store_alerts(store).where(Alert.kind == kind, open_clause())
            .order_by(col(Alert.opened_at), col(Alert.id)).limit(max_rows_per_kind)).all()
        rows = _rows(session, alerts, now=now, window_start=window_start, at_risk=at_risk,
                     settings=settings)
        groups.append(KindGroup(kind=kind, title=KIND_TITLES.get(kind, kind.replace("_", " ")),
                                total=int(total), rows=tuple(rows)))

    def count(*conds: Any) -> int:
        return int(session.exec(
            select(func.count()).select_from(Alert).join(Order, col(Order.id) == col(Alert.order_pk))
            .where(Order.store == store, *conds)).one())

    # "since the window start", up to now: the same cut as the NEW tag of each row
    opened = count(col(Alert.opened_at) >= window_start)
    new_open = count(col(Alert.opened_at) >= window_start, open_clause())
    still_open = count(col(Alert.opened_at) < window_start, open_clause())
    ended = col(Alert.resolved_at) >= window_start
    resolved = count(ended, col(Alert.resolved_by) != RESOLVED_ESCALATED)
    escalated = count(ended, col(Alert.resolved_by) == RESOLVED_ESCALATED)
    resolved_alerts = session.exec(
        _store_alerts(store).where(ended)
        .order_by(col(Alert.resolved_at), col(Alert.id)).limit(max_rows_per_kind)).all()
    resolved_rows = _rows(session, resolved_alerts, now=now, window_start=window_start,
                          at_risk=set(), settings=settings)
    resolved_rows.sort(key=lambda r: (_kind_sort_key(r.kind), r.resolved_at or now))
    trend = (weekly_trend(session, store, window_start=window_start, window_end=window_end, settings=settings)
             if period == "weekly" else None)

    return Digest(
        store=store, store_name=store_settings.display_name or store, period=period,
        period_key=period_key, window_start=window_start, window_end=window_end,
        timezone=store_settings.timezone, generated_at=now,
        figures=gather_figures(session, store, window_start=window_start, window_end=window_end,
                               now=now, settings=settings, at_risk=len(at_risk)),
        groups=tuple(groups), opened=opened, still_open=still_open, resolved=resolved,
        resolved_rows=tuple(resolved_rows), new_open=new_open, escalated=escalated,
        opted_out=_opt_outs(session, store, window_start), trend=trend)


def _opt_outs(session: Session, store: str, since: datetime) -> tuple[OptOutNote, ...]:
    rows = session.exec(select(BuyerOptOut, Order).join(Order, col(Order.id) == col(BuyerOptOut.order_pk),
                                                        isouter=True)
                        .where(BuyerOptOut.store == store, col(BuyerOptOut.opted_out_at) >= since)
                        .order_by(col(BuyerOptOut.opted_out_at)).limit(200)).all()
    return tuple(OptOutNote(order_id=o.order_id if o else "-",
                            buyer=(o.buyer_name or o.buyer_email) if o else opt.email, at=opt.opted_out_at)
                 for opt, o in rows)


def _whole_days(later: datetime, earlier: datetime | None) -> int | None:
    if earlier is None:
        return None
    return max(0, (later - earlier).days)


def _rows(session: Session, alerts: Sequence[Alert], *, now: datetime, window_start: datetime,
          at_risk: set[int], settings: Settings) -> list[DigestRow]:
    if not alerts:
        return []
    order_pks = {a.order_pk for a in alerts}
    orders = {o.id: o for o in session.exec(select(Order).where(col(Order.id).in_(order_pks))).all()}
    shipments: dict[int, list[Shipment]] = defaultdict(list)
    for s in session.exec(select(Shipment).where(col(Shipment.order_pk).in_(order_pks))
                          .order_by(col(Shipment.id))).all():
        shipments[s.order_pk].append(s)
    told: dict[int, list[ToldNote]] = defaultdict(list)
    for m in session.exec(select(Message).where(col(Message.order_pk).in_(order_pks),
                                                col(Message.state).in_(ACTIVE_STATES))
                          .order_by(col(Message.created_at), col(Message.id))).all():
        told[m.order_pk].append(ToldNote(kind=m.kind, state=m.state,
                                         at=m.sent_at if m.state == "sent" else m.created_at))
    unsubscribed = opted_out_orders(session, order_pks)
    successors = _successors(session, [a for a in alerts if a.resolved_by == RESOLVED_ESCALATED])
    out: list[DigestRow] = []
    for alert in alerts:
        order = orders[alert.order_pk]
        parcels = _parcels_for(alert, shipments.get(alert.order_pk, []))
        latest = max((s for s in parcels if s.last_event_at), key=lambda s: s.last_event_at or now, default=None)
        last_at = latest.last_event_at if latest else None
        left = pickup_days_left(alert, now, settings) if alert.kind == AlertKind.pickup_waiting else None
        out.append(DigestRow(
            alert_id=alert.id or 0, kind=alert.kind, order_id=order.order_id,
            buyer=order.buyer_name or order.buyer_email or "-",  # AliExpress/Amazon orders have no email
            country=_first(s.destination_country for s in parcels) or order.buyer_country,
            carrier=", ".join(dict.fromkeys(s.carrier for s in parcels if s.carrier)) or None,
            tracking_number=", ".join(s.tracking_number for s in parcels) or "-",
            days_since_last_event=_whole_days(now, last_at),
            last_event=(last_event(latest.status, latest.sub_status, latest.last_event_location, last_at, now)
                        if latest else last_event(None, None, None, None, now)),
            days_open=_whole_days(now, alert.opened_at) or 0, days_left=left,
            told=tuple(told.get(alert.order_pk, ())),
            action=suggested_action(alert.kind, left, alert.details),
            reason=alert.reason, opened_at=alert.opened_at, resolved_at=alert.resolved_at,
            resolved_by=alert.resolved_by, new=is_new(alert, window_start),
            at_risk=alert.order_pk in at_risk, escalated_to=successors.get(alert.id or 0),
            buyer_opted_out=alert.order_pk in unsubscribed))
    return out


def _successors(session: Session, escalated: Sequence[Alert]) -> dict[int, str]:
    """For each escalated alert, the kind it grew into (opened on the same parcel as it closed)."""
    out: dict[int, str] = {}
    for alert in escalated:
        kinds = ESCALATES_TO.get(alert.kind, set())
        found = session.exec(select(Alert.kind).where(
            Alert.shipment_id == alert.shipment_id, Alert.order_pk == alert.order_pk,
            col(Alert.kind).in_(kinds), col(Alert.opened_at) >= (alert.resolved_at or alert.opened_at))
            .order_by(col(Alert.opened_at)).limit(1)).first()
        if found:
            out[alert.id or 0] = found
    return out


def _parcels_for(alert: Alert, order_shipments: list[Shipment]) -> list[Shipment]:
    """The alert's parcel, or every parcel of the order for order-level alerts."""
    if alert.shipment_id is not None:
        return [s for s in order_shipments if s.id == alert.shipment_id]
    return order_shipments


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)
