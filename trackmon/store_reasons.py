"""Short human reasons for database refusals (pure): what `last_error` and the API show.

The SQL, its parameters and the driver's message go to the log, never to a stored reason:
`last_error` is read by sellers through the API and `trackmon check`.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError

from trackmon.models import Alert, Order, Shipment, ShipmentEvent, column_length

_TABLES = (ShipmentEvent, Shipment, Alert, Order)


def store_failure_reason(exc: SQLAlchemyError) -> str:
    """A short human reason for a database refusal (never SQL: that goes to the log)."""
    orig = getattr(exc, "orig", None)
    text = str(orig or exc).casefold()
    if isinstance(exc, DataError) and ("too long" in text or "truncat" in text):
        columns = _overlong_columns(exc)
        why = (f"value too long for {', '.join(columns)}" if columns
               else "a value is longer than its column allows")
    elif isinstance(exc, DataError):
        why = "a value has the wrong form for its column"
    elif isinstance(exc, IntegrityError):
        why = "it conflicts with what is stored"
    elif isinstance(exc, OperationalError):
        why = "the database is unavailable or busy"
    else:
        why = f"database error ({type(orig or exc).__name__})"
    return f"could not store the carrier's answer: {why}"


def _overlong_columns(exc: SQLAlchemyError) -> list[str]:
    """The columns (in table order) whose value in the refused statement was too long."""
    statement = getattr(exc, "statement", None) or ""
    params = getattr(exc, "params", None)
    rows = [r for r in (params if isinstance(params, list | tuple) else [params]) if isinstance(r, dict)]
    found: list[str] = []
    for model in _TABLES:
        if not re.search(rf'\b(INTO|UPDATE)\s+"?{model.__tablename__}"?\s', statement, re.IGNORECASE):
            continue
        too_long = set()
        for row in rows:
            for name, value in row.items():
                key = re.sub(r"__\d+$", "", name)  # a batched INSERT ... VALUES numbers its parameters
                limit = _length_or_none(model, key)
                if isinstance(value, str) and limit is not None and len(value) > limit:
                    too_long.add(key)
        found += [c.key for c in model.__table__.c if c.key in too_long]  # type: ignore[attr-defined]
    return found


def _length_or_none(model: type[Any], key: str) -> int | None:
    return column_length(model, key) if key in model.__table__.c else None
