"""CSV import: delimiters, BOM, header checks, line numbers, the `trackmon import` command."""

from __future__ import annotations

import io
import json

import pytest
import structlog
from sqlmodel import Session, select
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.csv_import import import_csv, import_stream, read_table
from trackmon.errors import InputError
from trackmon.models import Order, Shipment

CSV = (
    "order_id,tracking_number,buyer_email,buyer_name,buyer_country,shipped_at\n"
    "A-1,RR123456785CN,anna@example.com,Anna,DE,2026-11-20\n"
    "A-1,1Z999AA10123456784,anna@example.com,Anna,DE,2026-11-20\n"
    "A-2,RR123456784CN,bob@example.com,Bob,US,2026-11-20\n"
    "\n"
    "A-3,LZ123456785CN,not-an-email,Carla,BR,2026-11-21\n"
)


@pytest.fixture(autouse=True)
def _reset_logging():
    """The CLI configures structlog on a stream the runner closes: undo it after each test."""
    yield
    structlog.reset_defaults()


def test_semicolon_and_bom_are_handled(engine, now) -> None:
    text = "\ufeff" + CSV.replace(",", ";")
    table, report = import_stream(engine, io.StringIO(text), now)
    assert table.delimiter == ";"
    assert (report.added, len(report.rejected)) == (2, 2)
    assert [r.line for r in report.rejected] == [4, 6]  # physical lines, blank line 5 skipped
    assert "check digit" in report.rejected[0].reason
    assert "buyer_email" in report.rejected[1].reason


def test_reimport_changes_nothing(engine, now, tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(CSV, encoding="utf-8")
    _, first = import_csv(engine, path, now)
    _, second = import_csv(engine, path, now)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    with Session(engine) as s:
        assert len(s.exec(select(Order)).all()) == 1
        assert len(s.exec(select(Shipment)).all()) == 2


def test_missing_required_column_imports_nothing(engine, now) -> None:
    text = "order_id,buyer_email\nA-1,anna@example.com\n"
    with pytest.raises(InputError, match="tracking_number"):
        import_stream(engine, io.StringIO(text), now)
    with Session(engine) as s:
        assert s.exec(select(Order)).all() == []


def test_header_names_are_forgiving_and_unknown_columns_listed() -> None:
    table = read_table(io.StringIO("Order ID\tTracking-Number\tBuyer_Email\tNote\nA\tB\tC\td\n"))
    assert table.delimiter == "\t"
    assert table.ignored_columns == ("Note",)
    assert list(table.rows) == [(2, {"order_id": "A", "tracking_number": "B", "buyer_email": "C"})]


def test_extra_cells_and_quoted_newlines(engine, now) -> None:
    text = ('order_id,tracking_number,buyer_email,buyer_name\n'
            'A-1,RR123456785CN,anna@example.com,"Anna\nBcc: x@evil.test"\n'
            'A-2,1Z999AA10123456784,b@example.com,Bob,surplus\n'
            'A-3,1Z999AA10123456784,c@example.com,Carla\n')
    _, report = import_stream(engine, io.StringIO(text), now)
    assert report.added == 1
    assert [(r.line, r.reason.split(" ")[0]) for r in report.rejected] == [(2, "buyer_name"), (4, "it")]


def test_empty_input_is_an_input_error(engine, now) -> None:
    with pytest.raises(InputError, match="empty"):
        import_stream(engine, io.StringIO(""), now)


def test_cli_import_exit_codes_and_stdin(tmp_path, monkeypatch) -> None:
    db = tmp_path / "cli.db"
    monkeypatch.setenv("TRACKMON_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    good = "order_id,tracking_number,buyer_email\nA-1,RR123456785CN,anna@example.com\n"
    runner = CliRunner()
    result = runner.invoke(app, ["import", "-", "--json"], input=good)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 1
    path = tmp_path / "orders.csv"
    path.write_text(CSV, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 7, result.output
    assert "rejected" in result.output and "4" in result.output
    result = runner.invoke(app, ["import", str(tmp_path / "missing.csv")])
    assert result.exit_code == 7
    assert "does not exist" in result.output
