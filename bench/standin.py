"""The 17TRACK stand-in for the bench, in its own process (its CPU is not trackmon's).

Journeys come from a pool of `POOL` bench journeys (20 events, six destination languages),
each re-used under many numbers and placed in time so that at the fixed clock `NOW` the
first 19 events are visible (out for delivery): every first poll brings 19 events, every
re-poll none. Numbers are registered up front (as they are after the first cycle in
production) and the answers of the numbers to be polled are rendered before serving, so
the stand-in answers from memory and is not the bottleneck it would be cold.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from typing import Any

from trackmon.simulator import Journey, SimulatedCarrier, build_bench_journey, run_in_thread
from trackmon.simulator.carrier import Registration

API_KEY = "bench-key"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
POOL = 300


def s10(serial: int, prefix: str = "RR", country: str = "CN") -> str:
    """A UPU S10 number with a valid check digit (so trackmon routes it like a real one)."""
    digits = f"{serial:08d}"
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{prefix}{digits}{check}{country}"


def numbers(count: int) -> list[str]:
    return [s10(10_000_000 + i) for i in range(count)]


def _template(index: int) -> Journey:
    """Bench journey `index`, started whole days before NOW so that as many events as possible
    are visible at NOW while the last one (delivered) is still to come (18 or 19 of 20)."""
    number = s10(90_000_000 + index)
    probe = build_bench_journey(number, NOW)
    days = max(0, (probe.events[-1].time_utc - NOW).days - 1)
    best = None
    for _ in range(5):
        journey = build_bench_journey(number, NOW - timedelta(days=days))
        if journey.events[-1].time_utc <= NOW:
            break
        best, days = journey, days + 1
    if best is None:
        raise RuntimeError(f"could not place bench journey {index} before {NOW}")
    return best


class PoolFactory:
    def __init__(self, size: int = POOL) -> None:
        self.templates = [_template(i) for i in range(size)]

    def __call__(self, number: str, start: datetime) -> Journey:
        template = self.templates[int(number[2:10]) % len(self.templates)]
        return replace(template, number=number)


def make_carrier(registered: Sequence[str], *, rate_limit_per_second: float | None,
                 latency_ms: float = 0) -> SimulatedCarrier:
    carrier = SimulatedCarrier(api_key=API_KEY, clock=lambda: NOW, factory=PoolFactory(),
                               backdate=timedelta(0), latency_ms=latency_ms,
                               rate_limit_per_second=rate_limit_per_second)
    for number in registered:
        carrier.registered[number] = Registration(None, None, NOW - timedelta(days=20))
    return carrier


async def _warm(carrier: SimulatedCarrier, polled: Sequence[str]) -> None:
    for start in range(0, len(polled), 40):
        body = ("[" + ",".join(f'{{"number":"{n}","carrier":3011}}' for n in polled[start:start + 40]) + "]")
        carrier._answer("gettrackinfo", {"17token": API_KEY}, body.encode(), reword=False)


@dataclass(frozen=True, slots=True)
class StandinOptions:
    registered: int
    polled: int
    rate_limit_per_second: float | None
    latency_ms: float = 0


def _child(conn: Connection, options: StandinOptions) -> None:
    import asyncio

    everyone = numbers(options.registered)
    carrier = make_carrier(everyone, rate_limit_per_second=options.rate_limit_per_second,
                           latency_ms=options.latency_ms)
    asyncio.run(_warm(carrier, everyone[:options.polled]))
    carrier.stats.numbers_served = 0
    server = run_in_thread(carrier)
    conn.send(server.base_url)
    while True:
        message = conn.recv()
        stats = carrier.stats
        conn.send({"requests": dict(stats.requests), "numbers_served": stats.numbers_served,
                   "rate_limited": stats.rate_limited, "responses_429": stats.responses_429,
                   "max_requests_per_second": stats.max_requests_per_second})
        if message == "stop":
            break
    server.stop()


class Standin:
    """`with Standin(options) as s: s.base_url ... s.stats()`: the stand-in in a child process."""

    def __init__(self, options: StandinOptions) -> None:
        self.options = options
        self._conn: Connection | None = None
        self._process: Any = None
        self.base_url = ""

    def __enter__(self) -> Standin:
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=_child, args=(child, self.options), daemon=True)
        self._process.start()
        if not parent.poll(600):
            raise RuntimeError("bench stand-in did not start within 600 s")
        self.base_url = parent.recv()
        self._conn = parent
        return self

    def stats(self) -> dict[str, Any]:
        assert self._conn is not None
        self._conn.send("stats")
        return self._conn.recv()

    def __exit__(self, *exc: object) -> None:
        if self._conn is not None:
            self._conn.send("stop")
            self._conn.recv()
        self._process.join(30)
        if self._process.is_alive():
            self._process.kill()
