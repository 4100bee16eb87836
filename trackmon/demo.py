"""`trackmon demo`: the whole service on embedded defaults, against a simulated carrier.

No account and no configuration: SQLite in a folder of its own, the built-in simulated
17TRACK (`trackmon.simulator`) served on 127.0.0.1 and reached through the real 17TRACK
adapter, buyer emails written as .eml files (the `file` channel) and seller digests as HTML
(`digest.output_dir`). A simulated clock plays weeks of China → buyer journeys in seconds:
the seller's orders (`demo_data`) are imported on their shipping day, and every step of
simulated time runs one daemon cycle (`run_cycle`: poll due → plan → dispatch → digests).

What happened in each step (imports, status changes, alerts opened and resolved, messages
sent, digests written) is handed to a `Reporter` as `DemoEvent`s; the CLI shows them with
Rich, tests record them. The environment and any config file are ignored on purpose: a
demo never touches a real database or mails a real buyer.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

import structlog
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from trackmon import demo_data, schema
from trackmon.clock import utcnow
from trackmon.cycle import run_cycle
from trackmon.db import make_engine
from trackmon.demo_data import DEFAULT_DAYS
from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError
from trackmon.http import make_client
from trackmon.intake import import_rows
from trackmon.models import Alert, DigestRun, Message, Order, Shipment
from trackmon.settings import Settings, load
from trackmon.simulator import SimClock, SimulatedCarrier, serve
from trackmon.tracking import CarrierSet

log = structlog.get_logger("trackmon.demo")

MARKER = ".trackmon-demo"
API_KEY = "demo-17track-key"
OWNER = "demo"
DEFAULT_STEP = timedelta(hours=8)
#: Poll intervals of the demo (minutes): production's are 1-12 h; weeks played in seconds
#: need fewer polls per simulated day to end in well under a minute. Detection is unchanged.
DEMO_POLLING = {"interval_in_transit_minutes": 720, "interval_pending_minutes": 1440,
                "interval_exception_minutes": 720, "interval_available_for_pickup_minutes": 720,
                "interval_out_for_delivery_minutes": 240}


@dataclass(frozen=True, slots=True)
class DemoOptions:
    directory: Path | None = None     # None: a new temporary folder (kept for reading)
    days: int = DEFAULT_DAYS          # simulated days played
    speed: float = 0.0                # simulated days per real second at most; 0 = as fast as possible
    orders: int | None = None         # the first N demo orders only
    start: datetime | None = None     # simulated start; default: `days` before today 00:00 UTC
    step: timedelta = DEFAULT_STEP    # simulated time between two daemon cycles
    seed: int = 7                     # poll jitter
    public_base_url: str | None = None  # set by `demo --serve`: emails link to the demo's tracking pages
    shop: tuple[demo_data.DemoOrder, ...] | None = None  # other orders than the demo shop's (tests)

    def checked(self) -> DemoOptions:
        if not 1 <= self.days <= 120:
            raise ConfigError(f"--days must be between 1 and 120, got {self.days}", key="days")
        if self.speed < 0:
            raise ConfigError(f"--speed must be 0 (as fast as possible) or more, got {self.speed}", key="speed")
        if not timedelta(minutes=10) <= self.step <= timedelta(hours=12):
            raise ConfigError(f"step must be between 10 minutes and 12 hours, got {self.step}", key="step")
        demo_data.select_orders(self.orders)
        return self


@dataclass(frozen=True, slots=True)
class DemoEvent:
    at: datetime          # simulated time
    kind: str             # imported | status | alert | resolved | message | digest | error
    order_id: str = ""
    tracking_number: str = ""
    name: str = ""        # status, alert kind, message kind, digest period
    detail: str = ""


class Reporter(Protocol):
    def started(self, paths: DemoPaths, start: datetime, end: datetime, orders: int, parcels: int) -> None: ...
    def event(self, event: DemoEvent) -> None: ...
    def progress(self, now: datetime, done: float) -> None: ...


@dataclass(frozen=True, slots=True)
class DemoPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "trackmon.db"

    @property
    def messages(self) -> Path:
        return self.root / "messages"

    @property
    def digests(self) -> Path:
        return self.root / "digests"


@dataclass
class DemoSummary:
    paths: DemoPaths
    start: datetime
    end: datetime
    cycles: int = 0
    real_seconds: float = 0.0
    orders: int = 0
    parcels_by_status: Counter[str] = field(default_factory=Counter)
    alerts_by_kind: Counter[str] = field(default_factory=Counter)
    open_alerts_by_kind: Counter[str] = field(default_factory=Counter)
    messages_by_kind: Counter[str] = field(default_factory=Counter)
    messages_by_language: Counter[str] = field(default_factory=Counter)
    messages_by_state: Counter[str] = field(default_factory=Counter)
    digests_by_period: Counter[str] = field(default_factory=Counter)
    message_files: int = 0
    digest_files: int = 0
    errors: list[str] = field(default_factory=list)


def prepare_directory(directory: Path | None) -> DemoPaths:
    """A fresh demo folder: new, empty, or a previous demo's (whose outputs are replaced)."""
    if directory is None:
        return DemoPaths(Path(tempfile.mkdtemp(prefix="trackmon-demo-")))
    root = directory.expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise ConfigError(f"--dir {root} is a file, not a folder", key="dir")
    if root.exists() and any(root.iterdir()) and not (root / MARKER).exists():
        raise ConfigError(f"--dir {root} is not empty and is not a previous demo's folder: "
                          "give an empty or new folder", key="dir")
    paths = DemoPaths(root)
    for sub in (paths.messages, paths.digests):
        shutil.rmtree(sub, ignore_errors=True)
    for name in ("trackmon.db", "trackmon.db-wal", "trackmon.db-shm"):
        (root / name).unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    return paths


