"""The installation secret (shared through the database) and the tokens signed with it."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from trackmon import installation
from trackmon.db import make_engine
from trackmon.installation import installation_id, installation_secret, sign, verify


def test_secret_is_created_once_and_shared_by_every_process(engine: Engine, now) -> None:
    first = installation_secret(engine, now)
    installation._SECRETS.clear()  # a new process: nothing cached
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        assert installation_secret(other, now) == first
    finally:
        other.dispose()
    assert len(first) == 32


def test_concurrent_first_use_agrees(database_url: str, now) -> None:
    from sqlmodel import SQLModel

    base = make_engine(database_url)
    SQLModel.metadata.create_all(base)
    results: list[bytes] = []

    def take() -> None:
        eng = make_engine(database_url)
        try:
            results.append(installation_secret(eng, now))
        finally:
            eng.dispose()

    installation._SECRETS.clear()
    threads = [threading.Thread(target=take) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    base.dispose()
    assert len(results) == 3 and len(set(results)) == 1


def test_two_installations_have_different_secrets_and_ids(tmp_path, now) -> None:
    from sqlmodel import SQLModel

    secrets = []
    for name in ("a", "b"):
        eng = make_engine(f"sqlite:///{tmp_path / name}.db")
        SQLModel.metadata.create_all(eng)
        secrets.append(installation_secret(eng, now))
        eng.dispose()
    assert secrets[0] != secrets[1]
    assert installation_id(secrets[0]) != installation_id(secrets[1])
    assert secrets[0].hex()[:16] not in installation_id(secrets[0])


def test_token_round_trip_and_refusals() -> None:
    secret, other = b"s" * 32, b"t" * 32
    token = sign(secret, "track", "order:42")
    assert verify(secret, "track", token) == "order:42"
    assert verify(secret, "unsubscribe", token) is None      # another purpose
    assert verify(other, "track", token) is None             # another installation
    _, mac = token.split(".")
    forged = sign(secret, "track", "order:43").split(".")[0] + "." + mac
    assert verify(secret, "track", forged) is None           # value swapped
    for garbage in ("", ".", "abc", "a.b.c", "%%%.%%%", "x" * 600, "YQ.", "ü.ü"):
        assert verify(secret, "track", garbage) is None
    assert "/" not in token and "+" not in token and "=" not in token


def test_inside_an_open_write_transaction_the_secret_is_made_there_and_cached_only_once_committed(
        engine: Engine, now) -> None:
    from sqlmodel import Session

    from trackmon.models import Installation, Order

    installation._SECRETS.clear()
    with Session(engine) as session:  # as in ingest: rows written, SQLite's write lock held
        session.add(Order(order_id="A1", buyer_email="a@example.com", created_at=now, updated_at=now))
        session.flush()
        made = installation_secret(session.connection(), now)
        assert installation._SECRETS == {}  # not committed yet: not trusted
        session.rollback()
    with Session(engine) as session:
        assert session.get(Installation, 1) is None  # rolled back with the transaction
    kept = installation_secret(engine, now)
    assert kept != made
    with Session(engine) as session:
        assert installation_secret(session.connection(), now) == kept
