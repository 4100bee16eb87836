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

from trackmon.digest.actions import KIND_ORDER, KIND_TITLES, days_left, suggested_action
from trackmon.digest.figures import Figures, at_risk_orders, gather_figures
from trackmon.domain import AlertKind, ensure_utc
from trackmon.models import Alert, Message, Order, Shipment
from trackmon.settings import Settings

#: Message states that mean the buyer has been (or is about to be) told.
TOLD_STATES = ("sent", "queued", "sending")


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
    days_open: int
    days_left: int | None          # pickup_waiting: days before the parcel goes back
    told: tuple[ToldNote, ...]
    action: str
    reason: str
    opened_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    new: bool = False              # opened during this digest's window
    at_risk: bool = False          # the order is at risk of a dispute (see figures.py)


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
    opened: int                     # opened during the window
    still_open: int                 # opened before the window and still open
    resolved: int                   # resolved during the window
    resolved_rows: tuple[DigestRow, ...] = field(default=())

    @property
    def open_total(self) -> int:
        return sum(g.total for g in self.groups)

    @property
    def is_quiet(self) -> bool:
        """Nothing to act on and nothing changed: the "all quiet" case."""
        return self.open_total == 0 and self.opened == 0 and self.resolved == 0

    def counts_by_kind(self) -> dict[str, int]:
        return {g.kind: g.total for g in self.groups}

    def summary(self) -> dict[str, Any]:
        """Small JSON-able record kept on the DigestRun row."""
        f = self.figures
        return {"open": self.open_total, "opened": self.opened, "still_open": self.still_open,
                "resolved": self.resolved, "by_kind": self.counts_by_kind(),
                "active_parcels": f.active_parcels, "delivered": f.delivered,
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
        .where(Order.store == store, col(Alert.resolved_at).is_(None)).group_by(Alert.kind)
    ).all()
    groups: list[KindGroup] = []
    for kind, total in sorted(counts, key=lambda kc: _kind_sort_key(kc[0])):
        alerts = session.exec(
            _store_alerts(store).where(Alert.kind == kind, col(Alert.resolved_at).is_(None))
            .order_by(col(Alert.opened_at), col(Alert.id)).limit(max_rows_per_kind)).all()
        rows = _rows(session, alerts, now=now, window_start=window_start, at_risk=at_risk,
                     settings=settings)
        groups.append(KindGroup(kind=kind, title=KIND_TITLES.get(kind, kind.replace("_", " ")),
                                total=int(total), rows=tuple(rows)))

    def count(*conds: Any) -> int:
        return int(session.exec(
            select(func.count()).select_from(Alert).join(Order, col(Order.id) == col(Alert.order_pk))
            .where(Order.store == store, *conds)).one())

    opened = count(col(Alert.opened_at) >= window_start, col(Alert.opened_at) < window_end)
    still_open = count(col(Alert.opened_at) < window_start, col(Alert.resolved_at).is_(None))
    resolved_filter = (col(Alert.resolved_at) >= window_start, col(Alert.resolved_at) < window_end)
    resolved = count(*resolved_filter)
    resolved_alerts = session.exec(
        _store_alerts(store).where(*resolved_filter)
        .order_by(col(Alert.resolved_at), col(Alert.id)).limit(max_rows_per_kind)).all()
    resolved_rows = _rows(session, resolved_alerts, now=now, window_start=window_start,
                          at_risk=set(), settings=settings)
    resolved_rows.sort(key=lambda r: (_kind_sort_key(r.kind), r.resolved_at or now))

    return Digest(
        store=store, store_name=store_settings.display_name or store, period=period,
        period_key=period_key, window_start=window_start, window_end=window_end,
        timezone=store_settings.timezone, generated_at=now,
        figures=gather_figures(session, store, window_start=window_start, window_end=window_end,
                               now=now, settings=settings, at_risk=len(at_risk)),
        groups=tuple(groups), opened=opened, still_open=still_open, resolved=resolved,
        resolved_rows=tuple(resolved_rows))


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
                                                col(Message.state).in_(TOLD_STATES))
                          .order_by(col(Message.created_at), col(Message.id))).all():
        told[m.order_pk].append(ToldNote(kind=m.kind, state=m.state,
                                         at=m.sent_at if m.state == "sent" else m.created_at))
    out: list[DigestRow] = []
    for alert in alerts:
        order = orders[alert.order_pk]
        parcels = _parcels_for(alert, shipments.get(alert.order_pk, []))
        last_event = max((s.last_event_at for s in parcels if s.last_event_at), default=None)
        left = days_left(alert, now, settings) if alert.kind == AlertKind.pickup_waiting else None
        out.append(DigestRow(
            alert_id=alert.id or 0, kind=alert.kind, order_id=order.order_id,
            buyer=order.buyer_name or order.buyer_email or "-",  # AliExpress/Amazon orders have no email
            country=_first(s.destination_country for s in parcels) or order.buyer_country,
            carrier=", ".join(dict.fromkeys(s.carrier for s in parcels if s.carrier)) or None,
            tracking_number=", ".join(s.tracking_number for s in parcels) or "-",
            days_since_last_event=_whole_days(now, last_event),
            days_open=_whole_days(now, alert.opened_at) or 0, days_left=left,
            told=tuple(told.get(alert.order_pk, ())),
            action=suggested_action(alert.kind, left, alert.details),
            reason=alert.reason, opened_at=alert.opened_at, resolved_at=alert.resolved_at,
            resolved_by=alert.resolved_by, new=alert.opened_at >= window_start,
            at_risk=alert.order_pk in at_risk))
    return out


def _parcels_for(alert: Alert, order_shipments: list[Shipment]) -> list[Shipment]:
    """The alert's parcel, or every parcel of the order for order-level alerts."""
    if alert.shipment_id is not None:
        return [s for s in order_shipments if s.id == alert.shipment_id]
    return order_shipments


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)
