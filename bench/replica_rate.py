"""Re-poll rate of N replicas (processes) on one database, against one stand-in.

Each replica is a spawned process with its own engine, HTTP client and carrier set, running
`poll_due` (owner `replica-<i>`) until nothing is due; all start together (a barrier) and the
rate is the shipments polled by all of them over the wall time from the start to the last
one done. Each replica gets `rate / N` requests/s so that together they keep the stand-in's
limit (the one trackmon must never exceed).
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import time
from typing import Any


def _replica(index: int, url: str, base_url: str, rate: float, claim: int, rounds: int,
             barrier: Any, out: Any) -> None:
    import sys

    from bench.standin import NOW
    from bench.worker import _settings
    from trackmon.db import make_engine
    from trackmon.http import make_client
    from trackmon.logs import configure_logging
    from trackmon.poller import poll_due
    from trackmon.tracking import CarrierSet

    configure_logging("json", "error", stream=sys.stderr)
    engine = make_engine(url)
    settings = _settings(base_url, rate, claim)

    async def go() -> int:
        async with make_client(max_connections=4) as client:
            carriers = CarrierSet(settings, client)
            barrier.wait()
            report = await poll_due(engine, carriers, settings, NOW, owner=f"replica-{index}", max_rounds=rounds)
            return report.polled

    polled = asyncio.run(go())
    out.put((index, polled, time.perf_counter()))
    engine.dispose()


def measure(url: str, base_url: str, *, replicas: int, rate: float, claim: int, due: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(replicas + 1)
    out = ctx.Queue()
    procs = [ctx.Process(target=_replica, args=(i, url, base_url, rate / replicas, claim, due // claim + 2,
                                                barrier, out)) for i in range(replicas)]
    for proc in procs:
        proc.start()
    barrier.wait(timeout=600)
    start = time.perf_counter()
    results = [out.get(timeout=1800) for _ in procs]
    for proc in procs:
        proc.join(60)
    polled = sum(r[1] for r in results)
    wall = max(r[2] for r in results) - start
    return {"replicas": replicas, "shipments": polled, "seconds": round(wall, 3),
            "per_second": round(polled / wall, 1) if wall > 0 else None,
            "by_replica": [r[1] for r in sorted(results)]}
