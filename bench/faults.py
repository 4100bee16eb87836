"""kill -9 at random points of a `trackmon run --once` cycle, then recover; nothing lost.

    .venv/bin/python -m bench.faults --trials 100 --backend both [--orders 24] [--seed 7]
    .venv/bin/python -m bench.faults --trials 30 --backend both --kill-after message.sent
    .venv/bin/python -m bench.faults --replicas 3 --cycles 20      (see bench/replicas.py)

Per backend: one clean reference run of the scenario (no kill; run, then run again past the
leases until nothing is due), then `--trials` trials. A trial: a fresh database (SQLite file
or a PostgreSQL schema, dropped after), the scenario imported, a fresh 17TRACK stand-in on
127.0.0.1, `trackmon run --once` started and `kill -9`-ed at a seeded random moment inside its
cycle (measured from its first log line), then `trackmon run --once` to completion, after
the 2 s leases expired, until nothing is due. The SMTP recorder (aiosmtpd) is the judge of
what was sent. Checked against the reference: same message idempotency keys, same alert keys,
same event fingerprints (each stored once), every reference message delivered, no
Message-ID delivered more than twice, duplicates ≤ kills, nothing left in `sending`.
Stops by itself after `--trials` or `--max-minutes`. Exit 1 when any check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bench.faultkit import (
    ROOT,
    ScenarioData,
    SmtpRecorder,
    fresh_database,
    import_orders,
    run_once,
    scenario,
    standin,
    trackmon_cmd,
    trackmon_env,
)
from trackmon.db import make_engine
from trackmon.installation import installation_id
from trackmon.logs import configure_logging
from trackmon.messaging.channels import message_id_for
from trackmon.models import Alert, Installation, Message, Shipment, ShipmentEvent

LEASE_SECONDS = 2.0
MAX_RECOVERY_RUNS = 4


@dataclass(slots=True)
class Outcome:
    """What a database and the SMTP recorder hold after a run to completion."""

    message_keys: set[str]
    sent_keys: set[str]
    alert_keys: set[str]
    events: set[tuple[str, str]]
    event_rows: int
    sending: int
    due: int
    delivered: Counter[str]          # idempotency key -> deliveries (Message-IDs differ per installation)


def _by_key(delivered: Counter[str], keys: set[str], secret_hex: str | None) -> Counter[str]:
    """Deliveries counted per idempotency key: each database is its own installation, so the
    reference run and a trial send different Message-IDs for the same message."""
    if secret_hex is None:
        return Counter(delivered)
    install = installation_id(bytes.fromhex(secret_hex))
    local = {message_id_for(k, install_id=install, domain="x").split("@")[0]: k for k in keys}
    return Counter({local.get(mid.split("@")[0], mid): n for mid, n in delivered.items()})


def inspect(url: str, delivered: Counter[str]) -> Outcome:
    now = datetime.now(UTC)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            messages = conn.execute(select(Message.idempotency_key, Message.state,
                                           Message.next_attempt_at)).all()
            alerts = set(conn.execute(select(Alert.dedupe_key)).scalars())
            secret = conn.execute(select(Installation.secret)).scalar_one_or_none()
            events = conn.execute(select(Shipment.tracking_number, ShipmentEvent.fingerprint)
                                  .join(Shipment, Shipment.id == ShipmentEvent.shipment_id)).all()
            due_shipments = conn.execute(select(func.count()).select_from(Shipment).where(
                Shipment.active.is_(True),
                (Shipment.next_poll_at.is_(None)) | (Shipment.next_poll_at <= now))).scalar_one()
    finally:
        engine.dispose()
    due_messages = sum(1 for _, state, at in messages
                       if state == "queued" and _aware(at) <= now)
    return Outcome(message_keys={k for k, _, _ in messages},
                   sent_keys={k for k, state, _ in messages if state == "sent"},
                   alert_keys=alerts, events={(n, f) for n, f in events}, event_rows=len(events),
                   sending=sum(1 for _, state, _ in messages if state == "sending"),
                   due=int(due_shipments) + due_messages,
                   delivered=_by_key(delivered, {k for k, _, _ in messages}, secret))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@dataclass(slots=True)
class Killed:
    landed: bool              # the process was still running when SIGKILL was sent
    delay: float              # seconds after its first log line
    last_event: str           # the last log line it wrote before dying
    seconds: float            # process start → exit
    first_line_at: float      # process start → its first log line (imports, settings)


def run_and_kill(env: dict[str, str], delay: float, *, anchor: str = "", start_timeout: float = 60) -> Killed:
    """Start `trackmon run --once`, SIGKILL it `delay` s after its first log line (or after
    its first `anchor` event, e.g. `message.sent`; never killed when that never comes)."""
    started = time.monotonic()
    proc = subprocess.Popen(trackmon_cmd("run", "--once", "--json"), env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first_line = threading.Event()
    events: list[str] = []
    first_at: list[float] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            try:
                events.append(str(json.loads(line).get("event")))
            except (ValueError, AttributeError):
                events.append("?")
            if not first_at and (not anchor or events[-1] == anchor):
                first_at.append(time.monotonic() - started)
                first_line.set()
        first_line.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    first_line.wait(start_timeout)
    if not first_at:
        delay = 600           # the anchor never came: let it finish
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(delay)
    landed = proc.poll() is None
    if landed:
        os.kill(proc.pid, signal.SIGKILL)
    last = events[-1] if events else "-"
    proc.wait(30)
    reader.join(5)
    if landed and proc.returncode != -signal.SIGKILL:
        landed = False        # it exited on its own between poll() and kill
    return Killed(landed, delay, last, time.monotonic() - started, first_at[0] if first_at else 0.0)


def recover(env: dict[str, str], url: str, smtp: SmtpRecorder, delivered: Counter[str]) -> tuple[Outcome, int]:
    """Run `run --once` past the leases until nothing is due; returns (outcome, runs)."""
    runs = 0
    while True:
        time.sleep(LEASE_SECONDS + 0.3)
        result = run_once(env)
        runs += 1
        if result.code != 0:
            raise RuntimeError(f"recovery run exited {result.code}: {result.stderr[-2000:]}")
        delivered.update(d.message_id for d in smtp.take())
        outcome = inspect(url, delivered)
        if (outcome.due == 0 and outcome.sending == 0) or runs >= MAX_RECOVERY_RUNS:
            return outcome, runs


@dataclass(slots=True)
class Reference:
    outcome: Outcome
    cycle_seconds: float      # first log line → exit of the first run
    seconds: float


def reference(backend: str, sc: ScenarioData, smtp: SmtpRecorder, workdir: Path, anchor: str = "") -> Reference:
    started = time.monotonic()
    delivered: Counter[str] = Counter()
    with fresh_database(backend, workdir) as url, standin(sc.journeys, sc.clock_at) as (base, _):
        import_orders(url, sc.csv, workdir)
        env = trackmon_env(url, base, smtp.port, lease_seconds=LEASE_SECONDS)
        timed = run_and_kill(env, delay=600, anchor=anchor)   # never killed: the process exits first
        if timed.landed:
            raise RuntimeError("reference run did not finish within 600 s")
        delivered.update(d.message_id for d in smtp.take())
        outcome, _ = recover(env, url, smtp, delivered)
    return Reference(outcome, max(timed.seconds - timed.first_line_at, 0.5), time.monotonic() - started)


@dataclass(slots=True)
class BackendReport:
    backend: str
    trials: int = 0
    kills_landed: int = 0
    exited_before_kill: int = 0
    duplicates: int = 0           # extra deliveries of a Message-ID
    max_deliveries: int = 0       # most deliveries of one Message-ID in a trial
    missing_messages: int = 0     # reference idempotency keys absent from the outbox
    extra_messages: int = 0
    missing_deliveries: int = 0   # reference messages (by idempotency key) never delivered
    missing_events: int = 0
    extra_events: int = 0
    duplicate_events: int = 0
    alert_mismatches: int = 0
    stuck_sending: int = 0
    left_due: int = 0
    recovery_runs: int = 0
    failures: list[str] = field(default_factory=list)
    last_events: Counter[str] = field(default_factory=Counter)
    reference_messages: int = 0
    reference_events: int = 0
    reference_cycle_seconds: float = 0.0
    seconds: float = 0.0


def trial(index: int, backend: str, sc: ScenarioData, ref: Reference, smtp: SmtpRecorder,
          workdir: Path, rng: random.Random, out: BackendReport, anchor: str = "") -> None:
    delay = rng.uniform(0, ref.cycle_seconds)
    delivered: Counter[str] = Counter()
    with fresh_database(backend, workdir) as url, standin(sc.journeys, sc.clock_at) as (base, _):
        import_orders(url, sc.csv, workdir)
        env = trackmon_env(url, base, smtp.port, lease_seconds=LEASE_SECONDS)
        killed = run_and_kill(env, delay, anchor=anchor)
        delivered.update(d.message_id for d in smtp.take())
        got, runs = recover(env, url, smtp, delivered)
    want = ref.outcome
    out.trials += 1
    out.recovery_runs += runs
    out.kills_landed += killed.landed
    out.exited_before_kill += not killed.landed
    out.last_events[killed.last_event if killed.landed else "(exited)"] += 1
    dup = sum(n - 1 for n in delivered.values() if n > 1)
    problems = {
        "missing messages": len(want.message_keys - got.message_keys),
        "extra messages": len(got.message_keys - want.message_keys),
        "missing deliveries": len(set(want.delivered) - set(got.delivered)),
        "missing events": len(want.events - got.events),
        "extra events": len(got.events - want.events),
        "duplicate events": got.event_rows - len(got.events),
        "alert mismatches": len(want.alert_keys ^ got.alert_keys),
        "stuck sending": got.sending,
        "left due": got.due,
        "duplicates over kills": max(0, dup - int(killed.landed)),
        "delivered 3+ times": sum(1 for n in delivered.values() if n > 2),
    }
    out.duplicates += dup
    out.max_deliveries = max(out.max_deliveries, max(delivered.values(), default=0))
    out.missing_messages += problems["missing messages"]
    out.extra_messages += problems["extra messages"]
    out.missing_deliveries += problems["missing deliveries"]
    out.missing_events += problems["missing events"]
    out.extra_events += problems["extra events"]
    out.duplicate_events += problems["duplicate events"]
    out.alert_mismatches += problems["alert mismatches"]
    out.stuck_sending += problems["stuck sending"]
    out.left_due += problems["left due"]
    bad = {k: v for k, v in problems.items() if v}
    if bad:
        out.failures.append(f"trial {index} (delay {killed.delay:.2f}s, last {killed.last_event}): {bad}")
    print(f"[{backend}] trial {index}: {'killed' if killed.landed else 'exited'} after {killed.delay:.2f}s "
          f"at {killed.last_event}; dup={dup} recovery_runs={runs} {bad or 'ok'}", flush=True)


def run_backend(backend: str, args: argparse.Namespace, smtp: SmtpRecorder, workdir: Path) -> BackendReport:
    started = time.monotonic()
    sc = scenario(args.orders, args.seed)
    ref = reference(backend, sc, smtp, workdir, args.kill_after)
    out = BackendReport(backend, reference_messages=len(ref.outcome.message_keys),
                        reference_events=len(ref.outcome.events), reference_cycle_seconds=round(ref.cycle_seconds, 2))
    print(f"[{backend}] reference: {len(ref.outcome.message_keys)} messages "
          f"({sum(ref.outcome.delivered.values())} delivered), {len(ref.outcome.events)} events, "
          f"{len(ref.outcome.alert_keys)} alerts, cycle {ref.cycle_seconds:.2f}s", flush=True)
    if ref.outcome.sending or ref.outcome.due or not ref.outcome.delivered:
        raise RuntimeError(f"[{backend}] the reference run did not complete cleanly: {ref.outcome}")
    rng = random.Random(f"{args.seed}:{backend}")
    deadline = started + args.max_minutes * 60
    for index in range(args.trials):
        if time.monotonic() > deadline:
            print(f"[{backend}] stopping after {index} trials: --max-minutes {args.max_minutes} reached", flush=True)
            break
        trial(index, backend, sc, ref, smtp, workdir, rng, out, args.kill_after)
    out.seconds = round(time.monotonic() - started, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.faults", description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--orders", type=int, default=24, help="orders in the scenario (every third has 2 parcels)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-minutes", type=float, default=60, help="per backend: stop starting trials after this")
    parser.add_argument("--kill-after", default="", metavar="EVENT",
                        help="draw the kill moment after this log event (e.g. message.sent), not the first line")
    parser.add_argument("--json", dest="json_path", help="also write the figures here")
    parser.add_argument("--replicas", type=int, help="run the replica check instead (bench.replicas)")
    parser.add_argument("--cycles", type=int, default=20, help="with --replicas: cycles per replica")
    parser.add_argument("--seconds", type=float, default=120, help="with --replicas: stop after this at most")
    parser.add_argument("--lease-seconds", type=float, default=5.0, help="with --replicas: polling lease")
    parser.add_argument("--latency-ms", type=float, default=0, help="with --replicas: stand-in latency per request")
    parser.add_argument("--smtp-delay-ms", type=float, default=0, help="with --replicas: SMTP answer delay")
    args = parser.parse_args(argv)
    configure_logging("console", "warning")   # the stand-ins' own info lines are noise here
    if args.replicas:
        from bench.replicas import main as replicas_main
        return replicas_main(args)
    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    reports = []
    with tempfile.TemporaryDirectory(prefix="trackmon-faults-") as tmp, SmtpRecorder() as smtp:
        for backend in backends:
            reports.append(run_backend(backend, args, smtp, Path(tmp)))
    figures = [asdict(r) | {"last_events": dict(r.last_events.most_common())} for r in reports]
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json_path:
        Path(args.json_path).write_text(text + "\n", encoding="utf-8")
    return 1 if any(r.failures for r in reports) else 0


if __name__ == "__main__":
    raise SystemExit(main())
