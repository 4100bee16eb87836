from __future__ import annotations

import pytest
import structlog
from typer.testing import CliRunner

from trackmon.cli import app

from .conftest import seed_store


@pytest.fixture(autouse=True)
def _reset_logging():
    """The CLI points structlog at CliRunner's stderr, which is closed after each invoke."""
    yield
    structlog.reset_defaults()


def run(url: str, *args: str):
    return CliRunner().invoke(app, list(args), env={"TRACKMON_DATABASE_URL": url, "TRACKMON_LOG_LEVEL": "error"})


def test_preview_html_file_and_terminal(engine, database_url, tmp_path) -> None:
    seed_store(engine)
    out = tmp_path / "weekly.html"
    res = run(database_url, "digest", "--preview", "--store", "acme", "--weekly", "--html", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "Weekly review — acme" in html and "<svg " in html and "Open exceptions by kind" in html
    term = run(database_url, "digest", "--preview", "--store", "acme")
    assert term.exit_code == 0 and "Daily digest — acme" in term.output


def test_preview_or_send_required(engine, database_url) -> None:
    res = run(database_url, "digest")
    assert res.exit_code == 2 and "--preview or --send" in res.output
