"""Three `trackmon run` replicas on one PostgreSQL schema for a stretch of cycles.

    .venv/bin/python -m bench.faults --replicas 3 --cycles 20 --seconds 120

One scenario (orders in two stores with digests by email), one 17TRACK stand-in shared by
the replicas but reached by each on its own port (so every `gettrackinfo` request is known
by replica), one aiosmtpd recorder. Each replica is the daemon (`trackmon run --no-api`,
1 s tick), with polling intervals of 9 s so numbers come due again during the run, and a
5 s lease. Digest crons that fired already today/this week in each store's time zone
("0 0 * * *", "0 0 * * mon"), so both digests are due at the first cycle.

Measured: double polls (one number fetched by two different replicas less than a lease
apart), re-polls sooner than the interval (any replica), double sends (a Message-ID
delivered twice at SMTP), digests delivered per store and period (must be 1). Stops by
itself after every replica ran `--cycles` cycles or after `--seconds`, with SIGTERM (then
SIGKILL after 30 s).
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.faultkit import (
    ROOT,
    RecordingCarrier,
    SmtpRecorder,
    Tagged,
    fresh_database,
    import_orders,
    scenario,
    trackmon_cmd,
    trackmon_env,
)
from trackmon.db import make_engine
from trackmon.models import DigestRun, Message
from trackmon.simulator import run_in_thread

LEASE_SECONDS = 5.0            # default of --lease-seconds
INTERVAL_MINUTES = 0.15          # 9 s
STORES = {"x": ("Asia/Shanghai", "seller-x@example.test"), "y": ("America/New_York", "seller-y@example.test")}
STATUSES = ("out_for_delivery", "available_for_pickup", "in_transit", "exception", "pending")


def config_toml() -> str:
    lines = ['[digest]', 'daily_cron = "0 0 * * *"', 'weekly_cron = "0 0 * * mon"', ""]
    for name, (zone, email) in STORES.items():
        lines += [f"[stores.{name}]", f'timezone = "{zone}"', f'emails = ["{email}"]', ""]
    return "\n".join(lines)


class Replica:
    def __init__(self, tag: str, env: dict[str, str]) -> None:
        self.tag = tag
        self.cycles = 0
        self.errors: list[str] = []
        self.proc = subprocess.Popen(trackmon_cmd("run", "--no-api"), env=env, cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("event") == "cycle.done":
                self.cycles += 1
                if entry.get("errors"):
                    self.errors.append(str(entry["errors"]))
            elif entry.get("level") in ("error", "critical"):
                self.errors.append(str(entry.get("event")))

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.reader.join(5)
        return int(self.proc.returncode)


def double_polls(polls: list[tuple[float, str, tuple[str, ...]]],
                 lease_seconds: float = LEASE_SECONDS) -> dict[str, Any]:
    """Fetches of one number by two replicas < a lease apart; any re-fetch < the interval."""
    seen: dict[str, tuple[float, str]] = {}
    doubles = early = 0
    fetches: Counter[str] = Counter()
    examples: list[str] = []
    early_examples: list[str] = []
    for at, tag, numbers in sorted(polls):
        for number in numbers:
            fetches[number] += 1
            previous = seen.get(number)
            if previous is not None:
                gap = at - previous[0]
                if gap < INTERVAL_MINUTES * 60 * 0.9:
                    early += 1
                    if len(early_examples) < 5:
                        early_examples.append(f"{number}: {previous[1]} then {tag} {gap:.2f}s apart")
                if previous[1] != tag and gap < lease_seconds:
                    doubles += 1
                    if len(examples) < 5:
                        examples.append(f"{number}: {previous[1]} then {tag} {gap:.2f}s apart")
            seen[number] = (at, tag)
    return {"requests": len(polls), "fetches": sum(fetches.values()), "numbers": len(fetches),
            "double_polls": doubles, "early_repolls": early, "examples": examples,
            "early_examples": early_examples}


def main(args: argparse.Namespace) -> int:
    sc = scenario(args.orders, args.seed, stores=tuple(STORES), serial_base=40_000_000)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="trackmon-replicas-") as tmp, SmtpRecorder(args.smtp_delay_ms) as smtp, \
            fresh_database("postgres", Path(tmp)) as url:
        config = Path(tmp) / "trackmon.toml"
        config.write_text(config_toml(), encoding="utf-8")
        import_orders(url, sc.csv, Path(tmp))
        carrier = RecordingCarrier(api_key="faults-key", journeys=sc.journeys, clock=lambda: sc.clock_at,
                                   delay_ms=args.latency_ms)
        servers = {f"r{i}": run_in_thread(Tagged(carrier, f"r{i}")) for i in range(args.replicas)}  # type: ignore[arg-type]
        extra = {"TRACKMON_CONFIG": str(config), "TRACKMON_POLLING_TICK_SECONDS": "1",
                 **{f"TRACKMON_POLLING_INTERVAL_{s.upper()}_MINUTES": str(INTERVAL_MINUTES) for s in STATUSES}}
        replicas = [Replica(tag, trackmon_env(url, server.base_url, smtp.port, lease_seconds=args.lease_seconds,
                                              extra=extra)) for tag, server in servers.items()]
        deadline = time.monotonic() + args.seconds
        try:
            while time.monotonic() < deadline and min(r.cycles for r in replicas) < args.cycles:
                if any(r.proc.poll() is not None for r in replicas):
                    break
                time.sleep(0.5)
        finally:
            codes = {r.tag: r.stop() for r in replicas}
            for server in servers.values():
                server.stop()
        delivered = smtp.take()
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                runs = conn.execute(select(DigestRun.store, DigestRun.period, DigestRun.period_key,
                                           DigestRun.state)).all()
                states = Counter(conn.execute(select(Message.state)).scalars())
        finally:
            engine.dispose()
    by_id = Counter(d.message_id for d in delivered)
    digests: dict[str, int] = defaultdict(int)
    for d in delivered:
        if d.message_id.startswith("<digest."):
            digests[f"{d.recipient} {d.subject[:60]}"] += 1
    result = {
        "replicas": args.replicas, "seconds": round(time.monotonic() - started, 1),
        "cycles": {r.tag: r.cycles for r in replicas}, "exit_codes": codes,
        "cycle_errors": {r.tag: r.errors[:3] for r in replicas if r.errors},
        "orders": sc.orders, "parcels": sc.parcels, "polls": double_polls(carrier.take_polls(), args.lease_seconds),
        "lease_seconds": args.lease_seconds, "latency_ms": args.latency_ms, "smtp_delay_ms": args.smtp_delay_ms,
        "buyer_messages_delivered": sum(n for i, n in by_id.items() if not i.startswith("<digest.")),
        "double_sends": sum(n - 1 for n in by_id.values() if n > 1),
        "outbox_states": dict(states),
        "digest_runs": [list(map(str, r)) for r in runs],
        "digests_delivered": dict(digests),
    }
    print(json.dumps(result, indent=2))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    want_digests = len(STORES) * 2
    ok = (result["polls"]["double_polls"] == 0 and result["double_sends"] == 0
          and len(digests) == want_digests and all(n == 1 for n in digests.values())
          and states.get("sending", 0) == 0)
    return 0 if ok else 1
