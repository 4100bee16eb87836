"""Sending the outbox: claim due rows with a lease, render, send, record; effectively once.

A claim moves rows `queued → sending` with `lease_owner` and `lease_expires_at` (the one lease
of `trackmon.leases`; PostgreSQL: `FOR UPDATE SKIP LOCKED`, so replicas never claim the same
row; SQLite: `BEGIN IMMEDIATE`).
A process killed after claiming leaves rows in `sending`; once the lease expires another
dispatcher reclaims them, so a message is re-sent at most once and never lost (SMTP
receivers can drop the duplicate by its stable `Message-ID`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import Engine, and_, func, or_, update
from sqlmodel import Session, col, select

from trackmon import metrics
from trackmon.domain import ensure_utc
from trackmon.errors import DeliveryError, TemplateError, TransientError
from trackmon.installation import installation_id, installation_secret
from trackmon.leases import RELEASED, expired, held_by, renew
from trackmon.mail import sender_domain
from trackmon.messaging.channels import Channel, OutgoingMessage, build_channel, message_id_for
from trackmon.messaging.channels.manual import MANUAL
from trackmon.messaging.states import ALL_STATES, MessageState
from trackmon.messaging.window import buyer_zone, next_in_window, window_bounds
from trackmon.models import Alert, Message, Order
from trackmon.optout import opted_out_orders, unsubscribe_url
from trackmon.settings import Settings

if TYPE_CHECKING:
    from trackmon.messaging.render import Rendered

log = structlog.get_logger("trackmon.messaging.dispatch")

BACKOFF_BASE = timedelta(minutes=5)
BACKOFF_MAX = timedelta(hours=6)


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0   # outside the buyer's window: put back until morning
    skipped: int = 0    # kind disabled or the alert resolved before sending
    opted_out: int = 0  # the buyer unsubscribed from the store: not sent, never will be
    released: int = 0   # claimed, then given back unsent because the process is stopping
    lost_claims: int = 0  # the claim expired and another dispatcher took the row: not sent here


def backoff(attempts: int) -> timedelta:
    """5 min, 10, 20, 40 ... capped at 6 hours."""
    return min(BACKOFF_BASE * (2 ** max(0, attempts - 1)), BACKOFF_MAX)


@dataclass(frozen=True, slots=True)
class _Claimed:
    id: int
    order_pk: int
    key: str
    kind: str
    language: str
    recipient: str
    context: dict
    attempts: int
    order_id: str
    store: str
    zone_name: str | None
    country: str | None


def claim(engine: Engine, settings: Settings, now: datetime, owner: str, limit: int,
          report: DispatchReport) -> list[_Claimed]:
    """Claim due rows (and rows whose lease expired) in one short transaction.

    One message per order per round: a second one due for the same order waits for the next
    round, so a buyer never gets two emails of one order in the same minute (the shipped
    message, highest in priority, goes first).
    """
    lease = timedelta(seconds=settings.polling.lease_seconds)
    orders_claimed: set[int] = set()
    start, end = window_bounds(settings)
    enabled = set(settings.messaging.enabled_kinds)
    claimed: list[_Claimed] = []
    with Session(engine) as session:
        stmt = select(Message).where(or_(
            and_(Message.state == MessageState.queued, col(Message.next_attempt_at) <= now),
            and_(Message.state == MessageState.sending, expired(Message, now)),
        ), col(Message.channel) != MANUAL).order_by(  # manual: the seller sends those by hand
            col(Message.priority).desc(), col(Message.next_attempt_at), col(Message.id)).limit(limit)
        if engine.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        due = session.exec(stmt).all()
        unsubscribed = opted_out_orders(session, (m.order_pk for m in due))
        for m in due:
            if m.order_pk in orders_claimed and m.state == MessageState.queued:
                continue  # the next round
            order = session.get(Order, m.order_pk)
            alert = session.get(Alert, m.alert_id) if m.alert_id else None
            if m.order_pk in unsubscribed:
                m.state = MessageState.opted_out
                m.last_error = f"the buyer unsubscribed on {unsubscribed[m.order_pk]:%Y-%m-%d}"
                m.lease_owner = m.lease_expires_at = None
                report.opted_out += 1
            elif m.kind not in enabled:
                m.state, m.last_error = MessageState.disabled, f"kind {m.kind} is not in messaging.enabled_kinds"
                report.skipped += 1
            elif alert is not None and alert.resolved_at is not None:
                m.state, m.last_error = MessageState.superseded, f"alert {alert.kind} resolved before sending"
                report.skipped += 1
            elif order is None:
                m.state, m.last_error = MessageState.failed, f"order {m.order_pk} no longer exists"
                report.failed += 1
            elif (at := next_in_window(now, buyer_zone(order.buyer_timezone, order.buyer_country),
                                       start, end)) != now:
                m.state, m.next_attempt_at = MessageState.queued, at  # quiet hours: wait for the morning
                m.lease_owner = m.lease_expires_at = None
                report.deferred += 1
            else:
                if m.state == MessageState.sending:
                    log.warning("message.reclaimed", message=m.id, previous_owner=m.lease_owner)
                m.state = MessageState.sending
                m.lease_owner, m.lease_expires_at = owner, now + lease
                m.attempts += 1
                orders_claimed.add(m.order_pk)
                claimed.append(_Claimed(m.id or 0, m.order_pk, m.idempotency_key, m.kind, m.language, m.recipient,
                                        dict(m.context or {}), m.attempts, order.order_id, order.store,
                                        order.buyer_timezone, order.buyer_country))
            session.add(m)
        session.commit()
    report.claimed += len(claimed)
    return claimed


@dataclass(frozen=True, slots=True)
class _Headers:
    """What every email of this dispatch run is signed and addressed with."""

    secret: bytes
    install_id: str
    domain: str


def _headers(engine: Engine, settings: Settings, now: datetime) -> _Headers:
    secret = installation_secret(engine, now)
    return _Headers(secret, installation_id(secret), sender_domain(settings.smtp.mail_from))


def _outgoing(row: _Claimed, rendered: Rendered, settings: Settings, h: _Headers,
              at: datetime) -> OutgoingMessage:
    support = settings.store(row.store).support_email
    url = unsubscribe_url(settings, h.secret, row.order_pk)
    return OutgoingMessage(
        idempotency_key=row.key, message_id=message_id_for(row.key, install_id=h.install_id, domain=h.domain),
        kind=row.kind, language=rendered.language, recipient=row.recipient,
        recipient_name=str(row.context.get("buyer_name") or ""), subject=rendered.subject,
        text=rendered.text, html=rendered.html, order_id=row.order_id, store=row.store,
        tracking_numbers=tuple(str(t.get("number")) for t in
                               row.context.get("tracking_numbers") or [] if isinstance(t, dict)),
        date=at, reply_to=support, unsubscribe_url=url,
        unsubscribe_mailto=support if url is None else None)


def link_context(row: _Claimed, settings: Settings, h: _Headers) -> dict[str, object]:
    """Template variables added at send time: `unsubscribe_url` (None without public_base_url)."""
    return {"unsubscribe_url": unsubscribe_url(settings, h.secret, row.order_pk)}


def _finish(engine: Engine, message_pk: int, owner: str, **values: object) -> None:
    with Session(engine) as session:
        session.connection().execute(update(Message).where(
            col(Message.id) == message_pk, col(Message.state) == MessageState.sending,
            held_by(Message, owner)).values(**values))
        session.commit()


def renew_claim(engine: Engine, message_pk: int, owner: str, until: datetime) -> bool:
    """Extend this owner's claim on one row just before sending it; False when the claim was
    lost (it expired and another dispatcher took the row): then this one must not send."""
    with Session(engine) as session, session.begin():
        return bool(renew(session, Message, [message_pk], owner, until, Message.state == MessageState.sending))


def release_claims(engine: Engine, owner: str, message_pks: list[int]) -> int:
    """Give claimed-but-unsent rows back to the queue (their attempt is not counted)."""
    if not message_pks:
        return 0
    with Session(engine) as session, session.begin():
        result = session.execute(update(Message).where(
            col(Message.id).in_(message_pks), held_by(Message, owner),
            col(Message.state) == MessageState.sending).values(
                state=MessageState.queued, **RELEASED,
                attempts=Message.attempts - 1))
        return int(result.rowcount or 0)


def refresh_outbox_gauge(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.exec(select(Message.state, func.count()).group_by(Message.state)).all()
    counts = dict.fromkeys(map(str, ALL_STATES), 0) | {state: int(n) for state, n in rows}
    for state, n in counts.items():
        metrics.outbox.labels(state=state).set(n)
    return counts


async def dispatch_due(engine: Engine, settings: Settings, now: datetime, *, owner: str,
                       channel: Channel | None = None, limit: int = 100,
                       should_stop: Callable[[], bool] | None = None) -> DispatchReport:
    """Send every due buyer message (at most `limit`); returns what happened.

    When `should_stop()` turns true (SIGTERM), the message being sent is finished and the
    claimed rows not yet started are given back (`queued`, no attempt counted).
    """
    now = ensure_utc(now)
    report = DispatchReport()
    rows = claim(engine, settings, now, owner, limit, report)
    if not rows:
        refresh_outbox_gauge(engine)
        return report
    try:  # loaded and compiled only when something is due (seconds for every kind × language)
        from trackmon.messaging.render import load_renderer

        renderer = load_renderer(settings)
    except Exception:
        release_claims(engine, owner, [r.id for r in rows])
        raise
    own_channel = channel is None
    chan = channel or build_channel(settings)
    start, end = window_bounds(settings)
    lease = timedelta(seconds=settings.polling.lease_seconds)
    h = _headers(engine, settings, now)
    began = time.monotonic()
    try:
        for index, row in enumerate(rows):
            if should_stop is not None and should_stop():
                report.released += release_claims(engine, owner, [r.id for r in rows[index:]])
                log.info("dispatch.stopped", released=report.released)
                break
            bound = log.bind(message=row.id, kind=row.kind, order_id=row.order_id, attempt=row.attempts)
            at = now + timedelta(seconds=time.monotonic() - began)
            if not renew_claim(engine, row.id, owner, at + lease):
                report.lost_claims += 1
                bound.warning("message.claim_lost")
                continue
            message_id: str | None = None
            subject: str | None = None
            try:
                # bounded in time and size (messaging/sandbox.py), off the event loop
                rendered = await asyncio.to_thread(renderer.render, row.kind, row.language,
                                                   row.context | link_context(row, settings, h))
                subject = rendered.subject
                outgoing = _outgoing(row, rendered, settings, h, at)
                message_id = outgoing.message_id
                provider_id = await chan.send(outgoing)
            except Exception as exc:
                if not isinstance(exc, DeliveryError | TemplateError):
                    bound.exception("message.unexpected_error")
                    exc = DeliveryError(chan.name, f"{type(exc).__name__}: {exc}")
                transient = isinstance(exc, TransientError)
                if transient and row.attempts < settings.messaging.max_attempts:
                    zone = buyer_zone(row.zone_name, row.country)
                    retry_at = next_in_window(now + backoff(row.attempts), zone, start, end)
                    _finish(engine, row.id, owner, state=MessageState.queued, next_attempt_at=retry_at,
                            **RELEASED, last_error=str(exc), subject=subject)
                    report.retried += 1
                    metrics.messages_sent.labels(channel=chan.name, outcome="retry").inc()
                    bound.warning("message.retry", error=str(exc), retry_at=retry_at.isoformat())
                else:
                    reason = str(exc) if not transient else f"gave up after {row.attempts} attempts: {exc}"
                    _finish(engine, row.id, owner, state=MessageState.failed, **RELEASED,
                            last_error=reason, subject=subject)
                    report.failed += 1
                    metrics.messages_sent.labels(channel=chan.name, outcome="failed").inc()
                    bound.error("message.failed", error=reason)
                continue
            _finish(engine, row.id, owner, state=MessageState.sent, sent_at=now, provider_id=provider_id[:200],
                    message_id=message_id, subject=subject, **RELEASED,
                    last_error=None)
            report.sent += 1
            metrics.messages_sent.labels(channel=chan.name, outcome="sent").inc()
            bound.info("message.sent", provider_id=provider_id[:200])
    finally:
        if own_channel:
            await chan.aclose()
    refresh_outbox_gauge(engine)
    return report
