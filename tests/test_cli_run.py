"""`trackmon run --once` and the daemon's clean exit on SIGTERM (a real subprocess)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import structlog
from sqlmodel import Session, select
from typer.testing import CliRunner

from trackmon import schema
from trackmon.cli import app
from trackmon.db import make_engine
from trackmon.intake import import_rows
from trackmon.models import Shipment

ROWS = [(2, {"order_id": "A-1", "tracking_number": "RR123456785CN", "buyer_email": "anna@example.com"})]


@pytest.fixture(autouse=True)
def _reset_logging():
    """The CLI configures structlog on a stream the runner closes: undo it after each test."""
    yield
    structlog.reset_defaults()


def seeded_db(tmp_path: Path, now) -> str:
    url = f"sqlite:///{tmp_path / 'trackmon.db'}"
    engine = make_engine(url)
    schema.upgrade(engine)
    import_rows(engine, ROWS, now)
    engine.dispose()
    return url


def base_env(tmp_path: Path, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
    env.update({"TRACKMON_DATABASE_URL": url, "TRACKMON_LOG_FORMAT": "json",
                "TRACKMON_MESSAGING_FILE_DIR": str(tmp_path / "outbox")})
    return env


def leases(url: str) -> list[str | None]:
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return [sh.lease_owner for sh in s.exec(select(Shipment)).all()]
    finally:
        engine.dispose()


def test_run_once_prints_the_report_and_warns_about_skipped_carriers(tmp_path, now, monkeypatch) -> None:
    url = seeded_db(tmp_path, now)
    for key, value in base_env(tmp_path, url).items():
        if key.startswith("TRACKMON_"):
            monkeypatch.setenv(key, value)
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    result = CliRunner().invoke(app, ["run", "--once", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert "poll" in report and "errors" in report
    skipped = [json.loads(line) for line in result.stderr.splitlines()
               if line.startswith("{") and '"carrier.skipped"' in line]
    assert sorted(e["carrier"] for e in skipped) == ["17track", "aftership", "dhl", "fedex", "ups", "usps"]
    assert leases(url) == [None]


def test_bad_config_names_the_key(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRACKMON_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("TRACKMON_POLLING_TICK_SECONDS", "soon")
    result = CliRunner().invoke(app, ["run", "--once"])
    assert result.exit_code == 6
    assert "polling.tick_seconds" in result.output


class SlowCarrier(BaseHTTPRequestHandler):
    """A 17TRACK stand-in that holds every request until the test lets it answer."""

    hit = threading.Event()
    release = threading.Event()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        type(self).hit.set()
        type(self).release.wait(timeout=20)
        body = json.dumps({"code": 0, "data": {"accepted": [], "rejected": []}}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_releases_leases_and_exits_zero(tmp_path, now) -> None:
    url = seeded_db(tmp_path, now)
    SlowCarrier.hit.clear()
    SlowCarrier.release.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowCarrier)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = base_env(tmp_path, url) | {
        "TRACKMON_17TRACK_API_KEY": "test-key",
        "TRACKMON_17TRACK_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}",
        "TRACKMON_17TRACK_MAX_ATTEMPTS": "1",
        "TRACKMON_API_PORT": str(_free_port()),
    }
    log_path = tmp_path / "daemon.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "trackmon", "run"], cwd=tmp_path, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        assert SlowCarrier.hit.wait(timeout=60), log_path.read_text()
        assert leases(url) != [None]  # the cycle is in flight and holds the lease
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        SlowCarrier.release.set()
        assert proc.wait(timeout=60) == 0, log_path.read_text()
    finally:
        SlowCarrier.release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        server.shutdown()
        server.server_close()
    assert leases(url) == [None]
    text = log_path.read_text()
    assert '"daemon.stopping"' in text and '"daemon.stopped"' in text
    assert "Traceback" not in text


def test_a_lease_shorter_than_an_smtp_send_is_warned_about() -> None:
    from structlog.testing import capture_logs

    from trackmon.cli.run import warn_short_lease
    from trackmon.settings import load

    with capture_logs() as logs:
        assert warn_short_lease(load(env={"TRACKMON_MESSAGING_CHANNEL": "smtp", "TRACKMON_POLLING_LEASE_SECONDS": "5",
                                          "TRACKMON_SMTP_TIMEOUT_SECONDS": "30"}))
        assert not warn_short_lease(load(env={"TRACKMON_MESSAGING_CHANNEL": "smtp"}))  # 300 s > 30 s
    assert [e["event"] for e in logs] == ["settings.lease_shorter_than_send"]
