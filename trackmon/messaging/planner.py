"""Which buyer messages are due for an order, queued idempotently (the transactional outbox).

`plan_for_order()` is called by ingest inside the transaction that stored new events and
alerts, and by the cycle for every active order (the weekly check-in needs no new event).
It only reads database state and inserts `Message` rows keyed `order:kind:cause`
(INSERT ... ON CONFLICT DO NOTHING), so re-polls, restarts and replicas never queue twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.sql.dml import ReturningInsert
from sqlmodel import Session, col, select

from trackmon.domain import ensure_utc
from trackmon.errors import InputError
from trackmon.messaging.channels.manual import channel_for, recipient_for
from trackmon.messaging.context import build_context
from trackmon.messaging.kinds import (
    MILESTONES,
    SUPERSEDABLE_KINDS,
    buyer_message_for_alert,
    customs_message_kind,
    is_exception,
    priority_of,
)
from trackmon.messaging.pickup import Hold, hold
from trackmon.messaging.plan_book import PlanBook, Previous, Slot
from trackmon.messaging.states import ACTIVE_STATES
from trackmon.messaging.window import (
    buyer_zone,
    day_span,
    local_day,
    next_in_window,
    window_bounds,
    window_opening,
)
from trackmon.models import Alert, Message, Order, Shipment
from trackmon.settings import Settings
from trackmon.store import insert_ignore

DELIVERED_FRESH_DAYS = 3       # no thank-you for deliveries older than this (late imports)
WEEK = timedelta(days=7)
_DONE = frozenset({"delivered", "returned", "expired"})
_PAST_TRANSIT = frozenset({"delivered", "returned", "returning", "expired"})
#: Statuses about which nothing reassuring may be said: no routine message while a parcel is in one.
_NO_REASSURANCE = frozenset({"unknown", "exception"})
#: Open alerts after which routine messages stop (the buyer has been told what happens next).
_ENDS_ROUTINE = frozenset({"lost", "returning"})
#: Alerts with a message of their own that says more than `late` would.
_SAYS_MORE_THAN_LATE = frozenset({"lost", "returning", "pickup_waiting", "not_picked_up", "customs_hold",
                                  "delivery_failed"})
#: No weekly check-in when the order had a message this recently.
CHECKIN_QUIET = timedelta(days=4)
#: Messages of an order go at least this long after its shipped message.
AFTER_SHIPPED = timedelta(hours=1)
__all__ = ["ACTIVE_STATES", "candidates", "next_review", "plan_for_order", "plan_order", "schedule"]



@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    cause: str
    due: datetime
    shipment_id: int | None = None
    alert: Alert | None = None


def customs_kind(alert: Alert) -> str:
    """customs_hold alerts become customs_duties / customs_information / customs_hold."""
    details = alert.details or {}
    text = " ".join(str(details.get(k) or "") for k in ("customs_stage", "sub_status", "customs", "customs_status"))
    return customs_message_kind(f"{text} {alert.cause}")


def _shipped_due(order: Order, shipments: list[Shipment]) -> datetime:
    shipped = order.shipped_at or min(s.created_at for s in shipments)
    return max(shipped, order.created_at)  # on the day of shipment, or at import if later


def candidates(order: Order, shipments: list[Shipment], alerts: list[Alert], now: datetime,
               settings: Settings) -> list[Candidate]:
    """Every message this order may need now (filtering and idempotency come later)."""
    out: list[Candidate] = []
    all_done = all(s.status in _DONE for s in shipments)
    all_delivered = all(s.status == "delivered" for s in shipments)
    kinds = {a.kind for a in alerts}
    any_past = any(s.status in _PAST_TRANSIT for s in shipments)
    # nothing routine about a parcel in an unknown state, or one whose journey has ended
    quiet = any(s.status in _NO_REASSURANCE or s.sub_status == "lost" for s in shipments if s.status not in _DONE) \
        or bool(kinds & _ENDS_ROUTINE)
    shipped_due = _shipped_due(order, shipments)
    zone = buyer_zone(order.buyer_timezone, order.buyer_country)

    if not all_done:
        out.append(Candidate("shipped", "", shipped_due))
    if not any_past and not quiet:
        reached = [(i, m, min(t for t in times)) for i, m in enumerate(MILESTONES)
                   if (times := [getattr(s, f"{m}_at") for s in shipments if getattr(s, f"{m}_at")])]
        if reached:  # only the furthest milestone: a late import gets one update, not three
            _, milestone, at = max(reached)
            out.append(Candidate("on_its_way", milestone, max(at, shipped_due)))
        weeks = int((now - shipped_due) / WEEK)
        if weeks >= 1:
            due = shipped_due + weeks * WEEK
            year, week, _ = due.isocalendar()
            out.append(Candidate("weekly_checkin", f"{year}-W{week:02d}", due))
    if all_delivered:
        delivered_at = max((s.delivered_at or s.status_changed_at or now) for s in shipments)
        if now - delivered_at <= timedelta(days=DELIVERED_FRESH_DAYS):
            out.append(Candidate("delivered", "", delivered_at))

    for alert in alerts:
        opened = alert.opened_at
        if alert.kind == "customs_hold":
            out.append(Candidate(customs_kind(alert), alert.cause, opened, alert.shipment_id, alert))
        elif alert.kind == "late" and (kinds & _SAYS_MORE_THAN_LATE or quiet):
            continue  # the buyer hears about the parcel's real state instead
        elif alert.kind == "stalled" and "lost" in kinds:
            continue
        elif (kind := buyer_message_for_alert(alert.kind)) is not None:
            out.append(Candidate(kind, alert.cause, opened, alert.shipment_id, alert))
        if alert.kind == "pickup_waiting":
            held = pickup_hold(alert, zone, settings)
            remind_at = window_opening(held.reminder_day(), zone, window_bounds(settings)[0])
            if now >= remind_at and not held.ended(local_day(now, zone)):
                out.append(Candidate("pickup_reminder", alert.cause, remind_at, alert.shipment_id, alert))
    return out


def pickup_hold(alert: Alert, zone: ZoneInfo, settings: Settings) -> Hold:
    """The post office's hold of a pickup_waiting alert, in the buyer's calendar."""
    since = alert.since or alert.opened_at
    return hold(local_day(since, zone), settings.detection.pickup_hold_days)


#: An order with nothing time-based ahead is still looked at this often (cheap, and safe).
IDLE_REVIEW = timedelta(days=1)


def next_review(order: Order, shipments: list[Shipment], alerts: list[Alert], now: datetime,
                settings: Settings) -> datetime:
    """When this order may next need a message without any new tracking: the next weekly
    check-in boundary, a pickup reminder, a shipping day still ahead; at most a day away."""
    times = [now + IDLE_REVIEW]
    shipped_due = _shipped_due(order, shipments)
    if shipped_due > now:
        times.append(shipped_due)
    if not any(s.status in _PAST_TRANSIT for s in shipments):
        weeks = max(0, int((now - shipped_due) / WEEK))
        times.append(shipped_due + (weeks + 1) * WEEK)
    zone = buyer_zone(order.buyer_timezone, order.buyer_country)
    for alert in alerts:
        if alert.kind == "pickup_waiting":
            day = pickup_hold(alert, zone, settings).reminder_day()
            remind_at = window_opening(day, zone, window_bounds(settings)[0])
            if remind_at > now:
                times.append(remind_at)
    return min(t for t in times if t > now)


def _insert_stmt(dialect: str, values: dict[str, Any]) -> ReturningInsert[Any]:
    """One message row, insert-ignore on its key (the console writes a message this way)."""
    return insert_ignore(dialect, Message, ("idempotency_key",), returning=("id",)).values(**values)


def schedule(book: PlanBook, kind: str, earliest: datetime, zone: ZoneInfo, settings: Settings,
             mine: list[Slot]) -> tuple[datetime, str]:
    """(next_attempt_at, state) for a new message: inside the window, under the caps.

    `mine` are the buyer's messages around `earliest`. An exception message supersedes queued
    routine ones due the same local day; a routine message on a day that already has an
    exception message is stored as superseded, and so is one beyond the weekly cap
    (`messaging.max_per_week` routine messages in any 7 days; exception messages may exceed it).
    """
    start, end = window_bounds(settings)
    when = next_in_window(earliest, zone, start, end)
    if kind in SUPERSEDABLE_KINDS:
        week = [m for m in mine if when - WEEK < m.at <= when and m.state != "superseded"
                and m.kind in SUPERSEDABLE_KINDS]
        if len(week) >= settings.messaging.max_per_week:
            return when, "superseded"
    for _ in range(60):
        day = local_day(when, zone)
        lo, hi = day_span(day, zone)
        that_day = [m for m in mine if lo <= m.at < hi and m.state != "superseded"]
        if is_exception(kind):
            for m in that_day:
                if m.state == "queued" and m.kind in SUPERSEDABLE_KINDS:
                    book.supersede(m, f"superseded by {kind} due the same day")
            that_day = [m for m in that_day if m.state != "superseded"]
        elif kind in SUPERSEDABLE_KINDS and any(is_exception(m.kind) for m in that_day):
            return when, "superseded"
        if len(that_day) < settings.messaging.max_per_day:
            return when, "queued"
        when = next_in_window(hi, zone, start, end)  # the next day's opening
    return when, "queued"


def plan_for_order(session: Session, order_pk: int, now: datetime, settings: Settings) -> int:
    """Queue (idempotently) every buyer message now due for this order; returns how many new.

    One order on its own (a webhook, `check`, the cycle's periodic planning); the poller plans
    a whole batch of orders with one `PlanBook` (`plan_order` for each, then one write).
    """
    now = ensure_utc(now)
    order = session.get(Order, order_pk)
    if order is None:
        raise InputError(f"order {order_pk} does not exist", field="order_pk")
    shipments = list(session.exec(select(Shipment).where(Shipment.order_pk == order_pk)).all())
    if not shipments:
        return 0
    alerts = list(session.exec(select(Alert).where(
        Alert.order_pk == order_pk, col(Alert.resolved_at).is_(None))).all())
    book = PlanBook(session, settings, now)
    book.load([order])
    plan_order(book, order, shipments, alerts)
    session.add(order)
    session.flush()
    book.reviews.clear()  # the session writes this order's review time itself
    return book.write().get(order_pk, 0)


def plan_order(book: PlanBook, order: Order, shipments: list[Shipment], alerts: list[Alert],
               events_of: Mapping[int, Sequence[Any]] | None = None) -> None:
    """Plan `order`'s messages into `book` (written by `book.write()`), from the order, its
    parcels and its open alerts as they stand; `events_of` (shipment id → its stored events)
    spares reading the events of a parcel the caller already holds.

    The shipped message goes first: while it is not queued, it is due whenever anything else
    is, and every other message of the order goes at least `AFTER_SHIPPED` after it. A weekly
    check-in is skipped when the order had a message in the last `CHECKIN_QUIET`; a message
    whose text would repeat the previous one word for word is stored as superseded.
    """
    session, settings, now = book.session, book.settings, book.now
    order_pk = order.id or 0
    order.plan_after = book.reviews[order_pk] = next_review(order, shipments, alerts, now, settings)
    book.load([order])
    existing = book.existing[order_pk]
    enabled = set(settings.messaging.enabled_kinds)
    renderer = book.renderer
    language = renderer.resolve_language(order.buyer_language or settings.messaging.default_language)
    zone = buyer_zone(order.buyer_timezone, order.buyer_country)
    channel, recipient = channel_for(order, settings), recipient_for(order)  # no email: manual

    found = candidates(order, shipments, alerts, now, settings)
    shipped_key = f"{order_pk}:shipped:"
    if shipped_key not in existing and "shipped" in enabled and any(c.due <= now for c in found):
        found = [replace(c, due=min(c.due, now)) if c.kind == "shipped" else c for c in found]
    ranked = sorted(found, key=lambda c: (c.kind != "shipped", -priority_of(c.kind), c.due))
    mine = book.slots[recipient]
    previous = book.previous.get(order_pk)
    after = now
    memo: dict[tuple[Any, ...], Any] = {}  # what the contexts of this order's messages share
    for cand in ranked:
        key = f"{order_pk}:{cand.kind}:{cand.cause}"
        if key in existing or cand.kind not in enabled or cand.due > now:
            continue
        when, state = schedule(book, cand.kind, after, zone, settings, mine)
        note = "superseded by an exception message due the same day or beyond the weekly cap"
        if cand.kind == "weekly_checkin" and previous is not None and now - previous.at < CHECKIN_QUIET:
            state, note = "superseded", "the order had a message less than 4 days ago"
        context = build_context(session, order, shipments, kind=cand.kind, cause=cand.cause,
                                settings=settings, now=now, alert=cand.alert, language=language,
                                send_at=when, previous_at=previous.at if previous else None,
                                events_of=events_of, memo=memo)
        if cand.kind == "late" and not context["overdue"]:
            continue  # the buyer's own window has not passed yet: looked at again next time
        # Only a text compared is rendered (the text part alone, up to the first difference): a
        # message stored as superseded, or one with nothing before it, is rendered when it is
        # sent or compared with a later one.
        source: tuple[str, str, dict[str, Any]] | None = (cand.kind, language, context)
        if state == "queued" and previous is not None:
            same = book.repeats(previous, order_pk, cand.kind, language, context)
            if same is None:
                source = None  # its template fails: nothing to compare a later message with
            elif same:
                state, note = "superseded", "identical to the previous message"
        book.add({
            "idempotency_key": key, "order_pk": order_pk, "shipment_id": cand.shipment_id,
            "alert_id": cand.alert.id if cand.alert else None, "kind": cand.kind, "cause": cand.cause,
            "priority": priority_of(cand.kind), "channel": channel,
            "recipient": recipient, "language": language, "context": context,
            "state": state, "next_attempt_at": when, "attempts": 0, "created_at": now,
            "last_error": note if state == "superseded" else None,
        })
        if state == "queued":
            previous = book.previous[order_pk] = Previous(now, None, source)
            if cand.kind in _ENDS_ROUTINE:  # nothing routine may follow "lost" or "returning"
                book.drop_routine(order_pk, SUPERSEDABLE_KINDS,
                                  f"superseded by {cand.kind}: no routine message after it")
            if cand.kind == "shipped":
                after = max(after, when + AFTER_SHIPPED)
