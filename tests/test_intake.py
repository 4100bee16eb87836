"""Intake: row validation and idempotent upserts of orders and parcels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from trackmon.errors import InputError
from trackmon.intake import IntakeReport, Outcome, apply_row, import_rows, validate_row
from trackmon.models import Order, Shipment

GOOD = {"order_id": "A-1", "tracking_number": "rr 1234 5678 5cn", "buyer_email": "anna@example.com"}


def test_minimal_row_is_normalized_and_carrier_detected() -> None:
    row = validate_row(GOOD)
    assert row.tracking_number == "RR123456785CN"
    assert row.carrier == "china-post"
    assert row.store == "default"


def test_optional_fields_are_normalized() -> None:
    row = validate_row({**GOOD, "carrier": "UPS", "buyer_language": "pt-BR", "buyer_country": "br",
                        "buyer_timezone": "America/Sao_Paulo", "shipped_at": "2026-11-20T08:30:00+08:00",
                        "promised_delivery": "2026-12-15", "store": " shop-b ", "buyer_name": " Ana "})
    assert row.carrier == "ups"
    assert row.buyer_language == "pt"
    assert row.buyer_country == "BR"
    assert row.shipped_at == datetime(2026, 11, 20, 0, 30, tzinfo=UTC)
    assert row.promised_delivery == date(2026, 12, 15)
    assert row.store == "shop-b"
    assert row.buyer_name == "Ana"


def test_shipped_at_without_zone_is_utc() -> None:
    assert validate_row({**GOOD, "shipped_at": "2026-11-20 08:30"}).shipped_at == datetime(
        2026, 11, 20, 8, 30, tzinfo=UTC)
    assert validate_row({**GOOD, "shipped_at": "2026-11-20"}).shipped_at == datetime(2026, 11, 20, tzinfo=UTC)


@pytest.mark.parametrize(("field", "value", "needle"), [
    ("order_id", "", "order_id is empty"),
    ("buyer_email", "not-an-email", "buyer_email"),
    ("buyer_email", "a@example.com\r\nBcc: x@evil.test", "line break"),
    ("buyer_name", "Anna\nBcc: x", "line break"),
    ("tracking_number", "RR123456784CN", "check digit"),
    ("tracking_number", "AB", "characters"),
    ("buyer_language", "klingonese", "buyer_language"),
    ("buyer_country", "XX", "ISO 3166"),
    ("buyer_timezone", "Mars/Olympus", "time zone"),
    ("shipped_at", "yesterday", "not a date"),
    ("shipped_at", "03/04/2026", "--date-format"),
    ("promised_delivery", "31/02/2026", "not a real date"),
    ("carrier", "x" * 41, "carrier"),
    ("order_id", "x" * 101, "at most 100"),
])
def test_bad_values_are_refused_naming_the_field(field: str, value: str, needle: str) -> None:
    with pytest.raises(InputError) as info:
        validate_row({**GOOD, field: value}, line=7)
    assert info.value.field == field
    assert info.value.line == 7
    assert needle in str(info.value)


def test_apply_row_is_idempotent(engine, now) -> None:
    row = validate_row({**GOOD, "buyer_name": "Anna"})
    with Session(engine) as s, s.begin():
        outcome, order, shipment = apply_row(s, row, now)
        assert outcome is Outcome.added
        assert shipment.next_poll_at == now and shipment.created_at == now
    later = now + timedelta(hours=1)
    with Session(engine) as s, s.begin():
        outcome, order, _ = apply_row(s, row, later)
        assert outcome is Outcome.unchanged
        assert order.updated_at == now
    with Session(engine) as s:
        assert len(s.exec(select(Order)).all()) == 1
        assert len(s.exec(select(Shipment)).all()) == 1


def test_empty_optional_value_keeps_stored_one_and_change_updates(engine, now) -> None:
    with Session(engine) as s, s.begin():
        apply_row(s, validate_row({**GOOD, "buyer_name": "Anna", "buyer_language": "de"}), now)
    later = now + timedelta(hours=1)
    with Session(engine) as s, s.begin():
        outcome, order, _ = apply_row(s, validate_row({**GOOD, "buyer_language": "fr"}), later)
        assert outcome is Outcome.updated
    with Session(engine) as s:
        order = s.exec(select(Order)).one()
        assert (order.buyer_name, order.buyer_language, order.updated_at) == ("Anna", "fr", later)


def test_several_rows_of_one_order_are_one_order_with_parcels(engine, now) -> None:
    rows = [(2, GOOD), (3, {**GOOD, "tracking_number": "1Z999AA10123456784"}),
            (4, {**GOOD, "tracking_number": "RR123456784CN"}),   # bad check digit
            (5, {**GOOD, "order_id": "A-2"})]                      # same number, other order
    report = import_rows(engine, rows, now, chunk_size=2)
    assert (report.added, report.updated, report.unchanged) == (3, 0, 0)
    assert [(r.line, "check digit" in r.reason) for r in report.rejected] == [(4, True)]
    with Session(engine) as s:
        orders = {o.order_id: o for o in s.exec(select(Order)).all()}
        assert set(orders) == {"A-1", "A-2"}
        parcels = s.exec(select(Shipment).where(Shipment.order_pk == orders["A-1"].id)).all()
        assert sorted((p.tracking_number, p.carrier) for p in parcels) == [
            ("1Z999AA10123456784", "ups"), ("RR123456785CN", "china-post")]
    again = import_rows(engine, rows, now + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged, len(again.rejected)) == (0, 0, 3, 1)


def test_same_order_id_in_two_stores_is_two_orders(engine, now) -> None:
    import_rows(engine, [(2, GOOD), (3, {**GOOD, "store": "other"})], now)
    with Session(engine) as s:
        assert sorted(o.store for o in s.exec(select(Order)).all()) == ["default", "other"]


def test_report_as_dict() -> None:
    report = IntakeReport(added=1)
    assert report.as_dict() == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 0,
                                "rejections": [], "warnings": []}
