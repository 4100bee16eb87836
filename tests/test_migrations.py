"""Migrations: upgrade an empty database on each backend, then compare with the models."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from trackmon import schema
from trackmon.db import make_engine
from trackmon.errors import StoreError


def test_upgrade_creates_exactly_the_model_tables(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert schema.current(engine) is None
        assert schema.upgrade(engine) == schema.head_revision()
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        assert tables == set(SQLModel.metadata.tables)
        assert schema.differences(engine) == []
    finally:
        engine.dispose()


def test_upgrading_twice_is_harmless(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        first = schema.upgrade(engine)
        second = schema.upgrade(engine)
        assert first == second == schema.current(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        engine.dispose()


def test_differences_detects_a_model_change_without_migration(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        schema.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_alerts_kind"))
        diffs = schema.differences(engine)
        assert any(d[0] == "add_index" and d[1].name == "ix_alerts_kind" for d in diffs)
    finally:
        engine.dispose()


def test_upgrade_accepts_a_url(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert schema.upgrade(url) == schema.head_revision()
    assert schema.current(url) == schema.head_revision()


def test_unreachable_database_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError):
        schema.upgrade(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")


@pytest.mark.postgres
def test_two_replicas_upgrading_at_once_migrate_once(pg_schema: str) -> None:
    errors: list[BaseException] = []
    results: list[str | None] = []

    def replica() -> None:
        try:
            results.append(schema.upgrade(pg_schema))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert results == [schema.head_revision()] * 3
    assert schema.differences(pg_schema) == []


def test_the_quick_head_check_agrees_with_alembic(tmp_path) -> None:
    from trackmon.db import _current_revision, _head_from_files, make_engine, upgrade_schema

    assert _head_from_files() == schema.head_revision()
    engine = make_engine(f"sqlite:///{tmp_path / 'quick.db'}")
    assert _current_revision(engine) is None
    assert upgrade_schema(engine) == schema.head_revision() == _current_revision(engine)
    assert upgrade_schema(engine) == schema.head_revision()  # already there: one query, no Alembic
    engine.dispose()
