"""Issue #14's targets and the check of each bench figure against its target (pure)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

#: re-poll / first poll as % of the bare-httpx ceiling measured in the same run
REPOLL_PCT = {"sqlite": 35.0, "postgres": 35.0}
FIRST_PCT = {"sqlite": 15.0, "postgres": 10.0}
#: SQL statements per shipment (counted by bench.statements)
REPOLL_STATEMENTS = 1.0
FIRST_STATEMENTS = 2.0
PEAK_RSS_MB = 150.0          # at 100k active
REPLICA_SPEEDUP = 1.6        # two replicas on PostgreSQL against one
CLI_SECONDS = {"--help": 0.5, "run --once (empty db)": 1.5}


@dataclass(frozen=True, slots=True)
class Check:
    what: str
    figure: float
    target: str
    met: bool

    def line(self, digits: int = 1) -> str:
        return f"| {self.what} | {self.figure:.{digits}f} | {self.target} | {'met' if self.met else '**NOT MET**'} |"


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


def poll_checks(runs: list[dict[str, Any]]) -> list[Check]:
    """Checks for one (backend, active) cell; ratios taken per run (ceiling of the same run)."""
    backend, active = runs[0]["backend"], runs[0]["active"]
    tag = f"{backend} {active:,}"
    re_pct = _median([r["repoll"]["per_second"] / r["ceiling"]["per_second"] * 100 for r in runs])
    first_pct = _median([r["first"]["per_second"] / r["ceiling"]["per_second"] * 100 for r in runs])
    re_st = _median([r["repoll"]["statements_per_shipment"] for r in runs])
    first_st = _median([r["first"]["statements_per_shipment"] for r in runs])
    out = [
        Check(f"{tag}: re-poll % of ceiling", re_pct, f"≥ {REPOLL_PCT[backend]:.0f} %", re_pct >= REPOLL_PCT[backend]),
        Check(f"{tag}: first poll % of ceiling", first_pct, f"≥ {FIRST_PCT[backend]:.0f} %",
              first_pct >= FIRST_PCT[backend]),
        Check(f"{tag}: statements per shipment, re-poll", re_st, f"≤ {REPOLL_STATEMENTS:.0f}",
              re_st <= REPOLL_STATEMENTS),
        Check(f"{tag}: statements per shipment, first poll", first_st, f"≤ {FIRST_STATEMENTS:.0f}",
              first_st <= FIRST_STATEMENTS),
    ]
    if active >= 100_000:
        rss = max(r["peak_rss_mb"] for r in runs)
        out.append(Check(f"{tag}: peak RSS MB", rss, f"≤ {PEAK_RSS_MB:.0f}", rss <= PEAK_RSS_MB))
    with_replicas = [r for r in runs if r.get("replicas")]
    if backend == "postgres" and with_replicas:
        ratios = []
        for r in with_replicas:
            rates = r["replicas"]
            many = max(rates, key=int)
            ratios.append(rates[many]["per_second"] / rates["1"]["per_second"])
        out.append(Check(f"{tag}: {max(with_replicas[0]['replicas'], key=int)} replicas / 1 replica",
                         _median(ratios), f"≥ {REPLICA_SPEEDUP}×", _median(ratios) >= REPLICA_SPEEDUP))
    return out


def cli_checks(results: dict[str, list[tuple[float, float]]]) -> list[Check]:
    return [Check(f"`trackmon {name}` wall s", _median([w for w, _ in runs]), f"≤ {CLI_SECONDS[name]} s",
                  _median([w for w, _ in runs]) <= CLI_SECONDS[name])
            for name, runs in results.items() if name in CLI_SECONDS]


def report(checks: list[Check]) -> str:
    lines = ["| figure | measured | target | |", "|---|---|---|---|", *(c.line(2) for c in checks)]
    missed = [c.what for c in checks if not c.met]
    lines.append("")
    lines.append("Targets not met: " + ("; ".join(missed) if missed else "none"))
    return "\n".join(lines)
