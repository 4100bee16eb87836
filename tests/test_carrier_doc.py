"""The README's carrier tables and `trackmon carrier list` come from the carrier manifests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from carriers import registry
from trackmon.carrier_doc import markdown, readme_block
from trackmon.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_carrier_tables_are_the_generated_ones() -> None:
    assert readme_block(README.read_text()) == markdown(), (
        "README.md's carrier tables are stale: replace the carriers:begin/end block with "
        "`trackmon carrier list --markdown`")


def test_every_carrier_is_in_the_tables_with_its_codes() -> None:
    text = markdown()
    for m in registry.manifests().values():
        assert f"(`{m.name}`)" in text
        row = [line for line in text.splitlines() if f"(`{m.name}`)" in line][-1]  # the codes table
        for code in m.codes.values():
            assert f" {code.code} |" in row, (m.name, code.code)


def test_carrier_list_json_says_what_is_configured(monkeypatch) -> None:
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    monkeypatch.setenv("TRACKMON_UPS_CLIENT_ID", "id")
    monkeypatch.setenv("TRACKMON_UPS_CLIENT_SECRET", "secret")
    result = CliRunner().invoke(app, ["carrier", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert set(rows) == set(registry.manifests())
    assert rows["ups"]["configured"] is True and rows["fedex"]["configured"] is False
    assert rows["cainiao"]["configured"] is None and rows["cainiao"]["codes"] == {"17track": 190271,
                                                                                  "aftership": "cainiao"}
    assert rows["17track"]["webhook"] == "/webhooks/17track"
    assert rows["dhl"]["serves"] == ["dhl", "dhl-paket"]
