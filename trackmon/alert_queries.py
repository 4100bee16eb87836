"""One definition of open, new, escalated and at-risk alerts, used by the seller digest,
`trackmon alerts` and the API (`GET /alerts`, order data).

- **open**: `resolved_at` is NULL. Every count of "open exceptions" counts open alerts; the
  digest groups them by kind, so the open total is the sum of its groups.
- **new**: an open alert opened since the last daily digest of its store (`digest_runs`
  window end), or in the last day when the store never had one. A digest's own window
  start plays that role inside the digest.
- **resolved**: `resolved_by` is `auto` (the cause went away), `manual` (the seller closed it)
  or `escalated` (the problem grew into another kind on the same parcel: stalled → lost,
  pickup waiting → returning...; listed as escalated, never as resolved).
- **at risk of a dispute** (orders): an order with an open alert that is (a) open for
  `AT_RISK_OPEN_DAYS` days or more, or (b) late, lost, returning or delivery-failed with no
  message sent to the buyer in the last `AT_RISK_SILENCE_DAYS` days, or (c) waiting for
  pickup with `PICKUP_URGENT_DAYS` days or fewer left, or whose hold has ended.
  `split_package` is information, not a problem: it never makes an order at risk. Orders at
  risk are a subset of the orders with an open alert.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from trackmon.domain import AlertKind
from trackmon.messaging.states import DIGEST_DONE_STATES, MessageState
from trackmon.models import Alert, DigestRun, Message, Order
from trackmon.settings import Settings

RESOLVED_AUTO = "auto"
RESOLVED_MANUAL = "manual"
RESOLVED_ESCALATED = "escalated"

#: an open alert of the key kind resolved while one of these opens on the same parcel
ESCALATES_TO: dict[str, set[str]] = {
    AlertKind.stalled.value: {AlertKind.lost.value, AlertKind.returning.value},
    AlertKind.customs_hold.value: {AlertKind.lost.value, AlertKind.returning.value},
    AlertKind.not_picked_up.value: {AlertKind.lost.value},
    AlertKind.pickup_waiting.value: {AlertKind.returning.value, AlertKind.lost.value},
    AlertKind.delivery_failed.value: {AlertKind.returning.value, AlertKind.lost.value},
}
INFORMATIONAL_KINDS = frozenset({AlertKind.split_package.value})

AT_RISK_OPEN_DAYS = 7
AT_RISK_SILENCE_DAYS = 7
#: A pickup with this many days left or fewer is urgent (and puts the order at risk).
PICKUP_URGENT_DAYS = 3
NEW_DEFAULT = timedelta(days=1)
_SILENCE_KINDS = frozenset({AlertKind.late, AlertKind.lost, AlertKind.returning, AlertKind.delivery_failed})
PAGE = 500


def open_clause() -> Any:
    return col(Alert.resolved_at).is_(None)


def paged(session: Session, stmt: Any, id_col: Any) -> Iterator[Any]:
    """Keyset pagination on `id_col` (the first selected column): memory stays at one page."""
    last = 0
    while True:
        rows = session.exec(stmt.where(id_col > last).order_by(id_col).limit(PAGE)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return int(value)
    return None


def pickup_days_left(alert: Alert, now: datetime, settings: Settings) -> int | None:
    """Days before a waiting parcel goes back, as of `now`; negative: the hold ended that many
    days ago. From the hold's last day (`details.return_after`, set by detection), else
    `details.days_left` as counted at `last_seen_at`, else the wait's start (`since`) plus
    `detection.pickup_hold_days`."""
    details = alert.details or {}
    if isinstance(details.get("return_after"), str):
        try:
            return (date.fromisoformat(details["return_after"]) - now.date()).days
        except ValueError:
            pass
    left = _int(details.get("days_left"))
    if left is not None:
        return left - max(0, (now - alert.last_seen_at).days)
    if alert.since is not None:
        hold = _int(details.get("hold_days")) or settings.detection.pickup_hold_days
        return ((alert.since + timedelta(days=hold)).date() - now.date()).days
    return None


def is_new(alert: Alert, since: datetime) -> bool:
    return alert.resolved_at is None and alert.opened_at >= since


def new_since(session: Session, now: datetime) -> dict[str, datetime]:
    """Per store, since when an open alert counts as new: the end of its last daily digest."""
    rows = session.exec(select(DigestRun.store, func.max(DigestRun.window_end)).where(
        DigestRun.period == "daily", col(DigestRun.state).in_(DIGEST_DONE_STATES),
        col(DigestRun.window_end) <= now).group_by(DigestRun.store)).all()
    return {store: end for store, end in rows if end is not None}


def new_cutoff(since_by_store: dict[str, datetime], store: str, now: datetime) -> datetime:
    return since_by_store.get(store) or now - NEW_DEFAULT


def at_risk_orders(session: Session, store: str | None, now: datetime, settings: Settings | None = None, *,
                   order_pk: int | None = None) -> set[int]:
    """Primary keys of the orders at risk of a dispute (rule in the module docstring);
    `store=None`: every store; `order_pk`: only whether that one order is."""
    settings = settings or Settings()
    stmt = select(Alert.id, Alert).join(Order, col(Order.id) == col(Alert.order_pk)).where(open_clause())
    if store is not None:
        stmt = stmt.where(Order.store == store)
    if order_pk is not None:
        stmt = stmt.where(Alert.order_pk == order_pk)
    risky: set[int] = set()
    silent_candidates: set[int] = set()
    for _id, alert in paged(session, stmt, col(Alert.id)):
        if alert.order_pk in risky or alert.kind in INFORMATIONAL_KINDS:
            continue
        if now - alert.opened_at >= timedelta(days=AT_RISK_OPEN_DAYS):
            risky.add(alert.order_pk)
        elif alert.kind == AlertKind.pickup_waiting:
            left = pickup_days_left(alert, now, settings)
            if left is not None and left <= PICKUP_URGENT_DAYS:
                risky.add(alert.order_pk)
        elif alert.kind in _SILENCE_KINDS:
            silent_candidates.add(alert.order_pk)
    candidates = sorted(silent_candidates - risky)
    since = now - timedelta(days=AT_RISK_SILENCE_DAYS)
    for i in range(0, len(candidates), PAGE):
        chunk = candidates[i:i + PAGE]
        told = set(session.exec(select(Message.order_pk).where(
            col(Message.order_pk).in_(chunk), Message.state == MessageState.sent,
            col(Message.sent_at) >= since)).all())
        risky.update(pk for pk in chunk if pk not in told)
    return risky


def orders_with_open_alerts(session: Session, store: str) -> int:
    return int(session.exec(select(func.count(func.distinct(Alert.order_pk)))
                            .join(Order, col(Order.id) == col(Alert.order_pk))
                            .where(Order.store == store, open_clause())).one())


def alert_flags(alert: Alert, *, new_cutoff_at: datetime, at_risk: set[int]) -> dict[str, Any]:
    """The shared flags every listing shows for one alert."""
    return {"open": alert.resolved_at is None, "new": is_new(alert, new_cutoff_at),
            "at_risk": alert.resolved_at is None and alert.order_pk in at_risk,
            "escalated": alert.resolved_by == RESOLVED_ESCALATED}


__all__ = [
    "AT_RISK_OPEN_DAYS", "AT_RISK_SILENCE_DAYS", "ESCALATES_TO", "INFORMATIONAL_KINDS", "PICKUP_URGENT_DAYS",
    "RESOLVED_AUTO", "RESOLVED_ESCALATED", "RESOLVED_MANUAL", "alert_flags", "at_risk_orders", "is_new",
    "new_cutoff", "new_since", "open_clause", "orders_with_open_alerts", "paged", "pickup_days_left",
]
