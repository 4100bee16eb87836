"""The messy cases of real spreadsheets: BOM + `;`, Excel guards, names for codes, shop date
formats, several numbers per cell, UTF-16 and GB18030 files; and the value parsers alone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from trackmon.csv_import import ImportOptions, detect_encoding, import_csv
from trackmon.errors import InputError
from trackmon.intake import RowOptions
from trackmon.intake_formats import (
    AmbiguousDate,
    clean_cell,
    normalize_carrier,
    parse_country,
    parse_day,
    parse_language,
    parse_when,
    split_numbers,
)
from trackmon.models import Order, Shipment

FIXTURES = Path(__file__).parent / "fixtures"
LANGUAGES = frozenset({"en", "ru", "es", "pt", "fr", "de"})


def orders(engine: Engine) -> dict[str, tuple[Order, list[str]]]:
    with Session(engine) as s:
        return {o.order_id: (o, [p.tracking_number for p in s.exec(
            select(Shipment).where(Shipment.order_pk == o.id).order_by(Shipment.id)).all()])
            for o in s.exec(select(Order)).all()}


def test_the_messy_bom_semicolon_file(engine: Engine, now: datetime) -> None:
    options = ImportOptions(rows=RowOptions(languages=LANGUAGES))
    table, report = import_csv(engine, FIXTURES / "messy_bom_semicolon.csv", now, options=options)
    assert (table.delimiter, table.encoding, table.preset) == (";", "utf-8-sig", "trackmon")
    assert report.added == 16  # 14 orders, two of them with two parcels
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejected] == [
        (16, "tracking_number 'RB123456784CN'"),  # a wrong check digit stays refused
        (17, "shipped_at '03/04/2026' could be day/month or month/day")]
    assert "--date-format" in report.rejected[1].reason
    got = orders(engine)
    assert len(got) == 14
    assert got["M-01"][1] == ["RB123400004CN", "LZ123400018CN"]
    assert got["M-12"][1] == ["UA123400123CN", "LP123400137CN"]
    assert got["M-02"][0].buyer_country == "RU"                      # Russia
    assert got["M-03"][0].buyer_language == "pt"                     # Portuguese
    assert got["M-08"][0].buyer_language == "de"                     # Deutsch
    assert got["M-08"][0].buyer_country == "AT"                      # Österreich
    assert got["M-12"][0].buyer_country == "ES"                      # España
    assert got["M-07"][1] == ["RA123400070CN"]                       # 'RA…
    assert got["M-08"][1] == ["LX123400083CN"]                       # ="LX…"
    day = datetime(2026, 11, 20, tzinfo=UTC)
    for oid in ("M-04", "M-05", "M-06", "M-13", "M-14"):             # 20.11.2026, 11/20/2026, 46346, ...
        assert got[oid][0].shipped_at == day, oid
    assert got["M-09"][0].promised_delivery == date(2026, 12, 15)   # 15.12.2026
    assert got["M-11"][0].buyer_email is None
    # languages without templates are kept and counted, messages fall back to English
    assert report.warnings == {
        f"buyer language {code!r} has no message templates: these buyers are written to in en": 1
        for code in ("it", "zh", "nb")}


def test_date_format_resolves_the_ambiguous_row(engine: Engine, now: datetime) -> None:
    options = ImportOptions(rows=RowOptions(date_order="dmy"))
    _, report = import_csv(engine, FIXTURES / "messy_bom_semicolon.csv", now, options=options)
    assert [r.line for r in report.rejected] == [16]
    assert orders(engine)["M-16"][0].shipped_at == datetime(2026, 4, 3, tzinfo=UTC)


def test_excel_unicode_text_is_utf16_with_tabs(engine: Engine, now: datetime) -> None:
    table, report = import_csv(engine, FIXTURES / "excel_unicode_text_utf16.txt", now)
    assert (table.encoding, table.delimiter, report.added) == ("utf-16", "\t", 2)
    got = orders(engine)
    assert (got["U-2"][0].buyer_name, got["U-2"][0].buyer_country) == ("佐藤 由紀", "JP")  # 日本


def test_chinese_excel_csv_in_gb18030(engine: Engine, now: datetime) -> None:
    table, report = import_csv(engine, FIXTURES / "chinese_excel_gb18030.csv", now)
    assert (table.encoding, report.added) == ("gb18030", 2)
    got = orders(engine)
    assert (got["C-1"][0].buyer_name, got["C-1"][0].buyer_country) == ("张伟", "RU")  # 俄罗斯
    assert got["C-2"][0].buyer_country == "BR"                                         # 巴西


def test_encoding_detection_and_a_forced_wrong_encoding() -> None:
    assert detect_encoding(b"\xef\xbb\xbforder_id") == "utf-8-sig"
    assert detect_encoding("order_id".encode("utf-16")) == "utf-16"
    assert detect_encoding("order_id,tracking".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("order_id,名字".encode()) == "utf-8"
    assert detect_encoding("order_id,名字".encode("gb18030")) == "gb18030"


def test_wrong_forced_encoding_is_a_clear_error(engine: Engine, now: datetime) -> None:
    with pytest.raises(InputError, match="not utf-8 text"):
        import_csv(engine, FIXTURES / "chinese_excel_gb18030.csv", now, options=ImportOptions(encoding="utf-8"))


@pytest.mark.parametrize(("cell", "expected"), [
    ("RB100000017CN", ["RB100000017CN"]),
    ("RB100000017CN, LZ200000023CN", ["RB100000017CN", "LZ200000023CN"]),
    ("RB100000017CN;LZ200000023CN|UA300000030CN", ["RB100000017CN", "LZ200000023CN", "UA300000030CN"]),
    ("RB100000017CN\nLZ200000023CN", ["RB100000017CN", "LZ200000023CN"]),
    ("RB100000017CN LZ200000023CN", ["RB100000017CN", "LZ200000023CN"]),
    ("1Z 999 AA1 0123 4567 84", ["1Z 999 AA1 0123 4567 84"]),  # one number written with spaces
    ("RB100000017CN, RB100000017CN", ["RB100000017CN"]),
    ('="RB100000017CN"', ["RB100000017CN"]),
    ("'RB100000017CN", ["RB100000017CN"]),
    ("  ", []),
])
def test_split_numbers(cell: str, expected: list[str]) -> None:
    assert split_numbers(cell) == expected


def test_clean_cell_and_carrier_names() -> None:
    assert clean_cell('="00123"') == "00123" and clean_cell("'0049 30 1234") == "0049 30 1234"
    assert clean_cell("\u00a0 x \u00a0") == "x" and clean_cell("") is None
    assert normalize_carrier("China Post") == "china-post" and normalize_carrier("USPS") == "usps"
    assert normalize_carrier("Other") is None and normalize_carrier("4PX") == "4px"


@pytest.mark.parametrize(("value", "code"), [
    ("RU", "RU"), ("ru", "RU"), ("RUS", "RU"), ("Russia", "RU"), ("Russland", "RU"), ("Россия", "RU"),
    ("United States", "US"), ("USA", "US"), ("Estados Unidos", "US"), ("Brasil", "BR"), ("UK", "GB"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("中国", "CN"), ("Côte d’Ivoire", "CI"), ("deutschland", "DE"),
])
def test_country_names_and_codes(value: str, code: str) -> None:
    assert parse_country(value) == code


@pytest.mark.parametrize(("value", "code"), [
    ("pt", "pt"), ("pt-BR", "pt"), ("pt_BR", "pt"), ("PT", "pt"), ("Portuguese", "pt"), ("Português", "pt"),
    ("Português (Brasil)", "pt"), ("por", "pt"), ("Deutsch", "de"), ("ger", "de"), ("русский", "ru"),
    ("Russian", "ru"), ("Español", "es"), ("français", "fr"), ("Italian", "it"),
])
def test_language_names_and_codes(value: str, code: str) -> None:
    assert parse_language(value) == code


def test_unknown_country_and_language_are_refused_naming_them() -> None:
    with pytest.raises(ValueError, match="'Atlantis'"):
        parse_country("Atlantis")
    with pytest.raises(ValueError, match="'Elvish'"):
        parse_language("Elvish")


@pytest.mark.parametrize(("value", "order", "expected"), [
    ("2026-11-20", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("2026-11-20T08:30:00+08:00", None, datetime(2026, 11, 20, 0, 30, tzinfo=UTC)),
    ("2026-11-20 09:12:44 +0800", None, datetime(2026, 11, 20, 1, 12, 44, tzinfo=UTC)),  # Shopify
    ("20.11.2026", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("20.11.2026 14:30", None, datetime(2026, 11, 20, 14, 30, tzinfo=UTC)),
    ("11/20/2026", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("20/11/2026", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("11/20/2026 2:30 PM", None, datetime(2026, 11, 20, 14, 30, tzinfo=UTC)),
    ("03/04/2026", "dmy", datetime(2026, 4, 3, tzinfo=UTC)),
    ("03/04/2026", "mdy", datetime(2026, 3, 4, tzinfo=UTC)),
    ("2026/11/20", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("46346", None, datetime(2026, 11, 20, tzinfo=UTC)),                                  # Excel serial
    ("46346.5", None, datetime(2026, 11, 20, 12, tzinfo=UTC)),
    ("Nov-20-26", None, datetime(2026, 11, 20, tzinfo=UTC)),                              # eBay
    ("Nov 20, 2026", None, datetime(2026, 11, 20, tzinfo=UTC)),
    ("20 Nov 2026", None, datetime(2026, 11, 20, tzinfo=UTC)),
])
def test_dates_as_shops_write_them(value: str, order: str | None, expected: datetime) -> None:
    assert parse_when(value, date_order=order) == expected


def test_ambiguous_impossible_and_non_dates() -> None:
    with pytest.raises(AmbiguousDate, match="--date-format"):
        parse_when("03/04/2026")
    with pytest.raises(ValueError, match="not a real date"):
        parse_when("31.02.2026")
    with pytest.raises(ValueError, match="not a date"):
        parse_when("123")  # a small number is not an Excel date
    assert parse_day("2026-12-15T23:30:00-05:00") == date(2026, 12, 15)  # the day as written
