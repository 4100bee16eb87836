"""Benchmarks and long fault runs (not part of the test suite; see BENCHMARKS.md, RELIABILITY.md)."""
