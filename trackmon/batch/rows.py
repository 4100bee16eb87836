"""Plain row objects for the batch store: a table's row read with Core, held as attributes.

The batch reads its shipments, orders and alerts once, changes them in memory and writes them
back with one bulk statement per table (`batch.writes`), so it needs none of what the ORM
adds to a row (identity map, change tracking, lazy loading) and pays for none of it: a row
object has exactly the table's columns as attributes, named as on the model, with the values
the column types give (aware UTC datetimes, JSON as dicts). Code written for the model reads
and sets them alike (`ingest.apply_state`, `poller.reschedule`, detection, planning);
`models.model_of` gives the model back where the columns' limits are needed (`models.fit_instance`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, SQLModel


def columns_of(model: type[SQLModel]) -> tuple[str, ...]:
    return tuple(column.name for column in model.__table__.columns)  # type: ignore[attr-defined]


@functools.cache
def row_type(model: type[SQLModel]) -> type:
    """The plain row class of a table model: a slot per column, built from rows in column order."""
    names = columns_of(model)

    def __repr__(self: Any) -> str:
        return f"{model.__name__}Row(id={getattr(self, 'id', None)!r})"

    return type(f"{model.__name__}Row", (), {"__slots__": names, "__model__": model, "__repr__": __repr__,
                                              "__doc__": f"A {model.__name__} row read for the batch store."})


def read_rows(session: Session, model: type[SQLModel], *where: ColumnElement[bool],
              order_by: Sequence[Any] = (), for_update: bool = False) -> list[Any]:
    """The rows of `model` matching `where`, as plain row objects (`row_type`)."""
    table = model.__table__  # type: ignore[attr-defined]
    stmt = select(*table.columns).where(*where)
    if order_by:
        stmt = stmt.order_by(*order_by)
    if for_update:
        stmt = stmt.with_for_update()
    return list(as_rows(model, session.connection().execute(stmt)))  # Core: no ORM result handling


def as_rows(model: type[SQLModel], rows: Iterable[Sequence[Any]]) -> Iterable[Any]:
    cls = row_type(model)
    names = columns_of(model)
    new = object.__new__
    for values in rows:
        obj = new(cls)
        for name, value in zip(names, values, strict=True):
            setattr(obj, name, value)
        yield obj


__all__ = ["as_rows", "columns_of", "read_rows", "row_type"]