def demo_settings(paths: DemoPaths, base_url: str, public_base_url: str | None = None,
                  console_password: str | None = None) -> Settings:
    """Embedded defaults plus the demo's folder and the simulated 17TRACK (environment ignored)."""
    return load(None, env={}, overrides={
        "database_url": f"sqlite:///{paths.database}",
        # --serve: this machine's console; otherwise the demo shop's own (fictional) address
        "public_base_url": public_base_url or demo_data.PUBLIC_BASE_URL,
        # --serve: the one-time password signs in to the console and is the API's bearer token
        # (on 127.0.0.1 only), so /docs and the JSON API can be tried with it too
        "api": {"console_password": console_password, "token": console_password},
        "carriers": {"17track": {"api_key": API_KEY, "base_url": base_url, "rate_limit_per_second": 1000,
                                 "concurrency": 4, "timeout_seconds": 10, "max_attempts": 2}},
        "polling": DEMO_POLLING,
        "messaging": {"channel": "file", "file_dir": str(paths.messages), "store_name": demo_data.STORE_NAME},
        "smtp": {"mail_from": demo_data.SELLER_EMAIL},
        "digest": {"output_dir": str(paths.digests)},
        "stores": {demo_data.STORE: {"display_name": demo_data.STORE_NAME, "timezone": demo_data.STORE_TIMEZONE,
                                     "support_email": demo_data.SUPPORT_EMAIL,
                                     "lost_policy": demo_data.LOST_POLICY}},
    })


def default_start(days: int, now: datetime | None = None) -> datetime:
    today = ensure_utc(now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=days)


async def run_demo(options: DemoOptions, reporter: Reporter, *,
                   sleep: Callable[[float], object] = asyncio.sleep,
                   monotonic: Callable[[], float] = time.monotonic) -> DemoSummary:
    options = options.checked()
    paths = prepare_directory(options.directory)
    (paths.root / MARKER).write_text("trackmon demo folder: safe to delete\n", encoding="utf-8")
    start = ensure_utc(options.start) if options.start else default_start(options.days)
    end = start + timedelta(days=options.days)
    planned = demo_data.plan(options.shop or demo_data.select_orders(options.orders), start)
    clock = SimClock(start)
    carrier = SimulatedCarrier(api_key=API_KEY, clock=clock, journeys=demo_data.journeys(planned),
                               backdate=timedelta(0))
    summary = DemoSummary(paths, start, end)
    began = monotonic()
    async with serve(carrier) as server:
        settings = demo_settings(paths, server.base_url, options.public_base_url)
        schema.upgrade(settings.database_url)
        engine = make_engine(settings.database_url)
        reporter.started(paths, start, end, len({p.order.order_id for p in planned}), len(planned))
        watcher = _Watcher(engine)
        rng = random.Random(options.seed)
        client = make_client(timeout=10)
        try:
            carrier_set = CarrierSet(settings, client, clock=clock)
            waiting = list(planned)
            now = start
            while now <= end:
                due = [p for p in waiting if p.shipped_at <= now]
                waiting = [p for p in waiting if p.shipped_at > now]
                for event in _import(engine, due, now):
                    reporter.event(event)
                report = await run_cycle(engine, carrier_set, settings, now, owner=OWNER, rng=rng)
                summary.cycles += 1
                for step, error in sorted(report.errors.items()):
                    summary.errors.append(f"{now:%Y-%m-%d %H:%M} {step}: {error}")
                    reporter.event(DemoEvent(now, "error", name=step, detail=error))
                for event in watcher.changes(now):
                    reporter.event(event)
                reporter.progress(now, min(1.0, (now - start) / (end - start)))
                if options.speed:
                    ahead = (now - start) / timedelta(days=options.speed) - (monotonic() - began)
                    if ahead > 0:
                        await sleep(ahead)  # type: ignore[misc]
                clock.advance(options.step)
                now += options.step
        finally:
            await client.aclose()
        summary.real_seconds = monotonic() - began
        _summarize(engine, summary)
        engine.dispose()
    log.info("demo.done", cycles=summary.cycles, seconds=round(summary.real_seconds, 1), root=str(paths.root))
    return summary


