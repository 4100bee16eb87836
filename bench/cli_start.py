"""How long the command line takes to answer: `trackmon --help` and `trackmon run --once` on an
empty database, each in a fresh process, repeated; prints median wall and CPU seconds with targets.

    .venv/bin/python -m bench.cli_start              # 5 runs each
    .venv/bin/python -m bench.cli_start --repeat 9 --import-rows 20000

With `--import-rows N` it also times `trackmon import` of an N-row file (the progress bar off:
output is not a terminal). Wall time depends on the machine's load: the CPU time (user + sys
of the child) is printed beside it and the load average is shown.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"--help": 0.5, "run --once (empty db)": 1.5}


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "trackmon", *args], env=env, capture_output=True, text=True,
                          check=False, timeout=900)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 7):
        raise SystemExit(f"trackmon {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _s10(serial: int) -> str:
    digits = [int(c) for c in f"{serial:08d}"]
    check = 11 - sum(w * d for w, d in zip((8, 6, 4, 2, 3, 5, 9, 7), digits, strict=True)) % 11
    return f"RB{serial:08d}{ {10: 0, 11: 5}.get(check, check)}CN"


def _orders_file(folder: Path, rows: int) -> Path:
    path = folder / "orders.csv"
    countries = ("Russia", "Brasil", "España", "DE", "United States", "France")
    with path.open("w", encoding="utf-8") as fh:
        fh.write("\ufefforder_id;tracking_number;buyer_email;buyer_language;buyer_country;shipped_at\n")
        for i in range(rows):
            fh.write(f"O-{i};{_s10(30_000_000 + i)};b{i}@example.com;Portuguese;{countries[i % 6]};20.11.2026\n")
    return path


def measure(repeat: int, import_rows: int = 0) -> dict[str, list[tuple[float, float]]]:
    """(wall, cpu) seconds of each command, `repeat` fresh processes each."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
        env.update({"TRACKMON_DATABASE_URL": f"sqlite:///{folder / 'empty.db'}", "TRACKMON_LOG_LEVEL": "error"})
        cases: dict[str, list[str]] = {"--help": ["--help"], "run --once (empty db)": ["run", "--once", "--no-api"]}
        _timed(["db", "upgrade"], env)  # the schema exists: run --once measures a cycle, not migrations
        results: dict[str, list[tuple[float, float]]] = {
            name: [_timed(cmd, env) for _ in range(repeat)] for name, cmd in cases.items()}
        if import_rows:
            path = _orders_file(folder, import_rows)
            runs = []
            for i in range(max(1, repeat // 3)):
                run_env = {**env, "TRACKMON_DATABASE_URL": f"sqlite:///{folder / f'import{i}.db'}"}
                runs.append(_timed(["import", str(path), "--json"], run_env))
            results[f"import {import_rows} rows"] = runs
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--import-rows", type=int, default=0, help="also time importing a file of N rows")
    args = parser.parse_args(argv)
    results = measure(args.repeat, args.import_rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"trackmon CLI start-up, {args.repeat} runs each, load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"{'command':<26} {'wall s (median, min-max)':>26} {'CPU s':>7} {'target s':>9}  met")
    for name, runs in results.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        target = TARGETS.get(name)
        wall = statistics.median(walls)
        met = "-" if target is None else ("yes" if wall <= target else "no")
        print(f"{name:<26} {wall:>9.2f} ({min(walls):.2f}-{max(walls):.2f}){'':>6} {statistics.median(cpus):>7.2f} "
              f"{target if target is not None else '-':>9}  {met}")


if __name__ == "__main__":
    main()
