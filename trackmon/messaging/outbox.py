"""Outbox queries for operators: list messages, put failed ones back in the queue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from trackmon.domain import ensure_utc
from trackmon.errors import InputError
from trackmon.messaging.states import ALL_STATES, RETRYABLE_STATES, MessageState
from trackmon.models import Message, Order

LISTABLE_STATES = ALL_STATES


def list_messages(engine: Engine, *, states: Sequence[str] = (), kind: str | None = None,
                  order_id: str | None = None, limit: int = 50) -> list[dict[str, object]]:
    unknown = [s for s in states if s not in LISTABLE_STATES]
    if unknown:
        raise InputError(f"unknown state(s) {', '.join(unknown)}; known: {', '.join(LISTABLE_STATES)}",
                         field="state")
    with Session(engine) as session:
        q = select(Message, Order).join(Order, col(Order.id) == col(Message.order_pk))
        if states:
            q = q.where(col(Message.state).in_(list(states)))
        if kind:
            q = q.where(Message.kind == kind)
        if order_id:
            q = q.where(Order.order_id == order_id)
        q = q.order_by(col(Message.next_attempt_at).desc(), col(Message.id).desc()).limit(limit)
        return [{
            "id": m.id, "state": m.state, "kind": m.kind, "cause": m.cause, "order_id": o.order_id,
            "store": o.store, "recipient": m.recipient, "language": m.language, "channel": m.channel,
            "attempts": m.attempts, "next_attempt_at": m.next_attempt_at.isoformat(),
            "sent_at": m.sent_at.isoformat() if m.sent_at else None, "subject": m.subject,
            "message_id": m.message_id, "provider_id": m.provider_id, "last_error": m.last_error,
        } for m, o in session.exec(q).all()]


def retry_messages(engine: Engine, now: datetime, *, ids: Sequence[int] = (),
                   all_failed: bool = False) -> list[int]:
    """Queue failed messages again (now, attempts reset); returns the ids re-queued."""
    now = ensure_utc(now)
    if not ids and not all_failed:
        raise InputError("give message ids or --all-failed")
    with Session(engine) as session:
        q = select(Message)
        q = q.where(col(Message.id).in_(list(ids))) if ids else q.where(Message.state == MessageState.failed)
        rows = list(session.exec(q).all())
        missing = sorted(set(ids) - {m.id for m in rows})
        if missing:
            raise InputError(f"no message with id {', '.join(map(str, missing))}", field="id")
        wrong = [f"{m.id} ({m.state})" for m in rows if m.state not in RETRYABLE_STATES]
        if wrong:
            raise InputError(f"only failed, superseded or disabled messages can be retried: {', '.join(wrong)}",
                             field="id")
        for m in rows:
            m.state, m.attempts, m.next_attempt_at = MessageState.queued, 0, now
            m.lease_owner = m.lease_expires_at = None
            session.add(m)
        session.commit()
        return sorted(m.id for m in rows if m.id is not None)
