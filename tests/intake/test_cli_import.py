"""`trackmon import FILE --preset NAME --date-format ...`: the command around the intake."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import structlog
from rich.console import Console
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.cli.progress import bars

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("TRACKMON_DATABASE_URL", f"sqlite:///{tmp_path / 'trackmon.db'}")
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    yield
    structlog.reset_defaults()


def test_detected_preset_json_summary() -> None:
    result = CliRunner().invoke(app, ["import", str(FIXTURES / "aliexpress_orders.csv"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):result.stdout.rindex("}") + 1])
    assert (data["preset"], data["added"], data["skipped"], data["encoding"]) == ("aliexpress", 2, 1, "utf-8-sig")


def test_rejected_rows_are_listed_and_exit_7_then_date_format_fixes_one() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(FIXTURES / "messy_bom_semicolon.csv")])
    assert result.exit_code == 7
    assert "Rejected rows" in result.stdout and "--date-format" in result.stdout
    assert "has no message templates" in result.stdout  # the language warning, counted
    again = runner.invoke(app, ["import", str(FIXTURES / "messy_bom_semicolon.csv"), "--date-format", "dmy",
                                "--json"])
    data = json.loads(again.stdout[again.stdout.index("{"):again.stdout.rindex("}") + 1])
    assert (data["added"], data["unchanged"], data["rejected"]) == (1, 16, 1)


def test_preset_option_lists_its_choices_and_refuses_others() -> None:
    runner = CliRunner()
    help_text = runner.invoke(app, ["import", "--help"]).stdout
    assert "shopify" in help_text and "dmy" in help_text
    bad = runner.invoke(app, ["import", str(FIXTURES / "aliexpress_orders.csv"), "--preset", "etsy"])
    assert bad.exit_code == 2


def test_config_mapping_and_preset(tmp_path: Path) -> None:
    config = tmp_path / "trackmon.toml"
    config.write_text('[intake]\ndate_format = "dmy"\n[intake.columns]\norder_id = "Bestellnummer"\n'
                      'tracking_number = "Sendungsnummer"\nshipped_at = "Versand"\n', encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_text("Bestellnummer;Sendungsnummer;Versand\nB-1;RB100000017CN;03/04/2026\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--config", str(config), "import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"preset": "custom"' in result.stdout


def test_progress_bars_draw_on_a_terminal_and_stay_silent_otherwise() -> None:
    with bars(False) as quiet:
        advance = quiet.task("importing", total=10)
        advance(5)  # does nothing, raises nothing
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    import trackmon.cli.progress as progress_mod
    original = progress_mod.err_console
    progress_mod.err_console = console
    try:
        with bars(True) as shown:
            advance = shown.task("importing trackmon rows", total=20)
            advance(10)
            advance(20, total=20)
    finally:
        progress_mod.err_console = original
    assert "importing trackmon rows" in out.getvalue() and "20/20" in out.getvalue()


def test_intake_preset_is_used_when_the_header_matches_none(tmp_path: Path) -> None:
    path = tmp_path / "ae.csv"
    path.write_text("Order No.;Tracking Number;Buyer Name\n8190000000000009;RB100000017CN;Ivan\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["import", str(path)])
    assert refused.exit_code == 7 and "matches no preset" in refused.output
    config = tmp_path / "trackmon.toml"
    config.write_text('[intake]\npreset = "aliexpress"\n', encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"preset": "aliexpress"' in result.stdout and '"added": 1' in result.stdout
