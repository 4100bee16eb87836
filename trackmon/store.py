"""The one way trackmon writes "insert, ignore on conflict" (SQLite and PostgreSQL alike).

Idempotency lives in unique keys: a row whose key already exists is left as it is and the
insert reports nothing for it. Callers build the statement here and execute it on whatever
connection or session they hold, for one row (``values``) or many (``execute(stmt, rows)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite

from trackmon.errors import InputError

_DIALECTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_ignore(dialect: str, table: Table | Any, key: Sequence[str], *,
                  returning: Sequence[str] = ()) -> Any:
    """``INSERT … ON CONFLICT (key) DO NOTHING [RETURNING …]`` for ``table`` (a Table or a model).

    ``dialect`` is the engine's dialect name (``bind.dialect.name``); ``returning`` names columns
    whose values come back for the rows actually inserted (none for the ignored ones).
    """
    try:
        insert = _DIALECTS[dialect]
    except KeyError:
        raise InputError(f"database dialect {dialect!r} is not supported (use SQLite or PostgreSQL)") from None
    target = getattr(table, "__table__", table)
    stmt = insert(target).on_conflict_do_nothing(index_elements=list(key))
    if returning:
        stmt = stmt.returning(*(target.c[name] for name in returning))
    return stmt


__all__ = ["insert_ignore"]
