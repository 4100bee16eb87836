"""The per-carrier rate limiter: never more than `rate` per second, waits are reported."""

from __future__ import annotations

import asyncio
import itertools

from trackmon.ratelimit import RateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_waits_are_counted_and_rate_respected(monkeypatch):
    clock = FakeTime()
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        clock.now += seconds

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    limiter = RateLimiter(2.0, burst=2, concurrency=1, monotonic=clock, on_wait=waits.append)
    starts = []
    for _ in range(6):
        async with limiter:
            starts.append(clock.now)
    assert starts[:2] == [0.0, 0.0]  # the burst
    assert all(b - a >= 0.5 - 1e-9 for a, b in itertools.pairwise(starts[1:]))
    assert sum(waits) == limiter.waited_seconds > 0


async def test_block_for_pauses_every_caller(monkeypatch):
    clock = FakeTime()

    async def fake_sleep(seconds: float) -> None:
        clock.now += seconds

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    limiter = RateLimiter(100.0, monotonic=clock)
    limiter.block_for(30)
    async with limiter:
        assert clock.now >= 30
