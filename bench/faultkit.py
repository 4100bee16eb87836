"""Pieces shared by the process-fault runs (`bench.faults`, `bench.replicas`).

- `SmtpRecorder`: a real aiosmtpd server on 127.0.0.1 that records every delivered message
  (Message-ID, recipient, subject), so "sent twice" is seen at the receiving end.
- `RecordingCarrier`: the 17TRACK stand-in (`trackmon.simulator`) that also logs which
  numbers each `gettrackinfo` request carried and when.
- `scenario()`: orders (some split into two parcels, buyers in several time zones) as a CSV,
  and their journeys, frozen at one clock reading so every run sees the same events.
- `fresh_database()`: a SQLite file or a dedicated PostgreSQL schema, dropped afterwards.
- `trackmon_env()` / `run_once()`: `trackmon run --once` as a subprocess.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import text

from bench import POSTGRES_URL
from bench.standin import s10
from trackmon.db import make_engine
from trackmon.simulator import Journey, Scenario, SimulatedCarrier, build_journey, run_in_thread
from trackmon.simulator.carrier import Reply

API_KEY = "faults-key"
ROOT = Path(__file__).resolve().parent.parent

#: (buyer language, country, time zone): buyers spread over many UTC offsets.
BUYERS = (
    ("en", "US", "America/Los_Angeles"), ("es", "ES", "Europe/Madrid"), ("ru", "RU", "Asia/Vladivostok"),
    ("pt", "BR", "America/Sao_Paulo"), ("de", "DE", "Europe/Berlin"), ("fr", "FR", "Europe/Paris"),
    ("en", "US", "America/New_York"), ("ru", "RU", "Europe/Moscow"),
)
SCENARIOS = (Scenario.delivered, Scenario.customs_hold, Scenario.pickup_waiting, Scenario.stalled,
             Scenario.delivery_failed, Scenario.returned, Scenario.in_transit, Scenario.customs_duties)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Delivered:
    at: float
    message_id: str
    recipient: str
    subject: str


class SmtpRecorder:
    """`with SmtpRecorder() as smtp: ... smtp.take()`: every accepted message, in order."""

    def __init__(self, delay_ms: float = 0) -> None:
        self.delay_ms = delay_ms      # a slow receiving server: each DATA answered this much later
        self.port = free_port()
        self._lock = threading.Lock()
        self._got: list[Delivered] = []
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy
        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        if self.delay_ms:
            await asyncio.sleep(self.delay_ms / 1000)
        with self._lock:
            for rcpt in envelope.rcpt_tos:
                self._got.append(Delivered(time.monotonic(), str(msg["Message-ID"] or ""), rcpt,
                                           str(msg["Subject"] or "")))
        return "250 OK"

    def take(self) -> list[Delivered]:
        """Everything received since the last `take()`."""
        with self._lock:
            got, self._got = self._got, []
        return got

    def __enter__(self) -> SmtpRecorder:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()


class RecordingCarrier(SimulatedCarrier):
    """The stand-in, logging (monotonic time, client tag, numbers) of every `gettrackinfo`."""

    def __init__(self, *, delay_ms: float = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.delay_ms = delay_ms      # latency, slept outside the lock (the base latency_ms is not)
        self.polls: list[tuple[float, str, tuple[str, ...]]] = []
        self._lock = threading.Lock()

    async def respond(self, method: str, endpoint: str, headers: Mapping[str, str], body: bytes) -> Reply:
        return await self.respond_as("", method, endpoint, headers, body)

    async def respond_as(self, tag: str, method: str, endpoint: str, headers: Mapping[str, str],
                         body: bytes) -> Reply:
        if endpoint == "gettrackinfo":
            try:
                numbers = tuple(str(item["number"]) for item in json.loads(body or b"[]"))
            except (ValueError, TypeError, KeyError):
                numbers = ()
            with self._lock:
                self.polls.append((time.monotonic(), tag, numbers))
        if self.delay_ms:
            await asyncio.sleep(self.delay_ms / 1000)
        with self._lock:     # several server threads share it; respond() does not suspend (no latency, no faults)
            return await SimulatedCarrier.respond(self, method, endpoint, headers, body)

    def take_polls(self) -> list[tuple[float, str, tuple[str, ...]]]:
        with self._lock:
            polls, self.polls = self.polls, []
        return polls


class Tagged:
    """One server's view of a shared `RecordingCarrier`: its requests carry `tag`."""

    def __init__(self, shared: RecordingCarrier, tag: str) -> None:
        self.shared, self.tag = shared, tag

    def __getattr__(self, name: str) -> Any:
        return getattr(self.shared, name)

    async def respond(self, method: str, endpoint: str, headers: Mapping[str, str], body: bytes) -> Reply:
        return await self.shared.respond_as(self.tag, method, endpoint, headers, body)


@contextlib.contextmanager
def standin(journeys: Mapping[str, Journey], clock_at: datetime) -> Iterator[tuple[str, RecordingCarrier]]:
    """A fresh stand-in (no registrations) on 127.0.0.1 in a thread; yields (base URL, carrier)."""
    carrier = RecordingCarrier(api_key=API_KEY, journeys=journeys, clock=lambda: clock_at)
    server = run_in_thread(carrier)
    try:
        yield server.base_url, carrier
    finally:
        server.stop()


