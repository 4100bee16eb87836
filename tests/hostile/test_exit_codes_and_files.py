"""Issue 10, findings 8 and 10: `run --once` exits non-zero when a step failed, a channel
missing a setting stops start-up with exit 6 before any message is claimed, the API refuses
a public address without a token, and buyer-data files are created 0600 in 0700 folders."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from pathlib import Path

import pytest
import structlog
from sqlmodel import Session, select
from typer.testing import CliRunner

from trackmon import schema
from trackmon.cli import app
from trackmon.cli.common import ExitCode
from trackmon.db import make_engine
from trackmon.intake import import_rows
from trackmon.messaging.channels.base import OutgoingMessage
from trackmon.messaging.channels.file import FileChannel
from trackmon.models import Message

ROWS = [(2, {"order_id": "A-1", "tracking_number": "RR123456785CN", "buyer_email": "anna@example.com"})]


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    structlog.reset_defaults()


def _env(tmp_path: Path, url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
    return {**env, "TRACKMON_DATABASE_URL": url, "TRACKMON_LOG_FORMAT": "json",
            "TRACKMON_MESSAGING_FILE_DIR": str(tmp_path / "outbox"), **extra}


def _seed(url: str, now) -> None:
    engine = make_engine(url)
    schema.upgrade(engine)
    import_rows(engine, ROWS, now)
    engine.dispose()


def _read_only(url: str) -> str:
    if url.startswith("sqlite:///"):
        return f"sqlite:///file:{url[len('sqlite:///'):]}?mode=ro&uri=true"
    return url + "%20-cdefault_transaction_read_only%3Don"


def test_run_once_exits_9_when_a_step_failed(tmp_path, database_url, now) -> None:
    _seed(database_url, now)
    env = _env(tmp_path, _read_only(database_url), TRACKMON_17TRACK_API_KEY="k",
               TRACKMON_17TRACK_BASE_URL="http://127.0.0.1:9", TRACKMON_17TRACK_MAX_ATTEMPTS="1")
    result = CliRunner().invoke(app, ["run", "--once", "--json"], env=env)
    assert result.exit_code == ExitCode.CYCLE_FAILED == 9, result.output
    report = json.loads(result.stdout)
    assert report["errors"]
    assert "cycle step(s) failed" in result.stderr


def test_run_once_exits_0_when_every_step_ran(tmp_path, now) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    _seed(url, now)
    result = CliRunner().invoke(app, ["run", "--once"], env=_env(tmp_path, url))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("extra", "key"), [
    ({"TRACKMON_MESSAGING_CHANNEL": "smtp"}, "smtp.host"),
    ({"TRACKMON_MESSAGING_CHANNEL": "smtp", "TRACKMON_SMTP_HOST": "mx.example.com"}, "smtp.mail_from"),
    ({"TRACKMON_MESSAGING_CHANNEL": "webhook"}, "messaging.webhook_url"),
])
def test_channel_missing_a_setting_is_exit_6_and_claims_nothing(tmp_path, database_url, now, extra, key) -> None:
    _seed(database_url, now)
    engine = make_engine(database_url)
    with Session(engine) as session:  # a message that is due now
        from trackmon.messaging.planner import plan_for_order
        from trackmon.settings import load
        plan_for_order(session, 1, now, load(env={}))
        session.commit()
    result = CliRunner().invoke(app, ["run", "--once"], env=_env(tmp_path, database_url, **extra))
    assert result.exit_code == 6, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and key in lines[0] and "Traceback" not in result.output
    with Session(engine) as session:
        assert all(m.state == "queued" for m in session.exec(select(Message)).all())
    engine.dispose()


def test_public_address_without_token_is_refused(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    result = CliRunner().invoke(app, ["run"], env=_env(tmp_path, url, TRACKMON_API_HOST="0.0.0.0"))
    assert result.exit_code == 6, result.output
    assert "TRACKMON_API_TOKEN" in result.output and "0.0.0.0" in result.output
    assert not (tmp_path / "t.db").exists()  # refused before anything was created


# ------------------------------------------------------------------ finding 10: file modes


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sqlite_database_and_wal_files_are_private(tmp_path, now) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 't.db'}"
    (tmp_path / "data").mkdir()
    _seed(url, now)
    engine = make_engine(url)
    with engine.connect() as conn:  # WAL and SHM exist while a connection is open
        conn.exec_driver_sql("SELECT count(*) FROM orders")
        files = sorted(p.name for p in (tmp_path / "data").iterdir())
        assert {"t.db", "t.db-wal", "t.db-shm"} <= set(files)
        for name in files:
            assert _mode(tmp_path / "data" / name) == 0o600, name
    engine.dispose()


def test_existing_world_readable_database_is_tightened(tmp_path, now) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    _seed(url, now)
    os.chmod(path, 0o644)
    make_engine(url).dispose()
    assert _mode(path) == 0o600


def test_outbox_files_and_folder_are_private(tmp_path) -> None:
    folder = tmp_path / "outbox" / "nested"
    channel = FileChannel(folder)
    msg = OutgoingMessage(idempotency_key="1:shipped:-", message_id="<1@x>", kind="shipped", language="en",
                          recipient="anna@example.com", recipient_name="Anna", subject="s", text="t", html="",
                          order_id="A-1", store="default", tracking_numbers=("RR123456785CN",))
    path = Path(asyncio.run(channel.send(msg)))
    assert _mode(path) == 0o600
    assert _mode(folder) == 0o700 and _mode(tmp_path / "outbox") == 0o700


def test_digest_html_is_private(tmp_path) -> None:
    from trackmon.digest.channels import write_html

    class Rendered:
        slug = "shop-daily-2026-11-20"
        html = "<p>digest</p>"

    path = write_html(str(tmp_path / "digests"), Rendered())  # type: ignore[arg-type]
    assert _mode(path) == 0o600 and _mode(tmp_path / "digests") == 0o700


def test_start_without_a_token_says_what_is_served_in_one_line() -> None:
    import io

    from trackmon.cli.run import check_settings
    from trackmon.logs import configure_logging
    from trackmon.settings import load

    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    check_settings(load(env={}), serve_api=True)
    [line] = [json.loads(raw) for raw in stream.getvalue().splitlines() if '"api.no_token"' in raw]
    assert "/healthz" in line["detail"] and "/webhooks/" in line["detail"] and "503" in line["detail"]
    stream.truncate(0)
    check_settings(load(env={}, overrides={"api": {"token": "t"}}), serve_api=True)
    assert "api.no_token" not in stream.getvalue()
