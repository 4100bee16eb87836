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
             barrier: Any, out: Any, finish: Any) -> None:
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
            cpu.append(time.process_time())
            report = await poll_due(engine, carriers, settings, NOW, owner=f"replica-{index}", max_rounds=rounds)
            return report.polled

    cpu: list[float] = []
    polled = asyncio.run(go())
    out.put((index, polled, time.perf_counter(), time.process_time() - cpu[0]))
    finish.wait(timeout=600)  # the server's processes for this replica live until the parent has read them
    engine.dispose()


def measure(url: str, base_url: str, *, replicas: int, rate: float, claim: int, due: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    barrier, finish = ctx.Barrier(replicas + 1), ctx.Barrier(replicas + 1)
    out = ctx.Queue()
    procs = [ctx.Process(target=_replica, args=(i, url, base_url, rate / replicas, claim, due // claim + 2,
                                                barrier, out, finish)) for i in range(replicas)]
    for proc in procs:
        proc.start()
    barrier.wait(timeout=600)
    start, machine, server = time.perf_counter(), _machine_busy(), _postgres_cpu()
    results = [out.get(timeout=1800) for _ in procs]
    after_busy, after_server = _machine_busy(), _postgres_cpu()
    busy = after_busy - machine if after_busy is not None and machine is not None else None
    served = after_server - server if after_server is not None and server is not None else None
    finish.wait(timeout=600)
    for proc in procs:
        proc.join(60)
    polled = sum(r[1] for r in results)
    wall = max(r[2] for r in results) - start
    return {"replicas": replicas, "shipments": polled, "seconds": round(wall, 3),
            "per_second": round(polled / wall, 1) if wall > 0 else None,
            "by_replica": [r[1] for r in sorted(results)],
            # where the CPU went while they polled (Linux /proc; None elsewhere): the whole machine's
            # busy cores, and the CPU seconds per 1,000 shipments of the replicas and of the
            # PostgreSQL server's processes (the stand-in and the rest: the busy cores' remainder)
            "machine_busy_cores": round(busy / wall, 2) if busy is not None and wall > 0 else None,
            "replica_cpu_s_per_1000": round(1000 * sum(r[3] for r in results) / polled, 3) if polled else None,
            "server_cpu_s_per_1000": round(1000 * served / polled, 3) if served is not None and polled else None}


def _ticks() -> float:
    import os
    return float(os.sysconf("SC_CLK_TCK"))


def _machine_busy() -> float | None:
    """CPU seconds all cores spent busy since boot (`/proc/stat`), or None off Linux."""
    try:
        with open("/proc/stat") as fh:
            fields = [float(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)  # idle + iowait
    return (sum(fields[:8]) - idle) / _ticks()


def _postgres_cpu() -> float | None:
    """CPU seconds (user + system) of the running processes named postgres, or None off Linux."""
    import os
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return None
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if name == "postgres":
            total += (float(rest[11]) + float(rest[12])) / _ticks()
    return total
