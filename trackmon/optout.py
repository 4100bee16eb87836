"""Buyers who unsubscribed: the signed link in every buyer email, and the opt-out record.

The link is `{public_base_url}/unsubscribe/{token}`, the token signed with the installation's
secret for the purpose "unsubscribe" and carrying the order's primary key (no address in the
URL). Opting out is per store and buyer address: an opted-out buyer gets no more proactive
updates from that store, exception messages included — every trackmon email is one the buyer
did not ask for, and RFC 8058 unsubscribes from exactly those. The seller sees the opt-out in
the digest, in `trackmon alerts` and in the API, and talks to the buyer directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, col, select

from trackmon.installation import order_of, sign_order
from trackmon.models import BuyerOptOut, Order
from trackmon.settings import Settings
from trackmon.store import insert_ignore

PURPOSE = "unsubscribe"


def unsubscribe_token(secret: bytes, order_pk: int) -> str:
    return sign_order(secret, PURPOSE, order_pk)


def order_of_token(secret: bytes, token: str) -> int | None:
    """The order primary key a token was made for, or None when it is forged or malformed."""
    return order_of(secret, PURPOSE, token)


def unsubscribe_url(settings: Settings, secret: bytes, order_pk: int) -> str | None:
    """The one-click URL of an order's emails; None when `public_base_url` is not set."""
    if not settings.public_base_url:
        return None
    return f"{settings.public_base_url}/unsubscribe/{unsubscribe_token(secret, order_pk)}"


def record_opt_out(session: Session, order: Order, now: datetime, *, via: str) -> bool:
    """Remember that this order's buyer opted out of the order's store; True when new."""
    stmt = insert_ignore(session.get_bind().dialect.name, BuyerOptOut, ("store", "email"))
    result = session.execute(stmt.values(
        store=order.store, email=order.buyer_email, order_pk=order.id, via=via, opted_out_at=now))
    return bool(result.rowcount)


def opted_out_at(session: Session, store: str, email: str) -> datetime | None:
    return session.exec(select(BuyerOptOut.opted_out_at).where(
        BuyerOptOut.store == store, BuyerOptOut.email == email)).first()


def opted_out_orders(session: Session, order_pks: Iterable[int]) -> dict[int, datetime]:
    """For these orders, the ones whose buyer opted out of the order's store, and when."""
    pks = sorted(set(order_pks))
    out: dict[int, datetime] = {}
    for i in range(0, len(pks), 500):
        rows = session.exec(select(Order.id, BuyerOptOut.opted_out_at).join(
            BuyerOptOut, (BuyerOptOut.store == Order.store)
            & (BuyerOptOut.email == Order.buyer_email)).where(
            col(Order.id).in_(pks[i:i + 500]))).all()
        out.update({int(pk): at for pk, at in rows if pk is not None})
    return out
