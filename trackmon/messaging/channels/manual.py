"""The `manual` channel: buyer messages of orders without a buyer email.

Marketplaces (AliExpress, Amazon) do not give the seller the buyer's address; the seller
writes through the marketplace's message center. Such messages are planned like any other
(same kinds, caps and windows) but stored with channel `manual`: the dispatcher never
claims them, the console lists them ready to copy, and the seller marks each one sent or
skipped. Marking only moves a row out of `queued`, in one conditional UPDATE, so a
message marked sent is never offered again, whoever marks it and however often.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine, update
from sqlmodel import Session, col

from trackmon.domain import ensure_utc
from trackmon.errors import InputError
from trackmon.leases import RELEASED
from trackmon.messaging.states import MANUAL_MARKS, MessageState
from trackmon.models import Message, Order
from trackmon.settings import Settings

if TYPE_CHECKING:
    from trackmon.intake import IntakeRow

MANUAL = "manual"
#: What the seller may record for a manual message.
MARKS = MANUAL_MARKS


def has_no_email(order: Order | IntakeRow) -> bool:
    """The one test of "this order's buyer cannot be emailed" (marketplace orders)."""
    return not (order.buyer_email or "").strip()


def channel_for(order: Order, settings: Settings) -> str:
    """The channel a new buyer message of `order` goes to."""
    return MANUAL if has_no_email(order) else settings.messaging.channel


def recipient_for(order: Order) -> str:
    """Who a message is for: the buyer's email, or the order itself (keeps the per-buyer
    daily cap per order when there is no address)."""
    return MANUAL + f":order:{order.id}" if has_no_email(order) else order.buyer_email


def mark_manual(engine: Engine, message_ids: Sequence[int], mark: str, now: datetime) -> list[int]:
    """Record that the seller sent (or skipped) these manual messages; returns the ids that
    changed. Rows already marked, or not manual, are left alone (effectively once)."""
    if mark not in MARKS:
        raise InputError(f"mark must be one of {', '.join(MARKS)}, got {mark!r}", field="mark")
    if not message_ids:
        return []
    now = ensure_utc(now)
    values: dict[str, object] = {"state": mark, **RELEASED}
    if mark == MessageState.sent:
        values["sent_at"] = now
    else:
        values["last_error"] = "skipped by the seller"
    with Session(engine) as session, session.begin():
        rows = session.execute(update(Message).where(
            col(Message.id).in_(list(message_ids)), col(Message.channel) == MANUAL,
            col(Message.state) == MessageState.queued).values(**values).returning(col(Message.id))).all()
    return sorted(int(r[0]) for r in rows)


__all__ = ["MANUAL", "MARKS", "channel_for", "has_no_email", "mark_manual", "recipient_for"]
