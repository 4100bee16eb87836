"""One bench measurement in a fresh process; prints one JSON line.

    python -m bench.worker --backend sqlite --active 10000 --due 10000

Phases, all against the same stand-in (its own process) and the same numbers:
  ceiling  a bare httpx loop: the same register + gettrackinfo calls, 40 numbers each,
           one request at a time as the poller makes them, bodies read and dropped;
  warm_up  what `trackmon run` loads once at start-up (templates validated, classifier built),
           timed apart and not in the phases below (`trackmon.warm_up`);
  first    trackmon's `poll_due` with the real detector and planner: claim, fetch, parse,
           classify, diff, store 17–19 new events, detect, queue buyer messages;
  repoll   the same shipments due again: fetch, parse, diff, nothing new to store.
Peak RSS is this process's ru_maxrss after each phase (seeding included).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from bench import POSTGRES_URL
from bench.seed import database, make_due_again, seed
from bench.standin import API_KEY, NOW, Standin, StandinOptions, numbers
from bench.statements import StatementCounter
from trackmon import settings as settings_mod
from trackmon.http import make_client
from trackmon.logs import configure_logging
from trackmon.models import Message, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.tracking import CarrierSet
from trackmon.warm_up import warm_up


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024     # Linux: KiB


class Phase:
    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = _cpu()

    def done(self, shipments: int, **extra: Any) -> dict[str, Any]:
        wall, cpu = time.perf_counter() - self.wall, _cpu() - self.cpu
        return {"shipments": shipments, "seconds": round(wall, 3),
                "per_second": round(shipments / wall, 1) if wall else None,
                "cpu_ms_per_shipment": round(1000 * cpu / shipments, 3) if shipments else None,
                "peak_rss_mb": round(_rss_mb(), 1), **extra}


async def ceiling(base_url: str, polled: list[str]) -> dict[str, Any]:
    headers = {"17token": API_KEY, "Content-Type": "application/json"}
    phase = Phase()
    received = 0
    async with make_client() as client:
        for start in range(0, len(polled), 40):
            items = [{"number": n, "carrier": 3011} for n in polled[start:start + 40]]
            for endpoint in ("register", "gettrackinfo"):
                response = await client.post(f"{base_url}/{endpoint}", json=items, headers=headers)
                response.raise_for_status()
                received += len(response.content)
    return phase.done(len(polled), bytes=received)


def _settings(base_url: str, rate: float, claim: int) -> settings_mod.Settings:
    return settings_mod.load(env={}, overrides={
        "carriers": {"17track": {"api_key": API_KEY, "base_url": base_url, "rate_limit_per_second": rate,
                                 "concurrency": 2}},
        "polling": {"claim_batch_size": claim},
    })


async def cycle(engine: Any, base_url: str, due: int, rate: float, claim: int) -> dict[str, Any]:
    settings = _settings(base_url, rate, claim)
    rounds = due // claim + 2
    out: dict[str, Any] = {}
    out["warm_up"] = warm_up(settings)  # what `trackmon run` loads at start-up, timed apart
    async with make_client(max_connections=4) as client:
        carrier_set = CarrierSet(settings, client)
        for name in ("first", "repoll"):
            if name == "repoll":
                make_due_again(engine, due)
            with StatementCounter(engine) as counter:
                phase = Phase()
                report = await poll_due(engine, carrier_set, settings, NOW, owner=f"bench-{name}",
                                        max_rounds=rounds)
                out[name] = phase.done(report.polled, new_events=report.new_events, failures=report.failures,
                                       retired=report.retired)
            out[name]["statements"] = counter.count
            out[name]["statements_per_shipment"] = counter.per(report.polled)
            out[name]["statements_by_verb"] = dict(counter.by_verb)
    with Session(engine) as session:
        out["stored_events"] = session.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one()
        out["queued_messages"] = session.execute(select(func.count()).select_from(Message)).scalar_one()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--active", type=int, default=10_000, help="active shipments in the database")
    parser.add_argument("--due", type=int, default=None, help="how many of them are due now (default all)")
    parser.add_argument("--rate", type=float, default=150.0,
                        help="requests/s: trackmon's 17TRACK limit and the stand-in's enforced limit")
    parser.add_argument("--claim", type=int, default=200, help="polling.claim_batch_size")
    parser.add_argument("--replicas", type=int, default=0,
                        help="also re-poll with 1 and with N replica processes (PostgreSQL: each its own process)")
    parser.add_argument("--replica-claim", type=int, default=40,
                        help="polling.claim_batch_size of the replica runs: the due shipments must split into "
                             "many claims, or the last claim alone caps the speed-up (1,000 due in claims of "
                             "200 are 5 claims: two replicas take 3 and 2, at best 5/3 = 1.67x)")
    args = parser.parse_args(argv)
    due = min(args.due or args.active, args.active)
    configure_logging("json", "error", stream=sys.stderr)
    everyone = numbers(args.active)
    result: dict[str, Any] = {"backend": args.backend, "active": args.active, "due": due, "rate": args.rate,
                              "claim": args.claim, "replica_claim": args.replica_claim}
    with tempfile.TemporaryDirectory(prefix="trackmon-bench-") as tmp, \
            Standin(StandinOptions(args.active, due, args.rate)) as standin, \
            database(args.backend, Path(tmp), POSTGRES_URL) as engine:
        phase = Phase()
        seed(engine, everyone, due=due)
        result["seed"] = phase.done(args.active)
        result["ceiling"] = asyncio.run(ceiling(standin.base_url, everyone[:due]))
        result.update(asyncio.run(cycle(engine, standin.base_url, due, args.rate, args.claim)))
        if args.replicas > 1:
            from bench.replica_rate import measure
            url = engine.url.render_as_string(hide_password=False)
            result["replicas"] = {}
            for n in (1, args.replicas):
                make_due_again(engine, due)
                result["replicas"][str(n)] = measure(url, standin.base_url, replicas=n, rate=args.rate,
                                                     claim=args.replica_claim, due=due)
        result["standin"] = standin.stats()
    result["peak_rss_mb"] = round(_rss_mb(), 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
