"""Issue 10, finding 11: the fault runs and the benchmark worker take the PostgreSQL URL from
the same place, the environment (TRACKMON_BENCH_POSTGRES_URL)."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_faultkit_and_worker_read_the_same_environment_variable() -> None:
    env = {**os.environ, "TRACKMON_BENCH_POSTGRES_URL": "postgresql://bench@db.example:6543/faults"}
    code = ("import inspect, bench.faultkit as f, bench.worker as w; "
            "print(f.POSTGRES_URL); print(w.POSTGRES_URL); "
            "print(inspect.signature(f.fresh_database).parameters['postgres_url'].default)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["postgresql://bench@db.example:6543/faults"] * 3


def test_no_postgres_url_is_hard_coded_in_the_fault_kit() -> None:
    import bench.faultkit

    assert "postgresql://" not in inspect.getsource(bench.faultkit)
