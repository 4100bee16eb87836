"""Benchmarks and long fault runs (not part of the test suite; see BENCHMARKS.md, RELIABILITY.md)."""

import os

#: The PostgreSQL server of every benchmark and fault run (each run makes its own schema);
#: read here only, from `TRACKMON_BENCH_POSTGRES_URL`.
POSTGRES_URL = os.environ.get("TRACKMON_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
