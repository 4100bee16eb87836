"""Engine creation: SQLite (WAL, busy timeout, foreign keys) or PostgreSQL."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from trackmon.errors import ConfigError
from trackmon.files import private_file
from trackmon.redact import mask_url


def normalize_url(url: str) -> str:
    """Accept `postgres://` and `postgresql://` and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str, *, echo: bool = False, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ConfigError(f"database_url {mask_url(url)!r} is not a database URL "
                          "(e.g. sqlite:///trackmon.db or postgresql://user@host/db)",
                          key="database_url") from None
    if parsed.get_backend_name() == "sqlite":
        _private_sqlite_files(parsed.database)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30,
                               "check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                             **kwargs)
    raise ConfigError(f"database_url: backend {parsed.get_backend_name()!r} is not supported; "
                      "use sqlite or postgresql", key="database_url")


def _private_sqlite_files(database: str | None) -> None:
    """The database file is created 0600 before SQLite opens it (SQLite gives its WAL and SHM
    files the database file's mode); files this user already owns are tightened to 0600."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    if not path.parent.is_dir():
        return  # SQLite will say the folder is missing
    private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        sibling = path.with_name(path.name + suffix)
        if sibling.exists():
            private_file(sibling)


def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE: writers queue on the busy
    # timeout instead of failing with "database is locked" on lock upgrade.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def upgrade_schema(engine: Engine) -> str | None:
    """Migrate the database to the newest revision (Alembic is imported only when needed, so
    `trackmon --help` and `trackmon check` start without it, and a database already at the
    newest revision is checked with one query)."""
    head = _head_from_files()
    if head is not None and _current_revision(engine) == head:
        return head
    from trackmon import schema

    return schema.upgrade(engine)


_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|None)', re.MULTILINE)


@cache
def _head_from_files() -> str | None:
    """The newest revision read from the migration files' `revision` / `down_revision` lines;
    None when that is not one plain chain's head (branches, merges): then Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (Path(__file__).parent / "migrations" / "versions").glob("*.py"):
        found = {m.group(1): m.group(2) for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if "revision" not in found:
            continue
        if found["revision"] is None:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(str(found["down_revision"]))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except (OperationalError, ProgrammingError):  # no table yet: never migrated
        return None
    return rows[0] if len(rows) == 1 else None
