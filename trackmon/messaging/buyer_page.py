"""The buyer's own tracking page `/t/{token}`: its token and the link emails give.

A token carries the order's primary key, signed with the installation's secret for the
purpose `tracking-page` (`trackmon.installation`): unguessable, accepted by every replica
and every later process, and refused for any other purpose.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine

from trackmon.installation import installation_secret, order_of, sign_order
from trackmon.settings import Settings

PURPOSE = "tracking-page"


def page_token(secret: bytes, order_pk: int) -> str:
    return sign_order(secret, PURPOSE, order_pk)


def order_pk_of(secret: bytes, token: str) -> int | None:
    """The order a token names, or None when it is malformed or forged."""
    return order_of(secret, PURPOSE, token)


def page_path(secret: bytes, order_pk: int) -> str:
    return f"/t/{page_token(secret, order_pk)}"


def buyer_page_url(bind: Engine | Connection, order_pk: int | None, settings: Settings,
                   now: datetime) -> str | None:
    """The public tracking page of an order when `public_base_url` is set, else None."""
    base = (settings.public_base_url or "").strip().rstrip("/")
    if not base or order_pk is None:
        return None
    return base + page_path(installation_secret(bind, now), order_pk)
