"""Count the SQL statements an engine sends (SQLAlchemy's `before_cursor_execute` event).

    with StatementCounter(engine) as counter:
        ...
    counter.count          # statements sent to the database (an executemany counts once)
    counter.by_verb        # {"SELECT": n, "INSERT": n, "UPDATE": n, ...}

A statement is one round trip as the DB-API cursor sees it: `execute` or `executemany`
(SQLAlchemy's "insertmanyvalues" batches count once per batch it sends). BEGIN/COMMIT are
not cursor executions and are not counted; SAVEPOINTs are.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine, event


class StatementCounter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self.by_verb: Counter[str] = Counter()

    def _seen(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
              executemany: bool) -> None:
        self.count += 1
        self.by_verb[statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "?"] += 1

    def __enter__(self) -> StatementCounter:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def per(self, shipments: int) -> float | None:
        return round(self.count / shipments, 3) if shipments else None
