"""Run the benchmark: every (backend, active size) in a fresh subprocess, repeated; one table.

    .venv/bin/python -m bench.run                       # 10k and 100k active, SQLite and PostgreSQL
    .venv/bin/python -m bench.run --active 10000 --due 2000 --backends sqlite --repeat 3

Figures per row (median of the repeats, spread = min–max): shipments/s and CPU ms per
shipment for (a) the bare-httpx ceiling and (b) trackmon's poll (first poll: 17–19 new
events per shipment; re-poll: nothing new), trackmon as % of the ceiling, peak RSS of the
process (ru_maxrss, seeding included), and what the stand-in counted: 429s for exceeding the
rate limit, and the most requests it saw in one second; SQL statements per shipment
(`bench.statements`). Then every figure beside its issue-14 target (`bench.targets`), saying
which are not met. `--replicas 2` adds the re-poll rate of two replica processes against one;
`--cli` adds `trackmon --help` and `run --once` start-up (`bench.cli_start`).
`--json FILE` keeps every raw result.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

from bench import targets


def _one(backend: str, active: int, due: int, rate: float, claim: int, replicas: int = 0) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.worker", "--backend", backend, "--active", str(active),
           "--due", str(due), "--rate", str(rate), "--claim", str(claim), "--replicas", str(replicas)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench worker failed ({' '.join(cmd)}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fmt(values: list[float], digits: int = 1) -> str:
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}"
    return f"{med:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def summarize(runs: list[dict[str, Any]]) -> dict[str, str]:
    def col(path: str) -> list[float]:
        out = []
        for run in runs:
            value: Any = run
            for key in path.split("."):
                value = value[key]
            out.append(float(value))
        return out
    ratio = [r["first"]["per_second"] / r["ceiling"]["per_second"] * 100 for r in runs]
    ratio_re = [r["repoll"]["per_second"] / r["ceiling"]["per_second"] * 100 for r in runs]
    return {
        "backend": runs[0]["backend"], "active": f"{runs[0]['active']:,}", "due": f"{runs[0]['due']:,}",
        "ceiling/s": _fmt(col("ceiling.per_second"), 0),
        "first poll/s": _fmt(col("first.per_second")), "first cpu ms": _fmt(col("first.cpu_ms_per_shipment")),
        "re-poll/s": _fmt(col("repoll.per_second")), "re-poll cpu ms": _fmt(col("repoll.cpu_ms_per_shipment")),
        "% ceiling (first/re)": f"{statistics.median(ratio):.1f} / {statistics.median(ratio_re):.1f}",
        "statements/shipment (first/re)": f"{statistics.median(col('first.statements_per_shipment')):.2f} / "
                                          f"{statistics.median(col('repoll.statements_per_shipment')):.2f}",
        "peak RSS MB": _fmt(col("peak_rss_mb")),
        "429 sent": str(int(max(col("standin.rate_limited")))),
        "max req/s seen": str(int(max(col("standin.max_requests_per_second")))),
        "failures": str(int(max(col("first.failures")) + max(col("repoll.failures")))),
    }


def table(rows: list[dict[str, str]]) -> str:
    heads = list(rows[0])
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join("---" for _ in heads) + "|"]
    lines += ["| " + " | ".join(row[h] for h in heads) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--active", default="10000,100000", help="comma-separated active sizes")
    parser.add_argument("--due", type=int, default=1000, help="shipments due (polled) per run")
    parser.add_argument("--rate", type=float, default=150.0, help="requests/s limit (trackmon and stand-in)")
    parser.add_argument("--claim", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--replicas", type=int, default=0, help="also 1 vs N replica processes (PostgreSQL)")
    parser.add_argument("--cli", action="store_true", help="also time `trackmon --help` and `run --once`")
    parser.add_argument("--json", dest="json_path", default=None)
    args = parser.parse_args(argv)
    rows, raw, checks = [], [], []
    for backend in args.backends.split(","):
        for active in (int(a) for a in args.active.split(",")):
            replicas = args.replicas if backend == "postgres" else 0
            runs = [_one(backend, active, min(args.due, active), args.rate, args.claim, replicas)
                    for _ in range(args.repeat)]
            raw.extend(runs)
            rows.append(summarize(runs))
            checks.extend(targets.poll_checks(runs))
            print(f"done: {backend} {active}", file=sys.stderr, flush=True)
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.machine()} · Python {platform.python_version()} · "
          f"repeats {args.repeat}, median (min–max)")
    print(table(rows))
    for run in raw:
        if run.get("replicas"):
            rates = ", ".join(f"{n}: {v['per_second']}/s (machine busy {v.get('machine_busy_cores')} cores; "
                              f"CPU s per 1,000: replicas {v.get('replica_cpu_s_per_1000')}, "
                              f"PostgreSQL {v.get('server_cpu_s_per_1000')})" for n, v in run["replicas"].items())
            print(f"replicas ({run['backend']} {run['active']:,} active, re-poll): {rates}")
    if args.cli:
        from bench.cli_start import measure
        cli = measure(max(3, args.repeat))
        checks.extend(targets.cli_checks(cli))
    load = os.getloadavg()[0]
    print(f"\nTargets (issue 14); load average {load:.1f} on {os.cpu_count()} CPUs at the end")
    print(targets.report(checks))
    if args.json_path:
        with open(args.json_path, "w") as fh:
            json.dump(raw, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
