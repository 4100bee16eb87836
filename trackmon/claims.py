"""Claiming due shipments with leases (and reading them for routing).

PostgreSQL locks due rows with `FOR UPDATE SKIP LOCKED` and writes the lease in the same
transaction, so replicas never claim the same shipment; SQLite does it in one
`UPDATE ... RETURNING` inside `BEGIN IMMEDIATE`. A crashed replica's leases expire after
`polling.lease_seconds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, or_, select, update

from trackmon.db import is_postgres
from trackmon.domain import ensure_utc
from trackmon.leases import free, taken
from trackmon.models import Shipment


def _due(now: datetime) -> tuple[Any, ...]:
    return (
        Shipment.active.is_(True),  # type: ignore[attr-defined]
        or_(Shipment.next_poll_at.is_(None), Shipment.next_poll_at <= now),  # type: ignore[union-attr,operator]
        free(Shipment, now),
    )


def count_due(engine: Engine, now: datetime) -> int:
    """How many shipments a poll at `now` would claim (for a progress bar)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Shipment).where(*_due(ensure_utc(now))))
                   .scalar_one())


def claim_due(engine: Engine, now: datetime, *, owner: str, limit: int, lease_seconds: float) -> list[int]:
    """Lease up to `limit` due shipments to `owner`; returns their ids (oldest due first)."""
    now = ensure_utc(now)
    expires = now + timedelta(seconds=lease_seconds)
    due = (select(Shipment.id).where(*_due(now))
           .order_by(Shipment.next_poll_at.asc().nullsfirst(), Shipment.id).limit(limit))  # type: ignore[union-attr]
    lease = taken(owner, expires)
    with engine.begin() as conn:
        if is_postgres(engine):
            ids = list(conn.execute(due.with_for_update(skip_locked=True)).scalars())
            if ids:
                conn.execute(update(Shipment).where(Shipment.id.in_(ids)).values(**lease))  # type: ignore[union-attr]
            return ids
        stmt = (update(Shipment).where(Shipment.id.in_(due.scalar_subquery()))  # type: ignore[union-attr]
                .values(**lease).returning(Shipment.id))
        return sorted(conn.execute(stmt).scalars())


def load_shipments(engine: Engine, ids: Sequence[int]) -> list[Any]:
    """(id, tracking_number, carrier, answer_digest) of the claimed shipments, for routing and
    for the adapter to know which answers it holds already (plain rows)."""
    s = Shipment
    with engine.connect() as conn:
        return list(conn.execute(select(s.id, s.tracking_number, s.carrier, s.answer_digest)  # type: ignore[call-overload]
                                 .where(s.id.in_(ids)).order_by(s.id)))  # type: ignore[union-attr]
