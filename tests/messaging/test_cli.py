"""`trackmon templates` and `trackmon outbox` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import structlog
from typer.testing import CliRunner

from tests.messaging.conftest import make_settings, messages, plan, seed_order
from trackmon import schema
from trackmon.cli import app
from trackmon.db import make_engine

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _plain_logging() -> Iterator[None]:
    """The CLI configures structlog onto CliRunner's stream, closed after each invoke."""
    structlog.reset_defaults()
    yield
    structlog.reset_defaults()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    schema.upgrade(url)
    monkeypatch.setenv("TRACKMON_DATABASE_URL", url)
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    return url


def test_templates_list_and_sample_preview() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["templates", "list"])
    assert result.exit_code == 0, result.output
    assert "pickup_reminder" in result.output and "ru" in result.output
    assert "en, de, es, fr, it, pl, pt, ru" in result.output  # every folder, English first
    result = runner.invoke(app, ["templates", "preview", "pickup_waiting", "--lang", "ru"])
    assert result.exit_code == 0, result.output
    assert "Ваша посылка ждет вас" in result.output and "LP00123456789CN" in result.output
    result = runner.invoke(app, ["templates", "preview", "stalled", "--lang", "pl"])
    assert result.exit_code == 0, result.output
    assert "(pl)" in result.output and "przez 9 dni" in result.output
    result = runner.invoke(app, ["templates", "preview", "nope"])
    assert result.exit_code == 7 and "unknown message kind" in result.output


def test_broken_custom_template_stops_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "delivered.txt.j2").write_text("Hi\n{% for x in %}\n")
    monkeypatch.setenv("TRACKMON_MESSAGING_TEMPLATES_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["templates", "list"])
    assert result.exit_code == 7
    assert "delivered.txt.j2:2" in result.output.replace("\n", "")


def test_preview_with_a_real_order(db: str) -> None:
    engine = make_engine(db)
    seed_order(engine, created=T0, order_id="ORD-77", numbers=("RB123CN", "RB456CN"))
    engine.dispose()
    result = CliRunner().invoke(app, ["templates", "preview", "split_package", "--order", "ORD-77"])
    assert result.exit_code == 0, result.output
    assert "ORD-77" in result.output and "RB456CN" in result.output and "Lucía" in result.output
    missing = CliRunner().invoke(app, ["templates", "preview", "shipped", "--order", "nope"])
    assert missing.exit_code == 7 and "no order 'nope'" in missing.output


def test_outbox_list_and_retry(db: str) -> None:
    engine = make_engine(db)
    order = seed_order(engine, created=T0, order_id="ORD-9")
    plan(engine, order, T0, make_settings())
    runner = CliRunner()
    listed = runner.invoke(app, ["outbox", "--json"])
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.output)
    assert (row["kind"], row["state"], row["order_id"]) == ("shipped", "queued", "ORD-9")
    assert json.loads(runner.invoke(app, ["outbox", "--json", "--state", "failed"]).output) == []
    bad_state = runner.invoke(app, ["outbox", "--state", "lost"])
    assert bad_state.exit_code == 7 and "unknown state" in bad_state.output

    refused = runner.invoke(app, ["outbox", "retry", str(row["id"])])
    assert refused.exit_code == 7 and "only failed" in refused.output
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE messages SET state='failed', attempts=6, last_error='SMTP 550: no'")
    table = runner.invoke(app, ["outbox", "--state", "failed"])
    assert table.exit_code == 0 and "550" in table.output and "failed" in table.output
    retried = runner.invoke(app, ["outbox", "retry", "--all-failed"])
    assert retried.exit_code == 0 and "queued again: 1" in retried.output
    [msg] = messages(engine, order)
    assert msg.state == "queued" and msg.attempts == 0
    assert runner.invoke(app, ["outbox", "retry"]).exit_code == 7
    engine.dispose()
