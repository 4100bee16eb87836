"""Orders without a buyer email (AliExpress, Amazon): stored, planned, never sent by email."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from tests.messaging.conftest import make_settings, messages, plan, seed_order
from trackmon.intake import import_rows, validate_row
from trackmon.messaging.channels.manual import MANUAL, has_no_email
from trackmon.messaging.dispatch import dispatch_due
from trackmon.models import Order

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # 11:00 in Madrid


def test_row_without_email_is_valid_and_stored_without_one(engine: Engine, now: datetime) -> None:
    row = validate_row({"order_id": "8123", "tracking_number": "RR123456785CN", "buyer_country": "Spain"})
    assert row.buyer_email is None and has_no_email(row)
    report = import_rows(engine, [(2, {"order_id": "8123", "tracking_number": "RR123456785CN"})], now)
    assert (report.added, report.rejected) == (1, [])
    with Session(engine) as s:
        order = s.exec(select(Order)).one()
        assert order.buyer_email is None and has_no_email(order)


def test_email_added_later_is_kept_and_none_never_erases_it(engine: Engine, now: datetime) -> None:
    base = {"order_id": "8123", "tracking_number": "RR123456785CN"}
    import_rows(engine, [(2, {**base, "buyer_email": "ana@example.com"})], now)
    import_rows(engine, [(2, base)], now)
    with Session(engine) as s:
        assert s.exec(select(Order)).one().buyer_email == "ana@example.com"


async def test_message_is_planned_for_the_manual_channel_and_not_dispatched(engine: Engine, tmp_path: Path) -> None:
    settings = make_settings(channel="file", file_dir=str(tmp_path))
    silent = seed_order(engine, created=T0, email=None, order_id="AE-1")  # type: ignore[arg-type]
    mailed = seed_order(engine, created=T0, order_id="SH-1")
    assert plan(engine, silent, T0, settings) == 1
    assert plan(engine, mailed, T0, settings) == 1
    [m] = messages(engine, silent)
    assert (m.kind, m.channel, m.recipient, m.state) == ("shipped", MANUAL, f"manual:order:{silent}", "queued")
    report = await dispatch_due(engine, settings, T0, owner="r")
    assert (report.claimed, report.sent, report.failed) == (1, 1, 0)  # only the order with an email
    [m] = messages(engine, silent)
    assert (m.state, m.attempts) == ("queued", 0)
    assert len(list(tmp_path.glob("*.eml"))) == 1


def test_post_orders_accepts_an_order_without_email(engine: Engine, now: datetime) -> None:
    from tests.test_api import AUTH, make_client

    client = make_client(engine, now)
    body = {"order_id": "8190000000000001", "buyer_country": "Russia", "buyer_language": "Russian",
            "tracking_numbers": ["RR123456785CN"]}
    r = client.post("/orders", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    order = r.json()["order"]
    assert (order["buyer_email"], order["buyer_country"], order["buyer_language"]) == (None, "RU", "ru")
    assert client.post("/orders", json=body, headers=AUTH).json()["outcome"] == "unchanged"
    bad = client.post("/orders", json={**body, "buyer_email": "not-an-email"}, headers=AUTH)
    assert bad.status_code == 422 and "buyer_email" in bad.text
