"""A bench database: SQLite file or a dedicated PostgreSQL schema, seeded with N active shipments."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, select, text, update
from sqlmodel import SQLModel

import trackmon.models  # noqa: F401  (registers the tables)
from bench.standin import NOW
from carriers.numbers import detect_carrier
from trackmon.db import make_engine
from trackmon.models import Order, Shipment

CHUNK = 5000
LANGUAGES = ("en", "ru", "es", "pt", "fr", "de")
COUNTRIES = ("US", "RU", "ES", "BR", "FR", "DE")


def _schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def database(backend: str, workdir: Path, postgres_url: str) -> Iterator[Engine]:
    """An empty trackmon database for one run; the PostgreSQL schema is dropped afterwards."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{workdir / 'bench.db'}")
        SQLModel.metadata.create_all(engine)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(_schema_url(postgres_url, schema))
    try:
        SQLModel.metadata.create_all(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def seed(engine: Engine, numbers: Sequence[str], *, due: int) -> None:
    """One order and one active shipment per number; the first `due` are due at NOW."""
    created = NOW - timedelta(days=25)
    later = NOW + timedelta(days=1)
    with engine.begin() as conn:
        for start in range(0, len(numbers), CHUNK):
            chunk = range(start, min(start + CHUNK, len(numbers)))
            conn.execute(insert(Order), [{
                "store": "bench", "order_id": f"B{i:07d}", "buyer_name": f"Buyer {i}",
                "buyer_email": f"buyer{i}@example.test", "buyer_language": LANGUAGES[i % 6],
                "buyer_country": COUNTRIES[i % 6], "shipped_at": created,
                "created_at": created, "updated_at": created} for i in chunk])
        order_ids = dict(conn.execute(select(Order.order_id, Order.id).where(Order.store == "bench")).all())
        for start in range(0, len(numbers), CHUNK):
            conn.execute(insert(Shipment), [{
                # the carrier an import stores: the seller's, else the one its number's format names
                "order_pk": order_ids[f"B{i:07d}"], "tracking_number": numbers[i], "status": "not_found",
                "carrier": detect_carrier(numbers[i]).carrier,
                "active": True, "next_poll_at": None if i < due else later, "created_at": created}
                for i in range(start, min(start + CHUNK, len(numbers)))])
    if engine.dialect.name == "postgresql":
        # A live database has planner statistics: autovacuum analyzes a table within a minute of
        # a bulk insert. Polled seconds after the seed without them, PostgreSQL reads a batch's
        # parcels by a sequential scan of the whole table (3 ms a batch at 10k, about 30 at 100k)
        # that no running daemon sees for longer than that minute.
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))


def make_due_again(engine: Engine, limit: int) -> None:
    """Make the first `limit` shipments due at NOW again (a second pass: nothing new to fetch)."""
    with engine.begin() as conn:
        ids = select(Shipment.id).order_by(Shipment.id).limit(limit).scalar_subquery()
        conn.execute(update(Shipment).where(Shipment.id.in_(ids), Shipment.active.is_(True))
                     .values(next_poll_at=NOW - timedelta(seconds=1)))
