"""The one lease: how a replica takes a row for a while, renews it, gives it back, and fences
its writes, for every leased table (shipments being polled, messages being sent, digest runs
being built). Each such table has the same two columns, `lease_owner` and `lease_expires_at`.

- **claim**: a row is free when it has no lease or its lease expired (`free`); the claimer sets
  `taken(owner, until)` in the same statement that selected it (PostgreSQL with
  `FOR UPDATE SKIP LOCKED`, SQLite inside its single writer), so two replicas never hold a row.
- **renew**: `renew` pushes the expiry of rows this owner still holds, just before slow work.
- **release**: `RELEASED` clears the lease, in the same write that records the outcome.
- **fence**: every write of a leased row's outcome is conditioned on `held_by(owner)`; a write
  that matches no row means the lease expired and another replica took the row: the outcome
  is dropped, never written twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, or_, update
from sqlmodel import Session

#: Values that clear a lease (merge into the outcome's UPDATE).
RELEASED: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}


def taken(owner: str, until: datetime) -> dict[str, Any]:
    """Values that give the row to `owner` until `until`."""
    return {"lease_owner": owner, "lease_expires_at": until}


def free(model: Any, now: datetime) -> Any:
    """The row has no lease, or its lease has expired by `now`."""
    return or_(model.lease_expires_at.is_(None), model.lease_expires_at <= now)


def expired(model: Any, now: datetime) -> Any:
    """The row was leased and the lease has run out (its owner died or stalled)."""
    return model.lease_expires_at <= now


def held_by(model: Any, owner: str) -> Any:
    """The fence: the row's lease is still `owner`'s."""
    return model.lease_owner == owner


def renew(session: Session, model: Any, ids: Sequence[int], owner: str, until: datetime, *where: Any) -> int:
    """Extend `owner`'s lease on `ids` to `until`; returns how many rows it still held."""
    if not ids:
        return 0
    result = session.execute(update(model).where(model.id.in_(list(ids)), held_by(model, owner), *where)
                             .values(lease_expires_at=until))
    return int(result.rowcount or 0)


def release_owned(engine: Engine, model: Any, owner: str) -> int:
    """Give back every lease `owner` holds on `model`'s rows (a clean shutdown: their work is
    simply due again); returns how many rows were released."""
    with Session(engine) as session, session.begin():
        result = session.execute(update(model).where(held_by(model, owner)).values(**RELEASED))
        return int(result.rowcount or 0)


__all__ = ["RELEASED", "expired", "free", "held_by", "release_owned", "renew", "taken"]
