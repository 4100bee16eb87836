"""Schema management: Alembic upgrades run from code, and a models-vs-migrations check.

`upgrade(engine_or_url)` is called at the start of `run`, `import` and `demo` (and by
`trackmon db upgrade`). Upgrading twice is harmless. On PostgreSQL the whole upgrade runs
in one transaction holding an advisory lock, so two replicas starting at once do not both
migrate: the second waits, then finds the schema at head and does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import structlog
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import trackmon.models  # noqa: F401  (registers the tables)
from trackmon.db import make_engine
from trackmon.errors import StoreError
from trackmon.models import UTCDateTime

log = structlog.get_logger("trackmon.schema")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: pg_advisory_xact_lock key: "trackmon" as a number, shared by every replica.
ADVISORY_LOCK_KEY = 0x747261636B6D6F6E


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config built in code (no alembic.ini); works from an installed package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("version_path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _engine(engine_or_url: Engine | str) -> tuple[Engine, bool]:
    if isinstance(engine_or_url, Engine):
        return engine_or_url, False
    return make_engine(engine_or_url), True


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> str | None:
    """Bring the database to `revision` (default head); returns the revision now current."""
    engine, owned = _engine(engine_or_url)
    try:
        before = current(engine)
        with engine.connect() as conn:
            # SQLite rebuilds a table to alter it (copy, drop, rename): with foreign keys on,
            # dropping a parent such as `orders` would break its children. They are switched
            # off outside the transaction (the only place SQLite allows it), checked before
            # the commit, and switched on again for the pooled connection.
            raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK_KEY})
                    command.upgrade(alembic_config(conn), revision)
                    if raw is not None and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise StoreError("database upgrade failed: it would leave rows pointing at "
                                         "missing rows (PRAGMA foreign_key_check)")
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
        after = current(engine)
        if before != after:
            log.info("schema.upgraded", from_revision=before, to_revision=after)
        return after
    except OperationalError as exc:
        raise StoreError(f"database upgrade failed: {exc.orig}") from exc
    finally:
        if owned:
            engine.dispose()


def current(engine_or_url: Engine | str) -> str | None:
    """The revision the database is at (None: never migrated)."""
    engine, owned = _engine(engine_or_url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise StoreError(f"database unreachable: {exc.orig}") from exc
    finally:
        if owned:
            engine.dispose()


def differences(engine_or_url: Engine | str) -> list[Any]:
    """What differs between the database and the models (empty: they agree).

    After `upgrade`, a non-empty answer means a model changed without a migration.
    """
    engine, owned = _engine(engine_or_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(ctx, SQLModel.metadata))
    finally:
        if owned:
            engine.dispose()


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render model-specific column types as plain SQLAlchemy types in new revisions."""
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False
