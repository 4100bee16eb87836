"""Issue 10, findings 5 and 6: secrets in URLs are never printed; every address form the
importer accepts is redacted in logs, nested values and tracebacks included; the standard
library's loggers (uvicorn) go through the same pipeline; repeated errors are rate-limited."""

from __future__ import annotations

import io
import json
import logging
import os

import pytest
import structlog
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.errors import InputError
from trackmon.intake import validate_row
from trackmon.logs import RepeatLimiter, configure_logging
from trackmon.redact import mask_text, mask_url

SECRETS = ("pw-db-123", "tok-456", "AAHbot-789", "slackB-000", "smtp-pw-1")


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    structlog.reset_defaults()
    configure_logging("console", "info")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
    return {**env, **extra}


def test_config_show_masks_every_url_credential(tmp_path) -> None:
    config = tmp_path / "t.toml"
    config.write_text('[stores.shop]\napprise_urls = ["tgram://123456:AAHbot-789/42", '
                      '"slack://slackA/slackB-000/slackC/#general"]\n', encoding="utf-8")
    env = _env(TRACKMON_DATABASE_URL="postgresql://app:pw-db-123@db.internal:5432/trackmon",
               TRACKMON_MESSAGING_WEBHOOK_URL="https://hooks.example.com/in?token=tok-456&v=2",
               TRACKMON_SMTP_PASSWORD="smtp-pw-1", TRACKMON_CONFIG=str(config))
    result = CliRunner().invoke(app, ["config", "show"], env=env)
    assert result.exit_code == 0, result.output
    for secret in SECRETS:
        assert secret not in result.output
    data = json.loads(result.output)
    assert data["database_url"] == "postgresql://app:***@db.internal:5432/trackmon"
    assert data["messaging"]["webhook_url"] == "https://hooks.example.com/in?token=***&v=***"
    assert data["stores"]["shop"]["apprise_urls"] == ["tgram://***", "slack://***"]


@pytest.mark.parametrize("url", ["postgresql://u:pw-db-123@host:notaport/db", "postgres//u:pw-db-123@h/db",
                                 "postgresql://u:pw-db-123@h:99999999/db"])
def test_malformed_database_url_error_hides_the_password(url) -> None:
    result = CliRunner().invoke(app, ["db", "current"], env=_env(TRACKMON_DATABASE_URL=url))
    assert result.exit_code in (6, 8), result.output
    assert "pw-db-123" not in result.output
    assert result.exit_code == 8 or "u:***@" in result.output


def test_mask_url_forms() -> None:
    assert mask_url("sqlite:////data/trackmon.db") == "sqlite:////data/trackmon.db"
    assert mask_url("postgresql://postgres@127.0.0.1/test") == "postgresql://postgres@127.0.0.1/test"
    assert mask_url("mailto://me:pass@gmail.com") == "mailto://***"
    assert mask_text("connect postgresql+psycopg://a:b@h/d failed") == "connect postgresql+psycopg://a:***@h/d failed"


# ------------------------------------------------------------------ finding 6: the log

ADDRESSES = ["名前@example.jp", "o'brien@example.ie".replace("'", ""),
             "anna.k+tag@mail.example.com", "x!#$%&*@example.org", "Ünïcødé@example.de"]
#: refused at import by the one address check (trackmon/addresses.py), still redacted when logged
REFUSED = ["ivy(comment)@example.test", "a@b.c"]


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.mark.parametrize("address", ADDRESSES + REFUSED)
def test_every_address_the_importer_accepts_is_redacted(address) -> None:
    row = {"order_id": "1", "tracking_number": "RR123456785CN", "buyer_email": address}
    if address in REFUSED:
        with pytest.raises(InputError):
            validate_row(row)
    else:
        validate_row(row)  # accepted
    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    log = structlog.get_logger("t")
    log.info("intake.row", buyer_email=address, note=f"sent to {address} today",
             nested={"to": [address, {"cc": (address,)}]}, rows=[[address]])
    text = stream.getvalue()
    assert address not in text
    assert address.split("@")[0] not in text or len(address.split("@")[0]) == 1


def test_tracebacks_are_redacted_after_formatting() -> None:
    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    try:
        raise RuntimeError("refused <boris.v@mail.example.ru> via smtp://u:smtp-pw-1@mx.example.com")
    except RuntimeError:
        structlog.get_logger("t").exception("message.failed")
    text = stream.getvalue()
    assert "boris.v@" not in text and "smtp-pw-1" not in text
    assert "Traceback" in _lines(stream)[0]["exception"]


def test_uvicorn_tracebacks_go_through_the_same_pipeline() -> None:
    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    try:
        raise ValueError("bad buyer carla@example.com, token in https://x.example/h?token=tok-456")
    except ValueError as exc:
        logging.getLogger("uvicorn.error").error("Exception in ASGI application", exc_info=exc)
    records = _lines(stream)
    assert records and records[0]["event"] == "Exception in ASGI application"
    assert records[0]["logger"] == "uvicorn.error" and "ValueError" in records[0]["exception"]
    assert "carla@" not in stream.getvalue() and "tok-456" not in stream.getvalue()


def test_repeated_errors_are_logged_once_a_minute_with_a_count() -> None:
    stream = io.StringIO()
    clock = [0.0]
    configure_logging("json", "info", stream=stream, limiter=RepeatLimiter(60, clock=lambda: clock[0]))
    log = structlog.get_logger("t")
    for tick in range(6):  # 90 s of 5 failing steps a tick (every 15 s here)
        clock[0] = tick * 15.0
        for step in ("poll", "lanes", "plan", "dispatch", "digests"):
            try:
                raise ConnectionRefusedError("connection to server at 127.0.0.1:5432 refused")
            except ConnectionRefusedError:
                log.exception("cycle.step_failed", step=step)
        log.info("cycle.done")  # info lines are never limited
    records = _lines(stream)
    failures = [r for r in records if r["event"] == "cycle.step_failed"]
    assert len(failures) == 2  # at 0 s and at 60 s
    assert failures[1]["repeats_suppressed"] == 19
    assert sum(r["event"] == "cycle.done" for r in records) == 6