@dataclass(slots=True)
class ScenarioData:
    csv: str
    journeys: dict[str, Journey]
    clock_at: datetime
    orders: int
    parcels: int
    stores: tuple[str, ...] = field(default=())


def scenario(orders: int, seed: int, *, now: datetime | None = None, stores: tuple[str, ...] = ("default",),
             serial_base: int = 30_000_000) -> ScenarioData:
    """`orders` orders, every third split into 2 parcels, buyers in 8 time zones."""
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    lines = ["order_id,tracking_number,buyer_email,buyer_name,buyer_language,buyer_country,"
             "buyer_timezone,shipped_at,store"]
    journeys: dict[str, Journey] = {}
    serial = serial_base
    for i in range(orders):
        language, country, zone = BUYERS[i % len(BUYERS)]
        days_ago = rng.randint(25, 55)
        shipped = (now - timedelta(days=days_ago)).date().isoformat()
        store = stores[i % len(stores)]
        for _ in range(2 if i % 3 == 2 else 1):
            number = s10(serial)
            serial += 1
            kind = SCENARIOS[rng.randrange(len(SCENARIOS))]
            journeys[number] = build_journey(number, kind, now - timedelta(days=days_ago),
                                             destination=country, seed=rng.randrange(1 << 30))
            lines.append(f"F-{i:04d},{number},buyer{i}@example.test,Buyer {i},{language},{country},"
                         f"{zone},{shipped},{store}")
    return ScenarioData("\n".join(lines) + "\n", journeys, now, orders, len(journeys), stores)


def schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def fresh_database(backend: str, workdir: Path, postgres_url: str = POSTGRES_URL) -> Iterator[str]:
    """The URL of an empty database; a PostgreSQL schema is dropped afterwards."""
    if backend == "sqlite":
        path = workdir / f"faults-{uuid.uuid4().hex[:8]}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    if backend != "postgres":
        raise ValueError(f"backend must be sqlite or postgres, not {backend!r}")
    schema = f"faults_{uuid.uuid4().hex[:10]}"
    admin = make_engine(postgres_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema_url(postgres_url, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def import_orders(url: str, csv_text: str, workdir: Path) -> None:
    """Create the schema (migrations) and import the scenario's CSV."""
    from trackmon import schema
    from trackmon.csv_import import import_csv
    path = workdir / f"orders-{uuid.uuid4().hex[:8]}.csv"
    path.write_text(csv_text, encoding="utf-8")
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
        _, report = import_csv(engine, path, datetime.now(UTC))
    finally:
        engine.dispose()
        path.unlink(missing_ok=True)
    if report.rejected:
        raise RuntimeError(f"scenario CSV rejected rows: {report.as_dict()['rejections'][:3]}")


def trackmon_env(url: str, carrier_url: str, smtp_port: int, *, lease_seconds: float,
                 extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
    env.update({
        "TRACKMON_DATABASE_URL": url,
        "TRACKMON_17TRACK_API_KEY": API_KEY,
        "TRACKMON_17TRACK_BASE_URL": carrier_url,
        "TRACKMON_17TRACK_RATE_LIMIT_PER_SECOND": "1000",
        "TRACKMON_17TRACK_CONCURRENCY": "4",
        "TRACKMON_17TRACK_TIMEOUT_SECONDS": "5",
        "TRACKMON_MESSAGING_CHANNEL": "smtp",
        "TRACKMON_SMTP_HOST": "127.0.0.1",
        "TRACKMON_SMTP_PORT": str(smtp_port),
        "TRACKMON_SMTP_SECURITY": "none",
        "TRACKMON_SMTP_TIMEOUT_SECONDS": "5",
        "TRACKMON_MAIL_FROM": "shop@example.test",
        "TRACKMON_MESSAGING_SEND_WINDOW_START": "00:00",
        "TRACKMON_MESSAGING_SEND_WINDOW_END": "23:59",
        "TRACKMON_MESSAGING_MAX_PER_DAY": "100",
        "TRACKMON_POLLING_LEASE_SECONDS": str(lease_seconds),
        "TRACKMON_POLLING_CLAIM_BATCH_SIZE": "8",
        "TRACKMON_POLLING_JITTER_FRACTION": "0",
        "TRACKMON_LOG_FORMAT": "json",
        "TRACKMON_LOG_LEVEL": "info",
        "TRACKMON_API_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra or {})
    return env


def trackmon_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "trackmon", *args]


@dataclass(slots=True)
class OnceResult:
    code: int
    seconds: float
    report: dict[str, Any] | None
    stderr: str


def run_once(env: Mapping[str, str], *, timeout: float = 120) -> OnceResult:
    """`trackmon run --once --json` to completion."""
    started = time.monotonic()
    proc = subprocess.run(trackmon_cmd("run", "--once", "--json"), env=dict(env), cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, check=False)
    report = None
    with contextlib.suppress(ValueError):
        report = json.loads(proc.stdout) if proc.stdout.strip() else None
    return OnceResult(proc.returncode, time.monotonic() - started, report, proc.stderr)


def log_events(stderr: str) -> list[str]:
    """The `event` names of trackmon's JSON log lines, in order."""
    names = []
    for line in stderr.splitlines():
        with contextlib.suppress(ValueError, AttributeError):
            names.append(str(json.loads(line).get("event")))
    return names
