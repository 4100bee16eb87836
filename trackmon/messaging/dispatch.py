"""Sending the outbox: claim due rows with a lease, render, send, record; effectively once.

A claim moves rows `queued → sending` with `claimed_by` and `claim_expires_at` (PostgreSQL:
`FOR UPDATE SKIP LOCKED`, so replicas never claim the same row; SQLite: `BEGIN IMMEDIATE`).
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

import structlog
from sqlalchemy import Engine, and_, func, or_, update
from sqlmodel import Session, col, select

from trackmon import metrics
from trackmon.domain import ensure_utc
from trackmon.errors import DeliveryError, TemplateError, TransientError
from trackmon.messaging.channels import Channel, OutgoingMessage, build_channel, message_id_for
from trackmon.messaging.render import load_renderer
from trackmon.messaging.window import buyer_zone, next_in_window, window_bounds
from trackmon.models import Alert, Message, Order
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.messaging.dispatch")

STATES = ("queued", "sending", "sent", "failed", "superseded", "disabled")
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
    released: int = 0   # claimed, then given back unsent because the process is stopping
    lost_claims: int = 0  # the claim expired and another dispatcher took the row: not sent here


def backoff(attempts: int) -> timedelta:
    """5 min, 10, 20, 40 ... capped at 6 hours."""
    return min(BACKOFF_BASE * (2 ** max(0, attempts - 1)), BACKOFF_MAX)


@dataclass(frozen=True, slots=True)
class _Claimed:
    id: int
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
    """Claim due rows (and rows whose lease expired) in one short transaction."""
    lease = timedelta(seconds=settings.polling.lease_seconds)
    start, end = window_bounds(settings)
    enabled = set(settings.messaging.enabled_kinds)
    claimed: list[_Claimed] = []
    with Session(engine) as session:
        stmt = select(Message).where(or_(
            and_(Message.state == "queued", col(Message.next_attempt_at) <= now),
            and_(Message.state == "sending", col(Message.claim_expires_at) <= now),
        )).order_by(col(Message.priority).desc(), col(Message.next_attempt_at), col(Message.id)).limit(limit)
        if engine.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        for m in session.exec(stmt).all():
            order = session.get(Order, m.order_pk)
            alert = session.get(Alert, m.alert_id) if m.alert_id else None
            if m.kind not in enabled:
                m.state, m.last_error = "disabled", f"kind {m.kind} is not in messaging.enabled_kinds"
                report.skipped += 1
            elif alert is not None and alert.resolved_at is not None:
                m.state, m.last_error = "superseded", f"alert {alert.kind} resolved before sending"
                report.skipped += 1
            elif order is None:
                m.state, m.last_error = "failed", f"order {m.order_pk} no longer exists"
                report.failed += 1
            elif (at := next_in_window(now, buyer_zone(order.buyer_timezone, order.buyer_country),
                                       start, end)) != now:
                m.state, m.next_attempt_at = "queued", at  # quiet hours: wait for the morning
                m.claimed_by = m.claim_expires_at = None
                report.deferred += 1
            else:
                if m.state == "sending":
                    log.warning("message.reclaimed", message=m.id, previous_owner=m.claimed_by)
                m.state, m.claimed_by, m.claim_expires_at = "sending", owner, now + lease
                m.attempts += 1
                claimed.append(_Claimed(m.id or 0, m.idempotency_key, m.kind, m.language, m.recipient,
                                        dict(m.context or {}), m.attempts, order.order_id, order.store,
                                        order.buyer_timezone, order.buyer_country))
            session.add(m)
        session.commit()
    report.claimed += len(claimed)
    return claimed


def _finish(engine: Engine, message_pk: int, owner: str, **values: object) -> None:
    with Session(engine) as session:
        session.connection().execute(update(Message).where(
            col(Message.id) == message_pk, col(Message.state) == "sending",
            col(Message.claimed_by) == owner).values(**values))
        session.commit()


def renew_claim(engine: Engine, message_pk: int, owner: str, until: datetime) -> bool:
    """Extend this owner's claim on one row just before sending it; False when the claim was
    lost (it expired and another dispatcher took the row): then this one must not send."""
    with Session(engine) as session, session.begin():
        result = session.execute(update(Message).where(
            col(Message.id) == message_pk, col(Message.claimed_by) == owner,
            col(Message.state) == "sending").values(claim_expires_at=until))
        return bool(result.rowcount)


def release_claims(engine: Engine, owner: str, message_pks: list[int]) -> int:
    """Give claimed-but-unsent rows back to the queue (their attempt is not counted)."""
    if not message_pks:
        return 0
    with Session(engine) as session, session.begin():
        result = session.execute(update(Message).where(
            col(Message.id).in_(message_pks), col(Message.claimed_by) == owner,
            col(Message.state) == "sending").values(
                state="queued", claimed_by=None, claim_expires_at=None,
                attempts=Message.attempts - 1))
        return int(result.rowcount or 0)


def refresh_outbox_gauge(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.exec(select(Message.state, func.count()).group_by(Message.state)).all()
    counts = dict.fromkeys(STATES, 0) | {state: int(n) for state, n in rows}
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
    renderer = load_renderer(settings)
    rows = claim(engine, settings, now, owner, limit, report)
    if not rows:
        refresh_outbox_gauge(engine)
        return report
    own_channel = channel is None
    chan = channel or build_channel(settings)
    start, end = window_bounds(settings)
    lease = timedelta(seconds=settings.polling.lease_seconds)
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
            message_id = message_id_for(row.key)
            subject: str | None = None
            try:
                # bounded in time and size (messaging/sandbox.py), off the event loop
                rendered = await asyncio.to_thread(renderer.render, row.kind, row.language, row.context)
                subject = rendered.subject
                provider_id = await chan.send(OutgoingMessage(
                    idempotency_key=row.key, message_id=message_id, kind=row.kind,
                    language=rendered.language, recipient=row.recipient,
                    recipient_name=str(row.context.get("buyer_name") or ""), subject=rendered.subject,
                    text=rendered.text, html=rendered.html, order_id=row.order_id, store=row.store,
                    tracking_numbers=tuple(str(t.get("number")) for t in
                                           row.context.get("tracking_numbers") or [] if isinstance(t, dict)),
                ))
            except (DeliveryError, TemplateError) as exc:
                transient = isinstance(exc, TransientError)
                if transient and row.attempts < settings.messaging.max_attempts:
                    zone = buyer_zone(row.zone_name, row.country)
                    retry_at = next_in_window(now + backoff(row.attempts), zone, start, end)
                    _finish(engine, row.id, owner, state="queued", next_attempt_at=retry_at,
                            claimed_by=None, claim_expires_at=None, last_error=str(exc), subject=subject)
                    report.retried += 1
                    metrics.messages_sent.labels(channel=chan.name, outcome="retry").inc()
                    bound.warning("message.retry", error=str(exc), retry_at=retry_at.isoformat())
                else:
                    reason = str(exc) if not transient else f"gave up after {row.attempts} attempts: {exc}"
                    _finish(engine, row.id, owner, state="failed", claimed_by=None, claim_expires_at=None,
                            last_error=reason, subject=subject)
                    report.failed += 1
                    metrics.messages_sent.labels(channel=chan.name, outcome="failed").inc()
                    bound.error("message.failed", error=reason)
                continue
            _finish(engine, row.id, owner, state="sent", sent_at=now, provider_id=provider_id[:200],
                    message_id=message_id, subject=subject, claimed_by=None, claim_expires_at=None,
                    last_error=None)
            report.sent += 1
            metrics.messages_sent.labels(channel=chan.name, outcome="sent").inc()
            bound.info("message.sent", provider_id=provider_id[:200])
    finally:
        if own_channel:
            await chan.aclose()
    refresh_outbox_gauge(engine)
    return report
