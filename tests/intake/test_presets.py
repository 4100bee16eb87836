"""Order exports as shops write them: one realistic file per preset (tests/intake/fixtures)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from trackmon.csv_import import ImportOptions, import_csv
from trackmon.errors import InputError
from trackmon.intake import IntakeReport, RowOptions
from trackmon.intake_presets import PRESETS, build_map, detect
from trackmon.models import Order, Shipment

FIXTURES = Path(__file__).parent / "fixtures"
LANGUAGES = frozenset({"en", "ru", "es", "pt", "fr", "de"})


def run(engine: Engine, now: datetime, name: str, **options) -> tuple[str, IntakeReport, dict[str, Order],
                                                                        dict[str, list[Shipment]]]:
    opts = ImportOptions(rows=RowOptions(languages=LANGUAGES, date_order=options.pop("date_order", None)),
                         **options)
    table, report = import_csv(engine, FIXTURES / name, now, options=opts)
    with Session(engine) as s:
        orders = {o.order_id: o for o in s.exec(select(Order)).all()}
        parcels = {oid: list(s.exec(select(Shipment).where(Shipment.order_pk == o.id)
                                    .order_by(Shipment.id)).all()) for oid, o in orders.items()}
    return table.preset, report, orders, parcels


def numbers(parcels: list[Shipment]) -> list[str]:
    return [p.tracking_number for p in parcels]


def test_shopify_export_with_a_fulfilment_apps_tracking_columns(engine: Engine, now: datetime) -> None:
    preset, report, orders, parcels = run(engine, now, "shopify_orders_export.csv")
    assert preset == "shopify"
    # #1003 is not fulfilled, #1001's second line item has no tracking: skipped, not refused
    assert (report.added, report.skipped, report.rejected) == (4, 2, [])
    assert sorted(orders) == ["#1001", "#1002", "#1004"]
    assert numbers(parcels["#1002"]) == ["LZ200000023CN", "UA300000030CN"]  # two numbers in one cell
    o = orders["#1001"]
    assert (o.buyer_email, o.buyer_name, o.buyer_country) == ("emma.johnson@example.com", "Emma Johnson", "US")
    assert o.shipped_at == datetime(2026, 11, 20, 1, 12, 44, tzinfo=UTC)  # "+0800" honoured
    assert parcels["#1004"][0].carrier == "yanwen"  # Tracking Company


def test_shopify_export_without_tracking_column_says_what_to_add(engine: Engine, now: datetime,
                                                                  tmp_path: Path) -> None:
    lines = (FIXTURES / "shopify_orders_export.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")[:-2]  # Shopify's own export: no Tracking Number / Tracking Company
    path = tmp_path / "orders_export.csv"
    path.write_text(",".join(header) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="Tracking Number") as info:
        import_csv(engine, path, now)
    assert "shopify" in str(info.value) and "Nothing was imported" in str(info.value)


def test_woocommerce_advanced_order_export(engine: Engine, now: datetime) -> None:
    preset, report, orders, parcels = run(engine, now, "woocommerce_advanced_order_export.csv")
    assert preset == "woocommerce"
    assert (report.added, report.skipped, report.rejected) == (2, 1, [])  # 4103 is still processing
    o = orders["4101"]
    assert (o.buyer_name, o.buyer_email, o.buyer_country) == ("João Pereira", "joao.pereira@example.pt", "PT")
    assert o.shipped_at == datetime(2026, 11, 19, tzinfo=UTC)
    assert parcels["4102"][0].carrier == "cainiao"


def test_woocommerce_customer_order_export_plugin_is_detected() -> None:
    header = ["order_id", "order_number", "date", "status", "billing_first_name", "billing_last_name",
              "billing_email", "shipping_first_name", "shipping_last_name", "shipping_country",
              "tracking_provider", "tracking_number"]
    assert detect(header) is PRESETS["woocommerce"]
    cmap = build_map(header)
    row = cmap.extract(["77", "1077", "2026-11-18", "completed", "Ana", "Silva", "ana@example.com",
                        "Ana", "Silva", "BR", "China Post", "RB100000017CN"])
    assert row["order_id"] == "1077" and row["buyer_name"] == "Ana Silva" and row["carrier"] == "China Post"


def test_aliexpress_export_without_buyer_email(engine: Engine, now: datetime) -> None:
    preset, report, orders, parcels = run(engine, now, "aliexpress_orders.csv")
    assert preset == "aliexpress"
    assert (report.added, report.skipped, report.rejected) == (2, 1, [])  # one awaiting shipment
    o = orders["8190000000000001"]
    assert (o.buyer_email, o.buyer_name, o.buyer_country) == (None, "Ivan Petrov", "RU")  # "Russia"
    assert orders["8190000000000002"].buyer_country == "BR"
    assert parcels["8190000000000001"][0].carrier == "china-post"  # detected; the service is not a carrier


def test_amazon_fulfilled_shipments_report(engine: Engine, now: datetime) -> None:
    preset, report, orders, parcels = run(engine, now, "amazon_fulfilled_shipments.txt")
    assert preset == "amazon"
    assert (report.added, report.rejected) == (2, [])
    o = orders["112-1234567-0000001"]
    # the marketplace relay address is not a buyer address trackmon may write to
    assert (o.buyer_email, o.buyer_name, o.buyer_country) == (None, "Jordan Lee", "US")
    assert o.promised_delivery == date(2026, 11, 21)
    assert [(p.tracking_number, p.carrier) for p in parcels["112-1234567-0000002"]] == [
        ("9400111899223100000000", "usps")]


def test_ebay_orders_report_with_its_blank_first_line_and_footer(engine: Engine, now: datetime) -> None:
    preset, report, orders, _ = run(engine, now, "ebay_orders_report.csv")
    assert preset == "ebay"
    assert (report.added, report.skipped, report.rejected) == (2, 0, [])  # footer lines are not orders
    o = orders["05-11234-56789"]
    assert (o.buyer_email, o.buyer_country) == ("oliver.smith@example.co.uk", "GB")  # "United Kingdom"
    assert o.shipped_at == datetime(2026, 11, 17, tzinfo=UTC)  # "Nov-17-26"
    assert o.promised_delivery == date(2026, 12, 12)
    assert orders["05-11234-56790"].buyer_country == "DE"


def test_preset_given_overrides_detection_and_unknown_preset_is_refused(engine: Engine, now: datetime) -> None:
    preset, report, _, _ = run(engine, now, "aliexpress_orders.csv", preset="aliexpress")
    assert preset == "aliexpress" and report.added == 2
    with pytest.raises(InputError, match="lacks the column"):
        run(engine, now, "aliexpress_orders.csv", preset="ebay")
    with pytest.raises(InputError, match="unknown preset"):
        run(engine, now, "aliexpress_orders.csv", preset="etsy")


def test_custom_column_mapping(engine: Engine, now: datetime, tmp_path: Path) -> None:
    path = tmp_path / "bestellungen.csv"
    path.write_text("Bestellnummer;Sendungsnummer;E-Mail;Land;Versanddatum\n"
                    "B-1;RB100000017CN;kai@example.de;Deutschland;20.11.2026\n", encoding="utf-8")
    with pytest.raises(InputError, match="matches no preset"):
        import_csv(engine, path, now)
    columns = {"order_id": "Bestellnummer", "tracking_number": "Sendungsnummer", "buyer_email": "E-Mail",
               "buyer_country": "Land", "shipped_at": "Versanddatum"}
    table, report = import_csv(engine, path, now, options=ImportOptions(columns=columns))
    assert (table.preset, report.added) == ("custom", 1)
    with Session(engine) as s:
        o = s.exec(select(Order)).one()
        assert (o.buyer_country, o.shipped_at) == ("DE", datetime(2026, 11, 20, tzinfo=UTC))
    with pytest.raises(InputError, match="Lieferland"):
        import_csv(engine, path, now, options=ImportOptions(columns={**columns, "buyer_country": "Lieferland"}))
    with pytest.raises(InputError, match="unknown field"):
        import_csv(engine, path, now, options=ImportOptions(columns={"parcel": "Sendungsnummer"}))


def test_reimporting_an_export_changes_nothing(engine: Engine, now: datetime) -> None:
    run(engine, now, "shopify_orders_export.csv")
    _, again, _, _ = run(engine, now, "shopify_orders_export.csv")
    assert (again.added, again.updated, again.unchanged, again.skipped) == (0, 0, 4, 2)