def _import(engine: Engine, due: list[demo_data.PlannedParcel], now: datetime) -> list[DemoEvent]:
    if not due:
        return []
    report = import_rows(engine, [(None, demo_data.intake_row(p)) for p in due], now)
    if report.rejected:  # the demo's own data: a rejection is a bug worth seeing
        raise ConfigError("demo order rejected: " + "; ".join(r.reason for r in report.rejected), key="demo_data")
    return [DemoEvent(now, "imported", p.order.order_id, p.tracking_number, p.parcel.scenario.value,
                      f"{p.order.buyer_name} ({p.order.country}, {p.order.language})") for p in due]


class _Watcher:
    """Turns database changes since the previous look into `DemoEvent`s."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.status: dict[int, str] = {}
        self.open_alerts: set[int] = set()
        self.last_alert = 0
        self.sent: set[int] = set()
        self.digests: set[int] = set()

    def changes(self, now: datetime) -> list[DemoEvent]:
        out: list[DemoEvent] = []
        with Session(self.engine) as s:
            orders = dict(s.exec(select(Order.id, Order.order_id)).all())
            numbers: dict[int, str] = {}
            for sh in s.exec(select(Shipment)).all():
                assert sh.id is not None
                numbers[sh.id] = sh.tracking_number
                if self.status.get(sh.id, "not_found") != sh.status:
                    where = f" ({sh.last_event_location})" if sh.last_event_location else ""
                    out.append(DemoEvent(now, "status", orders.get(sh.order_pk, ""), sh.tracking_number, sh.status,
                                         f"{sh.last_event_description or ''}{where}"))
                self.status[sh.id] = sh.status
            for alert in s.exec(select(Alert).where(col(Alert.id) > self.last_alert).order_by(col(Alert.id))).all():
                assert alert.id is not None
                self.last_alert = alert.id
                out.append(DemoEvent(now, "alert", orders.get(alert.order_pk, ""),
                                     numbers.get(alert.shipment_id or 0, ""), alert.kind, alert.reason))
                if alert.resolved_at is None:
                    self.open_alerts.add(alert.id)
            if self.open_alerts:
                for alert in s.exec(select(Alert).where(col(Alert.id).in_(self.open_alerts),
                                                        col(Alert.resolved_at).is_not(None))).all():
                    self.open_alerts.discard(alert.id or 0)
                    out.append(DemoEvent(now, "resolved", orders.get(alert.order_pk, ""),
                                         numbers.get(alert.shipment_id or 0, ""), alert.kind, alert.resolved_by or ""))
            for msg in s.exec(select(Message).where(Message.state == "sent").order_by(col(Message.id))).all():
                if msg.id in self.sent:
                    continue
                self.sent.add(msg.id or 0)
                out.append(DemoEvent(msg.sent_at or now, "message", orders.get(msg.order_pk, ""),
                                     numbers.get(msg.shipment_id or 0, ""), msg.kind,
                                     f"[{msg.language}] {msg.subject or ''}"))
            for run in s.exec(select(DigestRun).where(DigestRun.state == "sent")).all():
                if run.id in self.digests:
                    continue
                self.digests.add(run.id or 0)
                out.append(DemoEvent(run.sent_at or now, "digest", name=run.period, detail=run.period_key))
        return out


def _summarize(engine: Engine, summary: DemoSummary) -> None:
    with Session(engine) as s:
        summary.orders = s.exec(select(func.count()).select_from(Order)).one()
        summary.parcels_by_status.update(dict(s.exec(
            select(Shipment.status, func.count()).group_by(Shipment.status)).all()))
        for kind, resolved in s.exec(select(Alert.kind, Alert.resolved_at)).all():
            summary.alerts_by_kind[kind] += 1
            if resolved is None:
                summary.open_alerts_by_kind[kind] += 1
        for kind, language, state in s.exec(select(Message.kind, Message.language, Message.state)).all():
            summary.messages_by_state[state] += 1
            if state == "sent":
                summary.messages_by_kind[kind] += 1
                summary.messages_by_language[language] += 1
        for period, state in s.exec(select(DigestRun.period, DigestRun.state)).all():
            if state == "sent":
                summary.digests_by_period[period] += 1
    summary.message_files = len(list(summary.paths.messages.glob("*.eml")))
    summary.digest_files = len(list(summary.paths.digests.glob("*.html")))


__all__ = ["DEFAULT_DAYS", "DemoEvent", "DemoOptions", "DemoPaths", "DemoSummary", "Reporter", "run_demo"]
